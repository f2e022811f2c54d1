/// A Mustache template parsed once into nodes that render a `TemplateValue` directly.
///
/// swift-mustache walks `[String: Any]` with protocol casts and Mirror lookups at every tag;
/// this reads the typed tree. It follows swift-mustache's reading of the Mustache spec
/// exactly (standalone lines, indented partials, parents and blocks, the `first()`/`last()`
/// family inside lists, the `CONTENT_TYPE` pragma), and swift-mustache stays the oracle: the
/// tests render every shipped template both ways and compare bytes. What this does not
/// handle (set delimiters, dynamic partials, transforms of values) makes the template set
/// fall back to swift-mustache (`CompiledTemplate.Unsupported`).
struct CompiledTemplate: Sendable {
    /// What a tag names, split once: `a.b` is ["a", "b"], `.b` ["b"] from the innermost
    /// value only, `.` nothing; `last()` is the transform "last" of the list item's place.
    struct Name: Sendable, Equatable {
        var parts: [String]
        var fromInnermost: Bool
        var transform: String?

        init(_ name: String, transforms: [String]) {
            parts = name.split(separator: ".").map(String.init)
            fromInnermost = name.first == "."
            transform = transforms.first
        }
    }

    indirect enum Node: Sendable {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, body: CompiledTemplate, inverted: Bool)
        case partial(name: String, indentation: String?, overrides: [String: CompiledTemplate]?)
        case blockDefinition(name: String, body: CompiledTemplate)
        case blockExpansion(name: String, body: CompiledTemplate, indentation: String?)
        /// `{{%CONTENT_TYPE:HTML_UTF8}}` (true) or `HTML` (false).
        case contentType(utf8: Bool)
    }

    /// A template this evaluator does not render as swift-mustache would.
    struct Unsupported: Error {
        let feature: String
    }

    var nodes: [Node]

    init(_ text: String) throws {
        var reader = Reader(text)
        self = try Self.parse(&reader, state: ParseState())
    }

    private init(nodes: [Node]) { self.nodes = nodes }

    // MARK: - Parsing

    private struct ParseState {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        /// Inside a parent's (`{{<…}}`) body, and directly in it (not in one of its blocks).
        var inParent = false
        var atParentTop = false
        var parentIndent: Substring?

        func entering(section name: String, transforms: [String] = [], standalone: Bool) -> ParseState {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.atParentTop = false
            if !standalone { state.newLine = false }
            return state
        }

        func enteringParent(_ name: String) -> ParseState {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.inParent = true
            state.atParentTop = true
            return state
        }
    }

    private static func parse(_ reader: inout Reader, state start: ParseState) throws -> CompiledTemplate {
        var nodes: [Node] = []
        var state = start
        var whitespace: Substring = ""
        while !reader.atEnd {
            if state.newLine {
                let leading = reader.read(while: { $0 == " " || $0 == "\t" })
                if state.inParent, !state.atParentTop {
                    if let indent = state.parentIndent {
                        whitespace = leading.dropFirst(indent.count)
                    } else {
                        state.parentIndent = leading
                    }
                } else {
                    whitespace = leading
                }
            }
            let text = reader.readTextBeforeTagOrNewline()
            if let newline = reader.current, isLineEnd(newline) {
                nodes.append(.text(String(whitespace) + text + String(newline)))
                state.newLine = true
                reader.advance()
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(String(whitespace) + text))
                whitespace = ""
                state.newLine = false
            }
            guard let sigil = reader.current else { break }
            /// The whitespace before a tag that is not alone on its line is text.
            func flushWhitespace() {
                if !whitespace.isEmpty {
                    nodes.append(.text(String(whitespace)))
                    whitespace = ""
                }
            }
            var standalone = false
            switch sigil {
            case "#", "^":
                reader.advance()
                let (name, transforms) = try reader.readName()
                standalone = reader.endsStandalone(newLine: state.newLine)
                if !standalone { flushWhitespace() }
                let body = try parse(&reader, state: state.entering(section: name, transforms: transforms, standalone: standalone))
                nodes.append(.section(Name(name, transforms: transforms), body: body, inverted: sigil == "^"))
            case "/":
                reader.advance()
                let (name, transforms) = try reader.readName()
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    throw Unsupported(feature: "a section closed by another name")
                }
                if !reader.endsStandalone(newLine: state.newLine) { flushWhitespace() }
                return CompiledTemplate(nodes: nodes)
            case "!":
                reader.advance()
                try reader.skipComment()
                standalone = reader.endsStandalone(newLine: state.newLine)
            case "{", "&":
                flushWhitespace()
                reader.advance()
                let (name, transforms) = try reader.readName()
                if sigil == "{" {
                    guard reader.current == "}" else { throw Unsupported(feature: "an unclosed {{{") }
                    reader.advance()
                }
                nodes.append(.variable(Name(name, transforms: transforms), escaped: false))
            case ">":
                reader.advance()
                reader.skipWhitespace()
                guard reader.current != "*" else { throw Unsupported(feature: "a dynamic partial") }
                let name = try reader.readPartialName()
                if !whitespace.isEmpty { nodes.append(.text(String(whitespace))) }
                standalone = reader.endsStandalone(newLine: state.newLine)
                nodes.append(.partial(name: name, indentation: standalone ? String(whitespace) : nil, overrides: nil))
                whitespace = ""
            case "<":
                reader.advance()
                reader.skipWhitespace()
                let name = try reader.readPartialName()
                guard name.first != "*" else { throw Unsupported(feature: "a dynamic parent") }
                if !whitespace.isEmpty { nodes.append(.text(String(whitespace))) }
                standalone = reader.endsStandalone(newLine: state.newLine)
                let body = try parse(&reader, state: state.enteringParent(name))
                var overrides: [String: CompiledTemplate] = [:]
                for node in body.nodes {
                    switch node {
                    case .blockDefinition(let block, let content): overrides[block] = content
                    case .text: break
                    default: throw Unsupported(feature: "a tag inside a parent outside a block")
                    }
                }
                nodes.append(.partial(name: name, indentation: String(whitespace), overrides: overrides))
                whitespace = ""
            case "$":
                reader.advance()
                let (name, transforms) = try reader.readName()
                guard transforms.isEmpty else { throw Unsupported(feature: "a transform on a block") }
                if state.atParentTop {
                    standalone = reader.endsStandalone(newLine: state.newLine)
                    let body = try parse(&reader, state: state.entering(section: name, standalone: standalone))
                    nodes.append(.blockDefinition(name: name, body: body))
                } else {
                    if !whitespace.isEmpty { nodes.append(.text(String(whitespace))) }
                    standalone = reader.endsStandalone(newLine: state.newLine)
                    let body = try parse(&reader, state: state.entering(section: name, standalone: standalone))
                    nodes.append(.blockExpansion(name: name, body: body, indentation: String(whitespace)))
                    whitespace = ""
                }
            case "=":
                throw Unsupported(feature: "set delimiters")
            case "%":
                reader.advance()
                nodes.append(.contentType(utf8: try reader.readContentType() == UTF8HTMLEscaping.name))
                standalone = reader.endsStandalone(newLine: state.newLine)
            default:
                flushWhitespace()
                let (name, transforms) = try reader.readName()
                nodes.append(.variable(Name(name, transforms: transforms), escaped: true))
            }
            state.newLine = standalone
        }
        guard state.sectionName == nil else { throw Unsupported(feature: "an unclosed section") }
        return CompiledTemplate(nodes: nodes)
    }

    static func isLineEnd(_ character: Character) -> Bool { character == "\n" || character == "\r\n" }

    /// Transforms the evaluator knows: those of a list item's place, on `{{#first()}}` etc.
    static let sequenceTransforms: Set<String> = ["first", "last", "index", "even", "odd"]
}

