#if DEBUG
import Foundation

@testable import Communique

/// The YAML loaders: the first byte picks the file (`g` glossary.yml, `t` topics.yml, `s`
/// site.yml; any other byte by its value mod 3), the rest is its content, written into a
/// site folder and read by the loader as a build does.
///
/// A file is loaded or refused with diagnostics that name it and a line inside it. What loads
/// keeps the loader's promises: glossary terms and aliases name one entry each (in any
/// width) and every `see` names a term; topic ids are valid and unique and parents lead to a
/// topic without one; site.yml has a title.
final class YAMLTarget: FuzzTarget {
    let site = makeScratchFolder("yaml")

    init() {
        try! FileManager.default.createDirectory(at: site.appendingPathComponent("Content"), withIntermediateDirectories: true)
    }

    func test(_ bytes: [UInt8]) throws {
        guard let selector = bytes.first else { return }
        let content = Array(bytes.dropFirst())
        let lineCount = lineCount(content)
        let file: String
        switch selector {
        case UInt8(ascii: "g"): file = GlossaryLoader.file
        case UInt8(ascii: "t"): file = TopicsLoader.file
        case UInt8(ascii: "s"): file = "Content/site.yml"
        default: file = [GlossaryLoader.file, TopicsLoader.file, "Content/site.yml"][Int(selector) % 3]
        }
        try Data(content).write(to: site.appendingPathComponent(file))
        do {
            switch file {
            case GlossaryLoader.file: try checkGlossary(GlossaryLoader().load(root: site))
            case TopicsLoader.file: try checkTopics(TopicsLoader().load(root: site))
            default:
                let config = try SiteLoader().loadConfig(root: site)
                try require(!config.title.isEmpty, "site.yml loads without a title")
            }
        } catch let error as CommuniqueError {
            try require(!error.diagnostics.isEmpty, "an error without a diagnostic")
            for diagnostic in error.diagnostics {
                guard let location = diagnostic.location else { throw InvariantFailure("a diagnostic names no file: \(diagnostic)") }
                try require(location.file == file, "a diagnostic names another file: \(diagnostic)")
                if let line = location.line {
                    try require(line >= 1 && line <= lineCount + 1, "a diagnostic's line is outside the file (\(lineCount) lines): \(diagnostic)")
                }
                if let column = location.column { try require(column >= 1, "a diagnostic's column is \(column): \(diagnostic)") }
            }
        }
        try? FileManager.default.removeItem(at: site.appendingPathComponent(file))
    }

    func checkGlossary(_ terms: [CuratedTerm]) throws {
        var owner: [String: Int] = [:]
        for (index, entry) in terms.enumerated() {
            try require(!entry.term.isEmpty, "a glossary entry loads without a term")
            for form in Set([entry.term] + entry.aliases) {
                let key = WidthFolding.fold(form)
                if let first = owner[key], first != index {
                    throw InvariantFailure("'\(form)' names two glossary entries")
                }
                owner[key] = index
            }
        }
        for entry in terms {
            for see in entry.seeAlso {
                try require(owner[WidthFolding.fold(see)] != nil, "'see: \(see)' names no glossary term")
            }
        }
        // What a build does next with the terms: one matcher over them all.
        let patterns = terms.flatMap { [$0.term] + $0.aliases }
        let text = terms.compactMap(\.definition).joined(separator: "\n")
        try TermsTarget.checkMatches(TermMatcher(patterns: patterns).matches(in: text), patterns: patterns, text: text)
    }

    func checkTopics(_ topics: [Topic]) throws {
        var parents: [String: String?] = [:]
        for topic in topics {
            try require(ReleaseID.isValid(topic.id), "topic id '\(topic.id)' is not valid")
            try require(parents[topic.id] == nil, "topic id '\(topic.id)' is defined twice")
            try require(!topic.title.isEmpty, "topic '\(topic.id)' loads without a title")
            try require(!topic.signals.contains { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }, "topic '\(topic.id)' has an empty signal")
            parents[topic.id] = topic.parent
        }
        for topic in topics {
            var current = topic.parent
            var steps = 0
            while let id = current {
                guard let next = parents[id] else { throw InvariantFailure("topic '\(topic.id)' has the parent '\(id)', which is no topic") }
                steps += 1
                try require(steps <= topics.count, "the parents of topic '\(topic.id)' form a cycle")
                current = next
            }
        }
    }
}
#endif
