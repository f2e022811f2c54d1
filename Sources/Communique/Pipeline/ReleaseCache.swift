import Foundation

/// What Load and Analyse made of each release, kept between builds in the site's
/// `.communique/cache/` (one file per release), so a release whose files did not change is
/// neither read from Markdown, nor parsed by cmark, nor analysed again. Cross-release
/// results (glossary, topics, related paragraphs) are still computed in every build, from
/// these per-release values.
///
/// A file is used only when it is ours, whole and for the same key (`ReleaseFilesKey`,
/// which includes the program): anything else — damaged, cut short, from another
/// version, put there by hand or by a repository, a link — is ignored and replaced.
struct ReleaseCache: Sendable {
    static let magic = Array("communique-release-cache 1\n".utf8)

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

    /// Writes the entries (each whole: a temporary file renamed over the old one) and
    /// removes the files of releases not in `keeping`. Failing to write is no error: the
    /// next build reads those releases again.
    func update(_ entries: [Entry], keeping ids: Set<String>) {
        guard isUsable else { return }
        let state = folder.deletingLastPathComponent()
        for path in [state, folder] where mkdir(path.path, 0o755) != 0 && errno != EEXIST { return }
        guard isUsable else { return }
        for entry in entries where ReleaseID.isValid(entry.release.id) {
            let temporary = folder.appendingPathComponent(".\(entry.release.id).new")
            unlink(temporary.path)
            guard (try? SiteWriter.writeFile(temporary.path, Self.encode(entry), name: temporary.path)) != nil else { continue }
            if (try? SiteWriter.rename(temporary, to: file(for: entry.release.id))) == nil { unlink(temporary.path) }
        }
        for (name, _) in SiteFiles.entries(of: folder.path) where name.hasSuffix(Self.fileExtension) {
            let id = String(name.dropLast(Self.fileExtension.count))
            if !ids.contains(id) { unlink(folder.appendingPathComponent(name).path) }
        }
    }

    static let fileExtension = ".release"

    private func file(for id: String) -> URL { folder.appendingPathComponent(id + Self.fileExtension) }

    /// Neither folder is a link (a repository could carry one pointing anywhere).
    private var isUsable: Bool {
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
        var file = BinaryWriter()
        file.write(entry.key)
        file.write(payload.bytes.count)
        var checksum = StableHasher()
        checksum.combine(bytes: payload.bytes)
        return magic + file.bytes + payload.bytes + Array(checksum.hex.utf8)
    }

    static func decode(_ bytes: [UInt8], id: String, key: String) throws -> Entry? {
        guard bytes.starts(with: magic) else { return nil }
        var header = BinaryReader(bytes, from: magic.count)
        guard try header.string() == key else { return nil }
        let length = try header.count()
        let start = header.position
        guard bytes.count - start == length + 16 else { return nil }
        var checksum = StableHasher()
        checksum.combine(bytes: bytes[start..<start + length])
        guard Array(checksum.hex.utf8) == Array(bytes[(start + length)...]) else { return nil }
        var reader = BinaryReader(Array(bytes[start..<start + length]))
        let release: Release = try reader.value()
        let body = try ParsedPage(from: &reader, source: release.body)
        let sectionCount = try reader.count()
        guard release.id == id, sectionCount == release.sections.count else { return nil }
        let sections = try release.sections.map { try ParsedPage(from: &reader, source: $0.body) }
        let terms: [ExtractedTerm] = try reader.array()
        guard reader.isAtEnd else { return nil }
        return Entry(key: key, release: release, analysis: ReleaseAnalysis(id: id, body: body, sections: sections, terms: terms))
    }
}
