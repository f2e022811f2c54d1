import CommuniqueJapanese

/// Builds the glossary: curated entries from `glossary.yml` merged with the terms the
/// statements define themselves and the participants their front matter lists.
///
/// A curated entry overrides or completes an extracted one that shares a term or an
/// alias. Every entry gets a reading: from the YAML, from the text, or from MeCab.
struct GlossaryBuilder {
    let reader: JapaneseReader?

    func build(curated: [CuratedTerm], extracted: [ExtractedTerm], participants: [Participant]) -> Glossary {
        var drafts: [GlossaryEntry] = []
        var indexByForm: [String: Int] = [:]
        func index(of forms: [String]) -> Int? {
            forms.lazy.compactMap { indexByForm[WidthFolding.fold($0)] }.first
        }
        func register(_ entry: GlossaryEntry, at position: Int) {
            for form in entry.forms where indexByForm[WidthFolding.fold(form)] == nil {
                indexByForm[WidthFolding.fold(form)] = position
            }
        }

        for term in curated {
            let entry = GlossaryEntry(
                id: term.id ?? "", term: term.term, reading: term.reading ?? "", aliases: term.aliases,
                english: term.english, definition: term.definition, category: term.category, seeAlso: term.seeAlso,
                origin: .curated, location: term.location)
            drafts.append(entry)
            register(entry, at: drafts.count - 1)
        }

        let people = participants.map {
            ExtractedTerm(kind: .person, term: $0.name, aliases: [], reading: $0.reading, english: $0.english, title: $0.title, englishTitle: $0.englishTitle)
        }
        for term in people + extracted {
            if let existing = index(of: Self.forms(of: term)) {
                drafts[existing] = complete(drafts[existing], with: term)
                register(drafts[existing], at: existing)
            } else {
                let entry = GlossaryEntry(
                    id: "", term: term.term, reading: term.reading ?? "", aliases: Array(Self.forms(of: term).dropFirst()),
                    english: term.english, category: term.kind == .person ? .person : .other,
                    title: term.title, englishTitle: term.englishTitle, origin: .extracted)
                drafts.append(entry)
                register(entry, at: drafts.count - 1)
            }
        }

        var usedIDs: Set<String> = []
        let finished = drafts.map { draft -> GlossaryEntry in
            var entry = draft
            entry.reading = reading(for: entry)
            entry.id = uniqueID(for: entry, used: &usedIDs)
            return entry
        }
        // One collation key per entry, not one per comparison.
        let sorted = finished.map { (key: Gojuon.sortKey($0.reading), entry: $0) }
            .sorted { a, b in
                if a.key != b.key { return a.key < b.key }
                if a.entry.reading != b.entry.reading { return a.entry.reading < b.entry.reading }
                return a.entry.term < b.entry.term
            }
            .map(\.entry)
        return Glossary(entries: sorted)
    }

    /// The names a term goes by in the text: a person also by their English name, which
    /// is how English statements write it.
    static func forms(of term: ExtractedTerm) -> [String] {
        var forms = [term.term] + term.aliases
        if term.kind == .person, let english = term.english, !forms.contains(english) { forms.append(english) }
        return forms
    }

    /// Fills what a (curated or earlier) entry lacks from an extracted term.
    private func complete(_ entry: GlossaryEntry, with term: ExtractedTerm) -> GlossaryEntry {
        var merged = entry
        if merged.reading.isEmpty, let reading = term.reading { merged.reading = reading }
        merged.english = merged.english ?? term.english
        merged.title = merged.title ?? term.title
        merged.englishTitle = merged.englishTitle ?? term.englishTitle
        let known = Set(merged.forms.map(WidthFolding.fold))
        merged.aliases += Self.forms(of: term).filter { !known.contains(WidthFolding.fold($0)) }
        if merged.origin == .curated { merged.origin = .both }
        if term.kind == .person, merged.category == .other { merged.category = .person }
        return merged
    }

    /// The reading in hiragana, without the ・ people's readings are written with; Latin
    /// terms read as themselves.
    private func reading(for entry: GlossaryEntry) -> String {
        var reading = entry.reading
        if reading.isEmpty {
            if entry.term.unicodeScalars.allSatisfy({ $0.isASCII }) {
                reading = entry.term
            } else if let reader {
                reading = reader.reading(of: WidthFolding.fold(entry.term))
            } else {
                reading = entry.term
            }
        }
        return Kana.toHiragana(reading).filter { $0 != "・" && $0 != " " }
    }

    private func uniqueID(for entry: GlossaryEntry, used: inout Set<String>) -> String {
        // Short and stable: an explicit id, else the acronym (acm), else the English
        // name, else the romanised reading.
        var base = entry.id
        if base.isEmpty, let acronym = entry.aliases.first(where: { $0.unicodeScalars.allSatisfy(\.isASCII) && $0.contains(where: \.isLetter) }) {
            base = Slug.make(acronym, reader: nil)
        }
        if base.isEmpty, entry.term.unicodeScalars.allSatisfy(\.isASCII) { base = Slug.make(entry.term, reader: nil) }
        if base.isEmpty, let english = entry.english { base = Slug.make(english, reader: nil) }
        if base.isEmpty { base = Slug.make(entry.term, reader: reader) }
        if base.isEmpty { base = Slug.make(Kana.romanize(entry.reading), reader: nil) }
        if base.isEmpty { base = "term" }
        return Slug.unique(base, in: &used)
    }
}
