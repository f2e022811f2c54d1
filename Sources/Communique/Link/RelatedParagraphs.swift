import Foundation

/// For each numbered paragraph, the few paragraphs elsewhere (another section or
/// release) that share its rarest glossary terms.
///
/// Scores are sums of inverse document frequency over shared terms, so two
/// paragraphs that both name BIAC count for more than two that both say 日米.
/// Candidates come from an inverted index, not from comparing every pair.
struct RelatedParagraphs {
    let limit: Int

    func compute(termsByParagraph: [ParagraphRef: Set<Int>], numbered: Set<ParagraphRef>) -> [ParagraphRef: [ParagraphRef]] {
        var postings: [Int: [ParagraphRef]] = [:]
        for (paragraph, terms) in termsByParagraph {
            for term in terms { postings[term, default: []].append(paragraph) }
        }
        let total = Double(max(termsByParagraph.count, 1))
        let idf = postings.mapValues { log(total / Double($0.count)) }
        var related: [ParagraphRef: [ParagraphRef]] = [:]
        for paragraph in numbered.sorted() {
            guard let terms = termsByParagraph[paragraph] else { continue }
            var scores: [ParagraphRef: Double] = [:]
            for term in terms {
                let weight = idf[term] ?? 0
                guard weight > 0 else { continue }
                for other in postings[term] ?? [] where other.page != paragraph.page {
                    scores[other, default: 0] += weight
                }
            }
            let best = scores.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }.prefix(limit)
            if !best.isEmpty { related[paragraph] = best.map(\.key) }
        }
        return related
    }
}
