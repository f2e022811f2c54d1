import Testing

@testable import Communique

@Suite struct GojuonTests {
    @Test func readingsSortInGojuonOrderThenLatin() {
        let expected = [
            "あんぜん", "アンゼン", "かいぎ", "がいぎ", "ききょう", "きっか", "きつか", "きょう", "きよう",
            "コーヒー", "こおり", "はは", "ばば", "ぱぱ", "ACM", "BIAC", "isr",
        ]
        let shuffled = [
            "isr", "ぱぱ", "こおり", "きよう", "ACM", "がいぎ", "アンゼン", "きつか", "はは", "コーヒー",
            "BIAC", "きょう", "かいぎ", "ばば", "きっか", "あんぜん", "ききょう",
        ]
        #expect(shuffled.sorted(by: Gojuon.areInIncreasingOrder) == expected)
    }

    @Test func voicingAndSizeAreIgnoredAtTheFirstLevel() {
        // は < ば < ぱ only breaks a tie, so はあ (a longer first-level key) follows all three.
        #expect(["はあ", "ぱ", "ば", "は", "ひ"].sorted(by: Gojuon.areInIncreasingOrder) == ["は", "ば", "ぱ", "はあ", "ひ"])
        #expect(Gojuon.areInIncreasingOrder("がっこう", "かつどう"))
        #expect(Gojuon.areInIncreasingOrder("しゅっちょう", "しゆつ") == false)
    }

    @Test func longVowelMarkTakesThePrecedingVowel() {
        #expect(Gojuon.sortKey("カー").primary == Gojuon.sortKey("かあ").primary)
        #expect(Gojuon.sortKey("コーヒー").primary == Gojuon.sortKey("こおひい").primary)
        // A written vowel comes before the mark that stands for it.
        #expect(["あーく", "ああけ", "ああく"].sorted(by: Gojuon.areInIncreasingOrder) == ["ああく", "あーく", "ああけ"])
        #expect(Gojuon.areInIncreasingOrder("コオヒイ", "コーヒー"))
    }

    @Test func hiraganaSortsBeforeTheSameKatakana() {
        #expect(Gojuon.areInIncreasingOrder("あんぜん", "アンゼン"))
        #expect(!Gojuon.areInIncreasingOrder("アンゼン", "あんぜん"))
        #expect(Gojuon.sortKey("あんぜん") != Gojuon.sortKey("アンゼン"))
    }

    @Test func middleDotSpacesAndPunctuationAreIgnored() {
        #expect(Gojuon.sortKey("きはら・みのる") == Gojuon.sortKey("きはらみのる"))
        #expect(Gojuon.sortKey("アントニー ブリンケン") == Gojuon.sortKey("アントニー・ブリンケン"))
        #expect(Gojuon.sortKey("「にち」") == Gojuon.sortKey("にち"))
    }

    @Test func latinIsCaseAndWidthInsensitiveAfterAllKana() {
        #expect(Gojuon.sortKey("ＡＣＭ") == Gojuon.sortKey("acm"))
        #expect(Gojuon.areInIncreasingOrder("ん", "ACM"))
        #expect(Gojuon.areInIncreasingOrder("acm", "BIAC"))
        #expect(Gojuon.areInIncreasingOrder("WG-FFTR", "2+2"))
    }

    @Test func equalKeysFallBackToTheRawString() {
        #expect(Gojuon.areInIncreasingOrder("ACM", "acm"))
        #expect(!Gojuon.areInIncreasingOrder("acm", "ACM"))
        #expect(!Gojuon.areInIncreasingOrder("ACM", "ACM"))
    }

    @Test func halfWidthKatakanaAndCombiningMarksMeanTheSameKana() {
        #expect(Gojuon.sortKey("ｶﾞｲｷﾞ") == Gojuon.sortKey("ガイギ"))
        #expect(Gojuon.sortKey("か\u{3099}いぎ") == Gojuon.sortKey("がいぎ"))
    }

    @Test func groupsFollowTheKanaRowOfTheFirstSound() {
        #expect(Gojuon.group(of: "あんぜん") == "あ")
        #expect(Gojuon.group(of: "ぎじゅつ") == "か")
        #expect(Gojuon.group(of: "ヴィジョン") == "あ")
        #expect(Gojuon.group(of: "ジエイタイ") == "さ")
        #expect(Gojuon.group(of: "ぱぱ") == "は")
        #expect(Gojuon.group(of: "ゃ") == "や")
        #expect(Gojuon.group(of: "ヲ") == "わ")
        #expect(Gojuon.group(of: "・ドウメイ") == "た")
        #expect(Gojuon.group(of: "ACM") == "A–Z")
        #expect(Gojuon.group(of: "ｉｓｒ") == "A–Z")
        #expect(Gojuon.group(of: "2+2") == "他")
        #expect(Gojuon.group(of: "") == "他")
    }

    @Test func groupOrderIsKanaRowsThenLatinThenOther() {
        #expect(Gojuon.groupOrder == ["あ", "か", "さ", "た", "な", "は", "ま", "や", "ら", "わ", "A–Z", "他"])
        let readings = ["2+2", "ACM", "わだい", "あんぜん", "らいにち"]
        let groups = readings.sorted(by: Gojuon.areInIncreasingOrder).map(Gojuon.group(of:))
        #expect(groups == ["あ", "ら", "わ", "A–Z", "他"])
    }
}
