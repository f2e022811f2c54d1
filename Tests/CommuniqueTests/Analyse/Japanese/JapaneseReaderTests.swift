@testable import CommuniqueJapanese
import Testing

@Suite struct JapaneseReaderTests {
    @Test func aTextReadAgainGivesWhatMeCabGaveTheFirstTime() throws {
        let reader = try #require(JapaneseReader())
        let fresh = try #require(JapaneseReader())
        let texts = ["日米同盟", "日米", "同盟調整メカニズム", "木原稔防衛大臣", "日米同盟"]
        for text in texts {
            #expect(reader.morphemes(of: text) == fresh.morphemes(of: text), "\(text)")
        }
        #expect(reader.reading(of: "日米同盟") == "ニチベイドウメイ")
        #expect(reader.reading(of: "日米") == "ニチベイ")
    }

    @Test func keepsGivingRightAnswersPastItsMemoryOfTexts() throws {
        let reader = try #require(JapaneseReader())
        let count = JapaneseReader.knownTextCount + 10
        for number in 0..<count { _ = reader.morphemes(of: "第\(number)回協議") }
        #expect(reader.morphemes(of: "第3回協議").map(\.surface) == ["第", "3", "回", "協議"])
        // A long text is analysed each time, not kept, and still read whole.
        let long = String(repeating: "日米同盟の抑止力", count: 40)
        #expect(reader.morphemes(of: long).map(\.surface).joined() == long)
    }
}
