import Foundation
import Testing

@testable import Communique

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
