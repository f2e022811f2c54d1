import Foundation
import Yams

/// Reads `Content/topics.yml`, the topic taxonomy: a list of topics
/// (`id`, `title`, `reading`, `english`, `description`, `signals`, `parent`).
///
/// The file is optional. Every problem is collected and thrown together, each naming
/// `Content/topics.yml:line[:column]`: bad YAML, a file that is not a list, an entry
/// that is not a mapping, an unknown key, a missing or invalid id or title, an id
/// defined twice, an empty signal, a parent that is no topic, is the topic itself, or
/// leads back to it.
struct TopicsLoader {
    static let file = "Content/topics.yml"
    static let keys: Set<String> = ["id", "title", "reading", "english", "description", "signals", "parent"]

    private var yaml: YAMLNodes { YAMLNodes(file: Self.file) }

    /// A topic as read, with the nodes later checks report at.
    private struct Read {
        var topic: Topic
        var idNode: Node
        var parentNode: Node?
    }

    func load(root: URL) throws -> [Topic] {
        let items = try yaml.items(root: root, notAList: "topics.yml must be a list of topics (- id: …, title: …)")
        var problems: [Diagnostic] = []
        var read: [Read] = []
        for item in items {
            do {
                let (topic, entryProblems) = try entry(item)
                problems += entryProblems
                // A topic with problems of its own still takes part in the checks across
                // topics, so one run reports everything.
                if let topic { read.append(topic) }
            } catch let error as CommuniqueError {
                problems += error.diagnostics
            }
        }
        problems += checkUniqueness(read) + checkParents(read)
        if !problems.isEmpty { throw CommuniqueError(problems.sorted(by: Self.fileOrder)) }
        return read.map(\.topic)
    }

    /// The entry's topic when it has an id, and every problem found in it.
    private func entry(_ item: Node) throws -> (Read?, [Diagnostic]) {
        let entry = try yaml.entry(item, notAMapping: "each topic must be a mapping (id: …, title: …)")
        var problems = entry.unknownKeys(known: Self.keys)
        func attempt<T>(_ body: () throws -> T) -> T? {
            do { return try body() } catch let error as CommuniqueError {
                problems += error.diagnostics
                return nil
            } catch { return nil }
        }
        let id = attempt { try entry.text("id") } ?? nil
        let title = attempt { try entry.text("title") } ?? nil
        let reading = attempt { try entry.text("reading") } ?? nil
        let english = attempt { try entry.text("english") } ?? nil
        let description = attempt { try entry.text("description") } ?? nil
        let parent = attempt { try entry.text("parent") } ?? nil
        let signals = attempt { try entry.textNodes("signals") } ?? []

        for (signal, node) in signals where signal.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let whose = id.map { "topic '\($0)'" } ?? "a topic"
            problems.append(Diagnostic(.error, "\(whose) has an empty signal", at: yaml.at(node)))
        }
        guard let id, let idNode = entry.node("id") else {
            // An id that is there but not a text has been reported already.
            if entry.node("id").map({ $0.scalar == nil }) != true {
                problems.append(Diagnostic(.error, "a topic has no 'id'", at: yaml.at(item)))
            }
            return (nil, problems)
        }
        if !ReleaseID.isValid(id) {
            problems.append(Diagnostic(
                .error, "id '\(id)' must be lowercase ASCII letters, digits and hyphens (it becomes the topic page's URL)",
                at: yaml.at(idNode)))
        }
        if title == nil, entry.node("title").map({ $0.scalar == nil }) != true {
            problems.append(Diagnostic(.error, "topic '\(id)' has no 'title'", at: yaml.at(item)))
        }
        let topic = Topic(
            id: id, title: title ?? "", reading: reading, english: english, description: description,
            signals: signals.map(\.text), parent: parent, location: entry.line)
        return (Read(topic: topic, idNode: idNode, parentNode: entry.node("parent")), problems)
    }

    private func checkUniqueness(_ topics: [Read]) -> [Diagnostic] {
        var first: [String: Read] = [:]
        var problems: [Diagnostic] = []
        for read in topics {
            if let earlier = first[read.topic.id] {
                problems.append(Diagnostic(
                    .error, "duplicate topic id '\(read.topic.id)' (already defined at line \(earlier.topic.location?.line ?? 0))",
                    at: yaml.at(read.idNode)))
            } else {
                first[read.topic.id] = read
            }
        }
        return problems
    }

    /// Each parent must be another topic, and following parents must end at a topic
    /// without one. A cycle is reported once, at the first of its topics in the file.
    private func checkParents(_ topics: [Read]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var position: [String: Int] = [:]
        for (index, read) in topics.enumerated() where position[read.topic.id] == nil { position[read.topic.id] = index }
        // id → parent id, for parents that name another topic.
        var parentOf: [String: String] = [:]
        for read in topics {
            guard let parent = read.topic.parent, let node = read.parentNode else { continue }
            if parent == read.topic.id {
                problems.append(Diagnostic(.error, "topic '\(parent)' is its own parent", at: yaml.at(node)))
            } else if position[parent] != nil {
                if parentOf[read.topic.id] == nil { parentOf[read.topic.id] = parent }
            } else {
                problems.append(Diagnostic(.error, "parent '\(parent)' is not the id of a topic", at: yaml.at(node)))
            }
        }
        var done: Set<String> = []
        for read in topics where !done.contains(read.topic.id) {
            var path: [String] = []
            var current: String? = read.topic.id
            while let id = current, !done.contains(id) {
                if let start = path.firstIndex(of: id) {
                    let cycle = Array(path[start...])
                    let first = cycle.indices.min { position[cycle[$0]]! < position[cycle[$1]]! }!
                    let ordered = Array(cycle[first...] + cycle[..<first])
                    let line = topics[position[ordered[0]]!].topic.location
                    problems.append(Diagnostic(
                        .error, "parents form a cycle: \((ordered + [ordered[0]]).joined(separator: " → "))", at: line))
                    break
                }
                path.append(id)
                current = parentOf[id]
            }
            done.formUnion(path)
        }
        return problems
    }

    /// Problems in the order of the file, so a person can work down it.
    private static func fileOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.location?.line ?? 0, a.location?.column ?? 0) < (b.location?.line ?? 0, b.location?.column ?? 0)
    }
}
