import Foundation

/// Decides which logical lines of a plain-text statement are section headings, and
/// which one is the document's own title (`日米安全保障協議委員会(日米「2+2」)(概要)`,
/// "Joint Statement of the Security Consultative Committee").
///
/// Headings come in three kinds, strongest first: bold lines (`**Preamble**`), numbered
/// headings (`1 総論`, `1. Overview`) and short lines without sentence punctuation
/// (`総論`, "Regional Security Environment"). The strongest kind a document uses marks
/// its sections; weaker look-alikes are kept as text. (`## 総論` makes a file Markdown
/// input, read by `MarkdownStatementParser`.)
struct HeadingDetector {
    enum Kind {
        case plain, numbered, bold
    }

    struct Candidate {
        var kind: Kind
        /// The heading as written, without `#`/`**` markup but with its number.
        var title: String
        var marker: NumberMarker?
    }

    struct Layout {
        /// Indices of section headings, in order, with what each heading says.
        var headings: [(index: Int, heading: Candidate)]
        /// Index of the document's own title line, when it has one.
        var innerTitle: Int?
    }

    /// Number schemes that can number headings (`1 総論`, `1. Overview`, `１．総論`,
    /// `I. Preamble`, `Ⅱ　地域情勢`, `第1　総論`).
    static let headingSchemes: Set<NumberMarker.Scheme> = [.arabicSpace, .arabicFullStop, .romanFullStop, .ordinal]

    /// Words that mark a line as the title of a whole document rather than of a section.
    static let documentTitleWords = [
        "概要", "声明", "共同発表", "共同文書", "宣言", "全文", "骨子", "ファクトシート", "談話", "仮訳",
        "statement", "declaration", "communiqu", "fact sheet", "readout", "joint",
    ]
    /// Words that open a statement's first section rather than name the document.
    static let preambleWords = ["前文", "はじめに", "序文", "preamble", "introduction"]

    let lines: [LogicalLine]

    func layout() -> Layout {
        let candidates = lines.map(Self.candidate)
        guard let (kind, scheme) = sectionKind(candidates) else {
            return Layout(headings: [], innerTitle: innerTitle(before: lines.count, candidates: candidates))
        }
        var indices = candidates.indices.filter { i in
            i + 1 < lines.count && candidates[i]?.kind == kind && (scheme == nil || candidates[i]?.marker?.scheme == scheme)
                && !isDatelinePlace(i)
        }
        indices = Self.withoutRuns(indices)
        var headings = indices.map { (index: $0, heading: candidates[$0]!) }

        let firstHeading = headings.first?.index ?? lines.count
        var inner = innerTitle(before: firstHeading, candidates: candidates)
        if inner == nil, kind == .plain, let first = headings.first, isDocumentTitle(first.index, headings: headings) {
            inner = first.index
            headings.removeFirst()
        }
        return Layout(headings: headings, innerTitle: inner)
    }

    /// The strongest heading kind the document uses. Numbered headings count only when
    /// every line numbered in their scheme looks like a heading: in a statement whose
    /// paragraphs are numbered `1.`, a short `3. Others` is a paragraph too.
    private func sectionKind(_ candidates: [Candidate?]) -> (Kind, NumberMarker.Scheme?)? {
        let kinds = Set(candidates.indices.compactMap { i in i + 1 < lines.count ? candidates[i]?.kind : nil })
        if kinds.contains(.bold) { return (.bold, nil) }
        // The first scheme used for headings whose every line is a heading.
        // Each scheme once, in order of first use: trying it again for each of its lines made
        // a long statement quadratic.
        var seen: Set<NumberMarker.Scheme> = []
        let numberedSchemes = candidates.compactMap { $0?.kind == .numbered ? $0?.marker?.scheme : nil }.filter { seen.insert($0).inserted }
        if let scheme = numberedSchemes.first(where: { scheme in
            lines.indices.allSatisfy { i in lines[i].marker?.scheme != scheme || candidates[i]?.kind == .numbered }
        }) {
            return (.numbered, scheme)
        }
        return kinds.contains(.plain) ? (.plain, nil) : nil
    }

    /// Removes runs of adjacent candidates: three or more in a row are a list or a
    /// table of contents; of two in a row, only the second heads a section (the first
    /// may be the document's title).
    static func withoutRuns(_ indices: [Int]) -> [Int] {
        var result: [Int] = []
        var run: [Int] = []
        func close() {
            if run.count == 1 { result += run } else if run.count == 2 { result.append(run[1]) }
            run = []
        }
        for i in indices {
            if let last = run.last, last + 1 != i { close() }
            run.append(i)
        }
        close()
        return result
    }

    /// The first heading-like line before the first section that has text after it.
    private func innerTitle(before end: Int, candidates: [Candidate?]) -> Int? {
        (0..<end).first { i in
            guard let c = candidates[i], c.kind == .plain || c.kind == .bold, i + 1 < lines.count else { return false }
            // The place of a dateline written on two lines ("Capri, Italy" over "April 19, 2024").
            if isDatelinePlace(i) { return false }
            // Not the first of a list of short lines.
            guard candidates[i + 1] == nil || i + 1 == end else { return false }
            // A section-less document's only candidate is its title only when it says so.
            return end < lines.count || (isDocumentTitleText(lines[i].folded) && lines[i + 1].marker == nil)
        }
    }

