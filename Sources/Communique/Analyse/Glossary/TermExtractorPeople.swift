import CommuniqueJapanese

extension TermExtractor {
    /// Forms of address that are no part of a name; stripped from the front, repeatedly
    /// (`The Honorable Dr. …`).
    static let honorifics = [
        "the honorable ", "the honourable ", "the hon. ", "honorable ", "hon. ", "his excellency ",
        "her excellency ", "h.e. ", "mr. ", "ms. ", "mrs. ", "dr. ", "senator ",
    ]
    static let generationalSuffixes: Set<String> = ["Jr.", "Sr.", "II", "III", "IV"]
    /// What may follow a name without being an office: 木原稔(きはら・みのる)氏.
    static let honorificSuffixes: Set<String> = ["氏", "様", "殿", "君"]

    /// `木原稔(きはら・みのる)防衛大臣`: a kanji name, its reading (family and given name
    /// apart, as official texts write them) and the title after it, if any.
    func personWithReading(at parenthetical: Parenthetical, in text: [Character]) -> ExtractedTerm? {
        let reading = TermCharacter.trimmingSpaces(parenthetical.inner)
        let spelled = reading.filter { !TermCharacter.isMiddleDot($0) && !TermCharacter.isSpace($0) }
        guard spelled.count >= 2, spelled.allSatisfy({ TermCharacter.isHiragana($0) || TermCharacter.isKatakana($0) }),
            reading.contains(where: { TermCharacter.isMiddleDot($0) || TermCharacter.isSpace($0) })
        else { return nil }
        var start = parenthetical.open
        while start > 0, TermCharacter.isKanji(text[start - 1]) { start -= 1 }
        guard parenthetical.open - start >= 2 else { return nil }
        let name = nameRead(as: spelled, in: text[start..<parenthetical.open])
        return ExtractedTerm(
            kind: .person, term: name, reading: reading, title: title(after: parenthetical.close, in: text))
    }

    /// The name inside a kanji run that may begin with other words (同日木原稔): with
    /// MeCab, the shortest end of the run that reads as the given reading; otherwise
    /// the whole run.
    private func nameRead(as reading: String, in run: ArraySlice<Character>) -> String {
        guard let reader else { return String(run) }
        let wanted = Kana.toHiragana(reading)
        for start in stride(from: run.endIndex - 2, through: run.startIndex, by: -1) {
            let candidate = String(run[start...])
            if Kana.toHiragana(reader.reading(of: candidate)) == wanted { return candidate }
        }
        return String(run)
    }

    /// The office written right after a name (防衛大臣, 内閣総理大臣), up to the first
    /// character that is not kanji or katakana, or a coordinator (外務大臣及び…).
    func title(after close: Int, in text: [Character]) -> String? {
        var end = close + 1
        while end < text.count, TermCharacter.isKanji(text[end]) || TermCharacter.isKatakana(text[end]),
            !LongFormTokenizer.coordinators.contains(where: { text[end...].starts(with: Array($0)) })
        {
            end += 1
        }
        let title = String(text[(close + 1)..<end])
        return title.isEmpty || Self.honorificSuffixes.contains(title) ? nil : title
    }

    /// `アントニー・ブリンケン米国国務長官(The Honorable Antony Blinken, Secretary of State
    /// of the United States of America)`: a katakana name, the kanji title after it, and
    /// the English name and title in parentheses.
    func personWithEnglishName(at parenthetical: Parenthetical, in text: [Character]) -> ExtractedTerm? {
        var parts = parenthetical.inner.split(whereSeparator: { TermCharacter.folded($0) == "," })
            .map(TermCharacter.trimmingSpaces)
        // Joseph R. Biden, Jr., President of …: the suffix still belongs to the name.
        while parts.count > 1, Self.generationalSuffixes.contains(parts[1]) {
            parts[0] += ", " + parts.remove(at: 1)
        }
        guard let englishName = parts.first.map(Self.withoutHonorifics), englishName.contains(" "),
            englishName.first.map(TermCharacter.isLatinUppercase) == true,
            !parenthetical.inner.contains(where: TermCharacter.isJapanese)
        else { return nil }
        var titleStart = parenthetical.open
        while titleStart > 0, TermCharacter.isKanji(text[titleStart - 1]) { titleStart -= 1 }
        var nameStart = titleStart
        while nameStart > 0, Self.isKatakanaNameCharacter(text[nameStart - 1]) { nameStart -= 1 }
        let name = String(text[nameStart..<titleStart]).trimmingMiddleDots
        let title = String(text[titleStart..<parenthetical.open])
        guard name.filter(TermCharacter.isKatakana).count >= 2,
            name.contains(where: TermCharacter.isMiddleDot) || !title.isEmpty
        else { return nil }
        let englishTitle = parts.count > 1 ? parts.dropFirst().joined(separator: ", ") : nil
        return ExtractedTerm(
            kind: .person, term: name, english: englishName, title: title.isEmpty ? nil : title,
            englishTitle: englishTitle)
    }

    /// Foreign names are written in katakana, their parts joined by `・` or `＝`.
    private static func isKatakanaNameCharacter(_ character: Character) -> Bool {
        TermCharacter.isKatakana(character) || TermCharacter.isMiddleDot(character)
            || TermCharacter.folded(character) == "="
    }

    static func withoutHonorifics(_ name: String) -> String {
        var result = name
        while let honorific = honorifics.first(where: { result.lowercased().hasPrefix($0) }) {
            result = TermCharacter.trimmingSpaces(result.dropFirst(honorific.count))
        }
        return result
    }
}

private extension String {
    var trimmingMiddleDots: String {
        String(drop(while: TermCharacter.isMiddleDot).reversed().drop(while: TermCharacter.isMiddleDot).reversed())
    }
}
