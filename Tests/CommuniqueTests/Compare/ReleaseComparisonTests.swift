import Foundation
import Testing

@testable import Communique

/// Paragraph alignment between two releases, on variants of the sample each made with one
/// kind of change, checked to the exact status and the exact runs inserted and deleted.
@Suite struct ReleaseComparisonTests {
    typealias Side = ReleaseComparison.Side
    typealias Status = ReleaseComparison.Status

    /// The sample release as compared.
    static let sample: Side = {
        let site = try! TestSite.sampleAndMinimal()
        defer { site.remove() }
        let source = try! SiteLoader().load(root: site.root)
        let analysis = SiteAnalyser().analyse(source)
        return Side(release: source.release(withID: "2024-07-28-japan-us-2plus2")!, analysis: analysis)
    }()

    /// The sample with another id and `change` made to it.
    static func variant(_ change: (inout Side) -> Void) -> Side {
        var side = sample
        side.id = "2025-01-01-variant"
        change(&side)
        return side
    }

    static func section(_ side: Side, _ slug: String) -> Int {
        side.sections.firstIndex { $0.slug == slug }!
    }

    /// Statuses by entry, leaving out the unchanged, with the new (or, when removed, old)
    /// paragraphs' labels: "changed chiiki-josei (4)".
    static func changes(_ comparison: ReleaseComparison) -> [String] {
        comparison.entries.filter { $0.status != .unchanged }.map { entry in
            let (side, positions) = entry.new.isEmpty ? (comparison.old, entry.old) : (comparison.new, entry.new)
            let labels = positions.map { side.sections[$0.section].slug + " " + side.sections[$0.section].paragraphs[$0.paragraph].label }
            return "\(entry.status.rawValue) \(labels.joined(separator: ", "))"
        }
    }

    static func entry(_ comparison: ReleaseComparison, _ status: Status) -> ReleaseComparison.Entry? {
        comparison.entries.first { $0.status == status }
    }

    /// Every comparison here is checked against its mirror too.
    static func compare(_ old: Side, _ new: Side) -> ReleaseComparison {
        let forward = ReleaseComparison(old: old, new: new)
        let backward = ReleaseComparison(old: new, new: old)
        #expect(Set(forward.entries.map(Key.init)) == Set(backward.entries.map { Key($0.mirrored) }), "not a mirror image")
        return forward
    }

    struct Key: Hashable {
        var status: Status, old: [ReleaseComparison.Position], new: [ReleaseComparison.Position], runs: [InlineDiff.Run]
        init(_ entry: ReleaseComparison.Entry) { (status, old, new, runs) = (entry.status, entry.old, entry.new, entry.runs) }
    }

    @Test func identicalReleasesAreUnchangedThroughout() {
        let comparison = Self.compare(Self.sample, Self.variant { _ in })
        let count = Self.sample.sections.reduce(0) { $0 + $1.paragraphs.count }
        #expect(comparison.entries.count == count && count > 20)
        #expect(comparison.entries.allSatisfy { $0.status == .unchanged && $0.old == $0.new })
    }

    @Test func aChangedWordIsOneReadableRun() {
        let chiiki = Self.section(Self.sample, "chiiki-josei")
        let new = Self.variant { side in
            side.sections[chiiki].paragraphs[4].text = side.sections[chiiki].paragraphs[4].text
                .replacingOccurrences(of: "発射の継続を強く非難しました", with: "発射の継続を最も強い言葉で非難しました")
        }
        let comparison = Self.compare(Self.sample, new)
        #expect(Self.changes(comparison) == ["changed chiiki-josei (4)"])
        let runs = Self.entry(comparison, .changed)!.runs
        #expect(runs.filter { if case .kept = $0 { false } else { true } } == [.deleted("強く"), .inserted("最も強い言葉で")])
        #expect(runs.map(\.text).joined().contains("北朝鮮による弾道ミサイル発射の継続を"))
    }

    @Test func anAddedSentenceIsInsertedWhole() {
        let soron = Self.section(Self.sample, "soron")
        let sentence = "また、日米双方は、宇宙分野での協力を一層深化させることで一致しました。"
        let new = Self.variant { side in side.sections[soron].paragraphs[1].text += sentence }
        let comparison = Self.compare(Self.sample, new)
        #expect(Self.changes(comparison) == ["changed soron (2)"])
        let runs = Self.entry(comparison, .changed)!.runs
        #expect(runs.count == 2 && runs.last == .inserted(sentence))
    }

    @Test func aParagraphMovedToAnotherSectionIsMoved() {
        let soron = Self.section(Self.sample, "soron"), chiiki = Self.section(Self.sample, "chiiki-josei")
        let new = Self.variant { side in
            var moved = side.sections[soron].paragraphs.remove(at: 2)
            moved.text = "(6)" + moved.text.dropFirst(3)
            moved.label = "(6)"
            side.sections[chiiki].paragraphs.append(moved)
        }
        let comparison = Self.compare(Self.sample, new)
        #expect(Self.changes(comparison) == ["moved chiiki-josei (6)"])
        // Renumbered, not reworded: nothing inside it changed.
        #expect(Self.entry(comparison, .moved)!.runs.allSatisfy { if case .kept = $0 { true } else { false } })
    }

