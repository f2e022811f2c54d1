import Foundation

/// Where the wording of each sentence of a series came from: for every sentence, its
/// closest earlier wording anywhere in the series (not only the previous meeting), whether
/// it is that wording unchanged or reworded, and the release where that line of wording
/// first appeared. A sentence with no earlier wording close enough is new language.
///
/// Statements reuse formulas, reworded a little each time ("We encourage the peaceful
/// resolution of cross-Strait issues." 2023 ← "They encouraged …" 2022 ← "… and encourage
/// …" 2021): a sentence matches an earlier one when their weighted features (as
/// `ParagraphAligner` reads them, English words lightly stemmed) are close (cosine), or when
/// nearly all of one lies in the other (a formula kept inside a longer sentence).
///
/// A release's lineage depends only on itself and the releases before it in its series
/// (weights count earlier sentences only), so adding a newer meeting changes no older one's.
/// Work per sentence is bounded: candidates come from its rarest features' most recent
/// sentences only.
public struct SentenceLineage: Sendable, Equatable {
    public struct Place: Sendable, Hashable {
        public var release: String
        /// The section's slug ("" for the release's own page).
        public var section: String
        public var anchor: String
        public var text: String
    }

    public struct Origin: Sendable, Equatable {
        /// The closest earlier wording.
        public var earlier: Place
        public var isUnchanged: Bool
        /// The release where this line of wording first appeared.
        public var since: String
    }

    public struct Sentence: Sendable, Equatable {
        public var text: String
        /// nil: new language.
        public var origin: Origin?
    }

    /// By paragraph (its page in the release and its anchor), its sentences in order.
    public var paragraphs: [ParagraphRef: [Sentence]] = [:]

    public init() {}

    /// The key of the lineage of the last of these releases (oldest first): each one's id and
    /// files key, in order. A release's lineage depends on nothing else.
    static func key(_ chain: [(id: String, key: String)]) -> String {
        var hasher = StableHasher()
        for link in chain {
            hasher.combine(link.id)
            hasher.combine(link.key)
        }
        return hasher.hex
    }

    /// Below this cosine two sentences are different sentences…
    static let threshold = 0.5
    /// …unless this share of the shorter one's weight lies in the longer one.
    static let containment = 0.8
    /// A sentence shorter than this (in features) matches only word for word: a short one is
    /// close to too many others.
    static let minimumFeatures = 5
    /// Candidates scored in full per sentence, and recent sentences kept per feature.
    static let candidates = 8, postingsKept = 64, featuresAsked = 12

    /// Each release of a series (oldest first) with its sentences' lineage.
    ///
    /// `kept`: the lineage an earlier build traced for the release (`ReleaseCache.lineage`),
    /// when the release and every one before it are as they were; its sentences are read
    /// into the index, not traced again. `fresh` is told each release traced in this build.
    static func build(
        _ releases: [ReleaseComparison.Side], kept: (Int) -> SentenceLineage? = { _ in nil },
        fresh: (Int, SentenceLineage) -> Void = { _, _ in }
    ) -> [String: SentenceLineage] {
        var index = Index()
        var result: [String: SentenceLineage] = [:]
        let keptLineages = releases.indices.map(kept)
        // All kept: nothing to trace, and no index to build.
        if !keptLineages.contains(where: { $0 == nil }) {
            for (side, lineage) in zip(releases, keptLineages) { result[side.id] = lineage! }
            return result
        }
        for (position, side) in releases.enumerated() {
            if let lineage = keptLineages[position], !keptLineages[..<position].contains(where: { $0 == nil }) {
                // Its sentences join the index as tracing them would have added them.
                for section in side.sections {
                    for paragraph in section.paragraphs {
                        let ref = ParagraphRef(page: PageKey(release: side.id, section: section.slug), anchor: paragraph.anchor)
                        for sentence in lineage.paragraphs[ref] ?? [] {
                            let features = index.ids(of: ParagraphAligner.features(of: sentence.text, stemming: true))
                            index.add(Index.Entry(sentence, features: features, release: side.id, section: section.slug, anchor: paragraph.anchor))
                        }
                    }
                }
                index.newRelease()
                result[side.id] = lineage
                continue
            }
            var lineage = SentenceLineage()
            var added: [Index.Entry] = []
            for section in side.sections {
                for paragraph in section.paragraphs {
                    let ref = ParagraphRef(page: PageKey(release: side.id, section: section.slug), anchor: paragraph.anchor)
                    var sentences: [Sentence] = []
                    for text in Sentences.split(ParagraphAligner.withoutLabel(paragraph)) where text.contains(where: \.isLetter) {
                        let features = index.ids(of: ParagraphAligner.features(of: text, stemming: true))
                        let sentence = Sentence(text: text, origin: index.origin(of: text, features: features))
                        sentences.append(sentence)
                        added.append(Index.Entry(sentence, features: features, release: side.id, section: section.slug, anchor: paragraph.anchor))
                    }
                    lineage.paragraphs[ref] = sentences
                }
            }
            // A release's own sentences are not each other's earlier wording.
            for entry in added { index.add(entry) }
            index.newRelease()
            result[side.id] = lineage
            fresh(position, lineage)
        }
        return result
    }

