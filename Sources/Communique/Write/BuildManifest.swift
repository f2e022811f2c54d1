import Foundation

/// The list of files a build wrote, with the fingerprint each was made from, kept in
/// the output folder (`.communique-manifest`).
///
/// It tells the next build which files it made (so it deletes only those, and
/// recognises its own output folder) and which it need not render again.
public struct BuildManifest: Sendable, Equatable {
    public static let fileName = ".communique-manifest"
    static let header = "communique-manifest 3"

    /// Path → fingerprint ("" when the file has none).
    public var fingerprints: [String: String]
    /// Page → the `id`s in it, as the link check found them. The next build checks the
    /// links of the pages it rewrites against these for the pages it keeps, instead of
    /// reading thousands of unchanged pages again.
    public var ids: [String: [String]]

    public init(fingerprints: [String: String] = [:], ids: [String: [String]] = [:]) {
        self.fingerprints = fingerprints
        self.ids = ids
    }

    public var paths: Set<String> { Set(fingerprints.keys) }

    /// Reads the manifest in `output`; empty when there is none. A file listed but
    /// missing on disk is left out, so nothing is ever reused that is not there.
    public static func read(in output: URL) -> BuildManifest {
        guard let text = try? String(contentsOf: output.appendingPathComponent(fileName), encoding: .utf8) else {
            return BuildManifest()
        }
        var fingerprints: [String: String] = [:]
        var ids: [String: [String]] = [:]
        let folder = output.path
        // Version 2 manifests (no ids) read the same way: their pages are re-scanned.
        for line in text.split(separator: "\n") where !line.hasPrefix("communique-manifest ") {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            let (fingerprint, path) = fields.count >= 2 ? (String(fields[0]), String(fields[1])) : ("", String(fields[0]))
            guard access(folder + "/" + path, F_OK) == 0 else { continue }
            fingerprints[path] = fingerprint
            if fields.count == 3 { ids[path] = fields[2].split(separator: " ").map(String.init) }
        }
        return BuildManifest(fingerprints: fingerprints, ids: ids)
    }

    /// Sorted by path, so the manifest itself is the same for the same site.
    var text: String {
        ([Self.header] + fingerprints.keys.sorted().map { path in
            let line = "\(fingerprints[path]!)\t\(path)"
            guard let pageIDs = ids[path] else { return line }
            return line + "\t" + pageIDs.joined(separator: " ")
        }).joined(separator: "\n") + "\n"
    }
}
