import Foundation

/// The text of a PDF as poppler lays it out: pages of lines of words, each with its box
/// (in points from the page's top left), in poppler's reading order.
struct PDFText: Sendable, Hashable {
    var pages: [PDFPage]

    /// True when no page holds a word: a scan or a drawing, with no text layer.
    var isEmpty: Bool { pages.allSatisfy { $0.lines.isEmpty } }
}

struct PDFPage: Sendable, Hashable {
    /// 1-based.
    var number: Int
    var width: Double
    var height: Double
    var lines: [PDFLine]
}

struct PDFLine: Sendable, Hashable {
    /// 1-based, counted over every line of every page in reading order (headers and
    /// footers included): what the report and `_dropped.txt` call the PDF's lines.
    var number: Int
    var page: Int
    var words: [PDFWord]

    var text: String { PDFText.lineText(words) }
    var left: Double { words.map(\.left).min() ?? 0 }
    var right: Double { words.map(\.right).max() ?? 0 }
    var top: Double { words.map(\.top).min() ?? 0 }
    /// The tallest word's height: close to the font size.
    var height: Double { words.map(\.height).max() ?? 0 }
}

struct PDFWord: Sendable, Hashable {
    var text: String
    var left: Double
    var top: Double
    var width: Double
    var height: Double

    var right: Double { left + width }
}

extension PDFText {
    /// Reads `pdftotext -tsv` output: a header row, then one row per page (level 1), flow,
    /// block, line and word (level 5), with `page_num`, `par_num`, `block_num`, `line_num`
    /// numbering them and `left top width height` giving the box. Only pages and words
    /// matter here; a word's line is the one its numbers name.
    init(tsv: String) {
        var pages: [PDFPage] = []
        var lineKey: [Substring]? = nil
        var lineCount = 0
        func closeLine(_ words: inout [PDFWord]) {
            guard !words.isEmpty, !pages.isEmpty else { return }
            lineCount += 1
            pages[pages.count - 1].lines.append(PDFLine(number: lineCount, page: pages.count, words: words))
            words = []
        }
        var words: [PDFWord] = []
        for row in tsv.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = row.split(separator: "\t", maxSplits: 11, omittingEmptySubsequences: false)
            guard fields.count == 12, let level = Int(fields[0]), let page = Int(fields[1]),
                let left = Double(fields[6]), let top = Double(fields[7]),
                let width = Double(fields[8]), let height = Double(fields[9])
            else { continue }  // the header row
            switch level {
            case 1:
                closeLine(&words)
                lineKey = nil
                pages.append(PDFPage(number: page, width: width, height: height, lines: []))
            case 5:
                let key = Array(fields[1...4])
                if key != lineKey { closeLine(&words) }
                lineKey = key
                let text = String(fields[11])
                if !text.isEmpty { words.append(PDFWord(text: text, left: left, top: top, width: width, height: height)) }
            default:
                continue
            }
        }
        closeLine(&words)
        self.pages = pages
    }

    /// A line's words as one string. Poppler splits words where the text had a space or a
    /// gap; between two Japanese words a gap narrower than a half-width space is only
    /// spacing (justified text), so they join without one.
    static func lineText(_ words: [PDFWord]) -> String {
        var text = ""
        var previous: PDFWord?
        for word in words {
            if let previous, let last = previous.text.last, let first = word.text.first {
                let gap = word.left - previous.right
                let tight = TextScript.isWide(last) && TextScript.isWide(first) && gap < previous.height * 0.4
                if !tight { text += " " }
            }
            text += word.text
            previous = word
        }
        return text
    }
}
