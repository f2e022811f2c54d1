import Testing

@testable import Communique

@Suite struct TermMatcherTests {
    func found(_ patterns: [String], in text: String) -> [String] {
        let matcher = TermMatcher(patterns: patterns)
        return matcher.matches(in: text).map { patterns[$0.pattern] }
    }

    @Test func longestMatchWinsOverPrefix() {
        #expect(found(["同盟", "同盟調整メカニズム"], in: "既存の同盟調整メカニズムと同盟") == ["同盟調整メカニズム", "同盟"])
    }

    @Test func overlappingTermsKeepTheLeftmostThenLongest() {
        // 日米安全保障 and 安全保障条約 overlap: the leftmost wins, the other is not cut out of it.
        #expect(found(["日米安全保障", "安全保障条約", "条約第5条"], in: "日米安全保障条約第5条") == ["日米安全保障", "条約第5条"])
        #expect(found(["she", "he", "hers", "his"], in: "ushers") == [])  // Latin: whole tokens only
        #expect(found(["せん", "せんかく", "かく"], in: "せんかくしょとう") == ["せんかく"])
    }

    @Test func latinTermsMatchOnlyAsWholeTokens() {
        #expect(found(["ISR"], in: "ISRAEL and ISR, (ISR)協力とISRの") == ["ISR", "ISR", "ISR"])
        #expect(found(["PAC-3MSE", "PAC"], in: "PAC-3MSEとPAC") == ["PAC-3MSE", "PAC"])
        #expect(found(["ACM"], in: "ACMs") == [])
    }

    @Test func fullAndHalfWidthFormsMatchEachOther() {
        #expect(found(["ACM"], in: "ＡＣＭの") == ["ACM"])
        #expect(found(["ＢＩＡＣ"], in: "BIAC") == ["ＢＩＡＣ"])
        #expect(found(["日米「2+2」"], in: "日米「２＋２」") == ["日米「2+2」"])
    }

    @Test func scalarsNoTermHasResetTheScanWithoutLosingAMatch() {
        // "の" is in no pattern: the scan restarts after it, yet 同盟 right after is found.
        #expect(found(["同盟", "日米同盟"], in: "日米の同盟と日米同盟") == ["同盟", "日米同盟"])
        // Outside the Basic Multilingual Plane (𠮷, U+20BB7), where no bit table is kept.
        #expect(found(["𠮷野家", "野家"], in: "𠮷野家と𩸽の野家") == ["𠮷野家", "野家"])
    }

    @Test func termsSpanLineBreaks() {
        #expect(found(["Alliance Coordination Mechanism"], in: "the Alliance\nCoordination Mechanism") == ["Alliance Coordination Mechanism"])
    }

    @Test func rangesPointAtTheOriginalText() {
        let text = "ＡＣＭと同盟調整メカニズム"
        let matcher = TermMatcher(patterns: ["ACM", "同盟調整メカニズム"])
        let ranges = matcher.matches(in: text).map { $0.utf8Range(in: text) }
        let bytes = Array(text.utf8)
        #expect(ranges.map { String(decoding: bytes[$0], as: UTF8.self) } == ["ＡＣＭ", "同盟調整メカニズム"])
    }

    @Test func manyPatternsOnePass() {
        let patterns = (0..<2000).map { "用語\($0)号" }
        let matcher = TermMatcher(patterns: patterns)
        #expect(matcher.matches(in: "用語1999号と用語7号").map(\.pattern) == [1999, 7])
    }
}
