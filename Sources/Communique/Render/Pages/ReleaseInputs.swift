/// The key of a release's pages (its page, section pages and full text): everything
/// `SiteRenderer.renderRelease` reads, hashed without building their contexts.
///
/// Building a release's contexts means rendering every block of its Markdown and
/// expanding its term links: on a site of hundreds of releases, doing that for every
/// release only to find its fingerprints unchanged was most of an incremental build.
///
/// Every input of `renderRelease` must be in the key, or a change to it would leave
/// pages stale; `IncrementalBuildTests` compare incremental builds with clean ones for
/// each kind of input from outside the release (other releases' titles and sections
/// in its related lists, glossary entries, topics, series, templates, settings).
struct ReleaseInputs {
    let site: SiteSource
    let analysis: Analysis
    let links: LinkGraph
    let templates: TemplateSet
    /// By page, a hash of its term links: which entry (by the link tag it becomes),
    /// where. Hashed up front rather than kept as lists of uses by page, a second copy
    /// of every use of the site (megabytes on a large one).
    private let termLinks: [PageKey: String]

    init(site: SiteSource, analysis: Analysis, links: LinkGraph, termTags: [String], templates: TemplateSet) {
        self.site = site
        self.analysis = analysis
        self.links = links
        self.templates = templates
        var hashers: [PageKey: StableHasher] = [:]
        for entry in links.backlinks.keys.sorted() {
            var tag = StableHasher()
            tag.combine(termTags[entry])
            let tagHash = tag.hex
            for use in links.backlinks[entry]! {
                var hasher = hashers[use.paragraph.page] ?? StableHasher()
                hasher.combine(tagHash)
                hasher.combine(use.paragraph.anchor)
                hasher.combine(use.scalarRange.lowerBound)
                hasher.combine(use.scalarRange.upperBound)
                hashers[use.paragraph.page] = hasher
            }
        }
        termLinks = hashers.mapValues(\.hex)
    }

    func key(of release: Release, pages: PageRenderer) -> String {
        var key = UnitKey(kind: "release", templates: templates, names: ["release", "section", "print"], config: site.config)
        for value in [
            release.id, release.title, release.category, release.published?.iso, release.date?.iso, release.place,
            release.language, release.series, release.source,
        ] {
            key.combine(value)
        }
        for person in release.participants {
            for value in [person.name, person.reading, person.title, person.english, person.englishTitle] { key.combine(value) }
            key.combine(analysis.glossary.entry(named: person.name)?.id)
        }
        key.combine(model: pages.seriesLinks(release, from: Permalinks.release(release.id)))
        // Its pages link to its changes page, when there is one.
        key.combine(pages.hasChanges(release.id) ? 1 : 0)
        let bodyKey = PageKey(release: release.id, section: "")
        combine(release.body, page: analysis.releaseBodies[release.id], key: bodyKey, names: pages.placeNames, into: &key)
        for section in release.sections {
            key.combine(section.title)
            key.combine(section.order)
            key.combine(section.slug)
            let pageKey = PageKey(release: release.id, section: section.slug)
            combine(section.body, page: analysis.sections[pageKey], key: pageKey, names: pages.placeNames, into: &key)
        }
        return key.hex
    }

    /// A page's Markdown and what the Analyse and Link stages added to it.
    private func combine(_ source: MarkdownSource, page: ParsedPage?, key: PageKey, names: PlaceNames, into unit: inout UnitKey) {
        // The release's files key stands for its Markdown when there is one (the same key,
        // the same text): hashing every release's text made a tenth of an edit build.
        if let releaseKey = site.releaseKeys[key.release] {
            unit.combine(releaseKey)
        } else {
            unit.combine(source.text)
        }
        unit.combine(source.file)
        unit.combine(source.firstLine)
        guard let page else { return unit.combine(0) }
        // Term links, and the hidden definitions they point to.
        unit.combine(termLinks[key])
        for index in links.termsOnPage[key] ?? [] {
            let entry = analysis.glossary.entries[index]
            unit.combine(entry.id)
            unit.combine(TermLinkTags.tip(for: entry))
        }
        let topics = analysis.topics
        // The lineage's key stands for it when there is one: the same series' files up to this
        // release, the same lineage (hashing every sentence's was a good part of a build).
        let lineageKey = analysis.comparisons.lineageKeys[key.release]
        unit.combine(lineageKey)
        let lineage = lineageKey == nil ? analysis.comparisons.lineage[key.release] : nil
        for block in page.blocks {
            let ref = ParagraphRef(page: key, anchor: block.anchor)
            // Its wording history: where each sentence came from, and those releases' dates.
            for sentence in lineage?.paragraphs[ref] ?? [] {
                guard let origin = sentence.origin else { unit.combine(-5); continue }
                for value in [origin.earlier.release, origin.earlier.section, origin.earlier.anchor, origin.since] { unit.combine(value) }
                unit.combine(origin.isUnchanged ? 1 : 0)
                unit.combine(origin.isUnchanged ? "" : origin.earlier.text)
                for id in [origin.earlier.release, origin.since] {
                    unit.combine(site.release(withID: id)?.date?.iso)
                    unit.combine(site.release(withID: id)?.title)
                }
            }
            for index in topics.topicsByParagraph[ref] ?? [] {
                unit.combine(topics.topics[index].id)
                unit.combine(topics.topics[index].title)
            }
            unit.combine(-2)
            guard block.marker != nil else { continue }
            for other in links.related[ref] ?? [] {
                unit.combine(other)
                names.combinePlace(of: other, into: &unit)
            }
            unit.combine(-3)
        }
    }
}
