import CommuniqueHTML
import Foundation

/// Reads a saved web page into a `Statement`: the main content found (`HTMLContentFinder`),
/// its chrome and everything around it set aside as dropped lines, and its structure taken
/// from the markup — the `<h1>` (else `og:title`, else `<title>`) as title, `<h2>`…`<h4>` as
/// sections, `<ol>` items as numbered paragraphs, tables as tables, `<time>` and date lines
/// as the publication date — then assembled as the text importer assembles plain text.
struct HTMLStatementParser {
    /// The file, for diagnostics.
    let file: String

    func parse(_ document: HTMLDocument) throws -> Statement {
        let metadata = HTMLPageMetadata(head: document.head)
        guard let body = document.body, let path = HTMLContentFinder.find(in: body) else {
            throw CommuniqueError(
                "no statement text found in the page: it holds nothing but navigation, header and footer", at: SourceLocation(file: file))
        }
        var blocks: [HTMLBlock] = []
        var dropped: [SourceLine] = []
        read(body, path: path[...], blocks: &blocks, dropped: &dropped)
        guard blocks.contains(where: { $0.kind != .heading(level: 1) }) else {
            throw CommuniqueError(
                "no statement text found in the page's main content: all of it is navigation, share links or other page chrome",
                at: SourceLocation(file: file, line: Self.element(at: path[...], in: body).firstLine))
        }
        var statement = Statement(
            format: .html, language: "", participants: [], lead: [], preamble: [], sections: [],
            metadataLines: [], dropped: dropped)
        readTitleAndDates(&blocks, metadata: metadata, into: &statement)
        statement.category = metadata.section

        let structure = Self.structure(blocks)
        statement.guesses += structure.guesses
        let paragraphs = blocks.map(Self.paragraph)
        StatementAssembler.assemble(
            paragraphs, headings: structure.sections.map { ($0, blocks[$0].text) }, innerTitle: structure.innerTitle, into: &statement)
        MetadataDetector.detect(in: &statement, bodyTexts: paragraphs.map(\.text))
        return statement
    }

    // MARK: - Content and chrome

    /// Reads the content element at `path` under `element` into blocks; everything else
    /// under `element` (header, navigation, sidebars, footer) is dropped, in page order.
    private func read(_ element: HTMLElement, path: ArraySlice<Int>, blocks: inout [HTMLBlock], dropped: inout [SourceLine]) {
        guard let next = path.first else {
            let content = HTMLBlockReader.read(element)
            blocks = content.blocks
            dropped += content.dropped
            return
        }
        for (index, child) in element.children.enumerated() {
            guard case .element(let e) = child else {
                if case .text(let t) = child, !HTMLInlineText.isHTMLWhitespaceOnly(t.text) {
                    dropped.append(SourceLine(number: t.line, text: HTMLInlineText.collapse(t.text)))
                }
                continue
            }
            if index == next {
                read(e, path: path.dropFirst(), blocks: &blocks, dropped: &dropped)
            } else if !HTMLChrome.invisible.contains(e.name) {
                dropped += HTMLTextLines.lines(of: e)
            }
        }
    }

    private static func element(at path: ArraySlice<Int>, in element: HTMLElement) -> HTMLElement {
        guard let next = path.first, case .element(let child) = element.children[next] else { return element }
        return self.element(at: path.dropFirst(), in: child)
    }

    // MARK: - Title and dates

    /// The title: the content's first `<h1>`, else the page's (`og:title`, `<title>` without
    /// the site's name). The publication date: `article:published_time`, else a `<time>` or a
    /// date line among the first blocks, which is then shown only in front matter.
    private func readTitleAndDates(_ blocks: inout [HTMLBlock], metadata: HTMLPageMetadata, into statement: inout Statement) {
        if let h1 = blocks.firstIndex(where: { $0.kind == .heading(level: 1) }) {
            statement.title = blocks[h1].text
            blocks.remove(at: h1)
        } else {
            statement.title = metadata.pageTitle
        }
        statement.published = metadata.publishedTime.flatMap(HTMLPageMetadata.isoDate)
        var index = 0
        var looked = 0
        while index < blocks.count, looked < 3 {
            looked += 1
            let block = blocks[index]
            let stamp = block.datetime.flatMap(HTMLPageMetadata.isoDate)
            guard block.kind == .paragraph, let date = stamp ?? DateParser.dateLine(WidthFolding.fold(block.text)) else {
                index += 1
                continue
            }
            if statement.published == nil || (statement.published?.hour == nil && date.hour != nil) { statement.published = date }
            statement.metadataLines.append(SourceLine(number: block.line, text: block.text))
            blocks.remove(at: index)
        }
    }

    // MARK: - Sections

    /// Which blocks head sections: the shallowest heading level used twice or more (else the
    /// shallowest used), with a lone shallower heading before them as the document's own
    /// title; deeper headings stay in their section as paragraphs. A page without heading
    /// elements takes its all-bold paragraphs as headings, each recorded as a guess.
    static func structure(_ blocks: [HTMLBlock]) -> (sections: [Int], innerTitle: Int?, guesses: [ImportGuess]) {
        func level(_ index: Int) -> Int? {
            if case .heading(let level) = blocks[index].kind { return level }
            return nil
        }
        let headings = blocks.indices.filter { level($0) != nil }
        guard !headings.isEmpty else {
            let bold = blocks.indices.filter { blocks[$0].kind == .boldParagraph }
            let guesses = bold.map {
                ImportGuess(line: blocks[$0].line, "took the bold paragraph “\(blocks[$0].text)” as a section heading")
            }
            return (bold, nil, guesses)
        }
        let levels = headings.compactMap(level)
        let sectionLevel = Set(levels).sorted().first { l in levels.count { $0 == l } >= 2 } ?? levels.min()!
        var sections = headings.filter { level($0)! <= sectionLevel }
        var innerTitle: Int?
        let shallower = sections.filter { level($0)! < sectionLevel }
        if shallower.count == 1, shallower[0] == sections[0] {
            innerTitle = sections.removeFirst()
        }
        return (sections, innerTitle, [])
    }

    /// A block as a paragraph of the statement: a list item starts with the number its list
    /// gives it, unless its text already starts with one.
    static func paragraph(_ block: HTMLBlock) -> StatementParagraph {
        var text = block.text
        if case .listItem(let number) = block.kind, NumberMarker.parse(WidthFolding.fold(text)) == nil {
            text = number + " " + text
        }
        return StatementParagraph(
            text: text, marker: block.kind == .table ? nil : NumberMarker.parse(WidthFolding.fold(text)), level: 0, line: block.line,
            tableRows: block.kind == .table ? block.rows : nil)
    }
}
