import Foundation

/// One fuzz target: takes any bytes, and throws `InvariantFailure` when what the code made
/// of them breaks a rule it promises. Bad input that the code refuses cleanly (a
/// `CommuniqueError` naming the file) is not a failure. Set-up (temporary folders, the MeCab
/// dictionary) is done once, in `init`.
protocol FuzzTarget: AnyObject {
    func test(_ bytes: [UInt8]) throws
}

struct InvariantFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Throws an `InvariantFailure` saying `message` unless `condition` holds.
func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw InvariantFailure(message()) }
}

/// How many lines `bytes` has, for checking that a diagnostic's line is inside the file:
/// the larger of the count by "\n" and the count by YAML's line breaks (libyaml, which
/// numbers the lines of YAML errors, also breaks at a bare "\r", NEL, LS and PS).
func lineCount(_ bytes: [UInt8]) -> Int {
    var newlines = 0
    var yamlBreaks = 0
    var i = 0
    while i < bytes.count {
        switch bytes[i] {
        case 0x0A:
            newlines += 1
            yamlBreaks += 1
        case 0x0D:
            if i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                newlines += 1
                i += 1
            }
            yamlBreaks += 1
        case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0x85:
            yamlBreaks += 1
        case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
            yamlBreaks += 1
        default:
            break
        }
        i += 1
    }
    return max(newlines, yamlBreaks) + 1
}

enum FuzzTargets {
    static let names = ["import", "html", "frontmatter", "yaml", "terms", "markdown", "serverpath"]

    static func make(_ name: String) -> FuzzTarget? {
        #if DEBUG
        switch name {
        case "import": return ImportTarget()
        case "html": return HTMLTarget()
        case "frontmatter": return FrontMatterTarget()
        case "yaml": return YAMLTarget()
        case "terms": return TermsTarget()
        case "markdown": return MarkdownTarget()
        case "serverpath": return ServerPathTarget()
        default: return nil
        }
        #else
        // The targets reach the core's internal API (`@testable import`), which only a debug
        // build has.
        return nil
        #endif
    }
}

/// A scratch folder under the system's temporary folder, removed when the process exits
/// normally.
func makeScratchFolder(_ label: String) -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("communique-fuzz-\(label)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    ScratchFolders.add(url)
    return url
}

enum ScratchFolders {
    nonisolated(unsafe) private static var folders: [URL] = []
    nonisolated(unsafe) private static var registered = false

    static func add(_ url: URL) {
        folders.append(url)
        if !registered {
            registered = true
            atexit { ScratchFolders.removeAll() }
        }
    }

    static func removeAll() {
        for url in folders { try? FileManager.default.removeItem(at: url) }
        folders = []
    }
}

/// `communique-fuzz replay TARGET|all PATH…`.
enum Replay {
    static func run(_ arguments: [String]) -> Int32 {
        var arguments = arguments
        let verbose = arguments.first == "-v"
        if verbose { arguments.removeFirst() }
        guard arguments.count >= 2 else {
            FileHandle.standardError.write(Data(FuzzMain.usage.utf8))
            return 2
        }
        let name = arguments[0]
        let paths = Array(arguments.dropFirst())
        let names = name == "all" ? FuzzTargets.names : [name]
        guard !names.isEmpty, names.allSatisfy({ FuzzTargets.names.contains($0) }) else {
            FileHandle.standardError.write(Data("communique-fuzz: unknown target '\(name)'\n\(FuzzMain.usage)".utf8))
            return 2
        }
        var failures = 0
        var total = 0
        for target in names {
            let folders = name == "all" ? paths.map { ($0 as NSString).appendingPathComponent(target) } : paths
            let files = folders.flatMap { Self.files(under: $0, required: name != "all") }
            guard !files.isEmpty else { continue }
            FuzzState.name = target
            guard let instance = FuzzTargets.make(target) else {
                say("communique-fuzz: the targets need a debug build (they use the core's internal API)")
                return 2
            }
            var failed = 0
            for file in files {
                if verbose { FileHandle.standardError.write(Data("\(target): \(file)\n".utf8)) }
                guard let data = FileManager.default.contents(atPath: file) else {
                    say("FAILED: \(target): \(file): cannot be read")
                    failed += 1
                    continue
                }
                do {
                    try instance.test([UInt8](data))
                } catch {
                    say("FAILED: \(target): \(file): \(error)")
                    failed += 1
                }
            }
            say("\(target): \(files.count) inputs replayed, \(failed) failed")
            total += files.count
            failures += failed
        }
        if total == 0 {
            say("communique-fuzz: no inputs found under \(paths.joined(separator: " "))")
            return 1
        }
        return failures == 0 ? 0 : 1
    }

    /// Every regular file under `path` (or `path` itself), hidden ones skipped, sorted.
    static func files(under path: String, required: Bool) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            if required { say("communique-fuzz: no such file or folder: \(path)") }
            return []
        }
        guard isFolder.boolValue else { return [path] }
        let found = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
        return found.filter { relative in
            !relative.split(separator: "/").contains { $0.hasPrefix(".") }
        }.map { (path as NSString).appendingPathComponent($0) }.filter {
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &folder) && !folder.boolValue
        }.sorted()
    }
}
