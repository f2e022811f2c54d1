import ArgumentParser
import Communique
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site: Content/ and Templates/ → Public/.")

    @OptionGroup var inputs: SiteBuildOptions

    @Flag(help: "Replace an output folder that holds files Communique did not make.")
    var force = false

    @Flag(help: "Render every page, ignoring what the previous build made (a full build).")
    var clean = false

    @Option(help: "What a broken internal link does: error (fail the build, the default) or warning.")
    var brokenLinks: BuildOptions.Severity = .error

    @Option(help: "What evaluates the templates: compiled (the default) or swift-mustache (slower; the same bytes, to compare).")
    var templateEngine: BuildOptions.TemplateEngine = .compiled

    @Flag(help: "Print the time each stage took.")
    var timings = false

    func run() throws {
        var options = inputs.buildOptions(force: force, clean: clean, brokenLinks: brokenLinks)
        options.templateEngine = templateEngine
        let report = try reportingErrors {
            defer { ProgressLine.clear() }
            return try BuildPipeline().run(options)
        }
        printWarnings(of: report)
        print("Built \(options.output.path): \(report.summary)")
        if timings { print(report.timings) }
    }
}

extension BuildOptions.Severity: ExpressibleByArgument {}
extension BuildOptions.TemplateEngine: ExpressibleByArgument {}
