import CommuniqueMarkdown

/// What the Analyse stage found: each page parsed, with its blocks anchored.
public struct Analysis {
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
        return Analysis(releaseBodies: bodies, sections: sections)
    }
}
