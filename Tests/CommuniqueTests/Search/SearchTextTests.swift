import Foundation
import Testing

@testable import Communique

@Suite struct SearchTextTests {
    private func tokens(_ text: String) -> [String] {
        SearchText.runs(of: text).flatMap(SearchText.tokens)
    }

    @Test func japaneseIsReadAsBigramsWithATail() {
        #expect(tokens("台湾海峡") == ["台湾", "湾海", "海峡", "峡$"])
        #expect(tokens("拉") == ["拉$"])
    }

    @Test func widthsAndKanaAreFolded() {
        // Full-width Latin and digits, half-width katakana, katakana and hiragana: one form each.
        #expect(SearchText.runs(of: "ＡＣＭ") == SearchText.runs(of: "acm"))
        #expect(SearchText.runs(of: "ｻｲﾊﾞｰ") == SearchText.runs(of: "サイバー"))
        #expect(SearchText.runs(of: "サイバー") == SearchText.runs(of: "さいばー"))
        #expect(SearchText.runs(of: "（１）") == [.word("1")])
    }

    @Test func punctuationAndScriptChangesSeparateRuns() {
        #expect(SearchText.runs(of: "日米「2+2」、G7外相会合。North Korea's")
            == [.japanese(Array("日米".unicodeScalars)), .word("2"), .word("2"), .word("g7"),
                .japanese(Array("外相会合".unicodeScalars)), .word("north"), .word("korea"), .word("s")])
        #expect(SearchText.runs(of: "アントニー・ブリンケン").count == 2)
    }

    @Test func latinWordsAreWholeAndLowerCased() {
        #expect(tokens("The Quad, QUAD and quads") == ["the", "quad", "quad", "and", "quads"])
    }
}

@Suite struct SearchQueryTests {
    /// Paragraphs of three releases, oldest first, and one glossary entry with an alias.
    private static func index() -> SearchIndex {
        var index = SearchIndex()
        let texts: [[String]] = [
            ["台湾海峡の平和と安定の重要性を強調した。", "サイドバーの表示を改めた。"],
            ["台湾と海峡を隔てた地域について述べた。", "同盟調整メカニズムを強化する。", "The Quad met in Tokyo."],
            ["サイバー分野の協力を進める。", "ＡＣＭの役割を確認した。", "North Korea's missile launches were condemned.", "拉致問題の即時解決を求めた。",
             "台湾の湾海と海峡"],
        ]
        for (number, paragraphs) in texts.enumerated() {
            let first = index.documents.count
            for text in paragraphs {
                let document = Int32(index.documents.count)
                index.documents.append(SearchIndex.Document(release: number, page: 0, label: "", anchor: "p", text: text, topics: []))
                for token in Set(SearchText.runs(of: text).flatMap(SearchText.tokens)) {
                    index.postings[token, default: PostingList()].append(document)
                }
            }
            index.releases.append(SearchIndex.Release(
                id: "r\(number)", title: "R\(number)", date: "202\(number)-07-28", url: "r", pages: [.init(title: "", url: "r")],
                firstDocument: first,
                documentCount: paragraphs.count))
        }
        index.entries = [SearchIndex.Entry(
            kind: .term, title: "同盟調整メカニズム", reading: "どうめいちょうせいめかにずむ", url: "g",
            forms: ["同盟調整メカニズム", "ACM"], english: "Alliance Coordination Mechanism", text: "日米同盟の調整の枠組み")]
        return index
    }

    /// The paragraphs shown for a query: its candidates, confirmed.
    private func documents(_ query: String, year: String? = nil) -> [Int] {
        let index = Self.index()
        let answer = SearchQuery(query).answer(in: index, year: year)
        return answer.documents.filter { SearchQuery.confirms(index.documents[$0].text, for: answer) }
    }

    @Test func aJapanesePhraseMatchesOnlyAdjacentAndInOrder() {
        #expect(documents("台湾海峡") == [0])
        // A paragraph with every bigram but apart is a candidate, and is not shown.
        #expect(SearchQuery("台湾海峡").answer(in: Self.index()).documents == [9, 0])
        #expect(documents("サイバー") == [5])
        #expect(documents("サイドバー") == [1])
        #expect(documents("さいばー") == [5])
    }

