import ArgumentParser
import Communique
import Foundation

/// `communique topics …`: tools for `Content/topics.yml`.
struct Topics: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with the topic taxonomy (Content/topics.yml).",
        subcommands: [Suggest.self])

    /// `communique topics suggest`: frequent noun phrases no topic or glossary term covers.
    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List frequent noun phrases that no topic and no glossary term covers yet.",
            discussion: """
                Reads Content/ (without building the site), finds the noun phrases of every \
                paragraph with MeCab, drops those a topic's title or signals or a glossary term \
                already covers, and ranks the rest by score: occurrences × pages they occur in.
                """)

        @OptionGroup var site: SiteOptions

        @Option(help: "How many phrases to list.")
        var limit = 30

        func validate() throws {
            guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let suggestions = try reportingErrors {
                let source = try SiteLoader().load(root: site.rootURL)
                let analysis = SiteAnalyser().analyse(source)
                return TopicSuggester().suggest(site: source, analysis: analysis, limit: limit)
            }
            guard !suggestions.isEmpty else {
                print("No uncovered noun phrases: every frequent phrase is a topic or a glossary term already.")
                return
            }
            print(Self.table(suggestions))
            print("")
            print("Add a phrase as a topic in Content/topics.yml (- id: <lowercase-ascii-id>, title: <phrase>, signals: [<other wordings>]); it then drops out of this list.")
        }

        /// Right-aligned numbers, then the phrase and where it first occurs, columns
        /// aligned by display width (a kanji takes two columns).
        static func table(_ suggestions: [TopicSuggestion]) -> String {
            let header = ["score", "count", "pages", "phrase", "first occurrence"]
            let rows = suggestions.map { [String($0.score), String($0.count), String($0.spread), $0.phrase, $0.location.description] }
            let widths = header.indices.map { column in ([header] + rows).map { width(of: $0[column]) }.max() ?? 0 }
            func line(_ cells: [String]) -> String {
                cells.enumerated().map { column, cell in
                    let padding = String(repeating: " ", count: widths[column] - width(of: cell))
                    if column < 3 { return padding + cell }
                    return column == cells.count - 1 ? cell : cell + padding
                }
                .joined(separator: "  ")
            }
            return ([line(header)] + rows.map(line)).joined(separator: "\n")
        }

        /// Columns a terminal gives `text`: two for East Asian wide characters.
        static func width(of text: String) -> Int {
            text.unicodeScalars.reduce(0) { total, scalar in
                let v = scalar.value
                let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                    || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                    || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
                return total + (wide ? 2 : 1)
            }
        }
    }
}
