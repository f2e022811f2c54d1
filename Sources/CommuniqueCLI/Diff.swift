import ArgumentParser
import Communique
import Foundation

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two releases paragraph by paragraph: what is new, removed, moved, split or merged, and what changed inside each.")

    @OptionGroup var site: SiteOptions

    @Argument(help: "The earlier release's id (its folder in Content/releases).")
    var old: String

    @Argument(help: "The later release's id.")
    var new: String

    enum Format: String, ExpressibleByArgument { case text, json }

    @Option(help: "text (coloured on a terminal) or json.")
    var format: Format = .text

    func run() throws {
        let comparison = try reportingErrors { try ReleaseDiff.compare(root: site.rootURL, old: old, new: new) }
        switch format {
        case .text: print(ReleaseDiff.text(comparison, colour: isatty(STDOUT_FILENO) == 1), terminator: "")
        case .json: print(try ReleaseDiff.json(comparison), terminator: "")
        }
    }
}
