import Foundation

/// Options of one build.
public struct BuildOptions: Sendable {
    public var root: URL
    public var output: URL
    public var includeDrafts: Bool
    public var force: Bool
    /// Render every page, ignoring what the previous build made.
    public var clean: Bool
    /// What a broken internal link does to the build.
    public var brokenLinks: Severity
    /// Told each stage's name as it starts (the CLI shows it on a terminal).
    public var progress: (@Sendable (String) -> Void)?
    /// What evaluates the templates: Communique's compiled templates (the default), or
    /// swift-mustache, which gives the same bytes and serves to check that they do.
    public var templateEngine: TemplateEngine = .compiled

    public enum Severity: String, Sendable { case error, warning }
    public enum TemplateEngine: String, Sendable { case compiled, swiftMustache = "swift-mustache" }

    public init(
        root: URL, output: URL? = nil, includeDrafts: Bool = false, force: Bool = false, clean: Bool = false,
        brokenLinks: Severity = .error
    ) {
        self.root = root
        self.output = output ?? root.appendingPathComponent("Public")
        self.includeDrafts = includeDrafts
        self.force = force
        self.clean = clean
        self.brokenLinks = brokenLinks
    }
}

public struct BuildReport: Sendable {
    public var releases: Int
    /// Files of the site.
    public var pages: Int
    /// Pages rendered in this build; the others were unchanged since the previous one.
    public var rendered: Int
    public var write: WriteReport
    public var seconds: Double
    /// Problems that do not stop the build (a curated term no page uses …).
    public var warnings: [Diagnostic]
    /// Time spent in each stage, in the order they ran.
    public var stageSeconds: [(name: String, seconds: Double)]

    /// The process's peak memory (resident set, MiB) when each stage ended.
    public var stagePeakMiB: [Int] = []

    public var timings: String {
        stageSeconds.enumerated().map { index, stage in
            stage.name.padding(toLength: 10, withPad: " ", startingAt: 0)
                + String(format: "%8.1f ms %5.1f%%", stage.seconds * 1000, 100 * stage.seconds / max(seconds, 1e-9))
                + (index < stagePeakMiB.count ? "  peak \(stagePeakMiB[index]) MiB" : "")
        }.joined(separator: "\n")
    }

    public var summary: String {
        String(
            format: "%d releases, %d files (%d pages rendered): %d written, %d unchanged, %d removed in %.2f s",
            releases, pages, rendered, write.written, write.unchanged, write.removed, seconds)
    }
}

/// The build, stage by stage. The order written here is the order they run:
/// Load → Analyse (then Compare, its step across releases) → Link → Render → Write (Import runs only from `communique import`).
public struct BuildPipeline {
    public init() {}

    public func run(_ options: BuildOptions) throws -> BuildReport {
        var clock = StageClock(progress: options.progress)
        var writer = SiteWriter()
        // Nothing changed since the last build, whose output is intact: nothing to do.
        let inputs = options.clean ? nil : clock.time("Inputs") { InputsFingerprint.of(options) }
        if let inputs, let done = writer.unchangedOutput(output: options.output, root: options.root, inputs: inputs) {
            return BuildReport(
                releases: done.releaseCount, pages: done.made.count, rendered: 0,
                write: WriteReport(written: 0, unchanged: done.made.count, removed: 0), seconds: clock.total,
                warnings: done.warnings, stageSeconds: clock.stages, stagePeakMiB: clock.peaks)
        }
        var brokenLinks: [LinkChecker.BrokenLink] = []
        // The staging folder comes first: it recovers an interrupted swap and reads the
        // previous build's manifest, which rendering needs too. Pages go to it as they
        // are rendered; the output is replaced only once the site is staged and checked.
        let staging = try writer.begin(output: options.output, root: options.root, force: options.force)
        let previous = options.clean ? BuildManifest() : staging.previous
        writer.verify = { staged, delta in
            // Pages kept with a broken link (a warning last time) are checked again, so each
            // build says its warnings, not only the build that wrote the page.
            let scope = LinkChecker.incrementalScope(
                written: delta.written, removed: delta.removed, staged: staged, previous: options.output,
                hadPrevious: delta.hadPrevious && !options.clean
            ).map { $0.union(previous.brokenPages.filter { BuildState.exists(staged.appendingPathComponent($0)) }) }
            // Pages this build kept are the previous build's files: their ids are as it found them.
            var keptIDs = previous.ids
            for page in delta.written + delta.removed { keptIDs[page] = nil }
            let check = try LinkChecker().check(output: staged, only: scope, knownIDs: keptIDs)
            brokenLinks = check.broken
            if !brokenLinks.isEmpty && options.brokenLinks == .error {
                throw CommuniqueError(brokenLinks.map { Diagnostic(.error, $0.description) })
            }
            return (check.ids, Set(check.broken.map(\.page)))
        }
        let rendered: (result: RenderResult, releases: Int, warnings: [Diagnostic])
        do {
            rendered = try render(options, previous: previous.previousRender, stage: staging.stage, clock: &clock)
        } catch {
            staging.discard()
            throw error
        }
        let written = try clock.time("Write") {
            // Recorded only for a build without broken-link warnings, which each build should
            // find again. (inputs is hashed before reading: a file changed during the build
            // makes the next one a full build, never a skipped one.)
            try writer.finish(
                staging, files: rendered.result.files, units: rendered.result.units, templateKeys: rendered.result.templateKeys,
                inputs: inputs.map { ($0, rendered.releases, rendered.warnings) }, recordInputs: { brokenLinks.isEmpty })
        }
        return BuildReport(
            releases: rendered.releases, pages: rendered.result.files.count, rendered: rendered.result.rendered, write: written,
            seconds: clock.total, warnings: rendered.warnings + brokenLinks.map { Diagnostic(.warning, $0.description) },
            stageSeconds: clock.stages, stagePeakMiB: clock.peaks)
    }

