import Foundation

/// What Load, Analyse and Link made of each release, kept between builds in the site's
/// `.communique/cache/` (per release, a `.release` file and a `.links` file), so a release
/// whose files did not change is neither read from Markdown, nor parsed by cmark, nor
/// analysed again, and its term links are not looked for again while the glossary's forms
/// are the same. Cross-release results (glossary, topics, related paragraphs, back-links)
/// are still computed in every build, from these per-release values.
///
/// A file is used only when it is ours, whole and for the same key (`ReleaseFilesKey`,
/// which includes the program): anything else — damaged, cut short, from another
/// version, put there by hand or by a repository, a link — is ignored and replaced.
struct ReleaseCache: Sendable {
    static let magic = Array("communique-release-cache 2\n".utf8)
    static let linksMagic = Array("communique-links-cache 1\n".utf8)
    static let searchMagic = Array("communique-search-tokens 1\n".utf8)
    /// Each release's key is in it, so the file needs none of its own.
    static let searchFile = "search.tokens"

    /// `.communique/cache`; refused (nothing read or written) when it or `.communique` is a link.
    let folder: URL

    init(state: URL) {
        folder = state.appendingPathComponent("cache")
    }

    struct Entry: Equatable {
        var key: String
        var release: Release
        var analysis: ReleaseAnalysis
    }

    /// The entry kept for release `id` under `key`, or nil.
    func entry(id: String, key: String) -> Entry? {
        guard ReleaseID.isValid(id), isUsable, let bytes = SiteFiles.regularFileBytes(file(for: id).path) else { return nil }
        return try? Self.decode(bytes, id: id, key: key)
    }

    /// The links kept for release `id` under `key` (its files' key and the glossary's), or nil.
    /// They are checked against the release's pages: every use must point at a run there is.
    func links(id: String, key: String, pages: [ParsedPage?]) -> ReleaseLinks? {
        guard ReleaseID.isValid(id), isUsable, let bytes = SiteFiles.regularFileBytes(linksFile(for: id).path),
            let payload = Self.payload(of: bytes, magic: Self.linksMagic, key: key)
        else { return nil }
        var reader = BinaryReader(payload)
        guard let links = try? ReleaseLinks(from: &reader), reader.isAtEnd, links.fits(pages) else { return nil }
        return links
    }

    /// The search index's text postings kept by the last build, or nil.
    func searchTokens() -> SearchTokens? {
        guard isUsable, let bytes = SiteFiles.regularFileBytes(folder.appendingPathComponent(Self.searchFile).path),
            let payload = Self.payload(of: bytes, magic: Self.searchMagic, key: "")
        else { return nil }
        var reader = BinaryReader(payload)
        guard let tokens = try? SearchTokens(from: &reader), reader.isAtEnd else { return nil }
        return tokens
    }

    /// Writes the search index's text postings (whole, as `update` writes entries).
    func keepSearchTokens(_ tokens: SearchTokens) {
        guard prepareFolder() else { return }
        var payload = BinaryWriter()
        tokens.encode(to: &payload)
        write(Self.frame(payload.bytes, magic: Self.searchMagic, key: ""), to: folder.appendingPathComponent(Self.searchFile), temporaryName: ".search.new")
    }

    /// Writes one release's links (whole, as `update` writes entries).
    func keepLinks(_ links: ReleaseLinks, id: String, key: String) {
        guard ReleaseID.isValid(id), prepareFolder() else { return }
        var payload = BinaryWriter()
        links.encode(to: &payload)
        write(Self.frame(payload.bytes, magic: Self.linksMagic, key: key), to: linksFile(for: id), temporaryName: ".\(id).links.new")
    }

