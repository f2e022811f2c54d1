/// A parenthesised short form that looks like an acronym: ACM, WG-FFTR, R&D, SDGs, G7.
struct Acronym {
    /// Its capitals, which the English long form's initials must cover.
    var letters: [Character]
    /// Roughly how many words the long form has: one a capital or a run of digits.
    /// A Japanese long form stops growing through `の` once it has that many.
    var wordCount: Int

    /// Nil unless `folded` (width-folded) is made of Latin letters, digits, `-`, `&`
    /// and `/`, starts with a capital and is mostly capitals: (2024), (Japan) and
    /// (No) are not acronyms.
    init?(_ folded: String) {
        let characters = Array(folded)
        guard characters.count >= 2, let first = characters.first, first.isASCII, first.isUppercase,
            characters.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-&/".contains($0)) })
        else { return nil }
        let capitals = characters.filter(\.isUppercase)
        let lowercase = characters.filter(\.isLowercase)
        let digitRuns = folded.split(whereSeparator: { !$0.isNumber }).count
        guard capitals.count >= lowercase.count, capitals.count >= 2 || digitRuns > 0 else { return nil }
        letters = capitals
        wordCount = capitals.count + digitRuns
    }
}

extension TermExtractor {
    /// `同盟調整メカニズム(ACM)` or `Alliance Coordination Mechanism (ACM)`: the long
    /// form before the parenthesis is the term, the acronym its alias.
    func acronymTerm(_ acronym: Acronym, at parenthetical: Parenthetical, in text: [Character]) -> ExtractedTerm? {
        let before = text[..<parenthetical.open]
        let longForm: String?
        let last = before.last(where: { !TermCharacter.isSpace($0) })
        if let last, TermCharacter.isLatinLetter(last) {
            longForm = EnglishLongForm.find(for: acronym, before: before)
        } else {
            let follows = parenthetical.close + 1 < text.count ? text[parenthetical.close + 1] : nil
            longForm = JapaneseLongForm(reader: reader).find(
                before: before, following: follows, wordLimit: acronym.wordCount)
        }
        guard let longForm else { return nil }
        let alias = TermCharacter.trimmingSpaces(parenthetical.inner)
        return ExtractedTerm(kind: .acronym, term: longForm, aliases: [alias])
    }
}
