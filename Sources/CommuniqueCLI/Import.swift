import ArgumentParser
import Communique
import Foundation

/// `communique import FILE`: a statement as published → `Content/releases/<id>/*.md`.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a statement (plain text, Markdown, a saved web page or a PDF) as a release's Markdown pages.",
        discussion: """
            Reads FILE (text: UTF-8 with or without BOM, UTF-16 with BOM, Shift_JIS or EUC-JP, \
            detected, or named with --encoding; Markdown; a web page; or a PDF with a text layer, \
            read with poppler's pdftotext), recognises its title, dates, place, participants and \
            sections, and writes Content/releases/<id>/. Page chrome (rankings, related-article \
            lists; a PDF's running headers, footers and page numbers) is dropped, listed in the \
            report and kept in _dropped.txt. A PDF's lines are joined back into paragraphs, across \
            page breaks too. A scanned PDF (no text layer) is refused: there is no OCR. The report \
            gives per section the numbers found, gaps and repeats, and what was guessed \
            (--format json for scripts). Re-importing refuses to overwrite pages edited since the \
            last import unless --force is given.

            A web page saved from a browser (.html) is read in the encoding it declares (UTF-8, \
            Shift_JIS, EUC-JP); its main content is the statement, its header, navigation, share \
            links and footer are dropped, and its markup gives the title (<h1>), sections \
            (<h2>-<h4>, or bold paragraphs), numbered paragraphs (<ol>), tables and the date (<time>).
            """)

    @Argument(help: "The statement: a text or Markdown file, a web page saved as .html, or a PDF.")
    var file: String

    @Option(help: "The release id (lowercase letters, digits and hyphens). Default: the file's name when it is one, else the meeting date and the title.")
    var id: String?

    @Option(help: ArgumentHelp(
        "The file's encoding, when detection gets it wrong.", valueName: SourceText.Encoding.names.replacingOccurrences(of: ", ", with: "|")))
    var encoding: String?

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "How to print the report: text, or json for scripts.")
    var format: ReportFormat = .text

    @Flag(help: "Overwrite pages edited since the last import.")
    var force = false

    @OptionGroup var site: SiteOptions

    func run() throws {
        try reportingErrors {
            let forced = try encoding.map { name in
                guard let known = SourceText.Encoding(name: name) else {
                    throw CommuniqueError("unknown encoding '\(name)' (known: \(SourceText.Encoding.names))")
                }
                return known
            }
            var result = try StatementImporter().importStatement(at: file, id: id, encoding: forced)
            result.report.outcome = try ImportWriter(root: site.rootURL).write(result, force: force)
            print(format == .json ? try result.report.json() : result.report.description)
        }
    }
}
