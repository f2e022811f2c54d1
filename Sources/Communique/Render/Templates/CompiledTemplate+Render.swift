/// Rendering a `CompiledTemplate` over a `TemplateValue`, as swift-mustache renders the same
/// template over the value's `mustacheContext`.
extension CompiledTemplate {
    /// Where a tag is rendered: the values of the enclosing sections (innermost last) and
    /// the place of the current list item, the indentation of an enclosing standalone
    /// partial, the blocks a parent's child gives, and the escaping in force.
    struct Scope {
        var stack: [TemplateValue]
        var sequence: (first: Bool, last: Bool, index: Int)?
        var indentation: String?
        var overrides: [String: CompiledTemplate]?
        var utf8Escaping = false

        func pushing(_ value: TemplateValue) -> Scope {
            var scope = self
            scope.stack.append(value)
            scope.sequence = nil
            return scope
        }
    }

    /// Renders with `library` for partials and parents.
    func render(_ value: TemplateValue, library: [String: CompiledTemplate]) -> String {
        var out = ""
        render(scope: Scope(stack: [value]), library: library, into: &out)
        return out
    }

    private func render(scope start: Scope, library: [String: CompiledTemplate], into out: inout String) {
        var scope = start
        let first = out.endIndex
        let indentation = scope.indentation ?? ""
        for node in nodes {
            guard !indentation.isEmpty else {
                render(node, scope: &scope, library: library, into: &out)
                continue
            }
            // A standalone partial's indentation goes before each node's output that starts
            // a line of this template's output (swift-mustache indents by node, not by line).
            let startsLine = out.endIndex > first && out.last == "\n"
            var piece = ""
            render(node, scope: &scope, library: library, into: &piece)
            if !piece.isEmpty, startsLine { out += indentation }
            out += piece
        }
    }

    private func render(_ node: Node, scope: inout Scope, library: [String: CompiledTemplate], into out: inout String) {
        switch node {
        case .text(let text):
            out += text
        case .variable(let name, let escaped):
            guard let value = lookup(name, in: scope) else { return }
            let text = Self.display(value)
            out += escaped ? Self.escape(text, utf8: scope.utf8Escaping) : text
        case .section(let name, let body, let inverted):
            let value = lookup(name, in: scope)
            if inverted {
                renderInverted(body, value, scope: scope, library: library, into: &out)
            } else {
                renderSection(body, value, scope: scope, library: library, into: &out)
            }
        case .partial(let name, let indented, let overrides):
            guard let partial = library[name] else { return }
            var inner = scope
            inner.sequence = nil
            if let indented { inner.indentation = (scope.indentation ?? "") + indented }
            if let overrides {
                inner.overrides = scope.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            // A partial starts with swift-mustache's own escaping until its pragma.
            inner.utf8Escaping = false
            partial.render(scope: inner, library: library, into: &out)
        case .blockExpansion(let name, let body, let indented):
            var inner = scope
            inner.sequence = nil
            if let indented { inner.indentation = (scope.indentation ?? "") + indented }
            (scope.overrides?[name] ?? body).render(scope: inner, library: library, into: &out)
        case .blockDefinition:
            break
        case .contentType(let utf8):
            scope.utf8Escaping = utf8
        }
    }

    private func renderSection(_ body: CompiledTemplate, _ value: TemplateValue?, scope: Scope, library: [String: CompiledTemplate], into out: inout String) {
        switch value {
        case .list(let items):
            for (index, item) in items.enumerated() {
                var inner = scope.pushing(item)
                inner.sequence = (index == 0, index == items.count - 1, index)
                body.render(scope: inner, library: library, into: &out)
            }
        case .flag(let flag):
            if flag { body.render(scope: scope, library: library, into: &out) }
        case .absent, nil:
            break
        case .some(let other):
            body.render(scope: scope.pushing(other), library: library, into: &out)
        }
    }

    private func renderInverted(_ body: CompiledTemplate, _ value: TemplateValue?, scope: Scope, library: [String: CompiledTemplate], into out: inout String) {
        switch value {
        case .list(let items):
            if items.isEmpty { body.render(scope: scope.pushing(.list([])), library: library, into: &out) }
        case .flag(let flag):
            if !flag { body.render(scope: scope, library: library, into: &out) }
        case .absent, nil:
            body.render(scope: scope, library: library, into: &out)
        case .some:
            break
        }
    }

    /// The value a tag names: `.` the innermost; `a.b` looks `a` up from the innermost
    /// value outwards, then `b` inside it; `last()` asks the current list item's place.
    private func lookup(_ name: Name, in scope: Scope) -> TemplateValue? {
        if let transform = name.transform {
            guard let place = scope.sequence else { return nil }
            switch transform {
            case "first": return .flag(place.first)
            case "last": return .flag(place.last)
            case "index": return .number(place.index)
            case "even": return .flag(place.index & 1 == 0)
            case "odd": return .flag(place.index & 1 == 1)
            default: return nil
            }
        }
        guard let head = name.parts.first else { return scope.stack.last }
        var value: TemplateValue
        if name.fromInnermost {
            guard let last = scope.stack.last, let found = Self.field(head, of: last) else { return nil }
            value = found
        } else {
            guard let found = scope.stack.reversed().lazy.compactMap({ Self.field(head, of: $0) }).first else { return nil }
            value = found
        }
        for part in name.parts.dropFirst() {
            guard let next = Self.field(part, of: value) else { return nil }
            value = next
        }
        return value
    }

    private static func field(_ key: String, of value: TemplateValue) -> TemplateValue? {
        guard case .object(let fields) = value else { return nil }
        return fields[key]
    }

    /// What `{{name}}` prints, as swift-mustache's `String(describing:)` of the value.
    private static func display(_ value: TemplateValue) -> String {
        switch value {
        case .text(let text): text
        case .number(let number): String(number)
        case .flag(let flag): flag ? "true" : "false"
        case .absent: "false"
        case .list, .object: String(describing: value.mustacheContext)
        }
    }

    /// `{{%CONTENT_TYPE:HTML_UTF8}}`'s escaping, or swift-mustache's own (by Character).
    private static func escape(_ text: String, utf8: Bool) -> String {
        if utf8 { return UTF8HTMLEscaping().escapeText(text) }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
