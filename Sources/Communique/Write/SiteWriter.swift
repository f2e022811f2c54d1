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
    /// pages and the pages with a broken link, which the manifest keeps for the next
    /// build's check.
    public var verify: ((URL, Delta) throws -> (ids: [String: IDList], brokenPages: Set<String>))?
    private var lastManifest: (file: URL, output: URL, manifest: BuildManifest)?

    /// What a write changes: files with new bytes, files no longer made, and whether
    /// there was a previous build to compare with.
    public struct Delta: Sendable {
        public var written: [String]
        public var removed: [String]
        public var hadPrevious: Bool
    }

    public init() {}

    /// Stages `files` and puts them in place: `begin`, then `finish`.
    public func write(_ files: [OutputFile], to output: URL, root: URL? = nil, force: Bool = false) throws -> WriteReport {
        var writer = self
        return try writer.finish(writer.begin(output: output, root: root, force: force), files: files)
    }

    /// Prepares an empty staging folder beside `output`. Pages can then be staged as
    /// they are rendered (`Staging.stage`), so a build never holds the whole site in
    /// memory; `finish` stages the rest and swaps, or `Staging.discard` gives up.
    ///
    /// `root` is the site's folder (default: the output's parent), where the build's
    /// state is kept. The output, the staging and previous-site folders beside it and
    /// the state folder are folders of ours: a symbolic link in their place (which a
    /// cloned repository can carry) is refused, never followed.
    public mutating func begin(output: URL, root: URL? = nil, force: Bool = false) throws -> Staging {
        let places = Places(output: output, root: root)
        let output = places.output, previous = places.previous, staging = places.staging, state = places.state
        try state.checkOutputPlace()
        for folder in [output, previous, staging] { try BuildState.refuseLink(folder) }
        try recoverInterruptedSwap(output: output, previous: previous)
        let manifest = try readManifest(places)
        try checkOutputIsOurs(output, hasManifest: !manifest.made.isEmpty || state.hasManifest, force: force)
        SiteFiles.removeTree(staging)
        try fileManager.createDirectory(at: places.parent, withIntermediateDirectories: true)
        guard mkdir(staging.path, 0o755) == 0 else {
            throw CommuniqueError("cannot make the staging folder: \(String(cString: strerror(errno)))", at: SourceLocation(file: staging.path))
        }
        return Staging(
            output: output, folder: staging, previous: previous, manifest: manifest, state: state, afterStagingFile: afterStagingFile)
    }

    /// The manifest of the output when the build that made it read inputs hashing to
    /// `inputs` and every file it wrote is still there as written: then a build has nothing
    /// to do. Nil when anything is otherwise (including an interrupted build to recover).
    public mutating func unchangedOutput(output: URL, root: URL? = nil, inputs: String) -> BuildManifest? {
        let places = Places(output: output, root: root)
        guard (try? places.state.checkOutputPlace()) != nil, !BuildState.exists(places.previous), !BuildState.exists(places.staging),
            (try? BuildState.refuseLink(places.output)) != nil, let file = try? places.state.manifestFile()
        else { return nil }
        let manifest = BuildManifest.read(file, output: places.output)
        lastManifest = (file, places.output, manifest)
        guard manifest.isIntact, manifest.inputs == inputs, !manifest.made.isEmpty else { return nil }
        return manifest
    }

    /// The output folder and the folders beside it that a build uses.
    struct Places {
        let output: URL
        let parent: URL
        /// The previous output, between the two renames of a swap.
        let previous: URL
        let staging: URL
        let state: BuildState

        init(output: URL, root: URL?) {
            self.output = output.standardizedFileURL
            parent = self.output.deletingLastPathComponent()
            previous = parent.appendingPathComponent(".\(self.output.lastPathComponent).previous")
            staging = parent.appendingPathComponent(".\(self.output.lastPathComponent).staging")
            state = BuildState(root: root ?? parent, output: self.output)
        }
    }

    /// The manifest, read once per build: the check for nothing changed and `begin` both
    /// need it, and reading it stats every file of the site. What `unchangedOutput` read is
    /// taken by the next `begin` only (it reads nothing when a swap was interrupted, and
    /// `begin` recovers first), never by a later build with the same writer.
    private mutating func readManifest(_ places: Places) throws -> BuildManifest {
        let file = try places.state.manifestFile()
        defer { lastManifest = nil }
        if let read = lastManifest, read.file == file, read.output == places.output { return read.manifest }
        return BuildManifest.read(file, output: places.output)
    }

    /// Stages the files not staged yet, carries over foreign files, verifies, writes the
    /// manifest and replaces the output. Any error leaves the output as it was.
    public func finish(
        _ staging: Staging, files: [OutputFile], units: [String: RenderUnit] = [:], templateKeys: Set<String> = [],
        inputs: (hash: String, releases: Int, warnings: [Diagnostic])? = nil, recordInputs: () -> Bool = { true }
    ) throws -> WriteReport {
        var manifest = BuildManifest(units: units, templateKeys: templateKeys)
        do {
            for file in files {
                if case .staged = file.content {} else { _ = try staging.stage(file) }
                manifest.fingerprints[file.path] = file.fingerprint ?? ""
            }
            let oldPaths = staging.previous.made
            try carryOverForeignFiles(from: staging.output, into: staging.folder, made: oldPaths.union(manifest.paths))
            let removed = oldPaths.subtracting(manifest.paths).sorted()
            var report = staging.report
            report.removed = removed.count
            let delta = Delta(written: staging.written.sorted(), removed: removed, hadPrevious: !oldPaths.isEmpty)
            let verified = try verify?(staging.folder, delta)
            manifest.ids = verified?.ids ?? [:]
            manifest.brokenPages = verified?.brokenPages ?? []
            if let inputs, recordInputs() {
                manifest.inputs = inputs.hash
                manifest.releaseCount = inputs.releases
                manifest.warnings = inputs.warnings
            }
            for path in manifest.fingerprints.keys {
                manifest.stamps[path] = BuildManifest.FileStamp(of: staging.folder.path + "/" + path)
            }
            // The staging folder becomes the output by rename, keeping its inode.
            manifest.outputIdentity = BuildManifest.identity(of: staging.folder.path)

            // The swap: two renames. Between them only `previous` exists, and the next
            // build's `recoverInterruptedSwap` puts it back.
            if BuildState.exists(staging.output) {
                try Self.rename(staging.output, to: staging.previousFolder)
            }
            try Self.rename(staging.folder, to: staging.output)
            SiteFiles.removeTree(staging.previousFolder)
            // After the swap: a manifest written before it would describe a folder that
            // may never become the output. Killed between the two, the next build finds a
            // manifest for another folder (its identity) and reuses nothing.
            try staging.state.writeManifest(manifest.text)
            return report
        } catch {
            staging.discard()
            throw error
        }
    }

    static func rename(_ from: URL, to: URL) throws {
        guard Glibc.rename(from.path, to.path) == 0 else {
            throw CommuniqueError("cannot move \(from.lastPathComponent) to \(to.lastPathComponent): \(String(cString: strerror(errno)))",
                at: SourceLocation(file: from.path))
        }
    }

    /// A staging folder being filled. `stage` may be called from several tasks at once.
    public final class Staging: @unchecked Sendable {
        let output: URL
        let folder: URL
        let previousFolder: URL
        /// What the previous build in the output made (read once per build).
        public let previous: BuildManifest
        /// Files of the previous build that are still as it wrote them.
        let reusable: Set<String>
        /// Files of the previous build, as written or not: compared byte for byte before reuse.
        let made: Set<String>
        let state: BuildState
        private let afterStagingFile: ((String) throws -> Void)?
        private let lock = NSLock()
        private var folders: Set<String> = []
        private var counts = WriteReport(written: 0, unchanged: 0, removed: 0)
        private var newFiles: [String] = []

        init(
            output: URL, folder: URL, previous: URL, manifest: BuildManifest, state: BuildState,
            afterStagingFile: ((String) throws -> Void)?
        ) {
            self.output = output
            self.folder = folder
            previousFolder = previous
            self.state = state
            self.afterStagingFile = afterStagingFile
            self.previous = manifest
            reusable = manifest.paths
            made = manifest.made
        }

        var report: WriteReport { lock.withLock { counts } }
        /// Files whose bytes are new.
        var written: [String] { lock.withLock { newFiles } }

        /// Puts the file in the staging folder: its bytes, or a hard link to the previous
        /// build's file when it is unchanged or has the same bytes (keeping its mtime).
        /// Returns the file without its bytes.
        ///
        /// POSIX calls on paths, not FileManager and URLs: a build stages thousands of
        /// files and Foundation's per-call overhead made staging seconds long.
        public func stage(_ file: OutputFile) throws -> OutputFile {
            let target = folder.path + "/" + file.path
            let old = output.path + "/" + file.path
            try makeFolders(of: file.path)
            var isNew = false
            switch file.content {
            case .staged:
                return file
            case .unchanged:
                guard reusable.contains(file.path), link(old, target) == 0 else {
                    if reusable.contains(file.path) && errno == EEXIST { throw Self.twice(file.path) }
                    throw CommuniqueError("the previous build's \(file.path) is missing; build again with --clean", at: SourceLocation(file: output.path))
                }
            case .bytes(let bytes):
                if !(made.contains(file.path) && SiteWriter.fileHolds(old, bytes) && link(old, target) == 0) {
                    try SiteWriter.writeFile(target, bytes, name: file.path, exclusive: true)
                    isNew = true
                }
            }
            lock.withLock {
                if isNew { counts.written += 1; newFiles.append(file.path) } else { counts.unchanged += 1 }
            }
            try afterStagingFile?(file.path)
            var staged = file
            staged.content = .staged
            return staged
        }

        /// Two pages of one build with the same path (two glossary entries or topics whose
        /// ids collide): one would silently replace the other.
        static func twice(_ path: String) -> CommuniqueError {
            CommuniqueError("two pages of this build would be written to the same file; give one of them another id or slug", at: SourceLocation(file: path))
        }

        /// Removes the staging folder; the output stays as it was.
        public func discard() {
            SiteFiles.removeTree(folder)
        }

        /// Makes the folders leading to `path`, each once per build.
        private func makeFolders(of path: String) throws {
            var made: [String] = []
            var folder = ""
            for component in path.split(separator: "/").dropLast() {
                folder += folder.isEmpty ? String(component) : "/" + component
                made.append(folder)
            }
            for name in made where lock.withLock({ !folders.contains(name) }) {
                if mkdir(self.folder.path + "/" + name, 0o755) != 0 && errno != EEXIST {
                    throw CommuniqueError("cannot make folder: \(String(cString: strerror(errno)))", at: SourceLocation(file: name))
                }
                lock.withLock { _ = folders.insert(name) }
            }
        }
    }

    /// True when the file at `path` has exactly these bytes.
    static func fileHolds(_ path: String, _ bytes: [UInt8]) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) == bytes.count else { return false }
        guard !bytes.isEmpty else { return true }
        guard let existing = FileManager.default.contents(atPath: path) else { return false }
        // memcmp: Data's element-wise `elementsEqual` goes through its iterator one
        // byte at a time, which cost more than rendering the page.
        return existing.withUnsafeBytes { old in
            bytes.withUnsafeBytes { new in memcmp(old.baseAddress!, new.baseAddress!, new.count) == 0 }
        }
    }

    /// `exclusive`: fail with EEXIST when the file is already there (staging: every path once).
    static func writeFile(_ path: String, _ bytes: [UInt8], name: String, exclusive: Bool = false) throws {
        // Never through a link: the staging and state folders are ours, a link in them is not.
        let descriptor = open(path, O_WRONLY | O_CREAT | (exclusive ? O_EXCL : O_TRUNC) | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if exclusive && errno == EEXIST { throw Staging.twice(name) }
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
    /// added …) moves on to the new output untouched; a link stays a link.
    private func carryOverForeignFiles(from output: URL, into staging: URL, made: Set<String>) throws {
        for path in SiteFiles.walk(output, includeHidden: true) where !made.contains(path) && path != BuildManifest.legacyFileName {
            let target = staging.appendingPathComponent(path)
            guard !fileManager.fileExists(atPath: target.path) else { continue }
            try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            let source = output.appendingPathComponent(path).path
            if link(source, target.path) == 0 { continue }
            if let destination = SiteFiles.linkTarget(source) {
                guard symlink(destination, target.path) == 0 else {
                    throw CommuniqueError("cannot carry over: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
                }
            } else {
                try SiteWriter.writeFile(target.path, [UInt8](try Data(contentsOf: URL(fileURLWithPath: source))), name: path)
            }
        }
    }

    private func recoverInterruptedSwap(output: URL, previous: URL) throws {
        guard BuildState.exists(previous) else { return }
        if BuildState.exists(output) {
            SiteFiles.removeTree(previous)
        } else {
            try Self.rename(previous, to: output)
        }
    }

    private func checkOutputIsOurs(_ output: URL, hasManifest: Bool, force: Bool) throws {
        guard !force, !hasManifest, let names = try? fileManager.contentsOfDirectory(atPath: output.path) else { return }
        let foreign = names.filter { !Self.placeholders.contains($0) }
        guard !foreign.isEmpty else { return }
        throw CommuniqueError(
            "the output folder holds files Communique did not make (e.g. \(foreign.sorted()[0])); "
                + "choose an empty folder or pass --force to replace it",
            at: SourceLocation(file: output.path))
    }
}
