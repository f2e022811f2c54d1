import CommuniqueMarkdown
import Testing

/// `LinkableHTML` must give, without the tree, the bytes cmark gives after `wrap`.
@Suite struct LinkableHTMLTests {
    /// Shapes of blocks whose runs are split, escaped, nested or refused a wrap.
    static let documents: [(name: String, markdown: String, rawHTML: Bool)] = [
        ("paragraph", "(1)既存の同盟調整メカニズム(ACM)が[リンク内のACM](x)と`ACM`。\n", false),
        ("escapes", "a \"quoted\" ACM & <b>ACM</b> > ACM < 'ACM'\n", false),
        ("emphasis", "*ACM* and **the ACM** ~~ACM~~ ACM\n", false),
        ("heading", "## ACM heading\n", false),
        ("list", "- ACM one\n- two ACM\n  - nested ACM\n", false),
        ("quote", "> ACM in a quote\n> ACM\n", false),
        ("table", "| ACM | b |\n|---|---|\n| ACM x | y ACM |\n", false),
        ("soft breaks", "日本の\nACMと\nthe ACM\nagain\n", false),
        ("footnote", "ACM[^1] ACM\n\n[^1]: note ACM\n", false),
        ("raw html", "ACM <span title=\"x\">ACM</span> ACM\n", true),
        ("code block", "```\nACM\n```\n", false),
        ("autolink", "see https://example.org/ACM and ACM\n", false),
        // Marks that make one Character with the markup next to them: a prepended U+0605 with
        // the `<` before it, a combining accent with an entity's `;` or a tag's `>`.
        ("prepended mark", "\u{0605}\n", false),
        ("prepended mark before a term", "\u{0605}ACM \u{0605}& ACM\n", false),
        ("combining marks after escapes", "ACM &\u{301} <\u{301} \"\u{301} ACM\n", false),
        ("combining mark first", "\u{301}ACM\n\n## \u{301}ACM\n", false),
        // The autolink extension leaves an empty text node before an e-mail link.
        ("e-mail autolinks", "a@b.o ACM a@b.o&ACM a@b.o\n", false),
    ]

    /// Each run's every "ACM" wrapped, as the term linker would.
    static func wraps(for text: String) -> [InlineWrap] {
        var wraps: [InlineWrap] = []
        let utf8 = Array(text.utf8), term = Array("ACM".utf8)
        var index = 0
        while index + term.count <= utf8.count {
            if Array(utf8[index..<index + term.count]) == term {
                wraps.append(InlineWrap(utf8Range: index..<index + term.count, open: "<a class=\"t\">", close: "</a>"))
                index += term.count
            } else {
                index += 1
            }
        }
        return wraps
    }

    @Test(arguments: documents.indices)
    func givesWhatCmarkGivesAfterWrapping(_ index: Int) {
        let (name, markdown, rawHTML) = Self.documents[index]
        let options = MarkdownOptions(allowRawHTML: rawHTML)
        let tree = MarkdownDocument(markdown, options: options)
        let cached = MarkdownDocument(markdown, options: options)
        for (block, other) in zip(tree.blocks, cached.blocks) {
            let inner: Bool
            if case .heading = block.kind { inner = true } else { inner = block.kind == .paragraph }
            let runs = block.linkableRuns
            let wraps = runs.map { Self.wraps(for: $0.text) }
            for (run, runWraps) in zip(runs, wraps) { block.wrap(run, runWraps) }
            let expected = inner ? block.innerHTML : block.html

            let linkable = other.linkableHTML(inner: inner)
            #expect(linkable.runs.map(\.text) == runs.map(\.text), "\(name): runs")
            #expect(linkable.html(wrapping: wraps) == expected, "\(name)")
            #expect(!linkable.html(wrapping: wraps).contains("@run"), "\(name)")
        }
        #expect(tree.footnotesHTML() == cached.footnotesHTML(), "\(name): footnotes")
    }

    /// The one difference from cmark: raw HTML that holds the placeholder leaves the block's
    /// runs unlinked (closed), rather than letting text split the HTML wrongly.
    @Test func runsOfATableCellAndNextToAPlaceholderAreClosed() {
        let tableDocument = MarkdownDocument("| ACM | b |\n|---|---|\n| x | y |\n")
        let table = tableDocument.blocks[0].linkableHTML(inner: false)
        #expect(!table.runs.isEmpty && table.runs.allSatisfy { !$0.isOpen })
        let forgedDocument = MarkdownDocument("ACM <!-- <@run> --> ACM\n", options: MarkdownOptions(allowRawHTML: true))
        let forged = forgedDocument.blocks[0].linkableHTML(inner: true)
        #expect(forged.runs.map(\.isOpen) == [false, false])
        #expect(forged.html(wrapping: [Self.wraps(for: "ACM "), Self.wraps(for: " ACM")]) == "ACM <!-- <@run> --> ACM")
    }

