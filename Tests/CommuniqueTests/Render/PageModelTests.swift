import Foundation
import Testing

@testable import Communique

/// Page models become template values in one place (`TemplateEncoder`), and the keys a
/// template may read come from the models' types (`TemplateSchema`).
@Suite struct PageModelTests {
    struct Person: Codable {
        var name: String
        var englishTitle: String?
        var count: Int
        var isCurrent: Bool
    }
    struct Team: Codable {
        var teamName: String
        var members: [Person]
        var labels: [String: String]
    }
    /// A model that holds itself, like the tree of topics.
    struct Node: Codable {
        var title: String
        var children: [Node]
    }

    @Test func aModelBecomesSnakeCaseKeysAndAnAbsentOptionalIsFalse() {
        let team = Team(
            teamName: "日米", members: [Person(name: "木原稔", englishTitle: nil, count: 2, isCurrent: true)],
            labels: ["full_text": "全文"])
        let value = TemplateEncoder.encode(team)
        #expect(value == .object([
            "team_name": .text("日米"),
            "members": .list([.object([
                "name": .text("木原稔"), "english_title": .absent, "count": .number(2), "is_current": .flag(true),
            ])]),
            "labels": .object(["full_text": .text("全文")]),
        ]))
        // swift-mustache gets `false` for the absent title, not a missing key (which it would
        // look up in the enclosing contexts).
        let context = value.mustacheContext as? [String: Any]
        let member = (context?["members"] as? [Any])?.first as? [String: Any]
        #expect(member?["english_title"] as? Bool == false)
        #expect(member?["name"] as? String == "木原稔")
    }

    @Test func snakeCase() {
        #expect(TemplateEncoder.snakeCase("hasBreadcrumbs") == "has_breadcrumbs")
        #expect(TemplateEncoder.snakeCase("jsonLd") == "json_ld")
        #expect(TemplateEncoder.snakeCase("title") == "title")
        #expect(TemplateEncoder.snakeCase("full_text") == "full_text")
    }

    @Test func aSchemaHasEveryKeyOfTheTypeEvenOfItsListsItems() {
        #expect(TemplateSchema.of(Team.self) == .object([
            "team_name": .scalar,
            "members": .list(.object(["name": .scalar, "english_title": .scalar, "count": .scalar, "is_current": .scalar])),
            "labels": .object([:]),
        ]))
        // A type that holds itself ends.
        #expect(TemplateSchema.of(Node.self).allKeys == ["title", "children"])
    }

    /// What the shipped templates read of list items and optionals is known from the types,
    /// whatever the site holds.
    @Test func thePagesKeysComeFromTheirTypes() {
        let keys = PageRenderer.templateKeys
        for key in [
            "site_title", "has_breadcrumbs", "json_ld", "glossary_url", "english_title", "line_html", "use_count", "is_current",
            "has_children", "tip", "date_display", "heading_level", "series_page", "top_topics", "prev", "footnotes",
        ] {
            #expect(keys.contains(key), "\(key)")
        }
        #expect(!keys.contains("hasBreadcrumbs"))
    }

    /// A site without glossary, topics or participants still builds with templates that
    /// read them: the check knows their keys from the models.
    @Test func aSiteWithEmptyListsAcceptsTemplatesThatReadTheirItems() throws {
        var files = TestSite.minimal
        files["Content/releases/2024-07-28-test/_index.md"] = "---\ntitle: 会談\ndate: \"2024-07-28\"\n---\n\n本文。\n"
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        #expect(try site.page("index.html").contains("会談"))
    }

    static let pageKinds = ["home", "release", "section", "print", "series", "glossary", "glossary-entry", "topics", "topic", "404", "base"]

    /// A template that names a key no page model has is an error naming the template and
    /// the tag's line, for every kind of page.
    @Test(arguments: pageKinds)
    func aKeyNoModelHasIsAnErrorAtItsLine(_ kind: String) throws {
        let file = "Templates/\(kind).mustache"
        var line = 0
        let messages = try TestSite.messagesOfAFailedRebuild { site in
            let text = try String(contentsOf: site.root.appendingPathComponent(file), encoding: .utf8)
            line = text.split(separator: "\n", omittingEmptySubsequences: false).count + 1
            try site.write(file, text + "\n{{no_such_key}}")
        }
        #expect(messages == ["\(file):\(line):1: error: unknown template variable 'no_such_key'"])
    }
}
