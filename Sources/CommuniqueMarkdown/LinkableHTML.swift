import CCmarkGFM

/// A block's HTML, rendered by cmark once, with the text runs a linker may wrap left open:
/// links go into the text later without the cmark tree, which can then be freed (or, for a
/// release read from the build cache, never be made).
///
/// `html(wrapping:)` gives the bytes cmark gives for the block after `MarkdownBlock.wrap`
/// with the same wraps (`LinkableHTMLTests` compare the two).
public struct LinkableHTML: Sendable, Hashable {
    /// The block's HTML as cmark writes it, without wraps.
    public let html: String
    /// Per run, in reading order: an open run's place in `html` (start and end, UTF-8
    /// offsets of its escaped text), or -1 and the index of a closed run's text in
    /// `closedTexts`. One array and one string per block, not a string per piece and run:
    /// a 2,000-release site holds hundreds of thousands of blocks.
    private let bounds: [Int32]
    private let closedTexts: [String]

    public struct Run: Sendable, Hashable {
        public var text: String
        /// False for a run shown as it is, which takes no link: cmark allows none in a
        /// table cell, so `MarkdownBlock.wrap` leaves it as it is.
        public var isOpen: Bool

        public init(text: String, isOpen: Bool) {
            self.text = text
            self.isOpen = isOpen
        }
    }

    /// HTML without runs.
    public init(html: String) {
        self.html = html
        bounds = []
        closedTexts = []
    }

    /// From the HTML around the open runs (`pieces[0]`, open run 0, `pieces[1]`, …) and
    /// every run; nil unless there is one piece more than there are open runs.
    public init?(pieces: [String], runs: [Run]) {
        guard pieces.count == runs.count(where: \.isOpen) + 1 else { return nil }
        var html = pieces[0]
        var bounds: [Int32] = []
        var closed: [String] = []
        var piece = 1
        for run in runs {
            if run.isOpen {
                let start = html.utf8.count
                html += Self.escape(Substring(run.text))
                bounds += [Int32(start), Int32(html.utf8.count)]
                html += pieces[piece]
                piece += 1
            } else {
                bounds += [-1, Int32(closed.count)]
                closed.append(run.text)
            }
        }
        self.html = html
        self.bounds = bounds
        closedTexts = closed
    }

    /// As kept by an earlier build (`parts`); nil unless the parts make a whole: every
    /// open run inside the HTML, in order, at character boundaries.
    public init?(html: String, bounds: [Int], closedTexts: [String]) {
        guard bounds.count % 2 == 0 else { return nil }
        var end = 0
        var closedIndex = 0
        let utf8 = html.utf8
        for index in stride(from: 0, to: bounds.count, by: 2) {
            let first = bounds[index], second = bounds[index + 1]
            if first == -1 {
                guard second == closedIndex else { return nil }
                closedIndex += 1
            } else {
                guard first >= end, second >= first, second <= utf8.count, second <= Int32.max,
                    utf8.index(utf8.startIndex, offsetBy: first).samePosition(in: html.unicodeScalars) != nil,
                    utf8.index(utf8.startIndex, offsetBy: second).samePosition(in: html.unicodeScalars) != nil
                else { return nil }
                end = second
            }
        }
        guard closedIndex == closedTexts.count else { return nil }
        self.html = html
        self.bounds = bounds.map { Int32($0) }
        self.closedTexts = closedTexts
    }

    /// What `init(html:bounds:closedTexts:)` takes back.
    public var parts: (html: String, bounds: [Int], closedTexts: [String]) { (html, bounds.map(Int.init), closedTexts) }

    /// Every linkable run of the block (`MarkdownBlock.linkableRuns`), in reading order.
    public var runs: [Run] { (0..<runCount).map(run) }

    public var runCount: Int { bounds.count / 2 }

    /// Run `index` alone (each run's text is made when asked for).
    public func run(_ index: Int) -> Run {
        bounds[2 * index] == -1
            ? Run(text: closedTexts[Int(bounds[2 * index + 1])], isOpen: false)
            : Run(text: Self.unescape(slice(2 * index)), isOpen: true)
    }

