import ArgumentParser
import Communique
import Foundation

/// The `communique` command tree. Each subcommand lives in its own file and is a thin
/// shell over the `Communique` library.
public struct CommuniqueCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "communique",
        abstract: "Publish official statements as static websites.",
        subcommands: [Import.self, Build.self, Serve.self, Check.self, Topics.self, Diff.self],
        defaultSubcommand: Build.self)
    public init() {}
}

/// Options every command shares.
public struct SiteOptions: ParsableArguments {
    @Option(help: "The site folder (holding Content/ and Templates/).")
    public var root: String = "."

    public init() {}

    public var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL }
}

/// What `build` and `serve` both read: the site, where its output goes, and whether
/// drafts are built.
struct SiteBuildOptions: ParsableArguments {
    @OptionGroup var site: SiteOptions

    @Option(help: "The output folder (default: <root>/Public).")
    var output: String?

    @Flag(help: "Include releases marked `draft: true`.")
    var drafts = false

    /// The pipeline's options, with a progress line on a terminal.
    func buildOptions(force: Bool = false, clean: Bool = false, brokenLinks: BuildOptions.Severity) -> BuildOptions {
        var options = BuildOptions(
            root: site.rootURL, output: output.map { URL(fileURLWithPath: $0) }, includeDrafts: drafts, force: force,
            clean: clean, brokenLinks: brokenLinks)
        options.progress = ProgressLine.forStandardError()
        return options
    }
}

/// A build's warnings, one line each on standard error.
func printWarnings(of report: BuildReport) {
    for warning in report.warnings {
        FileHandle.standardError.write(Data("\(warning)\n".utf8))
    }
}

/// Runs `body`, printing a `CommuniqueError`'s diagnostics to standard error and
/// exiting non-zero, so every command reports bad input the same way.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as CommuniqueError {
        throw report(error)
    }
}

/// `reportingErrors` for async work (`serve`).
func reportingErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as CommuniqueError {
        throw report(error)
    }
}

private func report(_ error: CommuniqueError) -> ExitCode {
    printDiagnostics(of: error)
    return ExitCode.failure
}

/// An error's diagnostics (`file:line: error: …`), one line each on standard error.
func printDiagnostics(of error: CommuniqueError) {
    for diagnostic in error.diagnostics {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
}