    @Test func aParagraphsRunsAreOpenAndItsTextEscaped() {
        let document = MarkdownDocument("a < b > & \"c\" ACM\n")
        let linkable = document.blocks[0].linkableHTML(inner: true)
        #expect(linkable.runs.map(\.isOpen) == [true])
        #expect(linkable.html() == "a &lt; b &gt; &amp; &quot;c&quot; ACM")
        #expect(linkable.html(wrapping: [Self.wraps(for: linkable.runs[0].text)]) == "a &lt; b &gt; &amp; &quot;c&quot; <a class=\"t\">ACM</a>")
    }
}

extension LinkableHTMLTests {
    /// Raw HTML is omitted unless allowed, so it cannot hold a placeholder: runs stay open.
    @Test func omittedRawHTMLLeavesTheRunsOpen() {
        let document = MarkdownDocument("ACM <x-y title=\"<@run>\"> ACM\n")
        let linkable = document.blocks[0].linkableHTML(inner: true)
        #expect(linkable.runs.map(\.isOpen) == [true, true])
        #expect(linkable.html(wrapping: linkable.runs.map { Self.wraps(for: $0.text) })
            == "<a class=\"t\">ACM</a> <!-- raw HTML omitted --> <a class=\"t\">ACM</a>")
    }
}

extension LinkableHTMLTests {
    /// What the build cache gives back is taken only when its parts make a whole.
    @Test func keptPartsAreTakenOnlyWhenTheyFitTheHTML() throws {
        let document = MarkdownDocument("日本 & ACM | x\n\n| ACM |\n|---|\n| y |\n")
        let kept = document.blocks[0].linkableHTML(inner: true)
        let parts = kept.parts
        #expect(LinkableHTML(html: parts.html, bounds: parts.bounds, closedTexts: parts.closedTexts) == kept)
        #expect(kept.runs.map(\.text) == ["日本 & ACM | x"], "the run's text is its HTML unescaped")
        let start = parts.bounds[0]
        for bounds in [
            [start, parts.html.utf8.count + 1],  // past the end
            [start + 1, parts.bounds[1]],  // inside 日's UTF-8 bytes
            [parts.bounds[1], start],  // backwards
            [-1, 0],  // a closed run without its text
            [start],  // odd
        ] {
            #expect(LinkableHTML(html: parts.html, bounds: bounds, closedTexts: []) == nil, "\(bounds)")
        }
        let table = document.blocks[1].linkableHTML(inner: false).parts
        #expect(LinkableHTML(html: table.html, bounds: table.bounds, closedTexts: []) == nil, "closed texts missing")
        #expect(LinkableHTML(html: table.html, bounds: table.bounds, closedTexts: table.closedTexts) != nil)
    }

    /// Without wraps a block's HTML is given as it is, not built again.
    @Test func withoutWrapsTheHTMLIsTheRenderedHTML() {
        let document = MarkdownDocument("a \"quoted\" < x > & ACM\n")
        let linkable = document.blocks[0].linkableHTML(inner: true)
        #expect(linkable.html(wrapping: []) == linkable.html)
        #expect(linkable.html(wrapping: [[]]) == "a &quot;quoted&quot; &lt; x &gt; &amp; ACM")
    }
}

extension LinkableHTMLTests {
    /// Found by the markdown fuzz target: split on Characters, a run made of U+0605 (which
    /// joins the `<` after it into one Character) kept its placeholders in the page.
    @Test func runsNextToMarksAreSplitOnBytes() {
        let document = MarkdownDocument("\u{0605}\n")
        let linkable = document.blocks[0].linkableHTML(inner: true)
        #expect(linkable.html() == "\u{0605}")
        #expect(linkable.runs.map(\.isOpen) == [true])
        let marks = MarkdownDocument("&\u{301} \u{0605}< \"\u{301}\n")
        let text = marks.blocks[0].linkableHTML(inner: true)
        #expect(text.runs.map(\.text) == ["&\u{301} \u{0605}< \"\u{301}"], "unescaped on bytes")
        let heading = MarkdownDocument("# \u{301}title\n")
        #expect(heading.blocks[0].innerHTML == "\u{301}title")
    }
}
