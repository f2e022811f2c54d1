/// A paragraph's sentences and where each one's wording came from (`SentenceLineage`), as
/// its section page shows them under it: new language, or recurring since a release,
/// unchanged or reworded, with the earlier wording a click away and diffed.
struct WordingHistory: Codable {
    var summary: String
    var sentences: [WordingSentence]
}

struct WordingSentence: Codable {
    var isNew: Bool
    /// The same words as its earlier wording: only its opening is shown (the paragraph above
    /// has it whole), which keeps a long series' pages from carrying every sentence twice.
    var isSame: Bool
    /// "新しい文言", "2021年4月16日から・表現を変更" …
    var note: String
    /// The sentence, with what changed since its earlier wording as `<del>`/`<ins>`, escaped.
    var html: String
    /// The paragraph of the earlier wording.
    var earlier: LinkItem?
}

/// The words of wording histories for one release's pages: each release's date, and the
/// notes made from it, worked out once (they recur on every sentence).
final class WordingPhrases {
    let site: SiteSource
    let labels: [String: String]
    private var notes: [String: (unchanged: String, reworded: String, earlier: String)] = [:]
    let newNote: String
    let summaryParts: [String]

    init(site: SiteSource, labels: [String: String]) {
        self.site = site
        self.labels = labels
        newNote = labels["wording_new"]!
        // "…{new}…{old}…" cut at its two places.
        let summary = labels["wording_summary"]!
        let first = summary.components(separatedBy: "{new}")
        summaryParts = [first[0]] + first[1].components(separatedBy: "{old}")
    }

    /// The notes for a sentence recurring since `since`, whose earlier wording is in `earlier`.
    func notes(since: String, earlier: String) -> (unchanged: String, reworded: String, earlier: String) {
        let key = since + "\n" + earlier
        if let known = notes[key] { return known }
        let sinceText = labels["wording_since"]!.replacingOccurrences(of: "{date}", with: when(since))
        let made = (
            sinceText + labels["wording_unchanged"]!, sinceText + labels["wording_reworded"]!,
            labels["wording_earlier"]!.replacingOccurrences(of: "{date}", with: when(earlier))
        )
        notes[key] = made
        return made
    }

    func summary(new: Int, old: Int) -> String { summaryParts[0] + String(new) + summaryParts[1] + String(old) + summaryParts[2] }

    private func when(_ id: String) -> String {
        guard let release = site.release(withID: id) else { return id }
        return release.date.map { DateDisplay.format($0, language: site.config.language) } ?? release.title
    }
}

extension WordingHistory {
    /// The history of a paragraph of a release that has earlier meetings in its series; nil
    /// for a paragraph without sentences.
    static func of(_ sentences: [SentenceLineage.Sentence]?, from path: String, phrases: WordingPhrases) -> WordingHistory? {
        guard let sentences, !sentences.isEmpty else { return nil }
        var recurring = 0
        let items = sentences.map { sentence -> WordingSentence in
            guard let origin = sentence.origin else {
                return WordingSentence(
                    isNew: true, isSame: false, note: phrases.newNote, html: MarkupEscaping.escape(sentence.text), earlier: nil)
            }
            recurring += 1
            let earlier = origin.earlier
            let notes = phrases.notes(since: origin.since, earlier: earlier.release)
            let key = PageKey(release: earlier.release, section: earlier.section)
            return WordingSentence(
                isNew: false, isSame: origin.isUnchanged,
                note: origin.isUnchanged ? notes.unchanged : notes.reworded,
                html: origin.isUnchanged
                    ? MarkupEscaping.escape(Self.opening(of: sentence.text))
                    : ChangesPages.html(InlineDiff.runs(from: earlier.text, to: sentence.text), whole: false, labels: phrases.labels),
                earlier: LinkItem(title: notes.earlier, url: Permalinks.relative(from: path, to: Permalinks.page(key)) + "#" + earlier.anchor))
        }
        return WordingHistory(summary: phrases.summary(new: sentences.count - recurring, old: recurring), sentences: items)
    }

    /// The first words of a sentence: 20 characters of Japanese, or 8 words, then "…".
    static func opening(of text: String) -> String {
        let japanese = text.unicodeScalars.contains { SearchText.kind(of: $0) == .japanese }
        if japanese { return text.count <= 24 ? text : String(text.prefix(20)) + "…" }
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        return words.count <= 10 ? text : words.prefix(8).joined(separator: " ") + " …"
    }
}
