import Foundation

/// Aligns two releases' paragraphs by what they say, not by their numbers or section titles
/// (statements renumber and retitle): each paragraph is read as a set of features
/// (`SearchText`'s Japanese bigrams and Latin words, its number left out), weighted by how
/// rare each is in the two releases, so boilerplate such as 日米双方は counts for little.
///
/// 1. Paragraphs with the same text pair off first, in order.
/// 2. Then the most similar remaining pairs (cosine of the weighted features, at least
///    `threshold`), a little more readily in the sections that correspond and at the same
///    place. Candidates come from shared rare features only: bounded work per paragraph.
/// 3. A paragraph left over whose features nearly all lie in one paragraph of the other
///    side is part of a split (or, the other way, a merge).
/// 4. The rest are new or removed. A pair is moved when its sections do not correspond, or
///    when it is out of order among the pairs of its section.
struct ParagraphAligner {
    typealias Position = ReleaseComparison.Position
    typealias Entry = ReleaseComparison.Entry

    let old: ReleaseComparison.Side
    let new: ReleaseComparison.Side
    /// Below this cosine two paragraphs are different paragraphs.
    var threshold = 0.5
    /// A part of a split holds at least this share of its weight in the whole.
    var containment = 0.8

    /// A Japanese bigram (its two scalars) or a Latin word (a 64-bit hash of it, top bit
    /// set): numbers, not strings, because hashing and sorting strings was most of the work.
    typealias Feature = UInt64

    private struct Paragraph {
        var position: Position
        var text: String
        /// Its features in order, each one's weight (sums run in this order, so that they
        /// come out the same in every process, whatever the hash seed), and the norm. Sorted
        /// arrays, not dictionaries: dot products are merges, which hashing made ten times
        /// slower.
        var order: [Feature] = []
        var weights: [Double] = []
        var norm = 0.0
        /// For each feature, whether it is rare enough to find candidates by (`invertedIndex`).
        var indexed: [Bool] = []
    }

    /// Σ weight² over the features both have, in feature order; with `onlyIndexed`, only those
    /// of `b`'s features that are indexed.
    private static func dot(_ a: Paragraph, _ b: Paragraph, onlyIndexed: Bool = false) -> Double {
        var i = 0, j = 0, sum = 0.0
        let x = a.order, y = b.order
        while i < x.count && j < y.count {
            if x[i] < y[j] {
                i += 1
            } else if x[i] > y[j] {
                j += 1
            } else {
                if !onlyIndexed || b.indexed[j] { sum += a.weights[i] * b.weights[j] }
                i += 1
                j += 1
            }
        }
        return sum
    }

