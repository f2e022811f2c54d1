import CommuniqueMarkdown

// How each value a `ReleaseCache` entry holds is written, field by field. A value that
// cannot be (a date that is no date, an unknown kind) throws: the entry is not used.

extension Release: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(id)
        writer.write(title)
        writer.write(category)
        writer.write(published?.iso)
        writer.write(date?.iso)
        writer.write(place)
        writer.write(language)
        writer.write(series)
        writer.write(draft)
        writer.write(source)
        writer.write(participants)
        writer.write(body)
        writer.write(sections)
    }

    init(from reader: inout BinaryReader) throws {
        let id = try reader.string(), title = try reader.string(), category = try reader.optionalString()
        let published = try reader.optionalString().map { try PublicationTime(iso: $0) ?? { throw BinaryReader.Malformed() }() }
        let date = try reader.optionalString().map { try CalendarDate(iso: $0) ?? { throw BinaryReader.Malformed() }() }
        self.init(
            id: id, title: title, category: category, published: published, date: date, place: try reader.optionalString(),
            language: try reader.string(), series: try reader.optionalString(), draft: try reader.bool(),
            source: try reader.optionalString(), participants: try reader.array(), body: try reader.value(), sections: try reader.array())
    }
}

extension Participant: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(name)
        writer.write(reading)
        writer.write(title)
        writer.write(english)
        writer.write(englishTitle)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(
            name: try reader.string(), reading: try reader.optionalString(), title: try reader.optionalString(),
            english: try reader.optionalString(), englishTitle: try reader.optionalString())
    }
}

extension MarkdownSource: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(text)
        writer.write(file)
        writer.write(firstLine)
        writer.write(addedTopics)
        writer.write(removedTopics)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(
            text: try reader.string(), file: try reader.string(), firstLine: try reader.int(), addedTopics: try reader.strings(),
            removedTopics: try reader.strings())
    }
}

extension Section: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(title)
        writer.write(order)
        writer.write(slug)
        writer.write(body)
    }

    init(from reader: inout BinaryReader) throws {
        self.init(title: try reader.string(), order: try reader.int(), slug: try reader.string(), body: try reader.value())
    }
}

extension ParsedPage {
    /// The page's source is the release's: not written twice.
    func encode(to writer: inout BinaryWriter) {
        writer.write(blocks)
        writer.write(footnotes)
    }

    init(from reader: inout BinaryReader, source: MarkdownSource) throws {
        self.init(source: source, blocks: try reader.array(), footnotes: try reader.string())
    }
}

extension ParsedPage.Block: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        switch kind {
        case .paragraph: writer.write(0)
        case .heading(let level): writer.write(1); writer.write(level)
        case .list: writer.write(2)
        case .blockQuote: writer.write(3)
        case .codeBlock: writer.write(4)
        case .thematicBreak: writer.write(5)
        case .html: writer.write(6)
        case .table: writer.write(7)
        case .other(let name): writer.write(8); writer.write(name)
        }
        writer.write(anchor)
        writer.write(marker)
        writer.write(level)
        writer.write(line)
        writer.write(plainText)
        let parts = html.parts
        writer.write(parts.html)
        writer.write(parts.bounds)
        writer.write(parts.closedTexts)
    }

    init(from reader: inout BinaryReader) throws {
        let kind: MarkdownBlock.Kind
        switch try reader.int() {
        case 0: kind = .paragraph
        case 1: kind = .heading(level: try reader.int())
        case 2: kind = .list
        case 3: kind = .blockQuote
        case 4: kind = .codeBlock
        case 5: kind = .thematicBreak
        case 6: kind = .html
        case 7: kind = .table
        case 8: kind = .other(try reader.string())
        default: throw BinaryReader.Malformed()
        }
        let anchor = try reader.string(), marker: NumberMarker? = try reader.optional(), level = try reader.int()
        let line = try reader.int(), plainText = try reader.string(), html = try reader.string(), bounds = try reader.ints()
        guard let linkable = LinkableHTML(html: html, bounds: bounds, closedTexts: try reader.strings()) else { throw BinaryReader.Malformed() }
        self.init(kind: kind, anchor: anchor, marker: marker, level: level, line: line, plainText: plainText, html: linkable)
    }
}

extension NumberMarker: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(scheme.rawValue)
        writer.write(value)
        writer.write(text)
        writer.write(prefixLength)
    }

    init(from reader: inout BinaryReader) throws {
        guard let scheme = Scheme(rawValue: try reader.string()) else { throw BinaryReader.Malformed() }
        self.init(scheme: scheme, value: try reader.int(), text: try reader.string(), prefixLength: try reader.int())
    }
}

extension ExtractedTerm: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(kind.rawValue)
        writer.write(term)
        writer.write(aliases)
        writer.write(reading)
        writer.write(english)
        writer.write(title)
        writer.write(englishTitle)
    }

    init(from reader: inout BinaryReader) throws {
        guard let kind = Kind(rawValue: try reader.string()) else { throw BinaryReader.Malformed() }
        self.init(
            kind: kind, term: try reader.string(), aliases: try reader.strings(), reading: try reader.optionalString(),
            english: try reader.optionalString(), title: try reader.optionalString(), englishTitle: try reader.optionalString())
    }
}

extension ReleaseLinks: BinaryCodable {
    func encode(to writer: inout BinaryWriter) {
        writer.write(html.count)
        for page in html { writer.write(page) }
        writer.write(uses.count)
        for use in uses {
            for value in [use.entry, use.page, use.block, use.run, use.scalarRange.lowerBound, use.scalarRange.upperBound] {
                writer.write(value)
            }
        }
    }

    init(from reader: inout BinaryReader) throws {
        var html: [[String]] = []
        for _ in 0..<(try reader.count()) { html.append(try reader.strings()) }
        var uses: [Use] = []
        for _ in 0..<(try reader.count()) {
            let entry = try reader.int(), page = try reader.int(), block = try reader.int(), run = try reader.int()
            let lower = try reader.int(), upper = try reader.int()
            guard lower >= 0, upper >= lower else { throw BinaryReader.Malformed() }
            uses.append(Use(entry: entry, page: page, block: block, run: run, scalarRange: lower..<upper))
        }
        self.init(html: html, uses: uses)
    }

    /// True when these links are for `pages` (in `page` order): as many pages and blocks,
    /// and every use at a run there is.
    func fits(_ pages: [ParsedPage?]) -> Bool {
        guard html.count == pages.count else { return false }
        for (page, blocks) in zip(pages, html) where (page?.blocks.count ?? 0) != blocks.count { return false }
        // Scalars per run, counted once per run however many uses it has.
        struct RunPlace: Hashable { let page, block, run: Int }
        var scalarCounts: [RunPlace: Int] = [:]
        return uses.allSatisfy { use in
            guard pages.indices.contains(use.page), let page = pages[use.page], page.blocks.indices.contains(use.block) else { return false }
            let html = page.blocks[use.block].html
            guard (0..<html.runCount).contains(use.run) else { return false }
            let place = RunPlace(page: use.page, block: use.block, run: use.run)
            let count = scalarCounts[place] ?? html.run(use.run).text.unicodeScalars.count
            scalarCounts[place] = count
            return use.scalarRange.upperBound <= count
        }
    }
}
