import Foundation

/// Options of one build.
public struct BuildOptions: Sendable {
    public var root: URL
    public var output: URL
    public var includeDrafts: Bool
    public var force: Bool

    public init(root: URL, output: URL? = nil, includeDrafts: Bool = false, force: Bool = false) {
        self.root = root
        self.output = output ?? root.appendingPathComponent("Public")
        self.includeDrafts = includeDrafts
        self.force = force
    }
}

public struct BuildReport: Sendable {
    public var releases: Int
    public var pages: Int
    public var write: WriteReport
    public var seconds: Double
    /// Problems that do not stop the build (a curated term no page uses …).
    public var warnings: [Diagnostic]

    public var summary: String {
        String(
            format: "%d releases, %d files: %d written, %d unchanged, %d removed in %.2f s",
            releases, pages, write.written, write.unchanged, write.removed, seconds)
    }
}

/// The build, stage by stage. The order written here is the order they run:
/// Load → Analyse → Link → Render → Write (Import runs only from `communique import`).
public struct BuildPipeline {
    public init() {}

    public func run(_ options: BuildOptions) throws -> BuildReport {
        let start = Date()
        let templates = try TemplateSet(root: options.root)
        let source = try SiteLoader(includeDrafts: options.includeDrafts).load(root: options.root)
        let analysis = SiteAnalyser().analyse(source)
        let links = SiteLinker().link(source, analysis)
        let files = try SiteRenderer(templates: templates).render(source, analysis, links)
        let written = try SiteWriter().write(files, to: options.output, force: options.force)
        return BuildReport(
            releases: source.releases.count, pages: files.count, write: written,
            seconds: Date().timeIntervalSince(start), warnings: GlossaryWarnings.unused(analysis.glossary, links))
    }
}