    func entries() -> [Entry] {
        var olds = Self.paragraphs(of: old), news = Self.paragraphs(of: new)
        Self.weigh(&olds, &news)
        var oldMatch = [Int?](repeating: nil, count: olds.count)
        var newMatch = [Int?](repeating: nil, count: news.count)

        // 1. The same text, in order.
        var byText: [String: [Int]] = [:]
        for (index, paragraph) in news.enumerated() { byText[paragraph.text, default: []].append(index) }
        for (index, paragraph) in olds.enumerated() {
            guard var candidates = byText[paragraph.text], !candidates.isEmpty, !paragraph.text.isEmpty else { continue }
            let match = candidates.removeFirst()
            byText[paragraph.text] = candidates
            oldMatch[index] = match
            newMatch[match] = index
        }

        // 2. The most similar remaining pairs.
        let sections = sectionCorrespondence(olds, news, oldMatch)
        var pairs: [(score: Double, old: Int, new: Int)] = []
        let featureIndex = Self.invertedIndex(&news)
        let oldIndex = Self.invertedIndex(&olds)
        var seen = [Bool](repeating: false, count: news.count)
        for (o, paragraph) in olds.enumerated() where oldMatch[o] == nil {
            var candidates: [Int] = []
            for feature in paragraph.order {
                for n in featureIndex[feature] ?? [] where newMatch[n] == nil && !seen[n] {
                    seen[n] = true
                    candidates.append(n)
                }
            }
            for n in candidates {
                seen[n] = false
                let product = Self.dot(paragraph, news[n], onlyIndexed: true)
                let cosine = product / (paragraph.norm * news[n].norm)
                guard cosine >= threshold else { continue }
                var score = cosine
                if sections[news[n].position.section] == paragraph.position.section { score += 0.05 }
                score -= 0.05 * abs(relative(paragraph.position, in: old) - relative(news[n].position, in: new))
                pairs.append((score, o, n))
            }
        }
        pairs.sort { ($0.score, -$0.old, -$0.new) > ($1.score, -$1.old, -$1.new) }
        for pair in pairs where oldMatch[pair.old] == nil && newMatch[pair.new] == nil {
            oldMatch[pair.old] = pair.new
            newMatch[pair.new] = pair.old
        }

        // 3. Splits and merges: a leftover paragraph nearly contained in one of the other side.
        var splits: [Int: [Int]] = [:]  // old → new parts
        var merges: [Int: [Int]] = [:]  // new → old parts
        for (n, paragraph) in news.enumerated() where newMatch[n] == nil {
            if let o = container(of: paragraph, in: olds, index: oldIndex, skipping: { merges[$0] != nil }) {
                splits[o, default: oldMatch[o].map { [$0] } ?? []].append(n)
                newMatch[n] = o
            }
        }
        let splitParts = Set(splits.values.joined())
        for (o, paragraph) in olds.enumerated() where oldMatch[o] == nil {
            if let n = container(of: paragraph, in: news, index: featureIndex, skipping: { splitParts.contains($0) }) {
                merges[n, default: newMatch[n].map { [$0] } ?? []].append(o)
                oldMatch[o] = n
            }
        }

        // A "split" into one part is a paragraph that lost text: a pair. Likewise a merge.
        for (o, parts) in splits where parts.count == 1 { splits[o] = nil; oldMatch[o] = parts[0] }
        for (n, parts) in merges where parts.count == 1 { merges[n] = nil; newMatch[n] = parts[0] }

        // 4. Entries.
        let finalSections = sectionCorrespondence(olds, news, oldMatch)
        let inOrder = orderedPairs(olds, news, oldMatch, sections: finalSections)
        var entries: [Entry] = []
        var done = Set<Int>()  // new paragraphs already in an entry
        for (o, parts) in splits.sorted(by: { $0.key < $1.key }) {
            let partsInOrder = parts.sorted()
            entries.append(Entry(
                status: .split, old: [olds[o].position], new: partsInOrder.map { news[$0].position },
                runs: InlineDiff.runs(from: olds[o].text, to: joined(partsInOrder.map { news[$0].text }))))
            done.formUnion(parts)
        }
        for (n, parts) in merges.sorted(by: { $0.key < $1.key }) where !done.contains(n) {
            let partsInOrder = parts.sorted()
            entries.append(Entry(
                status: .merged, old: partsInOrder.map { olds[$0].position }, new: [news[n].position],
                runs: InlineDiff.runs(from: joined(partsInOrder.map { olds[$0].text }), to: news[n].text)))
            done.insert(n)
        }
        let merged = Set(merges.values.joined())
        for (o, match) in oldMatch.enumerated() {
            guard let n = match, !done.contains(n), !merged.contains(o), splits[o] == nil else { continue }
            let same = olds[o].text == news[n].text
            let moved = finalSections[news[n].position.section] != olds[o].position.section || !inOrder.contains(o)
            entries.append(Entry(
                status: moved ? .moved : same ? .unchanged : .changed, old: [olds[o].position], new: [news[n].position],
                runs: same ? [.kept(news[n].text)] : InlineDiff.runs(from: olds[o].text, to: news[n].text)))
            done.insert(n)
        }
        for (n, paragraph) in news.enumerated() where newMatch[n] == nil {
            entries.append(Entry(status: .new, old: [], new: [paragraph.position], runs: [.inserted(paragraph.text)]))
        }
        for (o, paragraph) in olds.enumerated() where oldMatch[o] == nil {
            entries.append(Entry(status: .removed, old: [paragraph.position], new: [], runs: [.deleted(paragraph.text)]))
        }
        return entries
    }

