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

    /// Keys of the page's list items, for the template check (see `PageRenderer.itemKeys`).
    static var itemKeys: [String: Any] {
        [
        "groups": [["name": "", "anchor": "", "entries": [entryKeys]]], "entry": entryKeys,
        ]
    }
    static var entryKeys: [String: Any] {
        [
        "id": "", "term": "", "reading": "", "show_reading": true, "aliases_text": "", "english": "", "title": "",
        "english_title": "", "definition": "", "category_label": "", "see_also": [["id": "", "term": "", "url": ""]], "url": "",
        "has_see_also": true, "uses": [["url": "", "place": "", "snippet": ""]], "has_uses": true, "use_count": 0,
        ]
    }

    func renderIndex(into pages: inout PageRenderer) throws {
        let path = Permalinks.glossary
        var groups: [String: [[String: Any]]] = [:]
        for (index, entry) in glossary.entries.enumerated() {
            groups[Gojuon.group(of: entry.reading), default: []].append(
                values(for: entry, index: index, from: path, names: pages.placeNames, uses: nil))
        }
        let ordered = Gojuon.groupOrder.enumerated().compactMap { position, name -> [String: Any]? in
            guard let entries = groups[name] else { return nil }
            return ["name": name, "anchor": "group-\(position + 1)", "entries": entries]
        }
        try pages.render(path, template: "glossary", lang: site.config.language, title: pages.labels["glossary"]!, values: [
            "groups": ordered,
            "breadcrumbs": [pages.crumb(pages.labels["home"]!, Permalinks.home)(path)],
        ])
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
        try pages.render(path, template: "glossary-entry", lang: site.config.language, title: entry.term + (yearLabel.map { " (\($0))" } ?? ""), values: [
            "entry": values(for: entry, index: index, from: path, names: pages.placeNames, uses: years.items(of: year), total: year == nil),
            "years": yearLinks, "has_years": !yearLinks.isEmpty,
            "crumb_title": yearLabel ?? entry.term,
            "breadcrumbs": crumbs.map { $0(path) },
            "description": entry.definition ?? entry.term,
        ])
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
            key.combine(use.text)
            key.combine(use.scalarRange.lowerBound)
            key.combine(use.scalarRange.upperBound)
        }
        return key.hex
    }

    /// An entry's values; the uses listed on its page (`uses`), counted all together
    /// on the entry's own page (`total`) or only those listed on a year's page.
    private func values(
        for entry: GlossaryEntry, index: Int, from page: String, names: PlaceNames, uses shownUses: ArraySlice<TermOccurrence>?, total: Bool = true
    ) -> [String: Any] {
        let japanese = site.config.language.hasPrefix("ja")
        let useCount = total ? links.backlinks[index]?.count ?? 0 : shownUses?.count ?? 0
        let uses = (shownUses ?? []).map { use -> [String: Any] in
            [
                "url": Permalinks.relative(from: page, to: Permalinks.page(use.paragraph.page)) + "#\(use.paragraph.anchor)",
                "place": names.placeName(of: use.paragraph), "snippet": use.snippet,
            ]
        }
        let seeAlso = entry.seeAlso.compactMap { glossary.entry(named: $0) }.map {
            ["id": $0.id, "term": $0.term, "url": Permalinks.relative(from: page, to: Permalinks.glossaryEntry($0.id))]
        }
        let label = Self.categoryLabels[entry.category]!
        return [
            "id": entry.id, "term": entry.term, "reading": entry.reading,
            "show_reading": entry.reading != entry.term && !entry.reading.isEmpty,
            "aliases_text": entry.aliases.isEmpty ? false : entry.aliases.joined(separator: "、"),
            "english": entry.english ?? false, "title": entry.title ?? false, "english_title": entry.englishTitle ?? false,
            "definition": entry.definition ?? false, "category_label": japanese ? label.ja : label.en,
            "see_also": seeAlso, "has_see_also": !seeAlso.isEmpty,
            "uses": uses, "has_uses": useCount > 0, "use_count": useCount,
            "url": Permalinks.relative(from: page, to: Permalinks.glossaryEntry(entry.id)),
        ]
    }
}
