import Foundation

/// The report as JSON (`communique import --format json`), for scripts and editors that
/// check an import: the same facts as the text, with stable keys, sorted, so the same
/// import gives the same bytes.
extension ImportReport {
    private struct Document: Encodable {
        struct Section: Encodable {
            var file, title: String
            var line: Int?
            var intro, paragraphs, numbered, subItems: Int
            var numbering: String?
        }
        struct Person: Encodable {
            var name: String
            var reading, title, english, englishTitle: String?
        }
        struct Note: Encodable {
            var line: Int?
            var message: String
        }
        struct Line: Encodable {
            var line: Int
            var text: String
        }
        struct Written: Encodable {
            var folder: String
            var created, updated, unchanged, removed: [String]
        }
        var source, encoding, lineEnds, format, releaseID: String
        var title, category, published, date, place: String?
        var language: String
        var series: String?
        var participants: [Person]
        var lead, preamble: Int
        var innerTitle: String?
        var sections: [Section]
        var numberingProblems, guesses: [Note]
        var dropped: [Line]
        var written: Written?
    }

    public func json() throws -> String {
        let document = Document(
            source: sourceFile, encoding: encoding.rawValue, lineEnds: lineEnds.rawValue, format: format.rawValue,
            releaseID: releaseID, title: title, category: category, published: published, date: date, place: place,
            language: language, series: series,
            participants: participants.map {
                .init(name: $0.name, reading: $0.reading, title: $0.title, english: $0.english, englishTitle: $0.englishTitle)
            },
            lead: leadCount, preamble: preambleCount, innerTitle: innerTitle,
            sections: sections.map {
                .init(
                    file: $0.file, title: $0.title, line: $0.line, intro: $0.introCount, paragraphs: $0.paragraphCount,
                    numbered: $0.numberedCount, subItems: $0.subItemCount, numbering: $0.numbering)
            },
            numberingProblems: numberingProblems.map { .init(line: $0.line, message: $0.message) },
            guesses: guesses.map { .init(line: $0.line, message: $0.message) },
            dropped: dropped.map { .init(line: $0.number, text: $0.text) },
            written: outcome.map {
                .init(folder: $0.folder, created: $0.created, updated: $0.updated, unchanged: $0.unchanged, removed: $0.removed)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}
