import ArgumentParser
import Communique
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that every internal link and #anchor in the built site resolves.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The built site to check (default: <root>/Public).")
    var output: String?

    func run() throws {
        let folder = output.map { URL(fileURLWithPath: $0) } ?? site.rootURL.appendingPathComponent("Public")
        let result = try reportingErrors { try LinkChecker().check(output: folder) }
        for link in result.broken {
            FileHandle.standardError.write(Data("error: \(link)\n".utf8))
        }
        print("Checked \(result.links) links in \(result.pages) pages: \(result.broken.count) broken")
        if !result.broken.isEmpty { throw ExitCode.failure }
    }
}
