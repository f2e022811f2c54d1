/// A release's changes page (`releases/<id>/changes/`): a summary of what changed since
/// the previous meeting of its series, then every paragraph of the new release in order
/// with its status and what changed inside it; removed paragraphs where they stood.
struct ChangesPages {
    let site: SiteSource
    let analysis: Analysis
    let comparison: ReleaseComparison
    /// How many topics the summary names.
    static let topTopicCount = 8

    func render(into pages: inout PageRenderer) throws {
        guard let release = site.release(withID: comparison.new.id), let previous = site.release(withID: comparison.old.id) else { return }
        let path = Permalinks.changes(release.id)
        let labels = pages.labels
        var frame = pages.frame(for: path, lang: release.language, title: "\(labels["changes"]!) | \(release.title)")
        frame.crumbTitle = labels["changes"]!
        frame.breadcrumbs = [
            pages.crumb(labels["home"]!, Permalinks.home)(path), pages.crumb(release.title, Permalinks.release(release.id))(path),
        ]
        let sections = self.sections(from: path, labels: labels)
        var summary: [ChangeCounts] = []
        var totals = ChangeCounts(title: labels["changes_total"]!, url: "")
        for section in sections {
            var counts = ChangeCounts(title: section.title, url: "#\(section.anchor)")
            for entry in section.entries {
                Self.count(entry.status, in: &counts)
                Self.count(entry.status, in: &totals)
            }
            summary.append(counts)
        }
        let topics = topTopics(from: path)
        try pages.render(path, template: Self.template, frame: frame, model: ChangesPage(
            release: pages.releaseDetails(release, from: path), previous: pages.releaseDetails(previous, from: path),
            summary: summary, totals: totals, topTopics: topics, hasTopTopics: !topics.isEmpty, sections: sections,
            hasNewLanguage: sections.contains { $0.entries.contains(where: \.hasNewLanguage) }))
    }

    static let template = "changes"

    /// The key of the page (see `UnitKey`), when both releases have files keys: the two
    /// releases' files (so their text, titles and dates), the new one's lineage, their series
    /// links, and the topics of every paragraph on either side with their titles.
    func key(pages: PageRenderer, templates: TemplateSet) -> String? {
        let (old, new) = (comparison.old.id, comparison.new.id)
        guard let oldKey = site.releaseKeys[old], let newKey = site.releaseKeys[new],
            let lineageKey = analysis.comparisons.lineageKeys[new]
        else { return nil }
        var key = UnitKey(kind: "changes", templates: templates, names: [Self.template], config: site.config)
        for value in [old, oldKey, new, newKey, lineageKey] { key.combine(value) }
        for id in [old, new] {
            guard let release = site.release(withID: id) else { continue }
            key.combine(model: pages.seriesLinks(release, from: Permalinks.changes(new)))
        }
        let topics = analysis.topics
        for side in [comparison.old, comparison.new] {
            for section in side.sections {
                for paragraph in section.paragraphs {
                    let ref = ParagraphRef(page: PageKey(release: side.id, section: section.slug), anchor: paragraph.anchor)
                    for index in topics.topicsByParagraph[ref] ?? [] {
                        key.combine(topics.topics[index].id)
                        key.combine(topics.topics[index].title)
                        key.combine(topics.readings[index])
                        key.combine(topics.topics[index].english)
                    }
                    key.combine(-2)
                }
            }
        }
        // The entries themselves: a kept alignment is for these files, but one made afresh
        // by a newer program would differ (the program is in `UnitKey` too).
        key.combine(comparison.entries.count)
        return key.hex
    }

    /// A section's heading on the page: `s-<slug>`, and `s` for the release's own page (no
    /// slug is empty, so the two never meet).
    static func anchor(of slug: String) -> String { slug.isEmpty ? "s" : "s-\(slug)" }

    private static func count(_ status: String, in counts: inout ChangeCounts) {
        switch ReleaseComparison.Status(rawValue: status)! {
        case .changed: counts.changed += 1
        case .moved: counts.moved += 1
        case .split, .merged: counts.restructured += 1
        case .new: counts.new += 1
        case .removed: counts.removed += 1
        case .unchanged: counts.unchanged += 1
        }
    }

    /// The new release's sections in order, each with its entries; a removed paragraph goes
    /// with the entry before it (`ReleaseComparison.entries` has it there).
    private func sections(from path: String, labels: [String: String]) -> [ChangeSection] {
        let new = comparison.new
        var bySection: [[ChangeEntry]] = Array(repeating: [], count: new.sections.count)
        var current = 0
        for (number, entry) in comparison.entries.enumerated() {
            if let first = entry.new.min() { current = first.section }
            bySection[current].append(self.entry(entry, number: number + 1, from: path, labels: labels))
        }
        return new.sections.enumerated().compactMap { index, section in
            guard !bySection[index].isEmpty else { return nil }
            let key = PageKey(release: new.id, section: section.slug)
            return ChangeSection(
                title: section.title.isEmpty ? labels["changes_opening"]! : section.title,
                anchor: Self.anchor(of: section.slug),
                url: Permalinks.relative(from: path, to: Permalinks.page(key)), entries: bySection[index])
        }
    }

