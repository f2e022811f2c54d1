import Foundation

/// The list of files a build wrote, with the fingerprint each was made from and the
/// size and modification time it had when written, kept outside the output, in the site's
/// `.communique/` folder (see `BuildState`), so nothing of the build's internals is
/// published or served.
///
/// It tells the next build which files it made (so it deletes only those, and
/// recognises its own output folder) and which it need not render again: a file is
/// reused only while it is the regular file the build wrote (same size and mtime, in
/// the same output folder), so a page damaged or replaced by hand is rendered again.
public struct BuildManifest: Sendable, Equatable {
    /// Where builds before version 5 kept the manifest: inside the output. Read once to
    /// migrate, never written.
    public static let legacyFileName = ".communique-manifest"
    static let header = "communique-manifest 5"

    /// Path → fingerprint ("" when the file has none), for files that may be reused.
    public var fingerprints: [String: String]
    /// Every file the build made that is still there, reusable or not: what the next
    /// build may delete, and what is not carried over as someone else's file.
    public var made: Set<String>
    /// Path → size and mtime as written (filled in by the writer).
    public var stamps: [String: FileStamp]
    /// The output folder the files were written to (device and inode): a manifest for
    /// another folder at the same path (restored, copied, swapped by hand) reuses nothing.
    public var outputIdentity: String?
    /// Page → the `id`s in it, as the link check found them. The next build checks the
    /// links of the pages it rewrites against these for the pages it keeps, instead of
    /// reading thousands of unchanged pages again.
    public var ids: [String: IDList]
    /// Render units (a release and its pages) whose inputs were hashed as a whole: the
    /// next build keeps a unit's pages without building their contexts when its key is
    /// the same (see `ReleaseInputs`).
    public var units: [String: RenderUnit]
    /// Every key the pages' contexts had, for the template check of a build that keeps
    /// units without building their contexts.
    public var templateKeys: Set<String>
    /// The hash of everything the build read (`InputsFingerprint`), when it finished without
    /// a broken-link warning: a build whose inputs hash the same has nothing to do.
    public var inputs: String?
    /// How many releases that build had, and the warnings it gave (said again when a build
    /// has nothing to do).
    public var releaseCount = 0
    public var warnings: [Diagnostic] = []
    /// Pages with a broken link (a build with `--broken-links warning`): the next build checks
    /// them again even when it keeps them, so their warnings are not lost.
    public var brokenPages: Set<String> = []
    /// Whether every file the manifest lists is in the output as the build wrote it.
    public internal(set) var isIntact = false

    /// What Render needs of it to skip work.
    public var previousRender: PreviousRender {
        PreviousRender(fingerprints: fingerprints, units: units, templateKeys: templateKeys)
    }

    /// A file as the build left it.
    public struct FileStamp: Sendable, Equatable {
        public var size: Int
        public var modified: Int  // nanoseconds since 1970

        init(size: Int, modified: Int) {
            self.size = size
            self.modified = modified
        }

        /// The stamp of the regular file at `path`; nil for anything else (a link, a folder, nothing).
        init?(of path: String) {
            var status = stat()
            guard lstat(path, &status) == 0 else { return nil }
            self.init(status)
        }

        /// From what `lstat` said of a path; nil unless it is a regular file.
        init?(_ status: stat) {
            guard status.st_mode & S_IFMT == S_IFREG else { return nil }
            size = Int(status.st_size)
            modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
        }

        var text: String { "\(size):\(modified)" }

        init?(text: Substring) {
            let parts = text.split(separator: ":")
            guard parts.count == 2, let size = Int(parts[0]), let modified = Int(parts[1]) else { return nil }
            self.init(size: size, modified: modified)
        }
    }

    public init(
        fingerprints: [String: String] = [:], ids: [String: IDList] = [:], units: [String: RenderUnit] = [:],
        templateKeys: Set<String> = []
    ) {
        self.fingerprints = fingerprints
        made = Set(fingerprints.keys)
        stamps = [:]
        self.ids = ids
        self.units = units
        self.templateKeys = templateKeys
    }

    public var paths: Set<String> { Set(fingerprints.keys) }

