import Foundation

/// Writes an import's files into `Content/releases/<id>/`, protecting pages a person
/// has edited since the last import.
///
/// A file counts as edited when its bytes differ from the fingerprint the manifest
/// recorded, or, with no record, from what the import would write. Edited files are
/// refused, all of them named, unless `force`; and nothing is written until every
/// file has been checked, so a refused import leaves the folder as it was. Files the
/// last import wrote and this one does not (a renamed section) are removed under the
/// same rule. Unchanged files are not rewritten, so their modification times stay.
public struct ImportWriter {
    public var root: URL

    public init(root: URL) { self.root = root }

    /// What a write did, by file name within the release folder.
    public struct Outcome: Sendable, Hashable {
        /// The release folder, relative to the site root (`Content/releases/<id>`).
        public var folder: String
        /// The site root it is in.
        public var root: String = "."
        public var created: [String] = []
        public var updated: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    public static func releaseFolder(_ id: String) -> String { "Content/releases/\(id)" }

    @discardableResult
    public func write(_ result: ImportResult, force: Bool) throws -> Outcome {
        let relativeFolder = Self.releaseFolder(result.releaseID)
        let folder = root.appendingPathComponent(relativeFolder, isDirectory: true)
        // A release folder or page that is a link out of the site would be written through.
        try SiteFiles.checkInsideSite(relativeFolder, root: root)
        for name in result.files.map(\.path) + [ImportManifest.fileName] {
            try SiteFiles.checkInsideSite("\(relativeFolder)/\(name)", root: root)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw CommuniqueError("is a file, not a release folder", at: SourceLocation(file: relativeFolder))
        }
        let manifest = ImportManifest.read(in: folder)
        var outcome = Outcome(folder: relativeFolder, root: root.path)
        var edited: [String] = []
        // Names only: each page's bytes are made again when written, so a long statement is
        // not held twice over in memory.
        var writes: [String] = []
        var removals: [String] = []

        // A new release's folder holds nothing to compare: no read is tried per page.
        let folderExists = FileManager.default.fileExists(atPath: folder.path)
        for (name, contents) in result.files {
            guard folderExists, let existing = try? Data(contentsOf: folder.appendingPathComponent(name)) else {
                outcome.created.append(name)
                writes.append(name)
                continue
            }
            if existing == Data(contents.utf8) {
                outcome.unchanged.append(name)
                continue
            }
            if manifest?.files[name] != ContentHash.of(bytes: existing) { edited.append(name) }
            outcome.updated.append(name)
            writes.append(name)
        }
        let newNames = Set(result.files.map(\.path))
        // The manifest comes with the site: only plain file names in the folder are ever
        // removed, never `../../x` or a hidden file.
        for (name, recorded) in (manifest?.files ?? [:]).sorted(by: { $0.key < $1.key })
        where !newNames.contains(name) && !name.contains("/") && !name.hasPrefix(".") && !name.isEmpty {
            try SiteFiles.checkInsideSite("\(relativeFolder)/\(name)", root: root)
            guard let existing = try? Data(contentsOf: folder.appendingPathComponent(name)) else { continue }
            if recorded != ContentHash.of(bytes: existing) { edited.append(name) }
            removals.append(name)
        }

        if !edited.isEmpty, !force {
            throw CommuniqueError(edited.map { name in
                Diagnostic(
                    .error,
                    newNames.contains(name)
                        ? "edited since it was imported; re-import with --force to overwrite it"
                        : "edited since it was imported, and this import no longer writes it; re-import with --force to remove it",
                    at: SourceLocation(file: "\(relativeFolder)/\(name)"))
            })
        }

        let newManifest = ImportManifest(
            source: result.report.sourceFile,
            files: Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, ContentHash.of($0.contents)) }))
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let contents = Dictionary(result.files.map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })
            for name in writes {
                try Self.replace(folder.appendingPathComponent(name), with: Array(contents[name, default: ""].utf8), name: "\(relativeFolder)/\(name)")
            }
            for name in removals {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
                outcome.removed.append(name)
            }
            let manifestURL = folder.appendingPathComponent(ImportManifest.fileName)
            let manifestData = try newManifest.encoded()
            if (try? Data(contentsOf: manifestURL)) != manifestData {
                try Self.replace(manifestURL, with: [UInt8](manifestData), name: "\(relativeFolder)/\(ImportManifest.fileName)")
            }
        } catch let error as CommuniqueError {
            throw error
        } catch {
            throw CommuniqueError("cannot write: \(error.localizedDescription)", at: SourceLocation(file: relativeFolder))
        }
        return outcome
    }

    /// Writes `file` whole or not at all: a temporary file beside it, renamed over it (a
    /// rename replaces a link rather than writing through it). No fsync per page: it made
    /// importing a long statement four times slower, and a crash still leaves each page
    /// either old or new.
    static func replace(_ file: URL, with bytes: [UInt8], name: String) throws {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).importing")
        unlink(temporary.path)
        do {
            try SiteWriter.writeFile(temporary.path, bytes, name: name)
            try SiteWriter.rename(temporary, to: file)
        } catch {
            unlink(temporary.path)
            throw error
        }
    }
}
