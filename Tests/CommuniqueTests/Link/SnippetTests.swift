import CommuniqueMarkdown
import Testing

@testable import Communique

@Suite struct SnippetTests {
    @Test func shortTextIsWholeOnOneLine() {
        #expect(Snippet.around(2..<4, in: "日米の\n同盟") == "日米の 同盟")
    }

    @Test func longTextIsCutAroundTheTermWithEllipses() {
        let text = String(repeating: "あ", count: 100) + "日米同盟" + String(repeating: "い", count: 100)
        let snippet = Snippet.around(100..<104, in: text)
        #expect(snippet == "…" + String(repeating: "あ", count: Snippet.radius) + "日米同盟" + String(repeating: "い", count: Snippet.radius) + "…")
    }

    @Test func anOccurrenceCutsItsSnippetFromTheSharedText() {
        let ref = ParagraphRef(page: PageKey(release: "r", section: "s"), anchor: "a")
        let use = TermOccurrence(entry: 0, paragraph: ref, text: "前文。日米同盟は重要。", scalarRange: 3..<7)
        #expect(use.snippet == "前文。日米同盟は重要。")
    }
}

extension TermOccurrence {
    /// A use in a text of its own (one open run).
    init(entry: Int, paragraph: ParagraphRef, text: String, scalarRange: Range<Int>) {
        self.init(
            entry: entry, paragraph: paragraph, block: LinkableHTML(pieces: ["", ""], runs: [.init(text: text, isOpen: true)])!,
            run: 0, scalarRange: scalarRange)
    }
}
