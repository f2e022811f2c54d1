import Foundation

/// What a write did, for the build's one-line summary.
public struct WriteReport: Sendable, Equatable {
    /// Files whose bytes are new or changed.
    public var written: Int
    /// Files kept as they were (same bytes, same mtime).
    public var unchanged: Int
    /// Files of the previous build that this build no longer makes.
    public var removed: Int
}

/// Write stage: puts the rendered files in the output folder, all or nothing.
///
/// Files go to a staging folder beside the output, which then replaces the output
/// by rename, so an interrupted build leaves the previous complete site. A file whose
/// bytes did not change is hard-linked from the previous output, keeping its mtime,
/// so a deploy uploads only what changed. Files the previous build did not make (not
/// in its manifest) are carried over: the build deletes only its own files. The
/// writer only takes over a folder it made (it holds the manifest), an empty one, or
/// any with `force`.
public struct SiteWriter {
    /// Placeholder files a repository keeps in an otherwise ignored output folder.
    static let placeholders: Set<String> = [".gitkeep"]

    let fileManager = FileManager.default
    /// Called after each file is staged; tests use it to fail part-way through.
    var afterStagingFile: ((String) throws -> Void)?
    /// Called with the staged site and what changed before it replaces the output (the
    /// link check); throwing leaves the output as it was. It returns the ids of the
    /// pages, which the manifest keeps for the next build's check.
    public var verify: ((URL, Delta) throws -> [String: [String]])?

    /// What a write changes: files with new bytes, files no longer made, and whether
    /// there was a previous build to compare with.
    public struct Delta: Sendable {
        public var written: [String]
        public var removed: [String]
        public var hadPrevious: Bool
    }

    public init() {}

    public func write(_ files: [OutputFile], to output: URL, force: Bool = false) throws -> WriteReport {
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging")
        let previous = parent.appendingPathComponent(".\(output.lastPathComponent).previous")
        try recoverInterruptedSwap(output: output, previous: previous)
        try checkOutputIsOurs(output, force: force)

        try? fileManager.removeItem(at: staging)
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        var report = WriteReport(written: 0, unchanged: 0, removed: 0)
        let old = BuildManifest.read(in: output)
        // Once: `paths` builds a set, and asking it per file made staging quadratic.
        let oldPaths = old.paths
        var manifest = BuildManifest()
        var written: [String] = []
        var folders: Set<String> = []
        do {
            for file in files {
                if try stage(file, from: output, into: staging, oldFiles: oldPaths, folders: &folders, report: &report) {
                    written.append(file.path)
                }
                manifest.fingerprints[file.path] = file.fingerprint ?? ""
                try afterStagingFile?(file.path)
            }
            try carryOverForeignFiles(from: output, into: staging, made: oldPaths.union(manifest.paths))
            let removed = oldPaths.subtracting(manifest.paths).sorted()
            report.removed = removed.count
            manifest.ids = try verify?(staging, Delta(written: written, removed: removed, hadPrevious: !oldPaths.isEmpty)) ?? [:]
            try Data(manifest.text.utf8).write(to: staging.appendingPathComponent(BuildManifest.fileName))
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }

        // The swap: two renames. Between them only `previous` exists, and the next
        // build's `recoverInterruptedSwap` puts it back.
        if fileManager.fileExists(atPath: output.path) {
            try fileManager.moveItem(at: output, to: previous)
        }
        try fileManager.moveItem(at: staging, to: output)
        try? fileManager.removeItem(at: previous)
        return report
    }

    /// Stages one file; true when its bytes are new.
    ///
    /// POSIX calls on paths, not FileManager and URLs: a build stages thousands of files
    /// and Foundation's per-call overhead made staging seconds long.
    private func stage(
        _ file: OutputFile, from output: URL, into staging: URL, oldFiles: Set<String>, folders: inout Set<String>,
        report: inout WriteReport
    ) throws -> Bool {
        let target = staging.path + "/" + file.path
        let old = output.path + "/" + file.path
        try makeFolders(of: file.path, in: staging.path, made: &folders)
        switch file.content {
        case .unchanged:
            guard oldFiles.contains(file.path), link(old, target) == 0 else {
                throw CommuniqueError("the previous build's \(file.path) is missing; build again with --clean", at: SourceLocation(file: output.path))
            }
            report.unchanged += 1
            return false
        case .bytes(let bytes):
            if oldFiles.contains(file.path), Self.fileHolds(old, bytes), link(old, target) == 0 {
                report.unchanged += 1
                return false
            }
            try Self.writeFile(target, bytes, name: file.path)
            report.written += 1
            return true
        }
    }

    /// Makes the folders leading to `path` under `root`, each once per build.
    private func makeFolders(of path: String, in root: String, made: inout Set<String>) throws {
        var folder = ""
        for component in path.split(separator: "/").dropLast() {
            folder += folder.isEmpty ? String(component) : "/" + component
            guard made.insert(folder).inserted else { continue }
            if mkdir(root + "/" + folder, 0o755) != 0 && errno != EEXIST {
                throw CommuniqueError("cannot make folder: \(String(cString: strerror(errno)))", at: SourceLocation(file: folder))
            }
        }
    }

    /// True when the file at `path` has exactly these bytes.
    static func fileHolds(_ path: String, _ bytes: [UInt8]) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, Int(status.st_size) == bytes.count else { return false }
        guard let existing = FileManager.default.contents(atPath: path) else { return false }
        return existing.elementsEqual(bytes)
    }

    static func writeFile(_ path: String, _ bytes: [UInt8], name: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw CommuniqueError("cannot write: \(String(cString: strerror(errno)))", at: SourceLocation(file: name))
        }
        defer { close(descriptor) }
        var offset = 0
        try bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw CommuniqueError("cannot write: \(String(cString: strerror(errno)))", at: SourceLocation(file: name))
                }
                offset += count
            }
        }
    }

    /// Everything in the output that no build made (placeholders, a CNAME a person
    /// added …) moves on to the new output untouched.
    private func carryOverForeignFiles(from output: URL, into staging: URL, made: Set<String>) throws {
        for path in SiteFiles.walk(output, includeHidden: true) where !made.contains(path) && path != BuildManifest.fileName {
            let target = staging.appendingPathComponent(path)
            guard !fileManager.fileExists(atPath: target.path) else { continue }
            try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if link(output.appendingPathComponent(path).path, target.path) != 0 {
                try fileManager.copyItem(at: output.appendingPathComponent(path), to: target)
            }
        }
    }

    private func recoverInterruptedSwap(output: URL, previous: URL) throws {
        guard fileManager.fileExists(atPath: previous.path) else { return }
        if fileManager.fileExists(atPath: output.path) {
            try fileManager.removeItem(at: previous)
        } else {
            try fileManager.moveItem(at: previous, to: output)
        }
    }

    private func checkOutputIsOurs(_ output: URL, force: Bool) throws {
        guard !force, let names = try? fileManager.contentsOfDirectory(atPath: output.path) else { return }
        let foreign = names.filter { !Self.placeholders.contains($0) }
        guard !foreign.isEmpty, !names.contains(BuildManifest.fileName) else { return }
        throw CommuniqueError(
            "the output folder holds files Communique did not make (e.g. \(foreign.sorted()[0])); "
                + "choose an empty folder or pass --force to replace it",
            at: SourceLocation(file: output.path))
    }
}
