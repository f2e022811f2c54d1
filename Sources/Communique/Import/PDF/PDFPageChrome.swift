import Foundation

/// Finds what a PDF repeats in its page margins: running headers and footers (the same
/// text at the same height on most pages, page numbers aside) and page numbers (`3`,
/// `- 3 -`, `－３－`, `3/10`, `Page 3 of 10`, `３ページ`).
///
/// Only the outermost lines of a page are looked at (two at the top, two at the bottom,
/// within the outer fifth of the page), so a line of the statement that happens to repeat
/// is kept. What is removed is returned, for the report and `_dropped.txt`.
enum PDFPageChrome {
    struct Result: Sendable {
        /// The pages without their running headers, footers and page numbers.
        var pages: [PDFPage]
        var dropped: [PDFLine]
    }

    /// Lines at either end of a page that may be chrome.
    static let edgeLines = 2
    /// How far into the page (a share of its height) a header or footer may reach.
    static let marginShare = 0.2
    /// How far (a share of the page's height) the same header may move between pages.
    static let positionTolerance = 0.02

    static func strip(_ pages: [PDFPage]) -> Result {
        let candidates = pages.map(edgeCandidates)
        // Texts that repeat at one height on most pages (at least two).
        let needed = max(2, (pages.count + 1) / 2)
        var dropped: Set<Int> = []
        for (p, lines) in candidates.enumerated() {
            for line in lines {
                let key = repetitionKey(line.text)
                let top = line.top / pages[p].height
                let pagesWithIt = candidates.enumerated().filter { q, others in
                    others.contains { other in
                        repetitionKey(other.text) == key && abs(other.top / pages[q].height - top) <= positionTolerance
                    }
                }.count
                if pagesWithIt >= needed || isPageNumber(line.text) { dropped.insert(line.number) }
            }
        }
        let kept = pages.map { page in
            PDFPage(number: page.number, width: page.width, height: page.height,
                    lines: page.lines.filter { !dropped.contains($0.number) })
        }
        return Result(pages: kept, dropped: pages.flatMap(\.lines).filter { dropped.contains($0.number) })
    }

    /// The lines at the top and bottom of `page` that lie in its margins.
    static func edgeCandidates(_ page: PDFPage) -> [PDFLine] {
        let ordered = page.lines.sorted { ($0.top, $0.number) < ($1.top, $1.number) }
        let top = ordered.prefix(edgeLines).filter { $0.top < page.height * marginShare }
        let bottom = ordered.suffix(edgeLines).filter { $0.top + $0.height > page.height * (1 - marginShare) }
        var seen: Set<Int> = []
        return (top + bottom).filter { seen.insert($0.number).inserted }
    }

    /// The text with its numbers blanked and its spaces removed, so `Page 2 of 9` and
    /// `Page 3 of 9` (or `－２－` and `－３－`) are the same running line.
    static func repetitionKey(_ text: String) -> String {
        var key = ""
        var inNumber = false
        for scalar in WidthFolding.fold(text).unicodeScalars where !WidthFolding.isSpace(scalar) {
            let digit = ("0"..."9").contains(scalar)
            if digit, inNumber { continue }
            key.unicodeScalars.append(digit ? "#" : scalar)
            inNumber = digit
        }
        return key.lowercased()
    }

    /// A page number alone on its line, in any of the usual shapes.
    nonisolated(unsafe) static let pageNumber = compiledOnce(
        /(?i)^(?:[-‐–—−~]?\s*\d{1,4}\s*[-‐–—−~]?|\d{1,4}\s*\/\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|\d{1,4}\s*(?:ページ|頁)|第\s*\d{1,4}\s*(?:ページ|頁))$/
    )

    static func isPageNumber(_ text: String) -> Bool {
        let folded = WidthFolding.fold(text).trimmingCharacters(in: .whitespaces)
        return folded.wholeMatch(of: pageNumber) != nil
    }
}
