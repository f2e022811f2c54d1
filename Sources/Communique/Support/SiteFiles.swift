import Foundation

/// Reading the site's input files, with errors that name the file.
enum SiteFiles {
    /// The file as UTF-8 text (a BOM and CRLF line ends are accepted and normalised).
    static func readText(_ url: URL, relativePath: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CommuniqueError("file not found", at: SourceLocation(file: relativePath))
        }
        guard !isDirectory.boolValue else {
            throw CommuniqueError("expected a file but found a folder", at: SourceLocation(file: relativePath))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CommuniqueError("cannot read: \(error.localizedDescription)", at: SourceLocation(file: relativePath))
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let line = bytes.prefix(while: { _ in true }).split(separator: 0x0A, omittingEmptySubsequences: false)
                .firstIndex { String(validating: $0, as: UTF8.self) == nil }.map { $0 + 1 }
            throw CommuniqueError("not valid UTF-8 text", at: SourceLocation(file: relativePath, line: line))
        }
        if text.utf8.contains(UInt8(ascii: "\r")) { text = text.replacingEvery("\r\n", with: "\n") }
        return text
    }

    /// Sub-folders, sorted by name so every build visits them in the same order.
    static func subfolders(of url: URL) throws -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return [] }
        return names.sorted().filter { !$0.hasPrefix(".") }.map { url.appendingPathComponent($0) }.filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// Files with the extension, sorted by name.
    static func files(in url: URL, withExtension ext: String) throws -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.sorted().filter { $0.hasSuffix(".\(ext)") && !$0.hasPrefix(".") }.map { url.appendingPathComponent($0) }
    }

    /// Files under `folder`, relative, sorted (so builds are deterministic); files and
    /// folders starting with a dot are skipped unless `includeHidden`. A link to a file
    /// counts as a file; links to folders are not followed.
    ///
    /// readdir, not FileManager's enumerator: a build walks its output of thousands of
    /// files twice, and a stat and URL per entry made each walk 200 ms.
    static func walk(_ folder: URL, includeHidden: Bool = false) -> [String] {
        var files: [String] = []
        func visit(_ path: String, _ relative: String) {
            for (name, entryType) in entries(of: path) where includeHidden || !name.hasPrefix(".") {
                let child = path + "/" + name
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                var type = entryType
                if type == Int32(DT_LNK) || type == Int32(DT_UNKNOWN) {
                    var status = stat()
                    guard stat(child, &status) == 0 else { continue }
                    let isFolder = status.st_mode & S_IFMT == S_IFDIR
                    // A link to a folder is left alone, as the enumerator did.
                    if type == Int32(DT_LNK) && isFolder { continue }
                    type = Int32(isFolder ? DT_DIR : DT_REG)
                }
                if type == Int32(DT_DIR) {
                    visit(child, childRelative)
                } else {
                    files.append(childRelative)
                }
            }
        }
        visit(folder.path, "")
        return files.sorted()
    }

    /// Deletes `folder` and everything under it (links are removed, not followed); a
    /// missing folder is fine. POSIX calls for the same reason as `walk`: the previous
    /// output of thousands of files is removed after every build.
    static func removeTree(_ folder: URL) {
        func remove(_ path: String) {
            for (name, _) in entries(of: path) {
                let child = path + "/" + name
                var status = stat()
                guard lstat(child, &status) == 0 else { continue }
                if status.st_mode & S_IFMT == S_IFDIR { remove(child) } else { unlink(child) }
            }
            rmdir(path)
        }
        remove(folder.path)
    }

    /// The names in a folder (without `.` and `..`) and their `d_type`, in readdir's
    /// order; none when it cannot be opened.
    private static func entries(of path: String) -> [(name: String, type: Int32)] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var entries: [(name: String, type: Int32)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { entries.append((name, Int32(entry.pointee.d_type))) }
        }
        return entries
    }
}
