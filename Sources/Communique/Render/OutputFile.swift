/// One file of the built site, in memory until the Write stage puts it on disk.
public struct OutputFile: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case bytes([UInt8])
        /// The previous build made this file from the same inputs (same fingerprint):
        /// the writer keeps the file it already has, without rendering it again.
        case unchanged
        /// Already written to the staging folder (`SiteWriter.Staging`), bytes let go.
        case staged
    }

    /// Relative to the output folder, `/`-separated.
    public var path: String
    public var content: Content
    /// What the file was made from (template, context, assets), hashed; kept in the
    /// output's manifest so the next build can tell what it need not render.
    public var fingerprint: String?

    public init(path: String, bytes: [UInt8], fingerprint: String? = nil) {
        self.path = path
        self.content = .bytes(bytes)
        self.fingerprint = fingerprint
    }

    public init(path: String, text: String, fingerprint: String? = nil) {
        self.init(path: path, bytes: Array(text.utf8), fingerprint: fingerprint)
    }

    /// A file made from nothing but its bytes (a feed, an asset, a search index file):
    /// their hash is its fingerprint.
    static func fingerprinted(path: String, bytes: [UInt8]) -> OutputFile {
        var hasher = StableHasher()
        hasher.combine(bytes: bytes)
        return OutputFile(path: path, bytes: bytes, fingerprint: hasher.hex)
    }

    public static func unchanged(path: String, fingerprint: String) -> OutputFile {
        var file = OutputFile(path: path, bytes: [], fingerprint: fingerprint)
        file.content = .unchanged
        return file
    }
}
