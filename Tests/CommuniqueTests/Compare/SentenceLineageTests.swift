import Foundation
import Testing

@testable import Communique

/// Sentence lineage on the real US–Japan leaders' statements of 2021, 2022 and 2023, which
/// rewrite nearly every paragraph from year to year but carry formulas over in their sentences.
@Suite(.enabled(if: EnglishSeries.folder != nil, "../shared/samples/en/ is not beside the repository"))
struct SentenceLineageEnglishTests {
    typealias Sentence = SentenceLineage.Sentence
    static let (y2021, y2022, y2023) = (EnglishSeriesComparisonTests.y2021, EnglishSeriesComparisonTests.y2022, EnglishSeriesComparisonTests.y2023)
    static let lineage = SentenceLineage.build([y2021, y2022, y2023])

    static func sentence(_ side: ReleaseComparison.Side, _ start: String) throws -> Sentence {
        let all = lineage[side.id]!.paragraphs.values.joined()
        // The White House's text has no-break spaces here and there ("Article\u{A0}V").
        return try #require(all.first { $0.text.replacingOccurrences(of: "\u{A0}", with: " ").hasPrefix(start) }, "no sentence '\(start)' in \(side.id)")
    }

    @Test func theCrossStraitSentenceIsTracedThrough2022To2021() throws {
        // 2023 "We encourage…" is 2022's "They encouraged…" with another subject and tense;
        // 2022's is the end of 2021's longer sentence on the Taiwan Strait, kept word for word.
        let s2023 = try Self.sentence(Self.y2023, "We encourage the peaceful resolution of cross-Strait issues.")
        let origin2023 = try #require(s2023.origin)
        #expect(!origin2023.isUnchanged && origin2023.since == Self.y2021.id)
        #expect(origin2023.earlier.release == Self.y2022.id && origin2023.earlier.text == "They encouraged the peaceful resolution of cross-Strait issues.")
        let origin2022 = try #require(try Self.sentence(Self.y2022, "They encouraged the peaceful resolution").origin)
        #expect(!origin2022.isUnchanged && origin2022.since == Self.y2021.id && origin2022.earlier.release == Self.y2021.id)
        #expect(origin2022.earlier.text.hasPrefix("We underscore the importance of peace and stability across the Taiwan Strait and encourage"))
    }

    @Test func theArticleVSentenceIsTracedTo2021() throws {
        // 2023 "He also reaffirmed that Article V applies to the Senkaku Islands." is 2021's "It
        // also reaffirmed the fact that Article V of the Treaty applies to the Senkaku
        // Islands." shortened; 2022 joined that formula to the one on unilateral action
        // against Japan's administration of the islands, and comes from 2021 too.
        let origin2023 = try #require(try Self.sentence(Self.y2023, "He also reaffirmed that Article V applies").origin)
        #expect(!origin2023.isUnchanged && origin2023.since == Self.y2021.id)
        #expect(origin2023.earlier.text.replacingOccurrences(of: "\u{A0}", with: " ")
            == "It also reaffirmed the fact that Article V of the Treaty applies to the Senkaku Islands.")
        let origin2022 = try #require(try Self.sentence(Self.y2022, "The President reaffirmed that Article V").origin)
        #expect(!origin2022.isUnchanged && origin2022.since == Self.y2021.id)
        #expect(origin2022.earlier.release == Self.y2021.id && origin2022.earlier.text.contains("Senkaku Islands"))
    }

    @Test func newLanguageIsNotMatchedToAPhraseItShares() throws {
        // "has never been stronger" is said of the Quad in 2021 and of the Alliance in 2023:
        // a phrase, not the sentence.
        #expect(try Self.sentence(Self.y2023, "Our security Alliance has never been stronger.").origin == nil)
        // The 2023 statement's own news: Japan's new strategy documents.
        #expect(try Self.sentence(Self.y2023, "To that end, President Biden commended Japan").origin == nil)
        // The first statement has nothing before it.
        #expect(Self.lineage[Self.y2021.id]!.paragraphs.values.joined().allSatisfy { $0.origin == nil })
    }

    @Test func aReleasesLineageDependsOnlyOnTheReleasesBeforeIt() {
        let withoutLater = SentenceLineage.build([Self.y2021, Self.y2022])
        #expect(withoutLater[Self.y2022.id] == Self.lineage[Self.y2022.id])
    }
}

