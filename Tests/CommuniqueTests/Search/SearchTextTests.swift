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
