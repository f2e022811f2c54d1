#if DEBUG
import CommuniqueMarkdown
import Foundation

@testable import Communique

/// The cmark-gfm wrapper with our extensions and rewrites: the first byte is the options
/// (bit 0: raw HTML allowed; bits 1–3: the heading offset, -2…5), the rest the Markdown.
///
/// Every block is read (kind, line, text, HTML), its linkable runs are wrapped where a fixed
/// set of terms matches (as glossary links are), and the document and footnotes rendered.
/// - The HTML is valid UTF-8 and loses no text to a cut sequence: no U+FFFD that the input did
///   not bring (a NUL or a character reference such as `&#0;` may make one, as CommonMark says;
///   see `hasFootnoteReferenceAcrossLines` for a cmark-gfm bug).
/// - No `<script` (or another tag GFM's tagfilter escapes) appears as a tag, as a browser
///   reads one (`<script>`, `<script src=…>`, `<script/x>`, `<script` + form feed).
/// - With raw HTML off, every tag and attribute in the output is one cmark-gfm or our wraps
///   write, every `<` starts one, and no link or image has a `javascript:`-like URL.
/// - Wrapping changes neither a block's text nor, wraps taken out, its HTML.
/// - `footnotesHTML()` gives the same twice and leaves `html()` as it was.
/// - `LinkableHTML` (the block's HTML with its runs open, as the build keeps it) gives with
///   the same wraps the bytes cmark gives after wrapping; where raw HTML holds its placeholder,
///   the runs are closed and it gives the HTML unwrapped.
final class MarkdownTarget: FuzzTarget {
    static let open = "<span class=\"fz\">"
    static let close = "</span>"
    let matcher = TermMatcher(patterns: [
        // Few that match everywhere (each match is a wrap): a glossary has terms, not letters.
        "an", "ACM", "Japan", "同盟", "日米", "について", "。", "(1)", "&", "<", "*_", "\"", "é", "👍", "\u{301}", " \n", "fn",
    ])

    /// `html`'s bytes without every occurrence of `tags` (on bytes: a tag's `>` followed by a
    /// combining mark or an emoji modifier is no whole Character of the string).
    static func removing(_ tags: [String], from html: String) -> [UInt8] {
        let needles = tags.map { Array($0.utf8) }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        outer: while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<") {
                for needle in needles where i + needle.count <= bytes.count && bytes[i..<(i + needle.count)].elementsEqual(needle) {
                    i += needle.count
                    continue outer
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    /// KNOWN, upstream, not fixed here: cmark-gfm (0.29.0.gfm.6, and its current source) sizes a
    /// footnote reference's label by columns, which restart at a line end, so `[^x` + line end +
    /// `（１]` that no definition matches comes back as text with most of its last line gone,
    /// cut inside a UTF-8 sequence (github/cmark-gfm#282 is the same bug in a definition's
    /// label). The U+FFFD check skips such inputs; a statement has no `[^` across lines.
    static func hasFootnoteReferenceAcrossLines(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "["), bytes[i + 1] == UInt8(ascii: "^") {
                var j = i + 2
                while j < bytes.count, bytes[j] != UInt8(ascii: "]") {
                    if bytes[j] == 0x0A || bytes[j] == 0x0D { return true }
                    j += 1
                }
            }
            i += 1
        }
        return false
    }

    /// `block` (of a second parse) as `LinkableHTML` gives what cmark gave after wrapping.
    func checkLinkable(_ block: MarkdownBlock, runs: [String], wrapped: String, unwrapped: String) throws {
        let linkable = block.linkableHTML(inner: false)
        try require(linkable.runs.map(\.text) == runs, "LinkableHTML has the runs \(linkable.runs.map(\.text)), not \(runs)")
        let wraps = runs.map { text in
            matcher.matches(in: text).map { InlineWrap(utf8Range: $0.utf8Range(in: text), open: Self.open, close: Self.close) }
        }
        let html = linkable.html(wrapping: wraps)
        // `<@` on bytes: a mark before the `<` makes one Character of the two.
        if unwrapped.utf8.firstRange(of: "<@".utf8) != nil && linkable.runs.allSatisfy({ !$0.isOpen }) {
            try require(html == unwrapped, "LinkableHTML with closed runs gives \(html), not \(unwrapped)")
        } else {
            try require(html == wrapped, "LinkableHTML gives \(html), cmark after wrapping \(wrapped)")
        }
    }

