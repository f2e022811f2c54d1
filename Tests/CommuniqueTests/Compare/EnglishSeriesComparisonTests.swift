import Foundation
import Testing

@testable import Communique

/// The US–Japan leaders' joint statements of 2021, 2022 and 2023 (real text, read from
/// `../shared/samples/en/`, never copied here): rewritten so thoroughly from year to year
/// that whole paragraphs rarely survive. The comparison must say so, and pair only what is
/// truly the same paragraph. (The language they carry over is traced sentence by sentence,
/// not here.)
@Suite(.enabled(if: EnglishSeries.folder != nil, "../shared/samples/en/ is not beside the repository"))
struct EnglishSeriesComparisonTests {
    static let y2021 = EnglishSeries.side("2021-04-16-us-japan-joint-leaders-statement")
    static let y2022 = EnglishSeries.side("2022-05-23-japan-us-joint-leaders-statement")
    static let y2023 = EnglishSeries.side("2023-01-13-joint-statement-us-japan")

    /// The pairs (not new, not removed), each as its two texts.
    static func pairs(_ old: ReleaseComparison.Side, _ new: ReleaseComparison.Side) -> [(status: ReleaseComparison.Status, old: String, new: String)] {
        let comparison = ReleaseComparison(old: old, new: new)
        let mirror = ReleaseComparison(old: new, new: old)
        #expect(mirror.entries.count == comparison.entries.count)
        return comparison.entries.filter { !$0.old.isEmpty && !$0.new.isEmpty }.map { entry in
            (entry.status, entry.old.map { comparison.paragraph($0, in: old).text }.joined(separator: " "),
             entry.new.map { comparison.paragraph($0, in: new).text }.joined(separator: " "))
        }
    }

    @Test func from2021To2022OnlyTheRealignmentParagraphIsPaired() throws {
        #expect(Self.y2021.sections.flatMap(\.paragraphs).count >= 15 && Self.y2022.sections.flatMap(\.paragraphs).count >= 30)
        let pairs = Self.pairs(Self.y2021, Self.y2022).filter { !$0.old.allSatisfy { $0 == "#" || $0 == "\\" } }
        // 2021 has one long defence paragraph (the Alliance, Article V and the Senkakus,
        // deterrence, cyber, realignment, host-nation support); 2022 keeps its last topic as a
        // paragraph of its own: Futenma, Henoko, Mageshima and the Marines' move to Guam, in
        // the same words ("the only solution that avoids the continued use of"). That is the
        // one paragraph the two statements share.
        try #require(pairs.count == 1, "\(pairs.map { ($0.status, $0.new.prefix(80)) })")
        #expect(pairs[0].status == .changed)
        for place in ["Henoko", "Mageshima", "Guam"] {
            #expect(pairs[0].old.contains(place) && pairs[0].new.contains(place))
        }
        #expect(pairs[0].old.contains("Senkaku") && !pairs[0].new.contains("Senkaku"))
    }

    @Test func from2022To2023NoParagraphSurvives() {
        // 2023 is a shorter statement in new words throughout: its Article V and cross-Strait
        // sentences echo 2022's, but in paragraphs that are otherwise new.
        let pairs = Self.pairs(Self.y2022, Self.y2023).filter { !$0.old.allSatisfy { $0 == "#" || $0 == "\\" } }
        #expect(pairs.isEmpty, "\(pairs.map { ($0.status, $0.new.prefix(80)) })")
        let comparison = ReleaseComparison(old: Self.y2022, new: Self.y2023)
        #expect((comparison.counts[.new] ?? 0) > 3 && (comparison.counts[.removed] ?? 0) > 20)
    }
}

/// The statements as compared: the body's paragraphs (blank-line separated, wrapped lines
/// joined), headings (whole-line bold, `#`) left out, in one section.
enum EnglishSeries {
    static let folder: URL? = {
        let candidates = [ProcessInfo.processInfo.environment["COMMUNIQUE_SHARED"].map { URL(fileURLWithPath: $0) },
                          TestSite.repository.deletingLastPathComponent().appendingPathComponent("shared")]
        return candidates.compactMap { $0?.appendingPathComponent("samples/en") }
            .first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("SOURCES.md").path) }
    }()

    static func side(_ name: String) -> ReleaseComparison.Side {
        guard let folder, let text = try? String(contentsOf: folder.appendingPathComponent(name + ".md"), encoding: .utf8)
        else { return ReleaseComparison.Side(id: name, sections: []) }
        let body = text.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        let blocks = body.components(separatedBy: "\n").split { $0.trimmingCharacters(in: .whitespaces).isEmpty }
        let paragraphs = blocks.enumerated().compactMap { index, lines -> ReleaseComparison.Side.Paragraph? in
            let text = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            let heading = text.hasPrefix("#") || (text.hasPrefix("**") && text.hasSuffix("**"))
            return heading ? nil : .init(anchor: "p\(index)", label: "", text: text)
        }
        return ReleaseComparison.Side(id: name, sections: [.init(slug: "", title: "", paragraphs: paragraphs)])
    }
}