    /// The identity of a folder (device and inode), or nil when there is none.
    static func identity(of folder: String) -> String? {
        var status = stat()
        guard lstat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return nil }
        return "\(status.st_dev):\(status.st_ino)"
    }

    /// Reads the manifest at `file` for the files in `output`; without one, the manifest
    /// an older build left inside `output` (whose files are then made but not reused).
    /// Empty when there is neither. A file listed but missing on disk is left out; one
    /// that is no longer as the build wrote it is `made` but not reused.
    public static func read(_ file: URL, output: URL) -> BuildManifest {
        if let text = SiteFiles.regularFileText(file.path) {
            return parse(text, output: output)
        }
        if let text = SiteFiles.regularFileText(output.appendingPathComponent(legacyFileName).path) {
            return parse(text, output: output)
        }
        return BuildManifest()
    }

    static func parse(_ text: String, output: URL) -> BuildManifest {
        var manifest = BuildManifest()
        let folder = output.path
        // Older manifests (no stamps) tell which files were made, not that they are intact.
        let current = text.utf8.starts(with: (header + "\n").utf8)
        var identity: String?
        var listed: [(fingerprint: String, stamp: FileStamp?, path: String, ids: Substring?)] = []
        // Split on UTF-8 bytes: a manifest holds the ids of every page, megabytes that
        // splitting into Characters made a tenth of a build that changed nothing.
        let tab = UInt8(ascii: "\t")
        for bytes in text.utf8.split(separator: UInt8(ascii: "\n")) {
            let line = Substring(bytes)
            if line.hasPrefix("communique-manifest ") { continue }
            if line.hasPrefix(Self.unitPrefix) {
                let fields = line.dropFirst(Self.unitPrefix.count).utf8.split(separator: tab).map(Substring.init)
                if fields.count >= 2 {
                    manifest.units[String(fields[1])] = RenderUnit(key: String(fields[0]), paths: fields.dropFirst(2).map(String.init))
                }
                continue
            }
            if line.hasPrefix(Self.keysPrefix) {
                manifest.templateKeys = Set(line.dropFirst(Self.keysPrefix.count).utf8.split(separator: UInt8(ascii: " ")).map { String(Substring($0)) })
                continue
            }
            if line.hasPrefix(Self.outputPrefix) {
                identity = String(line.dropFirst(Self.outputPrefix.count))
                continue
            }
            if line.hasPrefix(Self.inputsPrefix) {
                let fields = line.dropFirst(Self.inputsPrefix.count).split(separator: " ")
                if fields.count == 2, let count = Int(fields[1]) {
                    manifest.inputs = String(fields[0])
                    manifest.releaseCount = count
                }
                continue
            }
            if line.hasPrefix(Self.brokenPrefix) {
                let page = String(line.dropFirst(Self.brokenPrefix.count))
                if SiteFiles.isPlainRelativePath(page) { manifest.brokenPages.insert(page) }
                continue
            }
            if line.hasPrefix(Self.warningPrefix) {
                let fields = line.dropFirst(Self.warningPrefix.count).split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
                if fields.count == 4 {
                    let location = fields[0].isEmpty ? nil : SourceLocation(file: String(fields[0]), line: Int(fields[1]), column: Int(fields[2]))
                    manifest.warnings.append(Diagnostic(.warning, String(fields[3]), at: location))
                }
                continue
            }
            if current {
                let fields = bytes.split(separator: tab, maxSplits: 3, omittingEmptySubsequences: false).map(Substring.init)
                guard fields.count >= 3 else { continue }
                listed.append((String(fields[0]), FileStamp(text: fields[1]), String(fields[2]), fields.count == 4 ? fields[3] : nil))
            } else {
                let fields = bytes.split(separator: tab, maxSplits: 2, omittingEmptySubsequences: false).map(Substring.init)
                listed.append(("", nil, String(fields.count >= 2 ? fields[1] : fields[0]), nil))
            }
        }
        let sameOutput = current && identity != nil && identity == Self.identity(of: folder)
        manifest.outputIdentity = identity
        for file in listed where SiteFiles.isPlainRelativePath(file.path) {
            let path = folder + "/" + file.path
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            manifest.made.insert(file.path)
            guard sameOutput, let stamp = file.stamp, FileStamp(status) == stamp else { continue }
            manifest.fingerprints[file.path] = file.fingerprint
            manifest.stamps[file.path] = stamp
            if let ids = file.ids { manifest.ids[file.path] = IDList(text: String(ids)) }
        }
        manifest.isIntact = sameOutput && manifest.fingerprints.count == listed.count
        // A unit is kept only whole: every page of it must still be there, as written.
        manifest.units = manifest.units.filter { $0.value.paths.allSatisfy { manifest.fingerprints[$0] != nil } }
        return manifest
    }

    /// Lines that are not files. An older reader takes them for files that do not
    /// exist (no file is named like a unit) and skips them.
    static let unitPrefix = "@unit "
    static let keysPrefix = "@keys "
    static let outputPrefix = "@output "
    static let inputsPrefix = "@inputs "
    static let warningPrefix = "@warning "
    static let brokenPrefix = "@broken "

    /// Sorted by path, so the manifest itself is the same for the same site.
    var text: String {
        ([Self.header] + (outputIdentity.map { [Self.outputPrefix + $0] } ?? []) + fingerprints.keys.sorted().map { path in
            let line = "\(fingerprints[path]!)\t\(stamps[path]?.text ?? "-")\t\(path)"
            guard let pageIDs = ids[path] else { return line }
            return line + "\t" + pageIDs.text
        } + units.keys.sorted().map { name in
            Self.unitPrefix + ([units[name]!.key, name] + units[name]!.paths).joined(separator: "\t")
        } + (templateKeys.isEmpty ? [] : [Self.keysPrefix + templateKeys.sorted().joined(separator: " ")])
            + brokenPages.sorted().map { Self.brokenPrefix + $0 }
            + (inputs.map { ["\(Self.inputsPrefix)\($0) \(releaseCount)"] } ?? [])
            + warnings.map { warning in
                let location = warning.location
                let fields = [location?.file ?? "", location?.line.map(String.init) ?? "", location?.column.map(String.init) ?? "", warning.message]
                return Self.warningPrefix + fields.map { $0.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ") }
                    .joined(separator: "\t")
            }
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