    // MARK: - Features

    private static func paragraphs(of side: ReleaseComparison.Side) -> [Paragraph] {
        side.sections.enumerated().flatMap { section, content in
            content.paragraphs.enumerated().map { index, paragraph in
                Paragraph(position: Position(section: section, paragraph: index), text: withoutLabel(paragraph))
            }
        }
    }

    /// The text without its printed number, which renumbering changes.
    static func withoutLabel(_ paragraph: ReleaseComparison.Side.Paragraph) -> String {
        let text = paragraph.text
        guard !paragraph.label.isEmpty, text.hasPrefix(paragraph.label) else { return text }
        return String(text.dropFirst(paragraph.label.count)).trimmingCharacters(in: .whitespaces)
    }

    /// Features with inverse-document-frequency weights over both sides' paragraphs.
    private static func weigh(_ olds: inout [Paragraph], _ news: inout [Paragraph]) {
        let featureSets = (olds + news).map { features(of: $0.text).sorted() }
        var frequency: [Feature: Int] = [:]
        for set in featureSets { for feature in set { frequency[feature, default: 0] += 1 } }
        let count = Double(featureSets.count)
        func weigh(_ paragraph: inout Paragraph, _ set: [Feature]) {
            paragraph.order = set
            paragraph.weights = set.map { log(1 + count / Double(frequency[$0]!)) }
            paragraph.norm = paragraph.weights.reduce(0) { $0 + $1 * $1 }.squareRoot()
        }
        for index in olds.indices { weigh(&olds[index], featureSets[index]) }
        for index in news.indices { weigh(&news[index], featureSets[olds.count + index]) }
    }

    /// `stemming`: English words without their inflection ("encouraged" and "encourage" are
    /// one feature), for sentences, where one inflected word is a large share.
    static func features(of text: String, stemming: Bool = false) -> Set<Feature> {
        var features = Set<Feature>()
        for run in SearchText.runs(of: text) {
            switch run {
            case .word(let word):
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in (stemming ? stem(word) : word[...]).utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                features.insert(hash | 1 << 63)
            case .japanese(let scalars):
                guard scalars.count > 1 else { features.insert(SearchIndex.key(scalars[0], nil)); continue }
                for index in 0..<(scalars.count - 1) { features.insert(SearchIndex.key(scalars[index], scalars[index + 1])) }
            }
        }
        return features
    }

