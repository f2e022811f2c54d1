/// One file of the built site, in memory until the Write stage puts it on disk.
public struct OutputFile: Sendable, Hashable {
    /// Relative to the output folder, `/`-separated.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