    /// Writes the entries (each whole: a temporary file renamed over the old one) and
    /// removes the files of releases not in `keeping`. Failing to write is no error: the
    /// next build reads those releases again.
    func update(_ entries: [Entry], keeping ids: Set<String>) {
        guard prepareFolder() else { return }
        for entry in entries where ReleaseID.isValid(entry.release.id) {
            write(Self.encode(entry), to: file(for: entry.release.id), temporaryName: ".\(entry.release.id).new")
        }
        for (name, _) in SiteFiles.entries(of: folder.path) {
            for suffix in [Self.fileExtension, Self.linksExtension, Self.changesExtension, Self.lineageExtension] where name.hasSuffix(suffix) {
                if !ids.contains(String(name.dropLast(suffix.count))) { unlink(folder.appendingPathComponent(name).path) }
            }
        }
    }

    /// Makes `.communique/cache` when needed; false when it cannot be used.
    func prepareFolder() -> Bool {
        guard isUsable else { return false }
        for path in [folder.deletingLastPathComponent(), folder] where mkdir(path.path, 0o755) != 0 && errno != EEXIST { return false }
        return isUsable
    }

    func write(_ bytes: [UInt8], to file: URL, temporaryName: String) {
        let temporary = folder.appendingPathComponent(temporaryName)
        unlink(temporary.path)
        guard (try? SiteWriter.writeFile(temporary.path, bytes, name: temporary.path)) != nil else { return }
        if (try? SiteWriter.rename(temporary, to: file)) == nil { unlink(temporary.path) }
    }

    static let fileExtension = ".release"
    static let linksExtension = ".links"

    private func file(for id: String) -> URL { folder.appendingPathComponent(id + Self.fileExtension) }
    private func linksFile(for id: String) -> URL { folder.appendingPathComponent(id + Self.linksExtension) }

    /// Neither folder is a link (a repository could carry one pointing anywhere).
    var isUsable: Bool {
        [folder.deletingLastPathComponent(), folder].allSatisfy { (try? BuildState.refuseLink($0)) != nil }
    }

    // MARK: - Format: magic, key, payload length, payload, FNV-1a of the payload

    static func encode(_ entry: Entry) -> [UInt8] {
        var payload = BinaryWriter()
        payload.write(entry.release)
        entry.analysis.body.encode(to: &payload)
        payload.write(entry.analysis.sections.count)
        for page in entry.analysis.sections { page.encode(to: &payload) }
        payload.write(entry.analysis.terms)
        return frame(payload.bytes, magic: magic, key: entry.key)
    }

    static func decode(_ bytes: [UInt8], id: String, key: String) throws -> Entry? {
        guard let payload = payload(of: bytes, magic: magic, key: key) else { return nil }
        var reader = BinaryReader(payload)
        let release: Release = try reader.value()
        let body = try ParsedPage(from: &reader, source: release.body)
        let sectionCount = try reader.count()
        guard release.id == id, sectionCount == release.sections.count else { return nil }
        let sections = try release.sections.map { try ParsedPage(from: &reader, source: $0.body) }
        let terms: [ExtractedTerm] = try reader.array()
        guard reader.isAtEnd else { return nil }
        return Entry(key: key, release: release, analysis: ReleaseAnalysis(id: id, body: body, sections: sections, terms: terms))
    }

    static func frame(_ payload: [UInt8], magic: [UInt8], key: String) -> [UInt8] {
        var header = BinaryWriter()
        header.write(key)
        header.write(payload.count)
        var checksum = StableHasher()
        checksum.combine(bytes: payload)
        return magic + header.bytes + payload + Array(checksum.hex.utf8)
    }

    /// The payload of a file framed for `key`; nil when it is not ours, for another key,
    /// or not whole.
    static func payload(of bytes: [UInt8], magic: [UInt8], key: String) -> [UInt8]? {
        guard bytes.starts(with: magic) else { return nil }
        var header = BinaryReader(bytes, from: magic.count)
        guard (try? header.string()) == key, let length = try? header.count() else { return nil }
        let start = header.position
        guard bytes.count - start == length + 16 else { return nil }
        var checksum = StableHasher()
        checksum.combine(bytes: bytes[start..<start + length])
        guard Array(checksum.hex.utf8) == Array(bytes[(start + length)...]) else { return nil }
        return Array(bytes[start..<start + length])
    }
}
