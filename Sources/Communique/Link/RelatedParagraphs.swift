import Foundation

/// For each numbered paragraph, the few paragraphs elsewhere (another section or
/// release) that share its rarest glossary terms.
///
/// Scores are sums of a term's rarity, log(commonCap / paragraphs using it), over
/// shared terms, so two paragraphs that both name BIAC count for more than two that
/// both say 日米.
/// Candidates come from an inverted index, not from comparing every pair; paragraphs
/// are numbered once so the inner loops add doubles in arrays instead of hashing refs.
///
/// Terms in `commonCap` paragraphs or more weigh nothing: they say little about what
/// two paragraphs share, and with no cap walking their postings is quadratic
/// (2,000 releases: 7 s where 500 took 0.5 s). The cap is a fixed number, not a share
/// of the site, and the weight falls to zero smoothly, so that adding a release moves
/// no weight across a threshold: it changes other pages' lists only where its own
/// paragraphs are among the best (with a share, one release reshuffled 600 pages).
struct RelatedParagraphs {
    let limit: Int
    static let commonCap = 1000

    func compute(termsByParagraph: [ParagraphRef: Set<Int>], numbered: Set<ParagraphRef>) -> [ParagraphRef: [ParagraphRef]] {
        // Site order gives every tie the same winner in every build.
        let paragraphs = termsByParagraph.keys.sorted()
        let pages = Dictionary(uniqueKeysWithValues: Set(paragraphs.map(\.page)).sorted { ($0.release, $0.section) < ($1.release, $1.section) }.enumerated().map { ($1, $0) })
        let pageOf = paragraphs.map { pages[$0.page]! }
        var postings: [Int: [Int]] = [:]
        for (index, paragraph) in paragraphs.enumerated() {
            for term in termsByParagraph[paragraph]! { postings[term, default: []].append(index) }
        }
        let cap = Double(Self.commonCap)
        let idf = postings.mapValues { max(0, log(cap / Double($0.count))) }

        // Each paragraph's list depends only on the postings: contiguous runs of paragraphs
        // are scored on every core, each with its own score array, and gathered in order.
        let runs = Parallel.runs(count: paragraphs.count, parts: 4 * ProcessInfo.processInfo.activeProcessorCount)
        let lists = Parallel.map(runs.count) { run -> [(Int, [Int])] in
            var scores = [Double](repeating: 0, count: paragraphs.count)
            var touched: [Int] = []
            var lists: [(Int, [Int])] = []
            for index in runs[run] where numbered.contains(paragraphs[index]) {
                // In a fixed order: floating-point sums depend on the order of their terms, and
                // a Set's order changes from process to process, which flipped near-ties.
                for term in termsByParagraph[paragraphs[index]]!.sorted() {
                    let weight = idf[term] ?? 0
                    guard weight > 0 else { continue }
                    for other in postings[term]! where pageOf[other] != pageOf[index] {
                        if scores[other] == 0 { touched.append(other) }
                        scores[other] += weight
                    }
                }
                // Keep the best `limit` by score, ties to the earlier paragraph.
                var best: [(score: Double, index: Int)] = []
                for other in touched {
                    let candidate = (score: scores[other], index: other)
                    if best.count < limit || candidate.score > best[best.count - 1].score
                        || (candidate.score == best[best.count - 1].score && candidate.index < best[best.count - 1].index)
                    {
                        best.append(candidate)
                        best.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
                        if best.count > limit { best.removeLast() }
                    }
                    scores[other] = 0
                }
                touched.removeAll(keepingCapacity: true)
                if !best.isEmpty { lists.append((index, best.map(\.index))) }
            }
            return lists
        }
        var related: [ParagraphRef: [ParagraphRef]] = [:]
        for (index, best) in lists.joined() { related[paragraphs[index]] = best.map { paragraphs[$0] } }
        return related
    }
}
