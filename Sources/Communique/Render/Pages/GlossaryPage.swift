/// The glossary: an index of every entry, grouped あ か さ … and A–Z by reading with
/// its reading as ruby and its meaning, and a page per entry listing every paragraph
/// that uses it. One page per entry keeps pages small on a site of hundreds of
/// releases, and a new release re-renders only the entries it uses.
struct GlossaryPage {
    let site: SiteSource
    let glossary: Glossary
    let links: LinkGraph

    static let categoryLabels: [GlossaryEntry.Category: (ja: String, en: String)] = [
        .person: ("人物", "Person"), .organisation: ("組織・会議", "Organisation"), .agreement: ("条約・合意", "Agreement"),
        .place: ("地名", "Place"), .system: ("装備・制度", "System"), .other: ("用語", "Term"),
    ]

    func renderIndex(into pages: inout PageRenderer) throws {
        let path = Permalinks.glossary
        var groups: [String: [GlossaryEntryItem]] = [:]
        for (index, entry) in glossary.entries.enumerated() {
            groups[Gojuon.group(of: entry.reading), default: []].append(
                item(for: entry, index: index, from: path, names: pages.placeNames, uses: nil))
        }
        let ordered = Gojuon.groupOrder.enumerated().compactMap { position, name -> GlossaryIndexPage.Group? in
            guard let entries = groups[name] else { return nil }
            return GlossaryIndexPage.Group(name: name, anchor: "group-\(position + 1)", entries: entries)
        }
        var frame = pages.frame(for: path, lang: site.config.language, title: pages.labels["glossary"]!)
        frame.breadcrumbs = [pages.crumb(pages.labels["home"]!, Permalinks.home)(path)]
        try pages.render(path, template: "glossary", frame: frame, model: GlossaryIndexPage(groups: ordered))
    }

    /// An entry's uses by year (see `YearPages`).
    func years(of index: Int) -> YearPages<TermOccurrence> {
        let id = glossary.entries[index].id
        return YearPages(
            links.backlinks[index] ?? [], site: site, release: { $0.paragraph.page.release },
            main: Permalinks.glossaryEntry(id), yearPage: { Permalinks.glossaryEntryYear(id, $0) })
    }

    /// The page of one entry with the paragraphs of the newest year that use it, or
    /// (`year`) the page of an older year's uses.
    /// `years`: `years(of: index)`, made once for the entry's page and all its years'.
    func renderEntry(_ index: Int, year: String? = nil, years: YearPages<TermOccurrence>, into pages: inout PageRenderer) throws {
        let entry = glossary.entries[index]
        var crumbs = [pages.crumb(pages.labels["home"]!, Permalinks.home), pages.crumb(pages.labels["glossary"]!, Permalinks.glossary)]
        let path = years.path(of: year)
        let yearLabel = year.map { YearPages<TermOccurrence>.label($0, labels: pages.labels) }
        if yearLabel != nil { crumbs.append(pages.crumb(entry.term, Permalinks.glossaryEntry(entry.id))) }
        let yearLinks = years.navigation(on: year, labels: pages.labels)
        var frame = pages.frame(for: path, lang: site.config.language, title: entry.term + (yearLabel.map { " (\($0))" } ?? ""))
        frame.crumbTitle = yearLabel ?? entry.term
        frame.breadcrumbs = crumbs.map { $0(path) }
        frame.description = entry.definition ?? entry.term
        try pages.render(path, template: "glossary-entry", frame: frame, model: GlossaryEntryPage(
            entry: item(for: entry, index: index, from: path, names: pages.placeNames, uses: years.items(of: year), total: year == nil),
            years: yearLinks, hasYears: !yearLinks.isEmpty))
    }

    /// The key of the page `renderEntry` makes (see `UnitKey`): everything it reads,
    /// with each use's text and place in place of the snippet cut from them.
    func key(_ index: Int, year: String?, years: YearPages<TermOccurrence>, pages: PageRenderer, templates: TemplateSet) -> String {
        var key = UnitKey(kind: "glossary-entry", templates: templates, names: ["glossary-entry"], config: site.config)
        let entry = glossary.entries[index]
        for value in [entry.id, entry.term, entry.reading, entry.english, entry.definition, entry.title, entry.englishTitle, year] {
            key.combine(value)
        }
        key.combine(entry.aliases.joined(separator: "\u{0}"))
        key.combine(entry.category.rawValue)
        for name in entry.seeAlso {
            let other = glossary.entry(named: name)
            key.combine(other?.id)
            key.combine(other?.term)
        }
        if year == nil { key.combine(links.backlinks[index]?.count ?? 0) }
        for group in years.groups { key.combine(group.year) }
        for use in years.items(of: year) {
            key.combine(use.paragraph)
            pages.placeNames.combinePlace(of: use.paragraph, into: &key)
            key.combine(text: use.text, of: use.paragraph, site: site)
            key.combine(use.scalarRange.lowerBound)
            key.combine(use.scalarRange.upperBound)
        }
        return key.hex
    }

    /// An entry's values; the uses listed on its page (`uses`), counted all together
    /// on the entry's own page (`total`) or only those listed on a year's page.
    private func item(
        for entry: GlossaryEntry, index: Int, from page: String, names: PlaceNames, uses shownUses: ArraySlice<TermOccurrence>?, total: Bool = true
    ) -> GlossaryEntryItem {
        let japanese = site.config.language.hasPrefix("ja")
        let useCount = total ? links.backlinks[index]?.count ?? 0 : shownUses?.count ?? 0
        let uses = (shownUses ?? []).map { use in
            GlossaryEntryItem.Use(
                url: Permalinks.relative(from: page, to: Permalinks.page(use.paragraph.page)) + "#\(use.paragraph.anchor)",
                place: names.placeName(of: use.paragraph), snippet: use.snippet)
        }
        let seeAlso = entry.seeAlso.compactMap { glossary.entry(named: $0) }.map {
            GlossaryEntryItem.SeeAlso(id: $0.id, term: $0.term, url: Permalinks.relative(from: page, to: Permalinks.glossaryEntry($0.id)))
        }
        let label = Self.categoryLabels[entry.category]!
        return GlossaryEntryItem(
            id: entry.id, term: entry.term, reading: entry.reading,
            showReading: entry.reading != entry.term && !entry.reading.isEmpty,
            aliasesText: entry.aliases.isEmpty ? nil : entry.aliases.joined(separator: "、"),
            english: entry.english, title: entry.title, englishTitle: entry.englishTitle,
            definition: entry.definition, categoryLabel: japanese ? label.ja : label.en,
            seeAlso: seeAlso, hasSeeAlso: !seeAlso.isEmpty,
            uses: uses, hasUses: useCount > 0, useCount: useCount,
            url: Permalinks.relative(from: page, to: Permalinks.glossaryEntry(entry.id)))
    }
}