/// Reads a template's text Character by Character, as swift-mustache does (so "\r\n" is
/// one line end).
private struct Reader {
    let text: String
    var position: String.Index

    init(_ text: String) {
        self.text = text
        position = text.startIndex
    }

    var atEnd: Bool { position == text.endIndex }
    var current: Character? { atEnd ? nil : text[position] }
    mutating func advance() { position = text.index(after: position) }

    @discardableResult
    mutating func read(while test: (Character) -> Bool) -> Substring {
        let start = position
        while let character = current, test(character) { advance() }
        return text[start..<position]
    }

    mutating func skipWhitespace() { read(while: \.isWhitespace) }

    /// Text up to a line end (not read) or the next `{{` (read past).
    mutating func readTextBeforeTagOrNewline() -> String {
        var out = ""
        while let character = current {
            if CompiledTemplate.isLineEnd(character) { break }
            if character == "{" {
                let next = text.index(after: position)
                if next < text.endIndex, text[next] == "{" {
                    position = text.index(after: next)
                    break
                }
            }
            out.append(character)
            advance()
        }
        return out
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = nameCharacters.union(["/"])

    private mutating func readClose() throws {
        guard current == "}" else { throw CompiledTemplate.Unsupported(feature: "an unfinished tag") }
        advance()
        guard current == "}" else { throw CompiledTemplate.Unsupported(feature: "an unfinished tag") }
        advance()
    }

    /// A tag's name and transforms: `last()` is the name "" with the transform "last".
    mutating func readName() throws -> (String, [String]) {
        skipWhitespace()
        let raw = String(read(while: Self.nameCharacters.contains))
        skipWhitespace()
        try readClose()
        guard let open = raw.firstIndex(of: "(") else { return (raw, []) }
        // Only `f()` on a list item's place, as the shipped templates use.
        guard raw.hasSuffix("()"), raw.firstIndex(of: ")") == raw.index(before: raw.endIndex) else {
            throw CompiledTemplate.Unsupported(feature: "a transform of a value")
        }
        let transform = String(raw[..<open])
        guard CompiledTemplate.sequenceTransforms.contains(transform) else {
            throw CompiledTemplate.Unsupported(feature: "the transform \(transform)()")
        }
        return ("", [transform])
    }

    mutating func readPartialName() throws -> String {
        skipWhitespace()
        let name = String(read(while: Self.partialNameCharacters.contains))
        skipWhitespace()
        try readClose()
        return name
    }

    mutating func skipComment() throws {
        while !atEnd {
            if text[position...].hasPrefix("}}") {
                try readClose()
                return
            }
            advance()
        }
        throw CompiledTemplate.Unsupported(feature: "an unclosed comment")
    }

    mutating func readContentType() throws -> String {
        skipWhitespace()
        let variable = read(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." || $0 == "?" || $0 == "*" })
        skipWhitespace()
        guard variable == "CONTENT_TYPE", current == ":" else { throw CompiledTemplate.Unsupported(feature: "a pragma") }
        advance()
        skipWhitespace()
        let value = String(read(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." || $0 == "?" || $0 == "*" }))
        skipWhitespace()
        try readClose()
        guard value == "HTML" || value == UTF8HTMLEscaping.name else { throw CompiledTemplate.Unsupported(feature: "the content type \(value)") }
        return value
    }

    /// A tag alone on its line: only spaces and tabs follow it up to the line end, which
    /// is read with them.
    mutating func endsStandalone(newLine: Bool) -> Bool {
        guard newLine else { return false }
        if atEnd { return true }
        var probe = position
        while probe < text.endIndex, text[probe] == " " || text[probe] == "\t" { probe = text.index(after: probe) }
        // As swift-mustache: any Character that is a line break (a lone CR, VT, FF …) ends it.
        guard probe < text.endIndex, text[probe].isNewline else { return false }
        position = text.index(after: probe)
        return true
    }
}
