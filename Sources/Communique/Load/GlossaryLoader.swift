import Foundation
import Yams

/// A curated glossary entry as written in `Content/glossary.yml`, before readings are
/// derived and extracted terms merged in (the Analyse stage does that).
public struct CuratedTerm: Sendable, Hashable {
    public var id: String?
    public var term: String
    public var reading: String?
    public var aliases: [String]
    public var english: String?
    public var definition: String?
    public var category: GlossaryEntry.Category
    public var seeAlso: [String]
    public var location: SourceLocation
}

/// Reads `Content/glossary.yml`: a list of entries
/// (`term`, `reading`, `aliases`, `english`, `definition`, `category`, `see`).
///
/// Errors name the line: bad YAML, a missing term, an unknown category, a term or
/// alias defined twice, a `see` that names no entry.
struct GlossaryLoader {
    static let file = "Content/glossary.yml"
    static let keys: Set<String> = ["id", "term", "reading", "aliases", "english", "definition", "category", "see", "see_also"]

    func load(root: URL) throws -> [CuratedTerm] {
        let url = root.appendingPathComponent(Self.file)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let text = try SiteFiles.readText(url, relativePath: Self.file)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw CommuniqueError(FrontMatter.diagnostic(for: error, file: Self.file, lineOffset: 0))
        }
        guard let node else { return [] }
        guard case .sequence(let items) = node else {
            throw CommuniqueError("the glossary must be a list of entries (- term: …)", at: at(node))
        }
        var problems: [Diagnostic] = []
        var terms: [CuratedTerm] = []
        for item in items {
            do { terms.append(try entry(item)) } catch let error as CommuniqueError { problems += error.diagnostics }
        }
        problems += checkUniqueness(terms) + checkSeeAlso(terms)
        if !problems.isEmpty { throw CommuniqueError(problems) }
        return terms
    }

    private func at(_ node: Node) -> SourceLocation {
        SourceLocation(file: Self.file, line: node.mark?.line, column: node.mark?.column)
    }

    private func entry(_ item: Node) throws -> CuratedTerm {
        guard case .mapping(let mapping) = item else {
            throw CommuniqueError("each glossary entry must be a mapping (term: …, definition: …)", at: at(item))
        }
        for (key, _) in mapping {
            if let name = key.string, !Self.keys.contains(name) {
                throw CommuniqueError("unknown key '\(name)' (known: \(Self.keys.sorted().joined(separator: ", ")))", at: at(key))
            }
        }
        func text(_ key: String) throws -> String? {
            guard let value = mapping[key] else { return nil }
            guard case .scalar = value, let string = value.string else {
                throw CommuniqueError("'\(key)' must be a text value", at: at(value))
            }
            return string.isEmpty ? nil : string
        }
        func list(_ key: String) throws -> [String] {
            guard let value = mapping[key] else { return [] }
            if case .scalar = value, let single = value.string { return [single] }
            guard case .sequence(let sequence) = value else {
                throw CommuniqueError("'\(key)' must be a list of texts", at: at(value))
            }
            return try sequence.map { item in
                guard case .scalar = item, let string = item.string else {
                    throw CommuniqueError("'\(key)' must be a list of texts", at: at(item))
                }
                return string
            }
        }
        guard let term = try text("term") else {
            throw CommuniqueError("a glossary entry has no 'term'", at: at(item))
        }
        var category = GlossaryEntry.Category.other
        if let name = try text("category") {
            guard let known = GlossaryEntry.Category(rawValue: name) else {
                throw CommuniqueError(
                    "unknown category '\(name)' (use one of: \(GlossaryEntry.Category.allCases.map(\.rawValue).joined(separator: ", ")))",
                    at: at(mapping["category"]!))
            }
            category = known
        }
        if let id = try text("id"), !ReleaseID.isValid(id) {
            throw CommuniqueError("id '\(id)' must be lowercase ASCII letters, digits and hyphens", at: at(mapping["id"]!))
        }
        return CuratedTerm(
            id: try text("id"), term: term, reading: try text("reading"), aliases: try list("aliases"),
            english: try text("english"), definition: try text("definition"), category: category,
            seeAlso: try list("see") + list("see_also"),
            location: SourceLocation(file: Self.file, line: mapping.mark?.line))
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
