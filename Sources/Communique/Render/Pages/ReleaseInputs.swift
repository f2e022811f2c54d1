import Foundation

/// A stable hash of everything a release's pages (its page, section pages and full
/// text) are made from, computed without building their template contexts.
///
/// Building a release's contexts means rendering every block of its Markdown and
/// expanding its term links: on a site of hundreds of releases, doing that for every
/// release only to find its fingerprints unchanged was most of an incremental build.
/// When a release's key is the previous build's, its pages are kept as they are.
///
/// Every input of `SiteRenderer.renderRelease` must be in the key, or a change to it
/// would leave pages stale; `IncrementalBuildTests` compare incremental builds with
/// clean ones for each kind of input (the release's own text, other releases' titles
/// and sections in its related lists, glossary entries, topics, series, templates,
/// site settings). The running program is part of the key too, so a new version of
/// Communique renders every release again.
struct ReleaseInputs {
    /// Bumped when what a release's pages show changes in a way these inputs do not.
    static let version = 1

    let site: SiteSource
    let analysis: Analysis
    let links: LinkGraph
    let templates: TemplateSet
    /// Term uses by page, in site order.
    private let occurrences: [PageKey: [TermOccurrence]]

    init(site: SiteSource, analysis: Analysis, links: LinkGraph, templates: TemplateSet) {
        self.site = site
        self.analysis = analysis
        self.links = links
        self.templates = templates
        var occurrences: [PageKey: [TermOccurrence]] = [:]
        for entry in links.backlinks.keys.sorted() {
            for use in links.backlinks[entry]! { occurrences[use.paragraph.page, default: []].append(use) }
        }
        self.occurrences = occurrences
    }

    func key(of release: Release, pages: PageRenderer) -> String {
        var hasher = StableHasher()
        hasher.combine(Self.version)
        hasher.combine(ContextFingerprint.renderVersion)
        hasher.combine(Self.program)
        for template in ["release", "section", "print"] { hasher.combine(templates.fingerprints[template] ?? "") }
        let config = site.config
        for value in [config.title, config.description, config.language, config.baseURL, config.author ?? "\u{0}"] {
            hasher.combine(value)
        }
        hasher.combine(config.allowRawHTML ? 1 : 0)

        for value in [
            release.id, release.title, release.category, release.published, release.date, release.place,
            release.language, release.series, release.source,
        ] {
            hasher.combine(value ?? "\u{0}")
        }
        for person in release.participants {
            for value in [person.name, person.reading, person.title, person.english, person.englishTitle] {
                hasher.combine(value ?? "\u{0}")
            }
            hasher.combine(analysis.glossary.entry(named: person.name)?.id ?? "\u{0}")
        }
        var ignored: Set<String> = []
        hasher.combine(ContextFingerprint.of(
            ["series": pages.seriesLinks(release, from: Permalinks.release(release.id))], template: "", templates: "",
            keys: &ignored))

        combine(release.body, page: analysis.releaseBodies[release.id], key: PageKey(release: release.id, section: ""), names: pages.placeNames, into: &hasher)
        for section in release.sections {
            hasher.combine(section.title)
            hasher.combine(section.order)
            hasher.combine(section.slug)
            let key = PageKey(release: release.id, section: section.slug)
            combine(section.body, page: analysis.sections[key], key: key, names: pages.placeNames, into: &hasher)
        }
        return hasher.hex
    }

    /// A page's Markdown and what the Link stage added to it.
    private func combine(
        _ source: MarkdownSource, page: ParsedPage?, key: PageKey, names: PlaceNames, into hasher: inout StableHasher
    ) {
        hasher.combine(source.text)
        hasher.combine(source.file)
        hasher.combine(source.firstLine)
        guard let page else { return hasher.combine(0) }
        // Term links: which entry, where, and the link tag it becomes; the hidden definitions.
        for use in occurrences[key] ?? [] {
            hasher.combine(links.termTags[use.entry])
            hasher.combine(use.paragraph.anchor)
            hasher.combine(use.scalarRange.lowerBound)
            hasher.combine(use.scalarRange.upperBound)
        }
        for index in links.termsOnPage[key] ?? [] {
            let entry = analysis.glossary.entries[index]
            hasher.combine(entry.id)
            hasher.combine(TermLinker.tip(for: entry))
        }
        let topics = analysis.topics
        for block in page.blocks {
            let ref = ParagraphRef(page: key, anchor: block.anchor)
            for index in topics.topicsByParagraph[ref] ?? [] {
                hasher.combine(topics.topics[index].id)
                hasher.combine(topics.topics[index].title)
            }
            hasher.combine(-1)
            guard block.marker != nil else { continue }
            for other in links.related[ref] ?? [] {
                hasher.combine(other.page.release)
                hasher.combine(other.page.section)
                hasher.combine(other.anchor)
                hasher.combine(names.placeName(of: other))
            }
            hasher.combine(-2)
        }
    }

    /// The program building the site (its size and modification time): a new version
    /// of Communique may render a page differently from the same inputs.
    static let program: String = {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return "unknown \(UUID())" }
        return "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_ino)"
    }()
}
