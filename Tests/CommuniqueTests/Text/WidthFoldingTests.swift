import Testing

@testable import Communique

/// `fold` on a string works on UTF-8 bytes for speed; it must give exactly what folding
/// each scalar gives, for every scalar whose bytes look like a folded form's.
@Suite struct WidthFoldingTests {
    @Test func stringFoldingEqualsScalarFolding() {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x80...0x7FF, 0x2000...0x20FF, 0x3000...0x30FF, 0xFE00...0xFFFD, 0x1F600...0x1F64F]
        for range in ranges {
            let scalars = range.compactMap(Unicode.Scalar.init)
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            var expected = String.UnicodeScalarView()
            expected.append(contentsOf: scalars.map(WidthFolding.fold))
            #expect(WidthFolding.fold(String(text)) == String(expected), "range \(range)")
        }
    }

    @Test func foldsFullWidthFormsAndSpaces() {
        #expect(WidthFolding.fold("（１）\u{3000}日米「２＋２」\u{00A0}ｘ") == "(1) 日米「2+2」 x")
        #expect(WidthFolding.fold("plain ASCII") == "plain ASCII")
        #expect(WidthFolding.fold("（１）"[...].dropFirst()) == "1)")
        #expect(WidthFolding.fold("") == "")
    }
}
