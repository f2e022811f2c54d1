import Foundation

/// What a site's inputs look like on disk: every file under `Content/` and `Templates/`
/// with its size and modification time. `serve` takes one every half second and builds
/// again when it differs from the last, as `hugo server` and `zola serve` do.
///
/// Polling rather than inotify: it works the same on every system and in containers,
/// and a site of 500 releases is about 3,000 files, a `stat` each.
public struct SourceSnapshot: Sendable, Equatable {
    /// The folders of a site that a build reads.
    public static let folders = ["Content", "Templates"]

    struct Stamp: Sendable, Equatable {
        var size: Int
        var modified: Int
    }

    /// Path relative to the site root → stamp. Hidden files (an editor's `.swp`) are left out.
    private(set) var files: [String: Stamp] = [:]

    public init(root: URL) {
        for folder in Self.folders {
            let base = root.appendingPathComponent(folder)
            for relative in SiteFiles.walk(base) {
                var status = stat()
                guard stat(base.path + "/" + relative, &status) == 0 else { continue }
                files[folder + "/" + relative] = Stamp(
                    size: Int(status.st_size),
                    modified: Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec))
            }
        }
    }

    /// Files added, changed or removed since `earlier`, sorted.
    public func changes(since earlier: SourceSnapshot) -> [String] {
        let changed = files.filter { earlier.files[$0.key] != $0.value }.map(\.key)
        let removed = earlier.files.keys.filter { files[$0] == nil }
        return (changed + removed).sorted()
    }
}