    private func slice(_ boundsIndex: Int) -> Substring {
        let utf8 = html.utf8
        return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: Int(bounds[boundsIndex]))..<utf8.index(utf8.startIndex, offsetBy: Int(bounds[boundsIndex + 1]))])
    }

    /// The HTML with `wraps[i]` put around parts of run `i`'s text (missing lists: no wraps).
    /// Wraps must not overlap; a wrap on a run that is not open is dropped, as `wrap` drops it.
    /// Without wraps it is `html` itself (no copy).
    public func html(wrapping wraps: [[InlineWrap]] = []) -> String {
        guard wraps.contains(where: { !$0.isEmpty }) else { return html }
        var result = ""
        result.reserveCapacity(html.utf8.count + 64 * wraps.count)
        let utf8 = html.utf8
        var copied = 0
        for (run, index) in stride(from: 0, to: bounds.count, by: 2).enumerated() where bounds[index] != -1 {
            guard run < wraps.count, !wraps[run].isEmpty else { continue }
            let start = Int(bounds[index]), end = Int(bounds[index + 1])
            result += Substring(utf8[utf8.index(utf8.startIndex, offsetBy: copied)..<utf8.index(utf8.startIndex, offsetBy: start)])
            Self.appendEscaped(Self.unescape(slice(index)), wraps: wraps[run], to: &result)
            copied = end
        }
        result += Substring(utf8[utf8.index(utf8.startIndex, offsetBy: copied)...])
        return result
    }

    /// The text of a run as `escape` wrote it. On bytes: `&` or an entity's `;` may make one
    /// Character with a mark next to it.
    static func unescape(_ escaped: Substring) -> String {
        let bytes = Array(escaped.utf8)
        guard bytes.contains(UInt8(ascii: "&")) else { return String(escaped) }
        let entities: [(bytes: [UInt8], byte: UInt8)] = [
            (Array("&quot;".utf8), UInt8(ascii: "\"")), (Array("&amp;".utf8), UInt8(ascii: "&")),
            (Array("&lt;".utf8), UInt8(ascii: "<")), (Array("&gt;".utf8), UInt8(ascii: ">")),
        ]
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var index = 0
        outer: while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&") {
                for entity in entities where bytes[index...].starts(with: entity.bytes) {
                    text.append(entity.byte)
                    index += entity.bytes.count
                    continue outer
                }
            }
            text.append(bytes[index])
            index += 1
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The run's text as cmark writes a text node, each wrap's HTML around its part, split
    /// and clamped as `MarkdownBlock.wrap` splits the node.
    private static func appendEscaped(_ text: String, wraps: [InlineWrap], to html: inout String) {
        guard !wraps.isEmpty else { return html += escape(Substring(text)) }
        let utf8 = text.utf8
        func part(_ range: Range<Int>) -> Substring {
            Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
        }
        var cursor = 0
        for wrap in wraps.sorted(by: { $0.utf8Range.lowerBound < $1.utf8Range.lowerBound }) {
            let range = wrap.utf8Range.clamped(to: cursor..<utf8.count)
            guard !range.isEmpty else { continue }
            html += escape(part(cursor..<range.lowerBound))
            html += wrap.open
            html += escape(part(range))
            html += wrap.close
            cursor = range.upperBound
        }
        html += escape(part(cursor..<utf8.count))
    }

    /// cmark's escaping of text in HTML (`houdini_escape_html0`, not secure): `"`, `&`, `<`
    /// and `>`.
    static func escape(_ text: Substring) -> String {
        guard text.utf8.contains(where: { $0 == 0x22 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else { return String(text) }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "&quot;"
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

extension MarkdownBlock {
    /// Placeholders around each open run while the block is rendered. Nothing else in cmark's
    /// output holds them but raw HTML, which `linkableHTML` looks into first.
    private static let runOpen = "<@run>", runClose = "</@run>"

    /// The block's HTML (`innerHTML` for a paragraph or heading when `inner`), its runs open.
    ///
    /// Changes the tree (each run is wrapped in a placeholder): the document's blocks should
    /// be read with this only, each once.
    public func linkableHTML(inner: Bool) -> LinkableHTML {
        let runs = linkableRuns
        guard !runs.isEmpty else { return LinkableHTML(html: inner ? innerHTML : html) }
        // Raw HTML holding a placeholder (`<!-- <@run> -->`): the runs stay closed, unlinked.
        // (Without raw HTML allowed, cmark writes none: it omits it.)
        if document.options.allowRawHTML, hasRawHTML(containing: "<@") {
            return LinkableHTML(pieces: [inner ? innerHTML : html], runs: runs.map { .init(text: $0.text, isOpen: false) })!
        }
        var isOpen: [Bool] = []
        for run in runs {
            // An empty run (the autolink extension leaves one before an e-mail link) holds no
            // term and would get no placeholder, so the next run's would be taken for its own.
            isOpen.append(!run.text.isEmpty && wrap(run, [InlineWrap(utf8Range: 0..<run.text.utf8.count, open: Self.runOpen, close: Self.runClose)]))
        }
        let marked = Array((inner ? innerHTML : html).utf8)
        // Split at the placeholders, on bytes (a run may start with a prepended mark such as
        // U+0605, which makes one Character with the `<` before it); a run is kept open only
        // when its HTML is its escaped text, byte for byte (always, as cmark writes text),
        // else its HTML stays in the piece.
        let open = Array(Self.runOpen.utf8), close = Array(Self.runClose.utf8)
        var pieces: [String] = []
        var result: [LinkableHTML.Run] = []
        var piece: [UInt8] = []
        var cursor = 0
        for (run, wrapped) in zip(runs, isOpen) {
            guard wrapped, let start = Self.find(open, in: marked, from: cursor),
                let end = Self.find(close, in: marked, from: start + open.count)
            else {
                result.append(.init(text: run.text, isOpen: false))
                continue
            }
            piece += marked[cursor..<start]
            let shown = marked[(start + open.count)..<end]
            if shown.elementsEqual(LinkableHTML.escape(Substring(run.text)).utf8) {
                pieces.append(String(decoding: piece, as: UTF8.self))
                piece = []
                result.append(.init(text: run.text, isOpen: true))
            } else {
                piece += shown
                result.append(.init(text: run.text, isOpen: false))
            }
            cursor = end + close.count
        }
        pieces.append(String(decoding: piece + marked[cursor...], as: UTF8.self))
        return LinkableHTML(pieces: pieces, runs: result)!
    }

    /// Where `needle` first occurs in `bytes` at or after `from`.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = from
        while index <= bytes.count - needle.count {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// True when a raw HTML node of the block holds `text`.
    private func hasRawHTML(containing text: String) -> Bool {
        var found = false
        document.forEachNode(under: node) { child in
            let type = cmark_node_get_type(child)
            // On bytes: a mark before the `<` would make one Character of the two.
            if type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK, let literal = MarkdownDocument.literal(of: child),
                Self.find(Array(text.utf8), in: Array(literal.utf8), from: 0) != nil
            {
                found = true
            }
        }
        return found
    }
}
