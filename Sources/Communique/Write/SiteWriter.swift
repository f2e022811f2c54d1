import Foundation

/// What a write did, for the build's one-line summary.
public struct WriteReport: Sendable, Equatable {
    public var written: Int
    public var unchanged: Int
    public var removed: Int
}

/// Write stage: puts the rendered files in the output folder, all or nothing.
///
/// Files go to a staging folder beside the output, which then replaces the output
/// by rename, so an interrupted build leaves the previous complete site. A file whose
/// bytes did not change is hard-linked from the previous output, keeping its mtime,
/// so a deploy uploads only what changed. The writer only replaces a folder it made
/// (it holds `manifestName`), an empty one, or any with `force`.
public struct SiteWriter {
    public static let manifestName = ".communique-manifest"
    /// Placeholder files a repository keeps in an otherwise ignored output folder.
    static let placeholders: Set<String> = [".gitkeep"]

    let fileManager = FileManager.default
    /// Called after each file is staged; tests use it to fail part-way through.
    var afterStagingFile: ((String) throws -> Void)?

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
        let oldFiles = Set(Self.manifest(in: output))
        do {
            for file in files {
                let target = staging.appendingPathComponent(file.path)
                try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                let old = output.appendingPathComponent(file.path)
                if oldFiles.contains(file.path), let bytes = fileManager.contents(atPath: old.path), bytes.elementsEqual(file.bytes),
                    link(old.path, target.path) == 0
                {
                    report.unchanged += 1
                } else {
                    try Data(file.bytes).write(to: target)
                    report.written += 1
                }
                try afterStagingFile?(file.path)
            }
            for name in Self.placeholders where fileManager.fileExists(atPath: output.appendingPathComponent(name).path) {
                try? fileManager.copyItem(at: output.appendingPathComponent(name), to: staging.appendingPathComponent(name))
            }
            let paths = files.map(\.path).sorted()
            try Data((paths.joined(separator: "\n") + "\n").utf8).write(to: staging.appendingPathComponent(Self.manifestName))
            report.removed = oldFiles.subtracting(paths).count
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

    /// The paths a previous build wrote, from its manifest.
    static func manifest(in output: URL) -> [String] {
        guard let text = try? String(contentsOf: output.appendingPathComponent(manifestName), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
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
        guard !foreign.isEmpty, !names.contains(Self.manifestName) else { return }
        throw CommuniqueError(
            "the output folder holds files Communique did not make (e.g. \(foreign.sorted()[0])); "
                + "choose an empty folder or pass --force to replace it",
            at: SourceLocation(file: output.path))
    }
}
