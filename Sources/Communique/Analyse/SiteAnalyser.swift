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
}


/// Analyse stage: parses every page's Markdown once and numbers its paragraphs.
/// Runs after `SiteLoader`; its result feeds `SiteLinker` and `SiteRenderer`.
public struct SiteAnalyser {
    public init() {}

    public func analyse(_ site: SiteSource) -> Analysis {
        let options = MarkdownOptions(allowRawHTML: site.config.allowRawHTML, headingLevelOffset: 0)
        let releases = site.releases
        // Releases are parsed, and their terms extracted, in parallel: contiguous runs of
        // releases per task, each task with its own MeCab tagger (one is not thread-safe).
        // Results are gathered in release order, so the glossary does not depend on timing.
        let runs = Parallel.runs(count: releases.count, parts: 2 * ProcessInfo.processInfo.activeProcessorCount)
        let parsed = Parallel.map(runs.count) { run in
            let extractor = TermExtractor(reader: JapaneseReader())
            return runs[run].map { ParsedRelease(releases[$0], options: options, extractor: extractor) }
        }.joined()
        var bodies: [String: ParsedPage] = [:]
        var sections: [PageKey: ParsedPage] = [:]
        var extracted: [ExtractedTerm] = []
        for release in parsed {
            bodies[release.id] = release.body
            for (key, page) in release.sections { sections[key] = page }
            extracted += release.terms
        }
        let reader = JapaneseReader()
        let glossary = GlossaryBuilder(reader: reader).build(
            curated: site.curatedTerms, extracted: extracted, participants: site.releases.flatMap(\.participants))
        return Analysis(
            glossary: glossary,
            topics: TopicTagger(topics: site.topics, reader: reader).tag(site, bodies: bodies, sections: sections),
            series: SeriesIndex.build(site, reader: reader),
            releaseBodies: bodies, sections: sections)
    }
}

/// One release's pages parsed, and the terms its text defines, in page order.
private struct ParsedRelease {
    var id: String
    var body: ParsedPage
    var sections: [(PageKey, ParsedPage)]
    var terms: [ExtractedTerm] = []

    init(_ release: Release, options: MarkdownOptions, extractor: TermExtractor) {
        id = release.id
        body = ParsedPage(source: release.body, anchorPrefix: "intro", options: options)
        sections = release.sections.map { section in
            (PageKey(release: release.id, section: section.slug),
             ParsedPage(source: section.body, anchorPrefix: "sec_\(section.order)", options: options))
        }
        for page in [body] + sections.map(\.1) {
            for block in page.blocks where block.kind == .paragraph || block.kind == .list {
                terms += extractor.extract(from: block.plainText)
            }
        }
    }
}
