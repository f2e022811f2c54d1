import Testing

@testable import Communique

@Suite struct NumberMarkerTests {
    @Test(arguments: [
        ("(1)冒頭", NumberMarker.Scheme.parenthesizedArabic, 1, "(1)"),
        ("（１２）日米", .parenthesizedArabic, 12, "（１２）"),
        ("⑶米側は", .parenthesizedCircled, 3, "⑶"),
        ("② 次に", .circledArabic, 2, "②"),
        ("1. Overview", .arabicFullStop, 1, "1."),
        ("１．総論", .arabicFullStop, 1, "１．"),
        ("1 総論", .arabicSpace, 1, "1"),
        ("ウ　日米", .katakana, 3, "ウ"),
        ("(イ)日米", .parenthesizedKatakana, 2, "(イ)"),
        ("（ｃ）text", .parenthesizedLatin, 3, "（ｃ）"),
        ("(iv) text", .parenthesizedRoman, 4, "(iv)"),
        ("• (2) text", .parenthesizedArabic, 2, "(2)"),
        ("I. Preamble", .romanFullStop, 1, "I."),
        ("XIV. Trade", .romanFullStop, 14, "XIV."),
        ("Ⅱ　地域情勢", .romanFullStop, 2, "Ⅱ"),
        ("Ⅲ．経済", .romanFullStop, 3, "Ⅲ．"),
        ("第1　総論", .ordinal, 1, "第1"),
        ("第１２ 経済", .ordinal, 12, "第１２"),
        ("第二十三 附則", .ordinal, 23, "第二十三"),
        ("第十一　地域", .ordinal, 11, "第十一"),
        ("第3章 総則", .ordinal, 3, "第3章"),
    ])
    func recognisesMarkers(line: String, scheme: NumberMarker.Scheme, value: Int, text: String) throws {
        let marker = try #require(NumberMarker.parse(line))
        #expect(marker.scheme == scheme)
        #expect(marker.value == value)
        #expect(marker.text == text)
    }

    @Test(arguments: [
        "2024年7月28日", "1.5倍に", "アメリカは", "(注)参照", "1 000 people", "日米双方は", "",
        "I.e. the ministers", "I am", "Xi Jinping", "IV.5 percent", "第1回会合を", "第5条に基づき", "第一に、", "第 1 総論",
        "Ⅱ期", "第", "第零 x",
    ])
    func ordinaryTextIsNotAMarker(line: String) {
        #expect(NumberMarker.parse(line) == nil)
    }

    @Test func prefixLengthSkipsBulletMarkerAndSpaces() throws {
        let marker = try #require(NumberMarker.parse("• (1)　text"))
        #expect(String(Array("• (1)　text")[marker.prefixLength...]) == "text")
    }
}

extension NumberMarkerTests {
    @Test func readsOnlyTheStartOfALongParagraph() {
        let long = String(repeating: "日米双方は一致しました。", count: 500)
        #expect(NumberMarker.parse("（１２）" + long)?.value == 12)
        #expect(NumberMarker.parse("• (iv) " + long)?.value == 4)
        #expect(NumberMarker.parse("1.5倍" + long) == nil)
        #expect(NumberMarker.parse(long + "(1)") == nil)
    }
}
