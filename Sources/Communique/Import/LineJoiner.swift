import Foundation

/// Turns source lines into logical lines, joining lines that were hard-wrapped at a
/// fixed width (~72 columns) back into paragraphs.
///
/// A file counts as hard-wrapped when several of its lines end close to one width and
/// hardly any go past it. Then a line is joined to the next when the next one's first
/// word would have fitted after it (the wrapping tool would have put it there), unless
/// the next line starts something new: a number marker, a bullet, a date line or a
/// heading after a finished sentence. Files that are not hard-wrapped keep one logical
/// line per source line, which is how copied web pages arrive.
enum LineJoiner {
    static func join(_ lines: [SourceLine]) -> [LogicalLine] {
        let boldContinuations = boldHeadingContinuations(lines)
        guard let width = wrapWidth(of: lines) else {
            var result: [LogicalLine] = []
            for (index, line) in lines.enumerated() where !line.isBlank {
                let trimmed = line.text.trimmedOfSpaces
                if boldContinuations.contains(index), let last = result.popLast() {
                    result.append(LogicalLine(lines: last.lines + [line], text: joined(last.text, trimmed)))
                } else {
                    result.append(LogicalLine(line))
                }
            }
            return result
        }
        var result: [LogicalLine] = []
        var current: [SourceLine] = []
        var text = ""
        func flush() {
            if !current.isEmpty { result.append(LogicalLine(lines: current, text: text)) }
            current = []
            text = ""
        }
        for (index, line) in lines.enumerated() {
            if line.isBlank {
                flush()
                continue
            }
            let trimmed = line.text.trimmedOfSpaces
            if let previous = current.last, boldContinuations.contains(index) || continues(previous, with: trimmed, width: width) {
                text = joined(text, trimmed)
                current.append(line)
            } else {
                flush()
                current = [line]
                text = trimmed
            }
        }
        flush()
        return result
    }

    /// Lines that continue a bold heading wrapped over lines (`**Leading on Innovation,` /
    /// `Economic Security**`), whether or not the file is hard-wrapped: up to two lines after
    /// an unclosed `**` at a line's start, the last of them closing it, none blank.
    static func boldHeadingContinuations(_ lines: [SourceLine]) -> Set<Int> {
        var continuations: Set<Int> = []
        for (index, line) in lines.enumerated() where startsWithAsterisk(line.text) {
            let opening = WidthFolding.fold(line.text.trimmedOfSpaces)
            guard opening.hasPrefix("**"), opening.count > 2, HeadingDetector.boldContent(opening) == nil,
                !opening.dropFirst(2).contains("**")
            else { continue }
            for next in (index + 1)..<min(index + 3, lines.count) {
                let text = WidthFolding.fold(lines[next].text.trimmedOfSpaces)
                guard !lines[next].isBlank, !text.hasPrefix("**") else { break }
                if text.hasSuffix("**") {
                    if !text.dropLast(2).contains("**") { continuations.formUnion((index + 1)...next) }
                    break
                }
                if text.contains("**") { break }
            }
        }
        return continuations
    }

    /// Whether the first character that is not a space is `*` or `＊`: the cheap test before
    /// folding a line to look for bold markup.
    static func startsWithAsterisk(_ text: String) -> Bool {
        let first = text.unicodeScalars.first { !WidthFolding.isSpace($0) }
        return first == "*" || first == "＊"
    }

    /// The width a file was wrapped at, or nil when it was not hard-wrapped.
    static func wrapWidth(of lines: [SourceLine]) -> Int? {
        let trimmed = lines.filter { !$0.isBlank }.map { $0.text.trimmedOfSpaces }
        let widths = trimmed.map(TextScript.displayWidth).sorted(by: >)
        guard widths.count >= 4 else { return nil }
        // Not the widest line, which may be a title or a URL, but one of the widest few.
        let width = widths[min(widths.count - 1, max(1, widths.count / 10))]
        // Japanese is wrapped as narrow as 19 characters (38 columns) for phones and mail.
        guard (30...200).contains(width) else { return nil }
        let tolerance = max(6, min(12, width / 6))
        let overlong = widths.filter { $0 > width + tolerance }.count
        let nearFull = widths.filter { $0 >= width - tolerance && $0 <= width + tolerance }.count
        guard overlong <= 1, nearFull >= 3, Double(nearFull) >= Double(widths.count) * 0.25 else { return nil }
        // Japanese line breaking lets a line run a character over the width to end on
        // closing punctuation (kinsoku): such lines do not set the width, or a line one wide
        // character short of the real width would look like a paragraph's end.
        let widest = widths.filter { $0 <= width + tolerance }.max()
        let fitting = trimmed.filter { line in
            guard let last = line.last else { return false }
            return !(TextScript.isWide(last) && closingPunctuation.contains(last))
        }.map(TextScript.displayWidth).filter { $0 <= width + tolerance }.max()
        guard let fitting, let widest, widest <= fitting + 2 else { return widest }
        return fitting
    }

    static let sentenceEnds: Set<Character> = ["。", ".", "!", "?", "！", "？", "．", ":", "："]
    static let closingPunctuation: Set<Character> = ["、", "。", "」", "』", "）", ")", "，", "．", ",", ".", "・", "ー"]

    static func continues(_ previous: SourceLine, with next: String, width: Int) -> Bool {
        let before = previous.text.trimmedOfSpaces
        let folded = WidthFolding.fold(next)
        guard let last = before.last, let first = next.first else { return false }
        // Japanese line-breaking rules never start a line with closing punctuation.
        if closingPunctuation.contains(first) { return true }
        if NumberMarker.parse(folded) != nil || startsWithBullet(folded) || startsMarkup(folded) { return false }
        if DateParser.dateLine(folded) != nil { return false }
        let nextWidth = TextScript.displayWidth(next)
        if sentenceEnds.contains(last), nextWidth < width * 7 / 10, HeadingDetector.isHeadingLike(folded) {
            return false
        }
        // Latin words are wrapped whole; Japanese can break before any character, so a
        // Latin run's word ends at the first wide character (`7月28日…` → `7`).
        let firstWord = next.prefix { !$0.isWhitespace && !TextScript.isWide($0) }
        let wordWidth = TextScript.isWide(first) ? 2 : TextScript.displayWidth(firstWord)
        let gap = TextScript.joinsWithoutSpace(last, first) ? 0 : 1
        let beforeWidth = TextScript.displayWidth(before)
        if beforeWidth + gap + wordWidth > width { return true }
        // A wide line short of the width by a character or two: kinsoku moved one down.
        return TextScript.isWide(last) && !sentenceEnds.contains(last) && beforeWidth >= width - 4
    }

    /// Joins a wrapped line to the text before it: nothing between Japanese characters,
    /// nothing after a hyphen that split a word, one space between Latin words.
    static func joined(_ text: String, _ next: String) -> String {
        guard let last = text.last, let first = next.first else { return text + next }
        if TextScript.joinsWithoutSpace(last, first) { return text + next }
        if last == "-", first.isLetter, text.dropLast().last?.isLetter == true { return text + next }
        return text + " " + next
    }

    static func startsWithBullet(_ folded: String) -> Bool {
        guard let first = folded.first, NumberMarker.bullets.contains(first) else { return false }
        if first == "-" || first == "*" { return folded.dropFirst().first == " " }
        return true
    }

    static func startsMarkup(_ folded: String) -> Bool {
        folded.hasPrefix("#") || folded.hasPrefix("**") || folded.hasPrefix("__")
    }
}
