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
    /// folders starting with a dot are skipped unless `includeHidden`.
    static func walk(_ folder: URL, includeHidden: Bool = false) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                includeHidden || !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") })
            {
                files.append(relative)
            }
        }
        return files.sorted()
    }
}