    /// Whether the first plain heading names the document: it says so ("概要",
    /// "Joint Statement"), or it is followed by unnumbered text while the sections
    /// after it are numbered.
    private func isDocumentTitle(_ index: Int, headings: [(index: Int, heading: Candidate)]) -> Bool {
        let folded = lines[index].folded.lowercased()
        // A document's title is followed by its preamble or a section, never directly
        // by numbered paragraphs: `改正の概要` over `(ア)…` heads a section.
        guard index + 1 < lines.count, lines[index + 1].marker == nil else { return false }
        if Self.preambleWords.contains(where: folded.contains) { return false }
        if isDocumentTitleText(folded) { return true }
        guard headings.count >= 2 else { return false }
        let next = headings[1].index
        let ownText = lines[(index + 1)..<next]
        let later = lines[next...]
        return !ownText.isEmpty && ownText.allSatisfy { $0.marker == nil } && later.contains { $0.marker != nil }
    }

    /// The place half of a dateline on two lines: a line `PlaceFinder` reads as only a
    /// place, followed by a line holding only a date.
    private func isDatelinePlace(_ index: Int) -> Bool {
        guard index + 1 < lines.count, DateParser.dateLine(lines[index + 1].folded) != nil else { return false }
        let folded = lines[index].folded
        return !isDocumentTitleText(folded) && PlaceFinder.isPlaceLine(folded)
    }

    private func isDocumentTitleText(_ folded: String) -> Bool {
        let lower = folded.lowercased()
        return Self.documentTitleWords.contains(where: lower.contains)
    }

    // MARK: - Recognising one line

    static func candidate(_ line: LogicalLine) -> Candidate? {
        let folded = line.folded
        if let inner = boldContent(folded) {
            let written = String(line.text.dropFirst(2).dropLast(2)).trimmedOfSpaces
            guard !inner.isEmpty, inner.count <= 80 else { return nil }
            return Candidate(kind: .bold, title: written, marker: NumberMarker.parse(inner))
        }
        if let inner = boldRuns(folded), let written = boldRuns(line.text) {
            guard inner.count <= 80 else { return nil }
            return Candidate(kind: .bold, title: written, marker: NumberMarker.parse(inner))
        }
        if let marker = line.marker {
            let rest = String(folded.dropFirst(marker.prefixLength))
            guard headingSchemes.contains(marker.scheme), isHeadingLike(rest) else { return nil }
            return Candidate(kind: .numbered, title: line.text, marker: marker)
        }
        guard isHeadingLike(folded) else { return nil }
        return Candidate(kind: .plain, title: line.text, marker: nil)
    }

    /// `**Preamble**` or `__Preamble__` filling the whole line: what is between the markup.
    static func boldContent(_ folded: String) -> String? {
        for mark in ["**", "__"] where folded.hasPrefix(mark) && folded.hasSuffix(mark) && folded.count > 4 {
            let inner = folded.dropFirst(2).dropLast(2)
            guard !inner.contains(mark) else { return nil }
            return inner.trimmedOfSpaces
        }
        return nil
    }

    /// A line of two or more bold runs and nothing else, as an editor writes a heading it
    /// bolded in pieces (`**Leading on Innovation,** **Economic Security**`): the runs'
    /// text joined by one space.
    static func boldRuns(_ text: String) -> String? {
        guard LineJoiner.startsWithAsterisk(text) else { return nil }
        let trimmed = text.trimmedOfSpaces
        guard trimmed.hasPrefix("**"), trimmed.hasSuffix("**") else { return nil }
        let parts = trimmed.components(separatedBy: "**")
        // "**a** **b**" splits into "", "a", " ", "b", "": text at odd places, spaces between.
        guard parts.count >= 5, parts.count.isMultiple(of: 2) == false, parts.first == "", parts.last == "" else { return nil }
        var runs: [String] = []
        for (k, part) in parts.enumerated().dropFirst().dropLast() {
            if k.isMultiple(of: 2) {
                guard !part.isEmpty, part.allSatisfy(\.isWhitespace) else { return nil }
            } else {
                let run = part.trimmedOfSpaces
                guard !run.isEmpty else { return nil }
                runs.append(run)
            }
        }
        return runs.joined(separator: " ")
    }

    static let sentencePunctuation: Set<Character> = ["。", ".", "!", "?", "！", "？", ":", "：", "、", ",", ";", "；", "．"]

    /// A short line without sentence punctuation: `総論`, `同盟の現代化`, "Overview",
    /// "Regional Security Environment". Not a date, a list item or a URL.
    static func isHeadingLike(_ folded: String) -> Bool {
        let text = folded.trimmedOfSpaces
        guard let first = text.first, let last = text.last, !sentencePunctuation.contains(last) else { return false }
        guard !text.contains("。"), !text.contains("、"), !LineJoiner.startsWithBullet(text) else { return false }
        guard !text.contains("://"), DateParser.firstDate(in: text) == nil else { return false }
        if text.unicodeScalars.contains(where: TextScript.isJapanese) {
            return text.count <= 32
        }
        let words = text.split(separator: " ")
        return text.count <= 60 && words.count <= 8 && (first.isUppercase || first.isNumber)
            && text.contains(where: \.isLetter)
    }
}
