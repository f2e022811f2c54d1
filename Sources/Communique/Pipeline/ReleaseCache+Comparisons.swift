import Foundation

/// Each release's comparison with the previous meeting of its series, kept between builds
/// (`<id>.changes`), under the key of both releases' files: adding a meeting compares only
/// it (and the one after it, when it comes between two), not the whole archive again.
///
/// Only the alignment is kept (statuses, positions, runs); the two sides are read from the
/// releases as analysed, and a kept alignment whose positions do not fit them is ignored.
extension ReleaseCache {
    static let changesMagic = Array("communique-changes-cache 1\n".utf8)
    static let changesExtension = ".changes"

    static func comparisonKey(old: String, oldKey: String, newKey: String) -> String { "\(old)\n\(oldKey)\n\(newKey)" }

    func comparison(old: ReleaseComparison.Side, new: ReleaseComparison.Side, key: String) -> ReleaseComparison? {
        guard ReleaseID.isValid(new.id), isUsable, let bytes = SiteFiles.regularFileBytes(changesFile(for: new.id).path),
            let payload = Self.payload(of: bytes, magic: Self.changesMagic, key: key)
        else { return nil }
        var reader = BinaryReader(payload)
        guard let entries = try? reader.array(ReleaseComparison.Entry.self), reader.isAtEnd,
            let comparison = ReleaseComparison(old: old, new: new, entries: entries)
        else { return nil }
        return comparison
    }

    func keepComparison(_ comparison: ReleaseComparison, key: String) {
        let id = comparison.new.id
        guard ReleaseID.isValid(id), prepareFolder() else { return }
        var payload = BinaryWriter()
        payload.write(comparison.entries)
        write(Self.frame(payload.bytes, magic: Self.changesMagic, key: key), to: changesFile(for: id), temporaryName: ".\(id).changes.new")
    }

    private func changesFile(for id: String) -> URL { folder.appendingPathComponent(id + Self.changesExtension) }
}

extension ReleaseComparison {
    /// A kept alignment of these two sides, when every entry's positions are on them.
    init?(old: Side, new: Side, entries: [Entry]) {
        func fits(_ positions: [Position], _ side: Side) -> Bool {
            positions.allSatisfy { side.sections.indices.contains($0.section) && side.sections[$0.section].paragraphs.indices.contains($0.paragraph) }
        }
        guard entries.allSatisfy({ fits($0.old, old) && fits($0.new, new) }) else { return nil }
        self.old = old
        self.new = new
        self.entries = entries
    }
}

extension ReleaseComparison.Entry: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(ReleaseComparison.Status.allCases.firstIndex(of: status)!)
        writer.write(old.flatMap { [$0.section, $0.paragraph] })
        writer.write(new.flatMap { [$0.section, $0.paragraph] })
        writer.write(runs.count)
        for run in runs {
            switch run {
            case .kept(let text): writer.write(0); writer.write(text)
            case .deleted(let text): writer.write(1); writer.write(text)
            case .inserted(let text): writer.write(2); writer.write(text)
            }
        }
    }

    init(from reader: inout BinaryReader) throws {
        let statuses = ReleaseComparison.Status.allCases
        let status = try reader.int()
        guard statuses.indices.contains(status) else { throw BinaryReader.Malformed() }
        func positions() throws -> [ReleaseComparison.Position] {
            let numbers = try reader.ints()
            guard numbers.count % 2 == 0 else { throw BinaryReader.Malformed() }
            return stride(from: 0, to: numbers.count, by: 2).map { .init(section: numbers[$0], paragraph: numbers[$0 + 1]) }
        }
        let old = try positions(), new = try positions()
        var runs: [InlineDiff.Run] = []
        for _ in 0..<(try reader.count()) {
            let kind = try reader.int()
            let text = try reader.string()
            switch kind {
            case 0: runs.append(.kept(text))
            case 1: runs.append(.deleted(text))
            case 2: runs.append(.inserted(text))
            default: throw BinaryReader.Malformed()
            }
        }
        self.init(status: statuses[status], old: old, new: new, runs: runs)
    }
}

/// Each release's sentence lineage, kept (`<id>.lineage`) under the key of its series' releases'
/// files up to it (`chain`): an older meeting's lineage depends on nothing after it, so adding a
/// meeting traces only the new one's sentences. (The key is `SentenceLineage.key`.)
extension ReleaseCache {
    static let lineageMagic = Array("communique-lineage-cache 1\n".utf8)
    static let lineageExtension = ".lineage"

    func lineage(of side: ReleaseComparison.Side, key: String) -> SentenceLineage? {
        guard ReleaseID.isValid(side.id), isUsable, let bytes = SiteFiles.regularFileBytes(lineageFile(for: side.id).path),
            let payload = Self.payload(of: bytes, magic: Self.lineageMagic, key: key)
        else { return nil }
        var reader = BinaryReader(payload)
        guard let lineage = try? SentenceLineage(from: &reader), reader.isAtEnd else { return nil }
        // Its paragraphs must be the release's.
        var refs = Set<ParagraphRef>()
        for section in side.sections {
            for paragraph in section.paragraphs { refs.insert(ParagraphRef(page: PageKey(release: side.id, section: section.slug), anchor: paragraph.anchor)) }
        }
        guard lineage.paragraphs.keys.allSatisfy(refs.contains) else { return nil }
        return lineage
    }

    func keepLineage(_ lineage: SentenceLineage, id: String, key: String) {
        guard ReleaseID.isValid(id), prepareFolder() else { return }
        var payload = BinaryWriter()
        lineage.encode(to: &payload)
        write(Self.frame(payload.bytes, magic: Self.lineageMagic, key: key), to: lineageFile(for: id), temporaryName: ".\(id).lineage.new")
    }

    private func lineageFile(for id: String) -> URL { folder.appendingPathComponent(id + Self.lineageExtension) }
}

extension SentenceLineage: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        let refs = paragraphs.keys.sorted()
        writer.write(refs.count)
        for ref in refs {
            for text in [ref.page.release, ref.page.section, ref.anchor] { writer.write(text) }
            let sentences = paragraphs[ref]!
            writer.write(sentences.count)
            for sentence in sentences {
                writer.write(sentence.text)
                writer.write(sentence.origin != nil)
                guard let origin = sentence.origin else { continue }
                for text in [origin.earlier.release, origin.earlier.section, origin.earlier.anchor, origin.earlier.text, origin.since] {
                    writer.write(text)
                }
                writer.write(origin.isUnchanged)
            }
        }
    }

    init(from reader: inout BinaryReader) throws {
        self.init()
        for _ in 0..<(try reader.count()) {
            let ref = ParagraphRef(page: PageKey(release: try reader.string(), section: try reader.string()), anchor: try reader.string())
            var sentences: [Sentence] = []
            for _ in 0..<(try reader.count()) {
                let text = try reader.string()
                guard try reader.bool() else {
                    sentences.append(Sentence(text: text, origin: nil))
                    continue
                }
                let place = Place(release: try reader.string(), section: try reader.string(), anchor: try reader.string(), text: try reader.string())
                let since = try reader.string()
                sentences.append(Sentence(text: text, origin: Origin(earlier: place, isUnchanged: try reader.bool(), since: since)))
            }
            paragraphs[ref] = sentences
        }
    }
}
