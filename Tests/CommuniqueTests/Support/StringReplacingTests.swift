import Testing

@testable import Communique

@Suite struct StringReplacingTests {
    @Test func replacesEveryOccurrenceLeftToRight() {
        #expect("a<@root>b<@root>".replacingEvery("<@root>", with: "../") == "a../b../")
        #expect("<@root><@root>".replacingEvery("<@root>", with: "") == "")
        #expect("aaa".replacingEvery("aa", with: "b") == "ba")
        #expect("x\ny\n".replacingEvery("\n", with: " ") == "x y ")
    }

    @Test func leavesTextWithoutTheTargetAlone() {
        #expect("日米同盟".replacingEvery("<@root>", with: "../") == "日米同盟")
        #expect("".replacingEvery("a", with: "b") == "")
        #expect("ab".replacingEvery("abc", with: "x") == "ab")
        #expect("abc".replacingEvery("", with: "x") == "abc")
    }

    @Test func matchesWholeCharactersInJapaneseText() {
        #expect("日米同盟と日米".replacingEvery("日米", with: "米日") == "米日同盟と米日")
        // 「同」 and 「盟」 share no bytes with 「明」's encoding tail: no partial matches.
        #expect("同盟の明確化".replacingEvery("明", with: "X") == "同盟のX確化")
        #expect("&amp;&lt;".replacingEvery("&amp;", with: "&") == "&&lt;")
    }
}
