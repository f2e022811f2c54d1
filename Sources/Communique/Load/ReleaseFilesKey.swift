import Foundation

/// The key of what a release is read from: its folder's Markdown files (names and bytes),
/// the settings that change how they are read (site language, raw HTML, the topic ids its
/// pages may name) and the program. Equal keys, equal release: an earlier build's reading
/// of it (`ReleaseCache`) can be used instead of reading it again.
enum ReleaseFilesKey {
    static func settings(config: SiteConfig, topicIDs: Set<String>) -> String {
        var hasher = StableHasher()
        hasher.combine(ProgramIdentity.current)
        hasher.combine(config.language)
        hasher.combine(config.allowRawHTML ? 1 : 0)
        for id in topicIDs.sorted() { hasher.combine(id) }
        return hasher.hex
    }

    /// Nil when the folder holds something other than regular `.md` files where the loader
    /// reads (a link, a folder named `x.md`): the loader reads it and says what is wrong.
    static func of(_ folder: URL, settings: String) -> String? {
        var status = stat()
        guard lstat(folder.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return nil }
        var hasher = StableHasher()
        hasher.combine(settings)
        let names = SiteFiles.entries(of: folder.path).map(\.name).filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
        for name in names {
            guard let bytes = SiteFiles.regularFileBytes(folder.path + "/" + name) else { return nil }
            hasher.combine(name)
            hasher.combine(bytes.count)
            hasher.combine(bytes: bytes)
        }
        return hasher.hex
    }
}
