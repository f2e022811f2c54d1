import Foundation
import Mustache

/// The site's Mustache templates (`Templates/**/*.mustache`) and static assets
/// (`Templates/assets/**`), loaded and parsed once per build.
///
/// swift-mustache renders an unknown variable as "" and an unknown partial as
/// nothing, silently. A typo in a template would publish a page with holes, so
/// `check(knownKeys:)` compares every name a template uses with the names the
/// renderer actually provides, and reports each unknown one at `file:line:column`.
public struct TemplateSet {
    public static let folder = "Templates"
    /// Templates every build needs; a site may add partials of its own.
    public static let required = ["base", "home", "release", "section", "print", "glossary", "glossary-entry", "topics", "topic", "series", "404"]

    var library: MustacheLibrary
    /// Every template compiled for `CompiledTemplate`, or nil when one uses what it does not
    /// handle: then swift-mustache renders them all.
    var compiled: [String: CompiledTemplate]?
    /// Template name → its source text, for the name check.
    let sources: [String: String]
    /// Asset path (relative to `Templates/assets`) → bytes.
    public let assets: [(path: String, bytes: [UInt8])]
    /// By template name: a hash of its text and of every partial and parent it uses,
    /// so a page is rendered again when, and only when, a template it uses changes.
    public let fingerprints: [String: String]
    /// By template name: every name its tags (and its partials' and parent's) read, or
    /// nil when one renders a whole value. Context keys outside it cannot change the
    /// page, so they are left out of its fingerprint.
    let namesRead: [String: Set<String>?]

    public init(root: URL) throws {
        // A link in Templates/ that leaves the site would be read, or published as an asset.
        try SiteFiles.checkInsideSite(Self.folder, root: root)
        let folder = root.appendingPathComponent(Self.folder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommuniqueError("template folder not found", at: SourceLocation(file: Self.folder))
        }
        _ = UTF8HTMLEscaping.register
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        var problems: [Diagnostic] = []
        var assets: [(String, [UInt8])] = []
        for relative in SiteFiles.walk(folder) {
            let url = folder.appendingPathComponent(relative)
            if relative.hasPrefix("assets/") {
                do {
                    try SiteFiles.checkInsideSite("\(Self.folder)/\(relative)", root: root)
                    assets.append((String(relative.dropFirst("assets/".count)), [UInt8]((try? Data(contentsOf: url)) ?? Data())))
                } catch let error as CommuniqueError {
                    problems += error.diagnostics
                }
                continue
            }
            guard relative.hasSuffix(".mustache") else { continue }
            let name = String(relative.dropLast(".mustache".count))
            let file = "\(Self.folder)/\(relative)"
            do {
                let text = try SiteFiles.readText(file, in: root)
                library.register(try MustacheTemplate(string: text), named: name)
                sources[name] = text
            } catch let error as MustacheTemplate.ParserError {
                problems.append(Diagnostic(
                    .error, "template syntax: \(error.error)",
                    at: SourceLocation(file: file, line: error.context.lineNumber, column: error.context.columnNumber)))
            } catch let error as CommuniqueError {
                problems += error.diagnostics
            }
        }
        for name in Self.required where sources[name] == nil && !problems.contains(where: { $0.location?.file == "\(Self.folder)/\(name).mustache" }) {
            problems.append(Diagnostic(.error, "missing template (every build needs it)", at: SourceLocation(file: "\(Self.folder)/\(name).mustache")))
        }
        if !problems.isEmpty { throw CommuniqueError(problems) }
        self.library = library
        compiled = try? sources.mapValues { try CompiledTemplate($0) }
        self.sources = sources
        self.assets = assets
        (fingerprints, namesRead) = Self.fingerprints(of: sources)
    }

