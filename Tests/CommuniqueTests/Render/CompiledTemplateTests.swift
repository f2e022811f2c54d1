import Foundation
import Mustache
import Testing

@testable import Communique

/// `CompiledTemplate` renders a `TemplateValue` as swift-mustache renders its
/// `mustacheContext`, byte for byte: swift-mustache is the oracle.
@Suite struct CompiledTemplateTests {
    /// Both ways, `templates` (name → text) rendering `main` over `value`.
    static func bothWays(_ templates: [String: String], _ value: TemplateValue, main: String = "main") throws -> (compiled: String, oracle: String) {
        _ = UTF8HTMLEscaping.register
        var library = MustacheLibrary()
        for (name, text) in templates { library.register(try MustacheTemplate(string: text), named: name) }
        let compiled = try templates.mapValues { try CompiledTemplate($0) }
        let oracle = library.render(value.mustacheContext, withTemplate: main) ?? "(none)"
        return (compiled[main]!.render(value, library: compiled), oracle)
    }

    static let value = TemplateValue.object([
        "title": .text("日米 <\"2+2\"> & 'Q'"),
        "count": .number(3), "zero": .number(0),
        "yes": .flag(true), "no": .flag(false), "none": .absent, "empty": .text(""),
        "items": .list([
            .object(["name": .text("a"), "title": .absent, "n": .number(1)]),
            .object(["name": .text("b"), "title": .text("B"), "n": .number(2)]),
            .object(["name": .text("c"), "n": .number(3)]),
        ]),
        "nothing": .list([]),
        "release": .object(["title": .text("R"), "series": .object(["name": .text("S")]), "place": .absent]),
        "labels": .object(["full_text": .text("全文")]),
    ])

    static let cases: [(String, [String: String])] = [
        ("variables and escaping", ["main": "{{title}}|{{{title}}}|{{&title}}|{{count}}|{{zero}}|{{yes}}|{{no}}|{{none}}|{{missing}}|{{empty}}\n"]),
        ("the UTF-8 pragma", ["main": "{{%CONTENT_TYPE:HTML_UTF8}}\n{{title}} {{labels.full_text}}\n"]),
        ("sections over every kind", ["main": "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#none}}-{{/none}}{{#missing}}M{{/missing}}{{#empty}}E{{/empty}}{{#zero}}Z{{.}}{{/zero}}{{#title}}[{{.}}]{{/title}}\n"]),
        ("inverted sections", ["main": "{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^none}}A{{/none}}{{^missing}}M{{/missing}}{{^nothing}}0{{/nothing}}{{^items}}I{{/items}}{{^title}}T{{/title}}\n"]),
        ("lists, the item's place and lookups outwards", ["main": "{{#items}}{{name}}:{{title}}:{{count}}{{#first()}}<{{/first()}}{{^last()}}, {{/last()}}{{#last()}}.{{/last()}}{{index()}}{{/items}}\n"]),
        ("dotted names", ["main": "{{release.title}} {{release.series.name}} {{#release}}{{title}} {{series.name}} {{count}} {{place}}{{/release}} {{release.nope.x}}\n"]),
        ("standalone lines", ["main": "a\n  {{#yes}}\n  b\n  {{/yes}}\n{{! a comment }}\n  {{^no}}  \nc\n{{/no}}\nd {{#yes}}\ne{{/yes}} f\n  {{! not alone }} g\n"]),
        ("CRLF lines", ["main": "a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\nc"]),
        ("indented partials", ["main": "<ul>\n  {{>item}}\n{{#items}}\n    {{>item}}\n{{/items}}\n</ul>\n", "item": "<li>{{name}}</li>\n<li>{{count}}</li>\n"]),
        ("a partial mid-line", ["main": "x {{>item}} y\n", "item": "{{title}}\n"]),
        ("parents and blocks", [
            "main": "{{<base}}\n{{$content}}\n  <p>{{title}}</p>\n{{/content}}\n{{$aside}}side{{/aside}}\n{{/base}}\n",
            "base": "<body>\n  {{$content}}default{{/content}}\n{{$footer}}foot {{count}}{{/footer}}\n  {{$aside}}{{/aside}}\n</body>\n",
        ]),
        ("a partial with the pragma", ["main": "{{#items}}{{>p}}{{/items}}{{title}}", "p": "{{%CONTENT_TYPE:HTML_UTF8}}\n{{name}}'s\n"]),
        ("a lone tag at the end", ["main": "a\n{{#yes}}b{{/yes}}"]),
        ("text with braces", ["main": "{ {{title}} } {x} {{{title}}}}\n"]),
    ]

    @Test(arguments: cases.indices)
    func rendersAsSwiftMustacheDoes(_ index: Int) throws {
        let (name, templates) = Self.cases[index]
        let result = try Self.bothWays(templates, Self.value)
        #expect(result.compiled == result.oracle, "\(name): compiled \(String(reflecting: result.compiled)) but swift-mustache \(String(reflecting: result.oracle))")
    }

    @Test func theShippedTemplatesAreCompiled() throws {
        let templates = try TemplateSet(root: TestSite.repository)
        let compiled = try #require(templates.compiled)
        #expect(Set(compiled.keys) == Set(templates.sources.keys))
    }

    /// What the evaluator does not handle leaves the site to swift-mustache, which renders it.
    @Test func aTemplateWithSetDelimitersFallsBackToSwiftMustache() throws {
        var files = TestSite.minimal
        files["Templates/partials/extra.mustache"] = "{{=<% %>=}}<%site_title%>"
        let site = try TestSite(files)
        defer { site.remove() }
        try site.replace(in: "Templates/home.mustache", "{{$content}}", with: "{{$content}}<p class=\"extra\">{{>partials/extra}}</p>")
        #expect(try TemplateSet(root: site.root).compiled == nil)
        try site.build()
        #expect(try site.page("index.html").contains("<p class=\"extra\">テストサイト</p>"))
    }

    /// The sample site (Content/ as shipped) built with each engine: the same files.
    @Test func theSampleSiteIsTheSameWithEitherEngine() throws {
        var files: [String: String] = [:]
        let content = TestSite.repository.appendingPathComponent("Content")
        for relative in SiteFiles.walk(content) {
            files["Content/\(relative)"] = try String(contentsOf: content.appendingPathComponent(relative), encoding: .utf8)
        }
        let site = try TestSite(files)
        defer { site.remove() }
        var outputs: [[String: Data]] = []
        for engine in [BuildOptions.TemplateEngine.compiled, .swiftMustache] {
            let output = site.root.appendingPathComponent("Public-\(engine.rawValue)")
            var options = BuildOptions(root: site.root, output: output)
            options.templateEngine = engine
            try BuildPipeline().run(options)
            outputs.append(site.snapshot(output))
        }
        #expect(outputs[0].count > 60)
        #expect(outputs[0].keys.sorted() == outputs[1].keys.sorted())
        for (path, bytes) in outputs[0] where outputs[1][path] != bytes {
            Issue.record("\(path) differs between the engines")
        }
    }
}
