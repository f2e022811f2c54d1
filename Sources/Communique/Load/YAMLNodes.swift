import Foundation
import Yams

/// Reads one of `Content/`'s YAML list files (`glossary.yml`, `topics.yml`) through Yams'
/// node tree rather than decoding it: a node keeps its line and column, so every
/// problem names `file:line:column`.
struct YAMLNodes {
    let file: String

    /// The items of the file's top-level list; [] when the file is absent or empty.
    /// Bad YAML is reported at the broken construct, a file that is not a list with
    /// `notAList`.
    func items(root: URL, notAList: String) throws -> [Node] {
        let url = root.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let text = try SiteFiles.readText(url, relativePath: file)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw CommuniqueError(FrontMatter.diagnostic(for: error, file: file, lineOffset: 0))
        }
        guard let node else { return [] }
        guard case .sequence(let items) = node else {
            throw CommuniqueError(notAList, at: at(node))
        }
        return Array(items)
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
            mapping.compactMap { key, _ in
                guard let name = key.string, !known.contains(name) else { return nil }
                return Diagnostic(
                    .error, "unknown key '\(name)' (known: \(known.sorted().joined(separator: ", ")))", at: nodes.at(key))
            }
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