    @Test func oneCharacterMatchesAnywhere() {
        #expect(documents("拉") == [8])
        #expect(documents("峡") == [9, 2, 0])
    }

    @Test func wordsSeparatedBySpacesMustAllMatch() {
        #expect(documents("台湾 海峡") == [9, 2, 0])
        #expect(documents("台湾 サイバー") == [])
    }

    @Test func latinWordsAreWholeAndTheLastIsAPrefixWhileTyped() {
        #expect(documents("quad ") == [4])
        #expect(documents("qua") == [4])
        #expect(documents("qua ") == [])
        #expect(documents("\"north korea\"") == [7])
        #expect(documents("\"korea north\"") == [])
        #expect(SearchQuery("\"korea north\"").answer(in: Self.index()).documents == [7])
    }

    @Test func aGlossaryFormFindsTheOtherForms() {
        let answer = SearchQuery("ＡＣＭ").answer(in: Self.index())
        #expect(answer.entries == [0])
        #expect(answer.documents == [6, 3])
        #expect(SearchQuery("同盟調整メカニズム").answer(in: Self.index()).documents == [6, 3])
    }

    @Test func entriesAreFoundByTheirNamesNotTheirGloss() {
        #expect(SearchQuery("coordination").answer(in: Self.index()).entries == [0])
        #expect(SearchQuery("調整メカ").answer(in: Self.index()).entries == [0])
        #expect(SearchQuery("枠組み").answer(in: Self.index()).entries == [])
    }

    @Test func aYearFilterKeepsThatYearsReleases() {
        #expect(documents("台湾", year: "2020") == [0])
    }
}

@Suite struct SearchTextFoldTests {
    /// The fast fold gives what Unicode's NFKC, lower case and the kana fold give, for every
    /// scalar it takes; anything else goes the slow way.
    @Test func theFastFoldAgreesWithNormalisingForEveryScalarItTakes() {
        var taken = 0
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(Character(scalar))
            guard let fast = SearchText.foldPlain(text) else { continue }
            taken += 1
            let slow = text.decomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
                .lowercased().unicodeScalars.map(SearchText.foldKana)
            #expect(fast == slow, "U+\(String(value, radix: 16))")
        }
        #expect(taken > 20_000)
        #expect(SearchText.foldPlain("ﾊﾞ") == nil)
        #expect(SearchText.fold("ｻｲﾊﾞｰ") == SearchText.fold("さいばー"))
    }
}

@Suite struct JSONTextTests {
    @Test func stringsComeBackAsWrittenAndCarryNoMarkup() throws {
        let texts = ["", "plain", "\"quoted\" \\ back", "line\nbreak\r\ttab\u{1}\u{7F}", "<script>&amp;</script>",
                     "日米「2+2」", "\u{2028}\u{2029}\u{2027}\u{20AC}", "emoji 🇯🇵", "\u{E2}"]
        for text in texts {
            let literal = JSONText.string(text)
            #expect(!literal.contains("<") && !literal.contains("\u{2028}"), "\(literal)")
            let decoded = try JSONDecoder().decode([String].self, from: Data("[\(literal)]".utf8))
            #expect(decoded == [text])
        }
    }
}

@Suite struct PostingListTests {
    @Test func documentsComeBackAsAppendedWhateverTheGaps() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var documents: [Int32] = []
            var next: Int32 = Int32.random(in: 0...40, using: &generator)
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                documents.append(next)
                next += [1, 2, 31, 32, 33, 1023, 1024, 1 << 20, Int32.random(in: 1...100_000, using: &generator)].randomElement(using: &generator)!
            }
            let list = PostingList(documents)
            #expect(list.documents == documents)
            #expect(list.count == documents.count)
        }
        // One digit below 32, a continuation digit (≥ 32) for each further 5 bits.
        #expect(PostingList([0, 1, 33]).bytes == Array("BB".utf8) + [SearchFiles.digits[32], SearchFiles.digits[1]])
    }
}
