import CommuniqueJapanese
import Testing

@testable import Communique

@Suite struct SlugTests {
    @Test func japaneseTitlesAreRomanised() throws {
        let reader = try #require(JapaneseReader())
        #expect(Slug.make("総論", reader: reader) == "soron")
        #expect(Slug.make("地域情勢", reader: reader) == "chiiki-josei")
        #expect(Slug.make("米軍の態勢", reader: reader) == "beigun-no-taisei")
    }

    @Test func latinTitlesAreLowercasedAndHyphenated() {
        #expect(Slug.make("Regional Affairs", reader: nil) == "regional-affairs")
        #expect(Slug.make("1. Overview", reader: nil) == "1-overview")
    }
}