    func test(_ bytes: [UInt8]) throws {
        guard let flags = bytes.first else { return }
        let markdown = String(decoding: bytes.dropFirst(), as: UTF8.self)
        let options = MarkdownOptions(allowRawHTML: flags & 1 != 0, headingLevelOffset: Int((flags >> 1) & 7) - 2)
        let mayMakeReplacement = markdown.unicodeScalars.contains { $0 == "\u{FFFD}" || $0 == "\0" } || markdown.contains("&#")
            || Self.hasFootnoteReferenceAcrossLines(Array(markdown.utf8))

        let document = MarkdownDocument(markdown, options: options)
        let linkable = MarkdownDocument(markdown, options: options)
        for (block, other) in zip(document.blocks, linkable.blocks) {
            _ = block.kind
            try require(block.startLine >= 0, "a block starts at line \(block.startLine)")
            let text = block.plainText
            let html = block.html
            _ = block.innerHTML
            let runs = block.linkableRuns
            for run in runs {
                let wraps = matcher.matches(in: run.text).map {
                    InlineWrap(utf8Range: $0.utf8Range(in: run.text), open: Self.open, close: Self.close)
                }
                block.wrap(run, wraps)
            }
            let wrapped = block.html
            try require(block.plainText == text, "wrapping changed the block's text from '\(text)' to '\(block.plainText)'")
            try require(Self.removing([Self.open, Self.close], from: wrapped) == Array(html.utf8),
                "wrapping changed the block's HTML from \(html) to \(wrapped)")
            try checkLinkable(other, runs: runs.map(\.text), wrapped: wrapped, unwrapped: html)
        }
        let whole = document.html()
        let footnotes = document.footnotesHTML()
        try require(document.footnotesHTML() == footnotes, "footnotesHTML() gives another result the second time")
        try require(document.html() == whole, "footnotesHTML() changed the document")
        // The whole document holds every block as wrapped (each is its HTML before, wraps
        // taken out, as checked above) and the footnotes.
        for html in [whole] {
            if !mayMakeReplacement {
                try require(!html.unicodeScalars.contains("\u{FFFD}"), "U+FFFD in the HTML: \(html)")
            }
            if options.allowRawHTML {
                if let tag = HTMLCheck.filteredTag(in: html) { throw InvariantFailure("a raw <\(tag) tag in the HTML: \(html)") }
            } else if let problem = HTMLCheck.problem(in: html, extraTags: ["span"]) {
                // Stricter than the tag filter: no tag but cmark-gfm's and ours at all.
                throw InvariantFailure("\(problem) in the HTML: \(html)")
            }
        }
    }
}

/// What cmark-gfm writes with raw HTML off: its own tags and attributes only.
enum HTMLCheck {
    /// Tags GFM's tagfilter extension escapes even in raw HTML.
    static let filteredTags = ["script", "iframe", "style", "textarea", "title", "xmp", "noembed", "noframes", "plaintext"]

