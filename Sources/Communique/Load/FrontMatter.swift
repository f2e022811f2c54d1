import Yams

/// A Markdown file split into its YAML front matter and its body.
///
/// Values are read from Yams' node tree rather than decoded: a node keeps its line, so
/// a wrong value can be reported at `file:line`, and `date: 2024-07-28` stays the
/// text the person wrote instead of becoming a `Date`.
struct FrontMatter {
    let file: String
    let fields: Node.Mapping?
    /// Line number (1-based) of the first body line.
    let bodyFirstLine: Int
    let body: String

    /// Splits `text` (the whole file). A file without a leading `---` line has no front matter.
    init(parsing text: String, file: String) throws {
        self.file = file
        // Lines are found on UTF-8 bytes: splitting the whole file into lines of
        // Characters, to read the few of the front matter, was most of this.
        let bytes = text.utf8
        let newline = UInt8(ascii: "\n")
        let firstEnd = bytes.firstIndex(of: newline) ?? bytes.endIndex
        guard Self.isFence(bytes[bytes.startIndex..<firstEnd]) else {
            fields = nil
            bodyFirstLine = 1
            body = text
            return
        }
        var lineStart = firstEnd == bytes.endIndex ? firstEnd : bytes.index(after: firstEnd)
        var lineNumber = 1  // 0-based number of the line starting at lineStart
        var closing: (start: String.Index, end: String.Index, line: Int)?
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: newline) ?? bytes.endIndex
            if Self.isFence(bytes[lineStart..<lineEnd]) {
                closing = (lineStart, lineEnd, lineNumber)
                break
            }
            if lineEnd == bytes.endIndex { break }
            lineStart = bytes.index(after: lineEnd)
            lineNumber += 1
        }
        guard let closing else {
            throw CommuniqueError(
                "front matter starts with '---' but has no closing '---' line",
                at: SourceLocation(file: file, line: 1))
        }
        // Between the fences, without the newline that ends the last line of YAML.
        let yamlStart = bytes.index(after: firstEnd)
        let yaml = closing.start > yamlStart ? String(text[yamlStart..<text.index(before: closing.start)]) : ""
        do {
            // The encoding is given: Yams' default reads the process environment on every call.
            let node = try Yams.compose(yaml: yaml, Self.resolver, .default, .utf8)
            switch node {
            case nil: fields = Node.Mapping([])
            case .mapping(let mapping)?: fields = mapping
            case let other?:
                throw CommuniqueError(
                    "front matter must be a mapping of keys to values",
                    at: SourceLocation(file: file, line: (other.mark?.line ?? 1) + 1))
            }
        } catch let error as YamlError {
            throw CommuniqueError(Self.diagnostic(for: error, file: file, lineOffset: 1))
        }
        bodyFirstLine = closing.line + 2
        body = closing.end < text.endIndex ? String(text[text.index(after: closing.end)...]) : ""
    }

    /// A `---` line (spaces, tabs and a carriage return after it allowed).
    static func isFence(_ line: Substring.UTF8View) -> Bool {
        var line = line
        while let last = line.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
            line = line.dropLast()
        }
        return line.elementsEqual("---".utf8)
    }

    /// Every plain scalar is composed as text; `int`, `bool` and null read the text.
    /// Yams resolves each implicit tag with one regular expression per rule on every
    /// scalar of every page: a tenth of a build that changed nothing, for values we
    /// mostly read as text anyway (`date: 2024-07-28` stays the text the person wrote).
    static let resolver = Resolver.basic

    /// YAML 1.1's booleans, the set Yams' `bool` rule accepts, for a plain scalar.
    static func plainBool(_ node: Node) -> Bool? {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return nil }
        switch scalar.string {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
        default: return nil
        }
    }

    /// Turns a Yams error into `file:line:col: error: …`, the line counted in the whole file.
    static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> [Diagnostic] {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            // libyaml often notices a problem only where the input ends; the start of the
            // construct it was reading (the context) is where a person should look.
            let at = context?.mark ?? mark
            return [Diagnostic(
                .error, "invalid YAML: \(what)",
                at: SourceLocation(file: file, line: at.line + lineOffset, column: at.column))]
        case .duplicatedKeysInMapping(let names, let context):
            return names.map { name in
                let lines = YAMLKeys.linesOfKey(name, in: context.text, from: context.mark)
                return Diagnostic(
                    .error, "key '\(name)' is given twice (first at line \(lines.first + lineOffset)); keep one",
                    at: SourceLocation(file: file, line: lines.second + lineOffset, column: context.mark.column))
            }
        default:
            return [Diagnostic(.error, "invalid YAML: \(error)", at: SourceLocation(file: file))]
        }
    }

    // MARK: - Typed access, each failure naming the key's line

    /// One error for each key nobody reads (a misspelling), suggesting the nearest.
    func unknownKeys(known: Set<String>) -> [Diagnostic] {
        fields.map { YAMLKeys.unknown(in: $0, known: known, file: file, lineOffset: 1) } ?? []
    }

    func location(of key: String) -> SourceLocation {
        let line = fields?[key]?.mark.map { $0.line + 1 }
        return SourceLocation(file: file, line: line)
    }

    func string(_ key: String) throws -> String? {
        guard let node = fields?[key] else { return nil }
        guard case .scalar(let scalar) = node else {
            throw CommuniqueError("'\(key)' must be a text value", at: location(of: key))
        }
        if node.null != nil { return nil }
        return scalar.string
    }

    func requiredString(_ key: String) throws -> String {
        guard let value = try string(key), !value.isEmpty else {
            throw CommuniqueError("missing '\(key)' in front matter", at: SourceLocation(file: file, line: 1))
        }
        return value
    }

    func int(_ key: String) throws -> Int? {
        guard let node = fields?[key] else { return nil }
        guard let value = node.int else {
            throw CommuniqueError("'\(key)' must be a whole number", at: location(of: key))
        }
        return value
    }

    func bool(_ key: String) throws -> Bool? {
        guard let node = fields?[key] else { return nil }
        guard let value = node.bool ?? Self.plainBool(node) else {
            throw CommuniqueError("'\(key)' must be true or false", at: location(of: key))
        }
        return value
    }

    /// A list of texts; a single text counts as a list of one.
    func strings(_ key: String) throws -> [String] {
        guard let node = fields?[key] else { return [] }
        if case .scalar(let scalar) = node { return [scalar.string] }
        guard case .sequence(let sequence) = node else {
            throw CommuniqueError("'\(key)' must be a list of texts", at: location(of: key))
        }
        return try sequence.map { item in
            guard case .scalar(let scalar) = item else {
                throw CommuniqueError("'\(key)' must be a list of texts", at: location(of: key))
            }
            return scalar.string
        }
    }

    func mappings(_ key: String) throws -> [Node.Mapping] {
        guard let node = fields?[key] else { return [] }
        guard case .sequence(let sequence) = node else {
            throw CommuniqueError("'\(key)' must be a list", at: location(of: key))
        }
        return try sequence.map { item in
            guard case .mapping(let mapping) = item else {
                throw CommuniqueError(
                    "each item of '\(key)' must be a mapping",
                    at: SourceLocation(file: file, line: item.mark.map { $0.line + 1 }))
            }
            return mapping
        }
    }
}
