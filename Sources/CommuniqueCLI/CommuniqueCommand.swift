import ArgumentParser
import Communique
import Foundation

/// The `communique` command tree. Each subcommand lives in its own file and is a thin
/// shell over the `Communique` library.
public struct CommuniqueCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "communique",
        abstract: "Publish official statements as static websites.",
        subcommands: [Import.self, Build.self, Serve.self, Check.self, Topics.self],
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
    for diagnostic in error.diagnostics {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
    return ExitCode.failure
}
