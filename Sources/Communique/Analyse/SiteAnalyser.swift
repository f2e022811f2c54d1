import CommuniqueJapanese
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

/// Identifies a section page of a release.
public struct PageKey: Hashable, Sendable {
    public var release: String
    public var section: String
}

/// Analyse stage: parses every page's Markdown once and numbers its paragraphs.
/// Runs after `SiteLoader`; its result feeds `SiteLinker` and `SiteRenderer`.
public struct SiteAnalyser {
    public init() {}

    public func analyse(_ site: SiteSource) -> Analysis {
        let options = MarkdownOptions(allowRawHTML: site.config.allowRawHTML, headingLevelOffset: 0)
        var bodies: [String: ParsedPage] = [:]
        var sections: [PageKey: ParsedPage] = [:]
        for release in site.releases {
            bodies[release.id] = ParsedPage(source: release.body, anchorPrefix: "intro", options: options)
            for section in release.sections {
                sections[PageKey(release: release.id, section: section.slug)] = ParsedPage(
                    source: section.body, anchorPrefix: "sec_\(section.order)", options: options)
            }
        }
        let reader = JapaneseReader()
        return Analysis(
            glossary: buildGlossary(site, bodies: bodies, sections: sections, reader: reader),
            topics: TopicTagger(topics: site.topics, reader: reader).tag(site, bodies: bodies, sections: sections),
            series: SeriesIndex.build(site, reader: reader),
            releaseBodies: bodies, sections: sections)
    }

    /// Terms the text defines itself, from every paragraph in site order, merged with the
    /// curated glossary and the participants of each release.
    private func buildGlossary(
        _ site: SiteSource, bodies: [String: ParsedPage], sections: [PageKey: ParsedPage], reader: JapaneseReader?
    ) -> Glossary {
        let extractor = TermExtractor(reader: reader)
        var extracted: [ExtractedTerm] = []
        for release in site.releases {
            let pages = [bodies[release.id]] + release.sections.map { sections[PageKey(release: release.id, section: $0.slug)] }
            for page in pages.compactMap({ $0 }) {
                for block in page.blocks where block.block.kind == .paragraph || block.block.kind == .list {
                    extracted += extractor.extract(from: block.plainText)
                }
            }
        }
        return GlossaryBuilder(reader: reader).build(
            curated: site.curatedTerms, extracted: extracted, participants: site.releases.flatMap(\.participants))
    }
}
