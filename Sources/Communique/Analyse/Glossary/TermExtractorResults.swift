/// The terms found so far, in order of first appearance, one entry per headword.
struct TermExtractorResults {
    private(set) var terms: [ExtractedTerm] = []
    private var indexByTerm: [String: Int] = [:]

    /// Adds a term, or completes the entry already found for the same headword (in any
    /// width) with the aliases and details this definition adds.
    mutating func add(_ term: ExtractedTerm) {
        let key = WidthFolding.fold(term.term)
        guard let index = indexByTerm[key] else {
            indexByTerm[key] = terms.count
            terms.append(term)
            return
        }
        var merged = terms[index]
        let known = Set(merged.aliases.map(WidthFolding.fold))
        merged.aliases += term.aliases.filter { !known.contains(WidthFolding.fold($0)) }
        merged.reading = merged.reading ?? term.reading
        merged.english = merged.english ?? term.english
        merged.title = merged.title ?? term.title
        merged.englishTitle = merged.englishTitle ?? term.englishTitle
        terms[index] = merged
    }
}