/// Sentence lineage on the sample and variants of it.
@Suite struct SentenceLineageTests {
    typealias Side = ReleaseComparison.Side

    static func sentences(_ lineage: SentenceLineage) -> [SentenceLineage.Sentence] {
        lineage.paragraphs.sorted { ($0.key.page.section, $0.key.anchor) < ($1.key.page.section, $1.key.anchor) }.flatMap(\.value)
    }

    @Test func unchangedRewordedAndNewSentencesInAVariant() throws {
        let sample = ReleaseComparisonTests.sample
        let variant = ReleaseComparisonTests.variant { side in
            let region = ReleaseComparisonTests.section(side, "chiiki-josei")
            let index = side.sections[region].paragraphs.firstIndex { $0.text.contains("弾道ミサイル発射の継続を強く非難") }!
            side.sections[region].paragraphs[index].text = side.sections[region].paragraphs[index].text
                .replacingOccurrences(of: "継続を強く非難", with: "継続を最も強い言葉で非難")
                + "日米双方は、宇宙空間における協力の深化に向けた新たな作業部会を設置しました。"
        }
        let lineage = SentenceLineage.build([sample, variant])
        let sentences = Self.sentences(lineage[variant.id]!)
        let reworded = try #require(sentences.first { $0.text.contains("最も強い言葉で非難") })
        #expect(reworded.origin?.isUnchanged == false && reworded.origin?.since == sample.id)
        #expect(reworded.origin?.earlier.text == "日米双方は、北朝鮮による弾道ミサイル発射の継続を強く非難しました。")
        #expect(reworded.origin?.earlier.section == "chiiki-josei")
        let new = try #require(sentences.first { $0.text.contains("新たな作業部会") })
        #expect(new.origin == nil)
        // Every other sentence is the sample's, unchanged.
        let others = sentences.filter { $0.text != reworded.text && $0.text != new.text }
        #expect(others.count > 40 && others.allSatisfy { $0.origin?.isUnchanged == true && $0.origin?.since == sample.id })
    }

    @Test func paragraphLabelsAreNotPartOfTheSentences() {
        let lineage = SentenceLineage.build([ReleaseComparisonTests.sample])
        let sentences = Self.sentences(lineage[ReleaseComparisonTests.sample.id]!)
        #expect(!sentences.contains { $0.text.hasPrefix("(1)") || $0.text.hasPrefix("（１）") })
        #expect(sentences.contains { $0.text == "内容は以下の通り。" })
    }
}

@Suite struct SentencesTests {
    @Test func japaneseEndsAtTheFullStopAndKeepsClosingBrackets() {
        #expect(Sentences.split("日米双方は一致しました。米側は「支持する。」と述べました。内容は以下の通り")
            == ["日米双方は一致しました。", "米側は「支持する。」と述べました。", "内容は以下の通り"])
    }

    @Test func englishInitialsTitlesAndAbbreviationsEndNoSentence() {
        #expect(Sentences.split("President Joseph R. Biden, Jr. met Mr. Kishida in the U.S. Capitol. They agreed. \"We will act.\" Then 2024 came.")
            == ["President Joseph R. Biden, Jr. met Mr. Kishida in the U.S. Capitol.", "They agreed.", "\"We will act.\"", "Then 2024 came."])
        #expect(Sentences.split("It costs 2.5 billion. See Art. 5 of the Treaty. it goes on") == ["It costs 2.5 billion.", "See Art. 5 of the Treaty. it goes on"])
    }
}