    private func entry(_ entry: ReleaseComparison.Entry, number: Int, from path: String, labels: [String: String]) -> ChangeEntry {
        func links(_ positions: [ReleaseComparison.Position], in side: ReleaseComparison.Side, prefix: String) -> [LinkItem] {
            positions.map { position in
                let section = side.sections[position.section]
                let paragraph = section.paragraphs[position.paragraph]
                let key = PageKey(release: side.id, section: section.slug)
                let place = paragraph.label.isEmpty
                    ? "\(section.title.isEmpty ? labels["changes_opening"]! : section.title) ¶\(position.paragraph + 1)"
                    : (section.title.isEmpty ? paragraph.label : "\(section.title) \(paragraph.label)")
                return LinkItem(
                    title: prefix + place, url: Permalinks.relative(from: path, to: Permalinks.page(key)) + "#" + paragraph.anchor)
            }
        }
        let status = entry.status
        let counterparts = links(entry.old, in: comparison.old, prefix: "")
        return ChangeEntry(
            anchor: "c-\(number)", status: status.rawValue, statusLabel: labels["status_\(status.rawValue)"]!,
            isUnchanged: status == .unchanged, isRemoved: status == .removed,
            // An unchanged paragraph is named, not repeated: its text is a click away.
            html: status == .unchanged ? "" : Self.html(entry.runs, whole: status == .new || status == .removed, labels: labels),
            paragraphs: links(entry.new, in: comparison.new, prefix: ""), counterparts: counterparts,
            hasCounterparts: !counterparts.isEmpty, hasNewLanguage: hasNewLanguage(entry))
    }

    /// Whether the entry's paragraphs in the new release hold a sentence worded nowhere
    /// earlier in the series (`SentenceLineage`): a new paragraph may only restate old
    /// language, and a changed one may add a sentence never said before.
    private func hasNewLanguage(_ entry: ReleaseComparison.Entry) -> Bool {
        guard entry.status != .unchanged, entry.status != .removed else { return false }
        let lineage = analysis.comparisons.lineage[comparison.new.id]
        return entry.new.contains { position in
            let section = comparison.new.sections[position.section]
            let ref = ParagraphRef(
                page: PageKey(release: comparison.new.id, section: section.slug), anchor: section.paragraphs[position.paragraph].anchor)
            return lineage?.paragraphs[ref]?.contains { $0.origin == nil } ?? false
        }
    }

    /// The runs as HTML: kept text as it is, changes as `<del>`/`<ins>` with a text marker
    /// ("[削除: …]") that the stylesheet hides on screen, where colour and strike-through
    /// show them, and that print, screen readers and a page without CSS read. A new or
    /// removed paragraph is one run: its status says it, so it is not marked word by word.
    static func html(_ runs: [InlineDiff.Run], whole: Bool, labels: [String: String]) -> String {
        if whole { return MarkupEscaping.escape(runs.map(\.text).joined()) }
        return runs.map { run in
            switch run {
            case .kept(let text): return MarkupEscaping.escape(text)
            case .deleted(let text):
                return "<del><span class=\"diff-mark\">[\(labels["diff_deleted"]!): </span>\(MarkupEscaping.escape(text))<span class=\"diff-mark\">]</span></del>"
            case .inserted(let text):
                return "<ins><span class=\"diff-mark\">[\(labels["diff_inserted"]!): </span>\(MarkupEscaping.escape(text))<span class=\"diff-mark\">]</span></ins>"
            }
        }.joined()
    }

    /// Topics by how many of their paragraphs changed (in either release), most first.
    private func topTopics(from path: String) -> [TopicSummary] {
        let topics = analysis.topics
        var counts: [Int: Int] = [:]
        for entry in comparison.entries where entry.status != .unchanged {
            var touched = Set<Int>()
            for (positions, side) in [(entry.new, comparison.new), (entry.old, comparison.old)] {
                for position in positions {
                    let section = side.sections[position.section]
                    let ref = ParagraphRef(
                        page: PageKey(release: side.id, section: section.slug), anchor: section.paragraphs[position.paragraph].anchor)
                    touched.formUnion(topics.topicsByParagraph[ref] ?? [])
                }
            }
            for topic in touched { counts[topic, default: 0] += 1 }
        }
        return counts.sorted { ($0.value, topics.topics[$1.key].id) > ($1.value, topics.topics[$0.key].id) }
            .prefix(Self.topTopicCount).map { index, count in
                let topic = topics.topics[index]
                return TopicSummary(
                    id: topic.id, title: topic.title, reading: topics.readings[index], english: topic.english, count: count,
                    url: Permalinks.relative(from: path, to: Permalinks.topic(topic.id)))
            }
    }
}