    /// A sentence's words as compared word for word: any run of spaces (a no-break space, a
    /// line's end) is one space.
    static func wording(_ text: String) -> String {
        // Most sentences (Japanese) have no space of any kind but the ideographic one (E3 80 80).
        guard text.utf8.contains(where: { $0 <= 0x20 || $0 == 0xC2 || $0 == 0xE2 }) else { return text }
        return text.split(whereSeparator: { $0.isWhitespace && $0 != "\u{3000}" }).joined(separator: " ")
    }

    /// The sentences of the releases seen so far. Features are numbered as first seen (dense
    /// ids index arrays, where hashing each feature of each candidate was most of the work).
    private struct Index {
        typealias ID = Int32
        struct Entry {
            var place: Place
            var features: [ID]
            var since: String

            /// A sentence of a release: its line of wording began where its origin's did, or here.
            init(_ sentence: Sentence, features: [ID], release: String, section: String, anchor: String) {
                place = Place(release: release, section: section, anchor: anchor, text: sentence.text)
                self.features = features
                since = sentence.origin?.since ?? release
            }
        }
        var entries: [Entry] = []
        /// Text → the latest entry with it.
        var byText: [String: Int] = [:]
        var ids: [ParagraphAligner.Feature: ID] = [:]
        /// By feature id: how many entries have it, and the latest of them.
        var frequency: [Int] = []
        var postings: [[Int]] = []
        /// Weights by frequency while a release is looked up (the entry count is fixed then).
        private var weights: [Double] = []

        /// The features' ids, sorted; new features get new ids.
        mutating func ids(of features: Set<ParagraphAligner.Feature>) -> [ID] {
            features.map { feature in
                if let id = ids[feature] { return id }
                let id = ID(frequency.count)
                ids[feature] = id
                frequency.append(0)
                postings.append([])
                return id
            }.sorted()
        }

        mutating func add(_ entry: Entry) {
            let number = entries.count
            entries.append(entry)
            byText[SentenceLineage.wording(entry.place.text)] = number
            for feature in entry.features.map(Int.init) {
                frequency[feature] += 1
                postings[feature].append(number)
                if postings[feature].count > 2 * SentenceLineage.postingsKept {
                    postings[feature].removeFirst(postings[feature].count - SentenceLineage.postingsKept)
                }
            }
        }

        mutating func newRelease() {
            let count = Double(entries.count + 1)
            weights = (0...1024).map { log(1 + count / Double($0 + 1)) }
        }

        func weight(_ feature: ID) -> Double {
            let frequency = frequency[Int(feature)]
            return frequency < weights.count ? weights[frequency] : log(1 + Double(entries.count + 1) / Double(frequency + 1))
        }

        func origin(of text: String, features: [ID]) -> Origin? {
            if let same = byText[SentenceLineage.wording(text)] {
                return Origin(earlier: entries[same].place, isUnchanged: true, since: entries[same].since)
            }
            guard features.count >= SentenceLineage.minimumFeatures, !entries.isEmpty else { return nil }
            // Votes from the rarest features' recent sentences; the most voted are scored.
            let asked = features.filter { frequency[Int($0)] > 0 }
                .sorted { (frequency[Int($0)], $0) < (frequency[Int($1)], $1) }.prefix(SentenceLineage.featuresAsked)
            var votes: [Int: Int] = [:]
            for feature in asked {
                for number in postings[Int(feature)].suffix(SentenceLineage.postingsKept) { votes[number, default: 0] += 1 }
            }
            let candidates = votes.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.prefix(SentenceLineage.candidates)
            var best: (score: Double, number: Int)?
            for (number, _) in candidates {
                let other = entries[number]
                guard other.features.count >= SentenceLineage.minimumFeatures else { continue }
                var shared = 0.0, own = 0.0, theirs = 0.0, sharedCount = 0
                var i = 0, j = 0
                let a = features, b = other.features
                while i < a.count || j < b.count {
                    if j == b.count || (i < a.count && a[i] < b[j]) {
                        let w = weight(a[i]); own += w * w; i += 1
                    } else if i == a.count || b[j] < a[i] {
                        let w = weight(b[j]); theirs += w * w; j += 1
                    } else {
                        let w = weight(a[i]); shared += w * w; own += w * w; theirs += w * w; sharedCount += 1; i += 1; j += 1
                    }
                }
                let cosine = shared / (own * theirs).squareRoot()
                let contained = shared / min(own, theirs)
                // A formula kept inside a longer sentence: nearly all of the shorter one's weight,
                // and most of its words (three rare words in common are a phrase, not a formula).
                let containedWords = Double(sharedCount) / Double(min(a.count, b.count))
                guard cosine >= SentenceLineage.threshold
                    || (contained >= SentenceLineage.containment && containedWords >= 0.7 && cosine >= 0.3)
                else { continue }
                let score = cosine
                if best == nil || score > best!.score || (score == best!.score && number > best!.number) { best = (score, number) }
            }
            guard let best else { return nil }
            let entry = entries[best.number]
            return Origin(earlier: entry.place, isUnchanged: false, since: entry.since)
        }
    }
}
