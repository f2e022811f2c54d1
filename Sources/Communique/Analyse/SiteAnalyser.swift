import CommuniqueJapanese
import Foundation
import CommuniqueMarkdown

/// What the Analyse stage found: each page parsed, with its blocks anchored.
public struct Analysis {
    public var glossary: Glossary
    public var topics: TopicIndex
    /// Recurring meetings, by name.
    public var series: [Series]
    /// Lead and preamble of each release, by release id.
    public var releaseBodies: [String: ParsedPage]
    /// Section pages, by `PageKey`.
    public var sections: [PageKey: ParsedPage]
    /// Each release compared with the previous meeting of its series (`SeriesComparer`).
    public var comparisons = SeriesComparisons()
}


/// Analyse stage: parses every page's Markdown once and numbers its paragraphs.
/// Runs after `SiteLoader`; its result feeds `SiteLinker` and `SiteRenderer`.
public struct SiteAnalyser {
    /// A release as an earlier build analysed it, when its files are the same
    /// (`SiteSource.releaseKeys`); nil to analyse it.
    var reuse: (_ release: Release, _ key: String) -> ReleaseAnalysis? = { _, _ in nil }
    /// Whether `analyse` also compares each release with the previous meeting of its series;
    /// the build does it as a step of its own (timed, and with its cache).
    var compares = true

    public init() {}

    public func analyse(_ site: SiteSource) -> Analysis {
        analyse(site, fresh: { _ in })
    }

    /// `fresh` is told each release analysed in this build (not reused), in site order.
    func analyse(_ site: SiteSource, fresh: (ReleaseAnalysis) -> Void) -> Analysis {
        let options = MarkdownOptions(allowRawHTML: site.config.allowRawHTML, headingLevelOffset: 0)
        let releases = site.releases
        // Releases are parsed, and their terms extracted, in parallel: contiguous runs of
        // releases per task, each task with its own MeCab tagger (one is not thread-safe).
        // Results are gathered in release order, so the glossary does not depend on timing.
        let runs = Parallel.runs(count: releases.count, parts: 2 * ProcessInfo.processInfo.activeProcessorCount)
        let parsed = Parallel.map(runs.count) { run in
            lazy var extractor = TermExtractor(reader: JapaneseReader())
            return runs[run].map { index -> (ReleaseAnalysis, isFresh: Bool) in
                let release = releases[index]
                if let key = site.releaseKeys[release.id], let kept = reuse(release, key) { return (kept, false) }
                return (ReleaseAnalysis(release, options: options, extractor: extractor), true)
            }
        }.joined()
        var bodies: [String: ParsedPage] = [:]
        var sections: [PageKey: ParsedPage] = [:]
        var extracted: [ExtractedTerm] = []
        for (release, analysed) in zip(releases, parsed) {
            if analysed.isFresh { fresh(analysed.0) }
            bodies[release.id] = analysed.0.body
            for (section, page) in zip(release.sections, analysed.0.sections) {
                sections[PageKey(release: release.id, section: section.slug)] = page
            }
            extracted += analysed.0.terms
        }
        let reader = JapaneseReader()
        let glossary = GlossaryBuilder(reader: reader).build(
            curated: site.curatedTerms, extracted: extracted, participants: site.releases.flatMap(\.participants))
        var analysis = Analysis(
            glossary: glossary,
            topics: TopicTagger(topics: site.topics, reader: reader).tag(site, bodies: bodies, sections: sections),
            series: SeriesIndex.build(site, reader: reader),
            releaseBodies: bodies, sections: sections)
        if compares && site.config.compareReleases { analysis.comparisons = SeriesComparer.compare(site, analysis) }
        return analysis
    }
}

/// One release's pages parsed, and the terms its text defines, in page order: all the
/// Analyse stage finds in a release alone, which a later build may reuse (`ReleaseCache`).
struct ReleaseAnalysis: Equatable {
    var id: String
    var body: ParsedPage
    /// In the release's section order.
    var sections: [ParsedPage]
    var terms: [ExtractedTerm] = []

    init(id: String, body: ParsedPage, sections: [ParsedPage], terms: [ExtractedTerm]) {
        self.id = id
        self.body = body
        self.sections = sections
        self.terms = terms
    }

    /// `extractor` nil: the pages alone, no terms.
    init(_ release: Release, options: MarkdownOptions, extractor: TermExtractor?) {
        id = release.id
        body = ParsedPage(source: release.body, anchorPrefix: "intro", options: options)
        sections = release.sections.map { section in
            ParsedPage(source: section.body, anchorPrefix: "sec_\(section.order)", options: options)
        }
        guard let extractor else { return }
        for page in [body] + sections {
            for block in page.blocks where block.kind == .paragraph || block.kind == .list {
                terms += extractor.extract(from: block.plainText)
            }
        }
    }
}