    /// Load → Analyse → Link → Render, each page handed to `stage` as it is rendered.
    /// The site's model lives only in here, so its memory is freed before the Write stage.
    private func render(
        _ options: BuildOptions, previous: PreviousRender, stage: @escaping @Sendable (OutputFile) throws -> OutputFile,
        clock: inout StageClock
    ) throws -> (result: RenderResult, releases: Int, warnings: [Diagnostic]) {
        var templates = try clock.time("Templates") { try TemplateSet(root: options.root) }
        if options.templateEngine == .swiftMustache { templates.compiled = nil }
        let reuse = ReleaseReuse(
            cache: ReleaseCache(state: BuildState(root: options.root, output: options.output).folder), readsKept: !options.clean)
        defer { reuse.finish() }
        var loader = SiteLoader(includeDrafts: options.includeDrafts)
        loader.reuse = { reuse.release(id: $0, key: $1) }
        let source = try clock.time("Load") { try loader.load(root: options.root) }
        var analysis = clock.time("Analyse") {
            var analyser = SiteAnalyser()
            analyser.reuse = { reuse.analysis(of: $0, key: $1) }
            analyser.compares = false
            var fresh: [ReleaseAnalysis] = []
            let analysis = analyser.analyse(source) { fresh.append($0) }
            reuse.keep(fresh, of: source)
            return analysis
        }
        analysis.comparisons = clock.time("Compare") {
            guard source.config.compareReleases else { return SeriesComparisons() }
            var fresh: [ReleaseComparison] = []
            let comparisons = SeriesComparer.compare(
                source, analysis, reuse: { reuse.comparison(old: $0, new: $1, site: source) }, fresh: { fresh.append($0) },
                lineageCache: reuse.lineageCache)
            reuse.keep(fresh, of: source)
            return comparisons
        }
        let links = clock.time("Link") {
            var linker = SiteLinker()
            linker.reuse = { reuse.links(of: $0, site: source, analysis: analysis) }
            var fresh: [(Release, ReleaseLinks)] = []
            let links = linker.link(source, analysis) { fresh.append(($0, $1)) }
            reuse.keep(fresh, of: source, analysis: analysis)
            return links
        }
        let result = try clock.time("Render") {
            var previous = previous
            previous.searchTokens = reuse.searchTokens()
            return try SiteRenderer(templates: templates).render(source, analysis, links, previous: previous, stage: stage)
        }
        if let tokens = result.searchTokens { reuse.keep(tokens) }
        let outcome = (result, source.releases.count, GlossaryWarnings.unused(analysis.glossary, links))
        Self.freeInBackground(UncheckedSendable((source, analysis, links, templates)))
        return outcome
    }

    /// Drops the site's model on another thread while the Write stage runs. Freeing its
    /// millions of small objects (strings, dictionaries, cmark trees) took a third of a
    /// second on the 500-release bench site, in every build however little changed.
    /// Nothing reads the model after rendering, and a page is never in it.
    private static func freeInBackground<Model>(_ model: UncheckedSendable<Model>) {
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(model) {} }
    }
}

/// Wall-clock time of each stage, for `build --timings`. Measures the build; never
/// feeds into what is built.
struct StageClock {
    private(set) var stages: [(name: String, seconds: Double)] = []
    private(set) var peaks: [Int] = []
    var total: Double { stages.reduce(0) { $0 + $1.seconds } }

    /// Told the name of each stage as it starts.
    var progress: (@Sendable (String) -> Void)?

    mutating func time<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        progress?(name)
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            stages.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            peaks.append(usage.ru_maxrss / 1024)
        }
        return try body()
    }
}
