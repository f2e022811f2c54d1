import Foundation

/// The list of files a build wrote, with the fingerprint each was made from, kept in
/// the output folder (`.communique-manifest`).
///
/// It tells the next build which files it made (so it deletes only those, and
/// recognises its own output folder) and which it need not render again.
public struct BuildManifest: Sendable, Equatable {
    public static let fileName = ".communique-manifest"
    static let header = "communique-manifest 2"

    /// Path → fingerprint ("" when the file has none).
    public var fingerprints: [String: String]

    public init(fingerprints: [String: String] = [:]) {
        self.fingerprints = fingerprints
    }

    public var paths: Set<String> { Set(fingerprints.keys) }

    /// Reads the manifest in `output`; empty when there is none. A file listed but
    /// missing on disk is left out, so nothing is ever reused that is not there.
    public static func read(in output: URL) -> BuildManifest {
        guard let text = try? String(contentsOf: output.appendingPathComponent(fileName), encoding: .utf8) else {
            return BuildManifest()
        }
        var fingerprints: [String: String] = [:]
        for line in text.split(separator: "\n") where line != header {
            let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            let (fingerprint, path) = fields.count == 2 ? (String(fields[0]), String(fields[1])) : ("", String(fields[0]))
            if FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path) {
                fingerprints[path] = fingerprint
            }
        }
        return BuildManifest(fingerprints: fingerprints)
    }

    /// Sorted by path, so the manifest itself is the same for the same site.
    var text: String {
        ([Self.header] + fingerprints.keys.sorted().map { "\(fingerprints[$0]!)\t\($0)" }).joined(separator: "\n") + "\n"
    }
}
