import Foundation
import Yams

/// Reads `Content/`'s YAML files (`site.yml`, and the lists `glossary.yml`, `topics.yml`)
/// through Yams' node tree rather than decoding them: a node keeps its line and column,
/// so every problem names `file:line:column`.
struct YAMLNodes {
    let file: String

    /// The items of the file's top-level list; [] when the file is absent or empty.
    /// Bad YAML is reported at the broken construct, a file that is not a list with
    /// `notAList`.
    func items(root: URL, notAList: String) throws -> [Node] {
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path),
            let node = try compose(root: root)
        else { return [] }
        guard case .sequence(let items) = node else {
            throw CommuniqueError(notAList, at: at(node))
        }
        return Array(items)
    }

    /// The file (which must exist) as one mapping; an empty file is an empty mapping.
    func mapping(root: URL, notAMapping: String) throws -> Entry {
        guard let node = try compose(root: root) else {
            let empty = Node.Mapping([])
            return Entry(item: .mapping(empty), mapping: empty, nodes: self)
        }
        guard case .mapping = node else {
            throw CommuniqueError(notAMapping, at: SourceLocation(file: file, line: 1))
        }
        return try entry(node, notAMapping: notAMapping)
    }

    /// The file's node tree; bad YAML is reported at the broken construct.
    private func compose(root: URL) throws -> Node? {
        let text = try SiteFiles.readText(file, in: root)
        do {
            return try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let error as YamlError {
            throw CommuniqueError(FrontMatter.diagnostic(for: error, file: file, lineOffset: 0))
        }
    }

    /// `file:line:column` of a node.
    func at(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    /// A list item as a mapping, or `notAMapping` at the item.
    func entry(_ item: Node, notAMapping: String) throws -> Entry {
        guard case .mapping(let mapping) = item else {
            throw CommuniqueError(notAMapping, at: at(item))
        }
        return Entry(item: item, mapping: mapping, nodes: self)
    }

    /// One mapping of the list, with typed access whose failures name the value's place.
    struct Entry {
        let item: Node
        let mapping: Node.Mapping
        let nodes: YAMLNodes

        /// `file:line` of the entry, what a model value keeps as its location.
        var line: SourceLocation { SourceLocation(file: nodes.file, line: mapping.mark?.line) }

        func node(_ key: String) -> Node? { mapping[key] }

        /// One error for each key not in `known`, at the key.
        func unknownKeys(known: Set<String>) -> [Diagnostic] {
            YAMLKeys.unknown(in: mapping, known: known, file: nodes.file)
        }

        /// A text value; nil when absent, null or empty.
        func text(_ key: String) throws -> String? {
            guard let value = mapping[key], value.null == nil else { return nil }
            guard case .scalar = value, let string = value.string else {
                throw CommuniqueError("'\(key)' must be a text value", at: nodes.at(value))
            }
            return string.isEmpty ? nil : string
        }

        /// A list of texts, each with its node; one text counts as a list of one, an
        /// absent or null value as an empty list.
        func textNodes(_ key: String) throws -> [(text: String, node: Node)] {
            guard let value = mapping[key] else { return [] }
            if case .scalar = value, let single = value.string {
                return value.null != nil ? [] : [(single, value)]
            }
            guard case .sequence(let sequence) = value else {
                throw CommuniqueError("'\(key)' must be a list of texts", at: nodes.at(value))
            }
            return try sequence.map { item in
                guard case .scalar = item, let string = item.string else {
                    throw CommuniqueError("'\(key)' must be a list of texts", at: nodes.at(item))
                }
                return (item.null != nil ? "" : string, item)
            }
        }

        func texts(_ key: String) throws -> [String] { try textNodes(key).map(\.text) }
    }
}
