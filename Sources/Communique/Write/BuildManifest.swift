import Foundation

/// The list of files a build wrote, with the fingerprint each was made from, kept in
/// the output folder (`.communique-manifest`).
///
/// It tells the next build which files it made (so it deletes only those, and
/// recognises its own output folder) and which it need not render again.
public struct BuildManifest: Sendable, Equatable {
    public static let fileName = ".communique-manifest"
    static let header = "communique-manifest 4"

    /// Path → fingerprint ("" when the file has none).
    public var fingerprints: [String: String]
    /// Page → the `id`s in it, as the link check found them. The next build checks the
    /// links of the pages it rewrites against these for the pages it keeps, instead of
    /// reading thousands of unchanged pages again.
    public var ids: [String: IDList]
    /// Render units (a release and its pages) whose inputs were hashed as a whole: the
    /// next build keeps a unit's pages without building their contexts when its key is
    /// the same (see `ReleaseInputs`).
    public var units: [String: Unit]
    /// Every key the pages' contexts had, for the template check of a build that keeps
    /// units without building their contexts.
    public var templateKeys: Set<String>

    public struct Unit: Sendable, Equatable {
        public var key: String
        public var paths: [String]
    }

    public init(
        fingerprints: [String: String] = [:], ids: [String: IDList] = [:], units: [String: Unit] = [:],
        templateKeys: Set<String> = []
    ) {
        self.fingerprints = fingerprints
        self.ids = ids
        self.units = units
        self.templateKeys = templateKeys
    }

    public var paths: Set<String> { Set(fingerprints.keys) }

    /// Reads the manifest in `output`; empty when there is none. A file listed but
    /// missing on disk is left out, so nothing is ever reused that is not there.
    public static func read(in output: URL) -> BuildManifest {
        guard let text = try? String(contentsOf: output.appendingPathComponent(fileName), encoding: .utf8) else {
            return BuildManifest()
        }
        var fingerprints: [String: String] = [:]
        var ids: [String: IDList] = [:]
        var units: [String: Unit] = [:]
        var templateKeys: Set<String> = []
        let folder = output.path
        // Version 2 manifests (no ids) and 3 (no units) read the same way: their pages
        // are re-scanned, their units rendered.
        // Split on UTF-8 bytes: a manifest holds the ids of every page, megabytes that
        // splitting into Characters made a tenth of a build that changed nothing.
        let tab = UInt8(ascii: "\t")
        for bytes in text.utf8.split(separator: UInt8(ascii: "\n")) {
            let line = Substring(bytes)
            if line.hasPrefix("communique-manifest ") { continue }
            if line.hasPrefix(Self.unitPrefix) {
                let fields = line.dropFirst(Self.unitPrefix.count).utf8.split(separator: tab).map(Substring.init)
                if fields.count >= 2 {
                    units[String(fields[1])] = Unit(key: String(fields[0]), paths: fields.dropFirst(2).map(String.init))
                }
                continue
            }
            if line.hasPrefix(Self.keysPrefix) {
                templateKeys = Set(line.dropFirst(Self.keysPrefix.count).utf8.split(separator: UInt8(ascii: " ")).map { String(Substring($0)) })
                continue
            }
            let fields = bytes.split(separator: tab, maxSplits: 2, omittingEmptySubsequences: false).map(Substring.init)
            let (fingerprint, path) = fields.count >= 2 ? (String(fields[0]), String(fields[1])) : ("", String(fields[0]))
            guard access(folder + "/" + path, F_OK) == 0 else { continue }
            fingerprints[path] = fingerprint
            if fields.count == 3 { ids[path] = IDList(text: String(fields[2])) }
        }
        // A unit is kept only whole: every page of it must still be there.
        units = units.filter { $0.value.paths.allSatisfy { fingerprints[$0] != nil } }
        return BuildManifest(fingerprints: fingerprints, ids: ids, units: units, templateKeys: templateKeys)
    }

    /// Lines that are not files. An older reader takes them for files that do not
    /// exist (no file is named like a unit) and skips them.
    static let unitPrefix = "@unit "
    static let keysPrefix = "@keys "

    /// Sorted by path, so the manifest itself is the same for the same site.
    var text: String {
        ([Self.header] + fingerprints.keys.sorted().map { path in
            let line = "\(fingerprints[path]!)\t\(path)"
            guard let pageIDs = ids[path] else { return line }
            return line + "\t" + pageIDs.text
        } + units.keys.sorted().map { name in
            Self.unitPrefix + ([units[name]!.key, name] + units[name]!.paths).joined(separator: "\t")
        } + (templateKeys.isEmpty ? [] : [Self.keysPrefix + templateKeys.sorted().joined(separator: " ")])
        ).joined(separator: "\n") + "\n"
    }
}

/// A page's ids as the manifest keeps them: one space-separated text, split only when
/// a link points into the page. A build reads and writes the ids of thousands of pages
/// it keeps and looks into a few; splitting them all was most of reading the manifest.
public struct IDList: Sendable, Equatable, ExpressibleByArrayLiteral {
    public let text: String

    public init(_ ids: [String]) { text = ids.joined(separator: " ") }
    public init(text: String) { self.text = text }
    public init(arrayLiteral ids: String...) { self.init(ids) }

    public var all: [String] { text.utf8.split(separator: UInt8(ascii: " ")).map { String(Substring($0)) } }
}
