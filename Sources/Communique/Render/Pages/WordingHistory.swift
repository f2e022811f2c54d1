/// A paragraph's sentences and where each one's wording came from (`SentenceLineage`), as
/// its section page shows them under it: new language, or recurring since a release,
/// unchanged or reworded, with the earlier wording a click away and diffed.
struct WordingHistory: Codable {
    var summary: String
    var sentences: [WordingSentence]
}

struct WordingSentence: Codable {
    var isNew: Bool
    /// "新しい文言", "2021年4月16日から・表現を変更" …
    var note: String
    /// The sentence, with what changed since its earlier wording as `<del>`/`<ins>`, escaped.
    var html: String
    /// The paragraph of the earlier wording.
    var earlier: LinkItem?
}

extension WordingHistory {
    /// The history of a paragraph of a release that has earlier meetings in its series; nil
    /// for the first meeting (everything in it would be new) or a paragraph without sentences.
    static func of(
        _ sentences: [SentenceLineage.Sentence]?, from path: String, site: SiteSource, labels: [String: String]
    ) -> WordingHistory? {
        guard let sentences, !sentences.isEmpty else { return nil }
        let language = site.config.language
        func when(_ id: String) -> String {
            guard let release = site.release(withID: id) else { return id }
            return release.date.map { DateDisplay.format($0, language: language) } ?? release.title
        }
        var recurring = 0
        let items = sentences.map { sentence -> WordingSentence in
            guard let origin = sentence.origin else {
                return WordingSentence(isNew: true, note: labels["wording_new"]!, html: MarkupEscaping.escape(sentence.text), earlier: nil)
            }
            recurring += 1
            let since = labels["wording_since"]!.replacingOccurrences(of: "{date}", with: when(origin.since))
            let earlier = origin.earlier
            let key = PageKey(release: earlier.release, section: earlier.section)
            return WordingSentence(
                isNew: false,
                note: since + labels[origin.isUnchanged ? "wording_unchanged" : "wording_reworded"]!,
                html: origin.isUnchanged
                    ? MarkupEscaping.escape(sentence.text)
                    : ChangesPages.html(InlineDiff.runs(from: earlier.text, to: sentence.text), whole: false, labels: labels),
                earlier: LinkItem(
                    title: labels["wording_earlier"]!.replacingOccurrences(of: "{date}", with: when(earlier.release)),
                    url: Permalinks.relative(from: path, to: Permalinks.page(key)) + "#" + earlier.anchor))
        }
        let summary = labels["wording_summary"]!
            .replacingOccurrences(of: "{new}", with: String(sentences.count - recurring))
            .replacingOccurrences(of: "{old}", with: String(recurring))
        return WordingHistory(summary: summary, sentences: items)
    }
}
