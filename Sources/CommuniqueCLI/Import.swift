import ArgumentParser
import Communique
import Foundation

/// `communique import FILE`: a statement as published → `Content/releases/<id>/*.md`.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a statement (plain text, Markdown or a saved web page) as a release's Markdown pages.",
        discussion: """
            Reads FILE (UTF-8, with or without BOM, or Shift_JIS), recognises its title, dates, \
            place, participants and sections, and writes Content/releases/<id>/. Page chrome \
            (rankings, related-article lists) is dropped, listed in the report and kept in \
            _dropped.txt. Re-importing refuses to overwrite pages edited since the last import \
            unless --force is given.

            A web page saved from a browser (.html) is read in the encoding it declares (UTF-8, \
            Shift_JIS, EUC-JP); its main content is the statement, its header, navigation, share \
            links and footer are dropped, and its markup gives the title (<h1>), sections \
            (<h2>-<h4>, or bold paragraphs), numbered paragraphs (<ol>), tables and the date (<time>).
            """)

    @Argument(help: "The statement's text file, or a web page saved as .html.")
    var file: String

    @Option(help: "The release id (lowercase letters, digits and hyphens). Default: the file's name when it is one, else the meeting date and the title.")
    var id: String?

    @Flag(help: "Overwrite pages edited since the last import.")
    var force = false

    @OptionGroup var site: SiteOptions

    func run() throws {
        try reportingErrors {
            var result = try StatementImporter().importStatement(at: file, id: id)
            result.report.outcome = try ImportWriter(root: site.rootURL).write(result, force: force)
            print(result.report)
        }
    }
}
