/// Escapes statement text so that Markdown renders it as exactly the text it is.
///
/// Statement text is data: `*a*` must not turn italic, `<script>` must stay visible
/// text, `1. item` must not become a list. Every escape is a backslash before an
/// ASCII punctuation character, which CommonMark renders as that character, so undoing
/// the escapes (`unescape`) gives back the text. Escaped:
/// - everywhere: `\` `` ` `` `*` `_` `[` `]` `<` `>` `|` `~` (emphasis, code, links,
///   raw HTML and autolinks, tables, strikethrough), and the `:` of `http://` and the `.` of
///   `www.` (GFM's bare-address autolinks);
/// - `&` when an entity follows it (`&amp;`, `&#123;`), which would be decoded;
/// - at the start of a paragraph: `#` (heading), `-`/`+` followed by a space or a
///   thematic break (`---`), and ASCII digits followed by `.` or `)` and a space
///   (`1. item` → `1\. item`), which would start a list.
///
/// Not escaped, because Markdown leaves them alone: `(1)`, `（１）`, full-width
/// punctuation, `#` inside a line, a `1.` that is not followed by a space (`1.5倍`).
/// Each paragraph is a single line (wrapped lines are joined first), so "start of a
/// paragraph" is the start of the text.
///
/// Everything here goes by Unicode scalar, as cmark reads the text, never by Character:
/// a combining mark (or the half-width sound marks ﾞ ﾟ, which Unicode counts as extending)
/// after `_`, `*` or `;` makes one Character that is none of them, yet cmark still sees
/// the punctuation (found by the import fuzz target).
enum MarkdownEscaper {
    static let alwaysEscaped: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~"]

    static func escape(_ text: String) -> String {
        escape(text, everyHash: false)
    }

    /// A heading's text: also every `#`, since `## C #` would lose its closing `#`.
    static func escapeHeading(_ text: String) -> String {
        escape(text, everyHash: true)
    }

    private static func escape(_ text: String, everyHash: Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.reserveCapacity(scalars.count + 8)
        for (index, c) in scalars.enumerated() {
            if alwaysEscaped.contains(c) || (everyHash && c == "#") || (c == "&" && startsEntity(scalars[(index + 1)...]))
                || startsAutolink(scalars, at: index)
            {
                out.append("\\")
            }
            out.append(c)
        }
        return escapingBlockStart(String(out))
    }

    /// Removes the backslash of every backslash escape: the inverse of `escape`.
    static func unescape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingBackslash = false
        for c in text.unicodeScalars {
            if pendingBackslash {
                pendingBackslash = false
                if c.isASCII, isASCIIPunctuation(UInt8(c.value)) {
                    out.append(c)
                    continue
                }
                out.append("\\")
            }
            if c == "\\" { pendingBackslash = true } else { out.append(c) }
        }
        if pendingBackslash { out.append("\\") }
        return String(out)
    }

    /// By Unicode scalar, as cmark reads the text: a combining mark after the space of `2. `
    /// makes one Character that is not " ", yet cmark still sees a list item (found by the
    /// import fuzz target).
    private static func escapingBlockStart(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first else { return text }
        func isSpaceOrTab(at index: Int) -> Bool { scalars[index] == " " || scalars[index] == "\t" }
        switch first {
        case "#":
            return "\\" + text
        case "-", "+":
            let isBreak = first == "-" && scalars.filter { $0 != " " && $0 != "\t" }.allSatisfy { $0 == "-" }
                && scalars.filter { $0 == "-" }.count >= 3
            if scalars.count == 1 || isSpaceOrTab(at: 1) || isBreak { return "\\" + text }
            return text
        default:
            // 1. / 1) followed by a space or nothing: an ordered list item.
            let digits = scalars.prefix { ("0"..."9").contains($0) }.count
            guard (1...9).contains(digits), digits < scalars.count, scalars[digits] == "." || scalars[digits] == ")" else { return text }
            guard digits + 1 == scalars.count || isSpaceOrTab(at: digits + 1) else { return text }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars[..<digits])
            out.append("\\")
            out.append(contentsOf: scalars[digits...])
            return String(out)
        }
    }

    /// The `:` of `http://`, `https://`, `ftp://` and the `.` of `www.`: GFM's autolinks take
    /// what follows up to a space raw, backslashes and all (`…/a\_b` showed as `a\_b`), so an
    /// address in statement text is kept as text by breaking its trigger.
    private static func startsAutolink(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        func lowercased(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[range])).lowercased()
        }
        switch scalars[index] {
        case ":":
            guard index + 2 < scalars.count, scalars[index + 1] == "/", scalars[index + 2] == "/" else { return false }
            return ["http", "https", "ftp"].contains { index >= $0.count && lowercased((index - $0.count)..<index) == $0 }
        case ".":
            return index >= 3 && lowercased((index - 3)..<index) == "www"
        default:
            return false
        }
    }

    /// `&` followed by a named or numeric character reference and `;`.
    private static func startsEntity(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let semicolon = rest.prefix(33).firstIndex(of: ";") else { return false }
        let name = rest[..<semicolon]
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        guard let first = name.first else { return false }
        if first == "#" {
            let number = name.dropFirst()
            if number.first == "x" || number.first == "X" {
                return number.count > 1 && number.dropFirst().allSatisfy { isDigit($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) }
            }
            return !number.isEmpty && number.allSatisfy(isDigit)
        }
        return name.allSatisfy { isLetter($0) || isDigit($0) }
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }
}