    @Test func aRenumberedAndRetitledSectionIsUnchanged() {
        let chiiki = Self.section(Self.sample, "chiiki-josei")
        let new = Self.variant { side in
            side.sections[chiiki].title = "地域の安全保障環境"
            side.sections[chiiki].slug = "chiiki-no-anzen-hosho-kankyo"
            for index in side.sections[chiiki].paragraphs.indices where !side.sections[chiiki].paragraphs[index].label.isEmpty {
                let paragraph = side.sections[chiiki].paragraphs[index]
                let label = "(\(index + 10))"
                side.sections[chiiki].paragraphs[index].label = label
                side.sections[chiiki].paragraphs[index].text = label + paragraph.text.dropFirst(paragraph.label.count)
            }
        }
        let comparison = Self.compare(Self.sample, new)
        #expect(Self.changes(comparison) == [])
    }

    @Test func aParagraphSplitInTwoIsSplit() {
        let chiiki = Self.section(Self.sample, "chiiki-josei")
        let whole = Self.sample.sections[chiiki].paragraphs[4]
        let sentences = whole.text.split(separator: "。", omittingEmptySubsequences: true).map { String($0) + "。" }
        let first = sentences[0], rest = sentences.dropFirst().joined()
        let new = Self.variant { side in
            side.sections[chiiki].paragraphs[4].text = first
            side.sections[chiiki].paragraphs.insert(Side.Paragraph(anchor: "sec_2__para_4b", label: "", text: rest), at: 5)
        }
        let comparison = Self.compare(Self.sample, new)
        #expect(Self.changes(comparison) == ["split chiiki-josei (4), chiiki-josei "])
        let split = Self.entry(comparison, .split)!
        #expect(split.old.count == 1 && split.new.count == 2)
        let onlyKept = split.runs.allSatisfy { if case .kept = $0 { true } else { false } }
        #expect(onlyKept, "nothing but the cut changed: \(split.runs)")
    }

    @Test func aNewSectionIsNew() {
        let new = Self.variant { side in
            side.sections.append(Side.Section(slug: "uchu", title: "宇宙", paragraphs: [
                Side.Paragraph(anchor: "sec_5__para_1", label: "(1)", text: "(1)日米双方は、月面探査における協力の進展を歓迎しました。"),
                Side.Paragraph(anchor: "sec_5__para_2", label: "(2)", text: "(2)日米双方は、宇宙状況把握の能力を共有する意図を確認しました。"),
            ]))
        }
        let comparison = Self.compare(Self.sample, new)
        #expect(Self.changes(comparison) == ["new uchu (1)", "new uchu (2)"])
    }

    @Test func aRemovedParagraphIsRemovedWhereItStood() {
        let chiiki = Self.section(Self.sample, "chiiki-josei")
        let new = Self.variant { side in
            side.sections[chiiki].paragraphs.remove(at: 2)
            for index in 2..<side.sections[chiiki].paragraphs.count {
                let paragraph = side.sections[chiiki].paragraphs[index]
                let label = "(\(index))"
                side.sections[chiiki].paragraphs[index].label = label
                side.sections[chiiki].paragraphs[index].text = label + paragraph.text.dropFirst(paragraph.label.count)
            }
        }
        let comparison = Self.compare(Self.sample, new)
        #expect(Self.changes(comparison) == ["removed chiiki-josei (2)"])
        // Between the entries of the paragraphs that stood before and after it.
        let at = comparison.entries.firstIndex { $0.status == .removed }!
        #expect(comparison.entries[at - 1].old == [ReleaseComparison.Position(section: chiiki, paragraph: 1)])
        #expect(comparison.entries[at + 1].old == [ReleaseComparison.Position(section: chiiki, paragraph: 3)])
    }

    @Test func degenerateReleases() {
        let empty = Side(id: "2020-01-01-empty", sections: [])
        let fromEmpty = Self.compare(empty, Self.sample)
        #expect(fromEmpty.entries.allSatisfy { $0.status == .new })
        #expect(Self.compare(Self.sample, empty).entries.allSatisfy { $0.status == .removed })
        #expect(Self.compare(empty, Side(id: "2021-01-01-empty", sections: [.init(slug: "", title: "", paragraphs: [])])).entries.isEmpty)
        // Nothing in common: an English statement against the Japanese sample.
        let english = Side(id: "2023-01-13-en", sections: [.init(slug: "", title: "", paragraphs: [
            .init(anchor: "p1", label: "", text: "Today, we reaffirm our commitment to a free and open Indo-Pacific."),
            .init(anchor: "p2", label: "", text: "We condemn North Korea's unprecedented number of ballistic missile launches."),
        ])])
        let apart = Self.compare(Self.sample, english)
        #expect(apart.entries.allSatisfy { $0.status == .new || $0.status == .removed })
    }

    @Test func theDiffOfLatinTextIsByWord() {
        let runs = InlineDiff.runs(
            from: "They encouraged the peaceful resolution of cross-Strait issues.",
            to: "We encourage the peaceful resolution of cross-Strait issues.")
        #expect(runs == [.deleted("They encouraged"), .inserted("We encourage"), .kept(" the peaceful resolution of cross-Strait issues.")])
    }
}