    /// Each template's own text plus, transitively, the templates it names with `{{>…}}`
    /// or `{{<…}}`, in sorted order.
    static func fingerprints(of sources: [String: String]) -> (fingerprints: [String: String], names: [String: Set<String>?]) {
        var uses: [String: Set<String>] = [:]
        var variables: [String: Set<String>] = [:]
        for (name, text) in sources {
            let tags = MustacheTags.scan(text)
            uses[name] = Set(tags.filter { $0.kind == .partial }.map(\.name))
            variables[name] = Set(tags.filter { $0.kind == .variable }.flatMap { $0.name.split(separator: ".").map(String.init) })
        }
        var result: [String: String] = [:]
        var names: [String: Set<String>?] = [:]
        for name in sources.keys {
            var closure: Set<String> = [name]
            var queue = [name]
            while let next = queue.popLast() {
                for used in uses[next] ?? [] where closure.insert(used).inserted { queue.append(used) }
            }
            var hasher = StableHasher()
            var read: Set<String> = []
            for member in closure.sorted() {
                hasher.combine(member)
                hasher.combine(sources[member] ?? "")
                read.formUnion(variables[member] ?? [])
            }
            result[name] = hasher.hex
            // `{{.}}` renders a whole value, whatever its keys: then every key counts.
            names[name] = read.contains(".") ? nil : read
        }
        return (result, names)
    }

    /// Renders a page's template value with the template `name`.
    func render(_ value: TemplateValue, with name: String) throws -> String {
        if let compiled, let template = compiled[name] { return template.render(value, library: compiled) }
        return try renderWithSwiftMustache(value, with: name)
    }

    /// The same through swift-mustache (the fallback, and the tests' oracle).
    func renderWithSwiftMustache(_ value: TemplateValue, with name: String) throws -> String {
        guard let html = library.render(value.mustacheContext, withTemplate: name) else {
            throw CommuniqueError("missing template", at: SourceLocation(file: "\(Self.folder)/\(name).mustache"))
        }
        return html
    }

    /// Every variable, section and partial a template names must exist: a variable
    /// among `knownKeys` (every key of every context the renderer built), a partial
    /// among the templates.
    func check(knownKeys: Set<String>) throws {
        var problems: [Diagnostic] = []
        for name in sources.keys.sorted() {
            for tag in MustacheTags.scan(sources[name]!) {
                let file = "\(Self.folder)/\(name).mustache"
                let at = SourceLocation(file: file, line: tag.line, column: tag.column)
                switch tag.kind {
                case .partial:
                    if sources[tag.name] == nil {
                        problems.append(Diagnostic(.error, "missing template '\(tag.name)' (no \(Self.folder)/\(tag.name).mustache)", at: at))
                    }
                case .variable:
                    let head = String(tag.name.split(separator: ".").first ?? "")
                    if !head.isEmpty, !knownKeys.contains(head), !MustacheTags.builtins.contains(head) {
                        problems.append(Diagnostic(.error, "unknown template variable '\(tag.name)'", at: at))
                    }
                case .other:
                    break
                }
            }
        }
        if !problems.isEmpty { throw CommuniqueError(problems) }
    }
}

/// A small scanner for the names inside `{{…}}` tags, enough to check them.
enum MustacheTags {
    enum Kind { case variable, partial, other }
    struct Tag {
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
    }

    /// Names swift-mustache resolves itself inside sections and transforms.
    static let builtins: Set<String> = ["first", "last", "index", "even", "odd", "empty", "count", "reversed", "uppercased", "lowercased", "capitalized"]

    static func scan(_ text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1
        var column = 1
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" {
                let startLine = line, startColumn = column
                var j = i + 2
                var inner = ""
                while j + 1 < chars.count, !(chars[j] == "}" && chars[j + 1] == "}") {
                    inner.append(chars[j])
                    j += 1
                }
                for c in chars[i..<min(j + 2, chars.count)] {
                    if c == "\n" { line += 1; column = 1 } else { column += 1 }
                }
                i = j + 2
                if let tag = classify(inner, line: startLine, column: startColumn) { tags.append(tag) }
                continue
            }
            if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        return tags
    }

    static func classify(_ raw: String, line: Int, column: Int) -> Tag? {
        var body = raw.trimmingCharacters(in: .whitespaces)
        if body.hasPrefix("{") { body.removeFirst() }
        guard let sigil = body.first else { return nil }
        var kind = Kind.variable
        switch sigil {
        case "!", "=", "%", "/": return nil
        case ">", "<": kind = .partial; body.removeFirst()
        case "$": kind = .other; body.removeFirst()
        case "#", "^", "&": body.removeFirst()
        default: break
        }
        var name = body.trimmingCharacters(in: .whitespaces)
        // Transforms: `uppercased(title)` names `title`.
        if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        }
        guard !name.isEmpty, name != "." else { return nil }
        return Tag(kind: kind, name: name, line: line, column: column)
    }
}
