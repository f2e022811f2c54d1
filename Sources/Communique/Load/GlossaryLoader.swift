import Foundation
import Yams

/// Reads `Content/glossary.yml`: a list of entries
/// (`term`, `reading`, `aliases`, `english`, `definition`, `category`, `see`).
///
/// Errors name the line: bad YAML, a missing term, an unknown category, a term or
/// alias defined twice, a `see` that names no entry.
struct GlossaryLoader {
    static let file = "Content/glossary.yml"
    static let keys: Set<String> = ["id", "term", "reading", "aliases", "english", "definition", "category", "see", "see_also"]

    private var yaml: YAMLNodes { YAMLNodes(file: Self.file) }

    func load(root: URL) throws -> [CuratedTerm] {
        let items = try yaml.items(root: root, notAList: "the glossary must be a list of entries (- term: …)")
        var problems: [Diagnostic] = []
        var terms: [CuratedTerm] = []
        for item in items {
            do { terms.append(try entry(item)) } catch let error as CommuniqueError { problems += error.diagnostics }
        }
        problems += checkUniqueness(terms) + checkSeeAlso(terms)
        if !problems.isEmpty { throw CommuniqueError(problems) }
        return terms
    }

    private func entry(_ item: Node) throws -> CuratedTerm {
        let entry = try yaml.entry(item, notAMapping: "each glossary entry must be a mapping (term: …, definition: …)")
        let unknown = entry.unknownKeys(known: Self.keys)
        if !unknown.isEmpty { throw CommuniqueError(unknown) }
        guard let term = try entry.text("term") else {
            throw CommuniqueError("a glossary entry has no 'term'", at: yaml.at(item))
        }
        var category = GlossaryEntry.Category.other
        if let name = try entry.text("category") {
            guard let known = GlossaryEntry.Category(rawValue: name) else {
                throw CommuniqueError(
                    "unknown category '\(name)' (use one of: \(GlossaryEntry.Category.allCases.map(\.rawValue).joined(separator: ", ")))",
                    at: yaml.at(entry.node("category")!))
            }
            category = known
        }
        if let id = try entry.text("id"), !ReleaseID.isValid(id) {
            throw CommuniqueError("id '\(id)' must be lowercase ASCII letters, digits and hyphens", at: yaml.at(entry.node("id")!))
        }
        return CuratedTerm(
            id: try entry.text("id"), term: term, reading: try entry.text("reading"), aliases: try entry.texts("aliases"),
            english: try entry.text("english"), definition: try entry.text("definition"), category: category,
            seeAlso: try entry.texts("see") + entry.texts("see_also"), location: entry.line)
    }

    /// A term or alias may name one entry only (width-folded: ＡＣＭ and ACM are the same).
    private func checkUniqueness(_ terms: [CuratedTerm]) -> [Diagnostic] {
        var owner: [String: CuratedTerm] = [:]
        var problems: [Diagnostic] = []
        for entry in terms {
            for form in Set([entry.term] + entry.aliases).sorted() {
                let key = WidthFolding.fold(form)
                if let first = owner[key], first.location != entry.location {
                    problems.append(Diagnostic(
                        .error, "duplicate term '\(form)' (already defined at line \(first.location.line ?? 0))", at: entry.location))
                } else {
                    owner[key] = entry
                }
            }
        }
        return problems
    }

    private func checkSeeAlso(_ terms: [CuratedTerm]) -> [Diagnostic] {
        let known = Set(terms.flatMap { [$0.term] + $0.aliases }.map(WidthFolding.fold))
        return terms.flatMap { entry in
            entry.seeAlso.filter { !known.contains(WidthFolding.fold($0)) }.map {
                Diagnostic(.error, "'see' names '\($0)', which is not a glossary term", at: entry.location)
            }
        }
    }
}
