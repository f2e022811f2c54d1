import Foundation

/// Joins a PDF's lines back into the paragraphs they were wrapped from, across page
/// breaks too, from where each line sits on the page.
///
/// A line starts a new paragraph when the one before it ended early (the next line's
/// first word would have fitted after it), when it starts a numbered paragraph or list
/// item after a finished sentence, when it is indented past where the paragraph's
/// lines start (a first-line indent) or set back from it, when it is further below the
/// line before than the text's line spacing, when its type is another size, when it is
/// centred or set right (titles, dates), and when it is a short heading after a finished
/// sentence. Everything else continues the paragraph.
struct PDFParagraphBuilder {
    struct Paragraph: Sendable, Hashable {
        var lines: [PDFLine]
        var text: String
    }

    struct Result: Sendable {
        var paragraphs: [Paragraph]
        /// Joins across a page break and hyphens kept at a line's end, for a person to check.
        var guesses: [ImportGuess]
    }

    let metrics: PDFTextMetrics
    let joiner: PDFLineJoiner

    init(pages: [PDFPage]) {
        let lines = pages.flatMap(\.lines)
        metrics = PDFTextMetrics(lines: lines)
        joiner = PDFLineJoiner(vocabulary: lines.map(\.text))
    }

    func build(_ pages: [PDFPage]) -> Result {
        var paragraphs: [Paragraph] = []
        var guesses: [ImportGuess] = []
        var current: Paragraph?
        for line in pages.flatMap(\.lines) {
            guard var paragraph = current, let previous = paragraph.lines.last, continues(paragraph, with: line) else {
                if let current { paragraphs.append(current) }
                current = Paragraph(lines: [line], text: line.text)
                continue
            }
            let join = joiner.join(paragraph.text, line.text)
            if let guess = join.guess { guesses.append(ImportGuess(line: line.number, guess)) }
            if previous.page != line.page {
                guesses.append(ImportGuess(
                    line: line.number,
                    "joined a paragraph across the break from page \(previous.page) to page \(line.page) "
                        + "(“…\(previous.text.suffix(12))” + “\(line.text.prefix(12))…”)"))
            }
            paragraph.lines.append(line)
            paragraph.text = join.text
            current = paragraph
        }
        if let current { paragraphs.append(current) }
        return Result(paragraphs: paragraphs, guesses: guesses)
    }

    /// Whether `line` goes on with `paragraph` rather than starting a new one.
    func continues(_ paragraph: Paragraph, with line: PDFLine) -> Bool {
        guard let previous = paragraph.lines.last, let last = previous.text.last else { return false }
        let em = metrics.em
        let folded = WidthFolding.fold(line.text)
        let endsSentence = PDFLineJoiner.sentenceEnds.contains(last)
        if metrics.isSetApart(previous) || metrics.isSetApart(line) { return false }
        if abs(line.height - previous.height) > min(line.height, previous.height) * 0.15 { return false }
        if previous.page == line.page, line.top - previous.top > metrics.lineSpacing * 1.4 { return false }
        if endedEarly(previous, before: line) { return false }
        if endsSentence || PDFLineJoiner.closingBrackets.contains(last) {
            if NumberMarker.parse(folded) != nil || LineJoiner.startsWithBullet(folded) { return false }
            if HeadingDetector.isHeadingLike(folded), line.right < metrics.textRight - 2 * em { return false }
        }
        // Where the paragraph's next line may start: under its second line once it has one;
        // else under the text after its number, or no further in than its first line.
        let allowedLeft: Double
        if paragraph.lines.count >= 2 {
            if line.left < previous.left - em / 2 { return false }
            allowedLeft = previous.left
        } else if let marker = NumberMarker.parse(WidthFolding.fold(previous.text)), previous.words.count > 1,
            marker.prefixLength <= previous.words[0].text.count + 1
        {
            allowedLeft = previous.words[1].left
        } else {
            allowedLeft = previous.left
        }
        return line.left <= allowedLeft + em / 2
    }

    /// True when `previous` stopped short of the right edge by more than `line`'s first
    /// word (a Japanese line: by more than two characters, as line-breaking rules may push
    /// one or two down; or by any room at all after a full stop).
    func endedEarly(_ previous: PDFLine, before line: PDFLine) -> Bool {
        guard let first = line.words.first, let firstCharacter = first.text.first,
            let last = previous.text.last
        else { return true }
        let room = metrics.textRight - previous.right
        let em = max(previous.height, metrics.em)
        if TextScript.isWide(firstCharacter) || TextScript.isWide(last) {
            return room > (PDFLineJoiner.sentenceEnds.contains(last) ? em : 2.5 * em)
        }
        let space = em / 4
        return previous.right + space + first.width <= metrics.textRight + em / 10
    }
}

/// The text's layout, measured over all its lines: how wide a character is, where the
/// lines start and end, and how far apart they are.
struct PDFTextMetrics: Sendable {
    /// The commonest line height: about the body text's font size.
    var em: Double
    /// Where most lines start.
    var textLeft: Double
    /// Where full lines end.
    var textRight: Double
    /// The commonest distance from one line's top to the next's on a page.
    var lineSpacing: Double

    init(lines: [PDFLine]) {
        func mode(_ values: [Double]) -> Double? {
            let counts = Dictionary(grouping: values.map { ($0 * 2).rounded() / 2 }, by: { $0 }).mapValues(\.count)
            return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
        }
        em = mode(lines.map(\.height)) ?? 10
        textLeft = mode(lines.map(\.left)) ?? 0
        let rights = lines.map(\.right).sorted()
        textRight = rights.isEmpty ? 0 : rights[min(rights.count - 1, rights.count * 9 / 10)]
        let steps = zip(lines, lines.dropFirst()).compactMap { a, b -> Double? in
            a.page == b.page && b.top > a.top ? b.top - a.top : nil
        }
        lineSpacing = mode(steps) ?? em * 1.5
    }

    /// A line set well in from the left (centred or set right, such as a title or a
    /// date), which stands on its own.
    func isSetApart(_ line: PDFLine) -> Bool {
        line.left > textLeft + (textRight - textLeft) / 4
    }
}
