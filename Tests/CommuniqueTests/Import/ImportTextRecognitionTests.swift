import Testing

@testable import Communique

/// The small recognisers the parser is built from.
@Suite struct ImportTextRecognitionTests {
    func lines(_ text: String) -> [SourceLine] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            SourceLine(number: $0.offset + 1, text: String($0.element))
        }
    }

    @Test func wrappedLinesJoinWithoutSpacesInJapaneseAndWithOneInEnglish() {
        #expect(LineJoiner.joined("日米同盟の抑止力", "を強化する") == "日米同盟の抑止力を強化する")
        #expect(LineJoiner.joined("the Alliance", "is strong") == "the Alliance is strong")
        #expect(LineJoiner.joined("the Indo-", "Pacific") == "the Indo-Pacific")
        #expect(LineJoiner.joined("ACM", "が設置された") == "ACMが設置された")
    }

    @Test func unwrappedFilesKeepOneParagraphPerLine() {
        let text = "タイトル\n短い行。\n" + String(repeating: "長い段落の文章です。", count: 30) + "\n次の段落。"
        #expect(LineJoiner.join(lines(text)).count == 4)
    }

    @Test func aNumberMarkerAlwaysStartsANewParagraph() {
        let wrapped = [
            "The Ministers reaffirmed that the Alliance is the cornerstone of peace and",
            "security in the region, and welcomed the progress made since the last one",
            "in the series of meetings that they have held over the past several years",
            "(2) The Ministers welcomed the progress made since the last meeting of the",
            "Committee.",
        ].joined(separator: "\n")
        let joined = LineJoiner.join(lines(wrapped))
        #expect(joined.count == 2)
        #expect(joined[1].text == "(2) The Ministers welcomed the progress made since the last meeting of the Committee.")
    }

    @Test func headingsAreShortLinesWithoutSentencePunctuation() {
        for heading in ["総論", "同盟の現代化", "日米安全保障協議委員会(日米「2+2」)(概要)", "Overview", "Regional Security Environment"] {
            #expect(HeadingDetector.isHeadingLike(WidthFolding.fold(heading)), "\(heading)")
        }
        for text in ["内容は以下の通り。", "Tokyo, July 28, 2024", "令和6年7月28日", "- 防衛省関連", "the Ministers met", "日本、米国"] {
            #expect(!HeadingDetector.isHeadingLike(WidthFolding.fold(text)), "\(text)")
        }
    }

    @Test func aListOfShortLinesIsNotHeadings() {
        let blocks = ["前置きの文です。", "日本", "米国", "豪州", "以上の国が参加した。"].enumerated().map {
            LogicalLine(SourceLine(number: $0.offset + 1, text: $0.element))
        }
        let layout = HeadingDetector(lines: blocks).layout()
        #expect(layout.headings.isEmpty)
    }

    @Test func chromeInTheMiddleKeepsTheTextAroundIt() {
        let result = ChromeStripper().strip(lines("タイトル\nShare\n本文の一行目。\n短い行\n本文の二行目。"))
        #expect(result.dropped.map(\.text) == ["Share"])
        #expect(result.kept.map(\.text) == ["タイトル", "本文の一行目。", "短い行", "本文の二行目。"])
    }

    @Test func breadcrumbsBeforeTheTitle() {
        let result = ChromeStripper().strip(lines("Home > Press Releases > 2024\n本文へ\nTitle\nText."))
        #expect(result.dropped.map(\.text) == ["Home > Press Releases > 2024", "本文へ"])
        #expect(result.kept.map(\.text) == ["Title", "Text."])
    }

    @Test func participantsWithTheTitleBeforeTheName() {
        let people = ParticipantExtractor.participants(in: "防衛大臣木原稔(きはら・みのる)は、会見を行った。")
        #expect(people == [Participant(name: "木原稔", reading: "きはら・みのる", title: "防衛大臣")])
    }

    @Test func honorificsAreStripped() {
        #expect(ParticipantExtractor.stripHonorific("The Honorable Antony Blinken") == "Antony Blinken")
        #expect(ParticipantExtractor.stripHonorific("H.E. Mr. Richard Marles") == "Richard Marles")
    }

    @Test func placeFromJapaneseAndEnglishText() {
        #expect(PlaceFinder.place(in: "日米安全保障協議委員会(「2+2」)を東京において実施した") == "東京")
        #expect(PlaceFinder.place(in: "Tokyo, July 28, 2024") == "Tokyo")
        #expect(PlaceFinder.place(in: "The Committee was held in Washington on Friday.") == "Washington")
        #expect(PlaceFinder.place(in: "特に場所の記載はない。") == nil)
    }
}