    /// The first of `filteredTags` that `html` has as an opening or closing tag (any case),
    /// as a browser reads one: the name then whitespace (a form feed too), `/`, `>` or the end.
    /// (GFM's tagfilter reads fewer: `<script/x>` and `<plaintext` + form feed got through it;
    /// `RawHTMLFilter` closes that.)
    static func filteredTag(in html: String) -> String? {
        let bytes = Array(html.utf8)
        let ends: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0C, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/")]
        for start in bytes.indices where bytes[start] == UInt8(ascii: "<") {
            var i = start + 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "/") { i += 1 }
            var name: [UInt8] = []
            while i < bytes.count, name.count <= 9, (bytes[i] | 0x20) >= 0x61, (bytes[i] | 0x20) <= 0x7A {
                name.append(bytes[i] | 0x20)
                i += 1
            }
            guard i == bytes.count || ends.contains(bytes[i]) else { continue }
            if let tag = filteredTagBytes.firstIndex(of: name) { return filteredTags[tag] }
        }
        return nil
    }

    static let filteredTagBytes = filteredTags.map { Array($0.utf8) }

    static let tags: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "em", "strong", "a", "img",
        "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "del", "input", "section", "sup",
    ]
    static let attributes: Set<String> = [
        "href", "title", "src", "alt", "id", "class", "start", "style", "type", "checked", "disabled", "data-footnotes",
        "data-footnote-ref", "data-footnote-backref", "data-footnote-backref-idx", "aria-label", "align",
    ]

    /// The first problem in `html`, if any: a `<` that starts no known tag, an unknown tag or
    /// attribute, an unquoted or unterminated attribute, or a dangerous URL.
    static func problem(in html: String, extraTags: Set<String> = []) -> String? {
        let bytes = Array(html.utf8)
        var i = 0
        func isName(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else {
                if bytes[i] == UInt8(ascii: ">") { return "a raw '>' outside a tag at byte \(i)" }
                i += 1
                continue
            }
            if bytes[i...].starts(with: "<!-- raw HTML omitted -->".utf8) {
                i += "<!-- raw HTML omitted -->".utf8.count
                continue
            }
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "/") { i += 1 }
            let nameStart = i
            while i < bytes.count, isName(bytes[i]) { i += 1 }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
            guard tags.contains(name) || extraTags.contains(name) else { return "an unknown tag <\(name)" }
            while true {
                while i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 }
                guard i < bytes.count else { return "an unterminated tag <\(name)" }
                if bytes[i] == UInt8(ascii: ">") { i += 1; break }
                if bytes[i...].starts(with: "/>".utf8) { i += 2; break }
                let attributeStart = i
                while i < bytes.count, isName(bytes[i]) { i += 1 }
                let attribute = String(decoding: bytes[attributeStart..<i], as: UTF8.self)
                guard !attribute.isEmpty, attributes.contains(attribute) else { return "an unknown attribute '\(attribute)' in <\(name)" }
                guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { continue }
                i += 1
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return "an unquoted attribute value in <\(name)" }
                i += 1
                let valueStart = i
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "<") || bytes[i] == UInt8(ascii: ">") { return "a raw '<' or '>' in an attribute of <\(name)" }
                    i += 1
                }
                guard i < bytes.count else { return "an unterminated attribute value in <\(name)" }
                let value = String(decoding: bytes[valueStart..<i], as: UTF8.self)
                i += 1
                if attribute == "href" || attribute == "src", let scheme = dangerousScheme(value) {
                    return "a \(scheme) URL in <\(name) \(attribute)=\"\(value)\">"
                }
            }
        }
        return nil
    }

    /// The scheme of a URL a browser would run or open from disk, as cmark-gfm's safe mode
    /// refuses them: after the entities cmark writes are decoded, the tabs and line breaks
    /// browsers drop are removed and leading spaces and controls trimmed.
    static func dangerousScheme(_ attribute: String) -> String? {
        guard attribute.utf8.contains(UInt8(ascii: ":")) || attribute.utf8.contains(UInt8(ascii: "&")) else { return nil }
        var url = attribute.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#x27;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        url.unicodeScalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let trimmed = String(url.unicodeScalars.drop { $0.value <= 0x20 }).lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where trimmed.hasPrefix(scheme) { return scheme }
        if trimmed.hasPrefix("data:") {
            let safe = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            if !safe.contains(where: { trimmed.hasPrefix($0) }) { return "data:" }
        }
        return nil
    }
}
#endif