    /// A lower-case English word without -ing, -ed, -es or -s, then without a final e
    /// (encouraged, encourage → encourag; issues, issue → issu); short words as they are.
    static func stem(_ word: String) -> Substring {
        var stem = word[...]
        guard stem.count > 4, stem.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return stem }
        for suffix in ["ing", "ed", "es", "s"] where stem.hasSuffix(suffix) && stem.count - suffix.count >= 3 {
            stem = stem.dropLast(suffix.count)
            break
        }
        if stem.hasSuffix("e"), stem.count > 3 { stem = stem.dropLast() }
        return stem
    }

    /// Feature → the paragraphs that have it, leaving out features most paragraphs have (they
    /// tell nothing apart, and would make the work quadratic).
    /// Marks each paragraph's indexed features.
    private static func invertedIndex(_ paragraphs: inout [Paragraph]) -> [Feature: [Int]] {
        var index: [Feature: [Int]] = [:]
        for (number, paragraph) in paragraphs.enumerated() {
            for feature in paragraph.order { index[feature, default: []].append(number) }
        }
        let common = max(8, paragraphs.count / 4)
        index = index.filter { $0.value.count <= common }
        for number in paragraphs.indices {
            paragraphs[number].indexed = paragraphs[number].order.map { index[$0] != nil }
        }
        return index
    }

    // MARK: - Structure

    /// For each new section, the old section most of its paired paragraphs came from (nil:
    /// none came from any).
    private func sectionCorrespondence(_ olds: [Paragraph], _ news: [Paragraph], _ oldMatch: [Int?]) -> [Int: Int] {
        var votes: [Int: [Int: Int]] = [:]
        for (o, match) in oldMatch.enumerated() {
            guard let n = match else { continue }
            votes[news[n].position.section, default: [:]][olds[o].position.section, default: 0] += 1
        }
        return votes.mapValues { counts in counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }!.key }
    }

    /// The old paragraphs of pairs that keep their order within corresponding sections (a
    /// longest increasing run of old positions, taken in new order); the others moved.
    private func orderedPairs(_ olds: [Paragraph], _ news: [Paragraph], _ oldMatch: [Int?], sections: [Int: Int]) -> Set<Int> {
        let pairs = oldMatch.enumerated().compactMap { o, n in n.map { (old: o, new: $0) } }
            .filter { sections[news[$0.new].position.section] == olds[$0.old].position.section }
            .sorted { $0.new < $1.new }
        // Longest increasing subsequence of old indexes (patience sorting), ties to the earliest.
        var tails: [Int] = []  // index into pairs
        var previous = [Int](repeating: -1, count: pairs.count)
        for (index, pair) in pairs.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if pairs[tails[middle]].old < pair.old { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var kept = Set<Int>()
        var cursor = tails.last ?? -1
        while cursor >= 0 { kept.insert(pairs[cursor].old); cursor = previous[cursor] }
        return kept
    }

    /// A paragraph's place in its release, from 0 to 1.
    private func relative(_ position: Position, in side: ReleaseComparison.Side) -> Double {
        let before = side.sections[..<position.section].reduce(0) { $0 + $1.paragraphs.count } + position.paragraph
        let total = side.sections.reduce(0) { $0 + $1.paragraphs.count }
        return total > 1 ? Double(before) / Double(total - 1) : 0
    }

    /// The paragraph of `others` that holds nearly all of `paragraph`'s weight, of which it is
    /// a good part (a short common sentence is in many paragraphs and part of none).
    ///
    /// `index`: `others`' inverted index. When the paragraph's rare features carry more than
    /// the share of its weight a container may lack, a container has one of them: only the
    /// paragraphs that do are tried (the same answer as trying all, at a fraction of the work).
    private func container(of paragraph: Paragraph, in others: [Paragraph], index: [Feature: [Int]], skipping: (Int) -> Bool) -> Int? {
        guard paragraph.norm > 0 else { return nil }
        var rare = 0.0
        var candidates = Set<Int>()
        for (position, feature) in paragraph.order.enumerated() {
            guard let postings = index[feature] else { continue }
            rare += paragraph.weights[position] * paragraph.weights[position]
            candidates.formUnion(postings)
        }
        let tried = rare > (1 - containment) * paragraph.norm * paragraph.norm ? candidates.sorted() : Array(others.indices)
        var best: (share: Double, index: Int)?
        for index in tried where !skipping(index) && others[index].norm > 0 {
            let other = others[index]
            let shared = Self.dot(paragraph, other)
            let share = shared / (paragraph.norm * paragraph.norm)
            guard share >= containment, shared / (other.norm * other.norm) >= 0.2 else { continue }
            if share > (best?.share ?? 0) { best = (share, index) }
        }
        return best?.index
    }

    /// Parts of a split or merge as one text: Japanese joined as written, Latin with a space.
    private func joined(_ texts: [String]) -> String {
        texts.dropFirst().reduce(texts.first ?? "") { text, next in
            guard let last = text.unicodeScalars.last, let first = next.unicodeScalars.first,
                SearchText.kind(of: last) == .japanese || SearchText.kind(of: first) == .japanese
                    || last == "。" || last == "、"
            else { return text + " " + next }
            return text + next
        }
    }
}
