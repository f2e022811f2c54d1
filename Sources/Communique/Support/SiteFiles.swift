import Foundation

/// Reading the site's input files, with errors that name the file.
enum SiteFiles {
    /// The file at `relativePath` under `root` as UTF-8 text (a BOM and CRLF line ends
    /// are accepted and normalised). A symlink on the way that leaves the site is refused.
    static func readText(_ relativePath: String, in root: URL) throws -> String {
        try checkInsideSite(relativePath, root: root)
        let url = root.appendingPathComponent(relativePath)
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

    /// Deletes `folder` and everything under it; a missing folder is fine. Links are
    /// removed, never followed, and `folder` itself, when it is a link, is only unlinked:
    /// a folder of ours replaced by a link (`.Public.staging → ..`) must not delete what
    /// the link points at. Each folder is opened with `O_NOFOLLOW` and emptied through its
    /// descriptor, so a folder swapped for a link meanwhile is not followed either.
    /// POSIX calls for the same reason as `walk`: the previous output of thousands of
    /// files is removed after every build.
    static func removeTree(_ folder: URL) {
        var status = stat()
        guard lstat(folder.path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            unlink(folder.path)
            return
        }
        func empty(_ descriptor: Int32) {
            guard let directory = fdopendir(descriptor) else {
                close(descriptor)
                return
            }
            defer { closedir(directory) }
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name != "." && name != ".." { names.append(name) }
            }
            for name in names {
                var child = stat()
                guard fstatat(descriptor, name, &child, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                if child.st_mode & S_IFMT == S_IFDIR {
                    let inner = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                    if inner >= 0 { empty(inner) }
                    unlinkat(descriptor, name, AT_REMOVEDIR)
                } else {
                    unlinkat(descriptor, name, 0)
                }
            }
        }
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        empty(descriptor)
        rmdir(folder.path)
    }

    /// Refuses a path under `root` that goes through a symbolic link leaving the site,
    /// naming the link. Site folders come from other people's repositories: a link in
    /// `Content/` or `Templates/` to `/etc/passwd` or `~/` must not be read, published or
    /// written through. A link that stays inside the site is fine; a missing path is left
    /// to the caller to report.
    static func checkInsideSite(_ relativePath: String, root: URL) throws {
        guard let rootReal = realPath(root.path) else { return }
        var path = root.path
        var relative = ""
        for component in relativePath.split(separator: "/") where component != "." {
            path += "/" + component
            relative += relative.isEmpty ? String(component) : "/" + component
            var status = stat()
            guard lstat(path, &status) == 0 else { return }
            guard status.st_mode & S_IFMT == S_IFLNK else { continue }
            let real = realPath(path)
            if let real, real == rootReal || real.hasPrefix(rootReal.hasSuffix("/") ? rootReal : rootReal + "/") { continue }
            let target = linkTarget(path) ?? "?"
            throw CommuniqueError(
                "is a symbolic link to \(target), outside the site: Communique reads and writes only inside the site's folder",
                at: SourceLocation(file: relative))
        }
    }

    /// The text of the regular file at `path` (not through a link); nil otherwise.
    static func regularFileText(_ path: String) -> String? {
        regularFileBytes(path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of the regular file at `path` (not through a link); nil otherwise.
    static func regularFileBytes(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 4096)) }  // grew while read
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// A path of the form `a/b/c.html`: no empty, `.`, `..` or hidden component, not
    /// absolute. What a build makes; anything else in a file that came with the site
    /// (a manifest) could lead out of the folder it names.
    static func isPlainRelativePath(_ path: String) -> Bool {
        !path.isEmpty && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0.hasPrefix(".") }
    }

    /// The path with every link and `.`/`..` resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// What a symbolic link says, as written.
    static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, Int(PATH_MAX))
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The names in a folder (without `.` and `..`) and their `d_type`, in readdir's
    /// order; none when it cannot be opened.
    static func entries(of path: String) -> [(name: String, type: Int32)] {
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
