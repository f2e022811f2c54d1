import Foundation
import Testing

@testable import Communique

@Suite struct TopicsLoaderTests {
    func load(_ yaml: String) throws -> [Topic] {
        let site = try TestSite(["Content/topics.yml": yaml], templates: false)
        defer { site.remove() }
        return try TopicsLoader().load(root: site.root)
    }

    /// What loading `yaml` reports, one `file:line: error: …` each.
    func messages(_ yaml: String) throws -> [String] {
        let error = #expect(throws: CommuniqueError.self) { try load(yaml) }
        return error?.diagnostics.map(\.description) ?? []
    }

    @Test func readsTopicsInFileOrder() throws {
        let topics = try load("""
            # The taxonomy.
            - id: chiiki-josei
              title: 地域情勢
              reading: ちいきじょうせい
              english: Regional affairs
              description: インド太平洋地域の安全保障環境。
            - id: taiwan
              title: 台湾
              signals: [台湾海峡, Taiwan Strait]
              parent: chiiki-josei
            - id: north-korea
              title: 北朝鮮
              signals: 北朝鮮
              parent: chiiki-josei
            """)
        #expect(topics.map(\.id) == ["chiiki-josei", "taiwan", "north-korea"])
        #expect(topics[0] == Topic(
            id: "chiiki-josei", title: "地域情勢", reading: "ちいきじょうせい", english: "Regional affairs",
            description: "インド太平洋地域の安全保障環境。", signals: [], parent: nil,
            location: SourceLocation(file: "Content/topics.yml", line: 2)))
        #expect(topics[1].signals == ["台湾海峡", "Taiwan Strait"])
        #expect(topics[1].parent == "chiiki-josei")
        #expect(topics[2].signals == ["北朝鮮"])
        #expect(topics.map { $0.location?.line } == [2, 7, 11])
    }

    @Test func noFileOrAnEmptyFileIsNoTopics() throws {
        let site = try TestSite([:], templates: false)
        defer { site.remove() }
        #expect(try TopicsLoader().load(root: site.root).isEmpty)
        #expect(try load("# nothing yet\n").isEmpty)
    }

    @Test func badYAMLNamesTheBrokenConstruct() throws {
        let found = try messages("- id: a\n  title: A\n- id: b\n  signals: [x, y\n  title: B\n")
        #expect(found == [
            "Content/topics.yml:4:12: error: invalid YAML: while parsing a flow sequence: did not find expected ',' or ']'"
        ], "\(found)")
    }

    @Test func theFileMustBeAListOfMappings() throws {
        #expect(try messages("id: a\ntitle: A\n") == [
            "Content/topics.yml:1:1: error: topics.yml must be a list of topics (- id: …, title: …)"
        ])
        #expect(try messages("- id: a\n  title: A\n- just text\n") == [
            "Content/topics.yml:3:3: error: each topic must be a mapping (id: …, title: …)"
        ])
    }

    @Test func unknownKey() throws {
        #expect(try messages("- id: a\n  title: A\n  signal: x\n") == [
            "Content/topics.yml:3:3: error: unknown key 'signal' (did you mean 'signals'?)"
        ])
    }

    @Test func missingIdOrTitle() throws {
        #expect(try messages("- title: 台湾\n- id: taiwan\n") == [
            "Content/topics.yml:1:3: error: a topic has no 'id'",
            "Content/topics.yml:2:3: error: topic 'taiwan' has no 'title'",
        ])
    }

    @Test func valuesOfTheWrongShape() throws {
        #expect(try messages("- id: [a]\n  title: A\n- id: b\n  title: {x: 1}\n  signals: {y: 2}\n") == [
            "Content/topics.yml:1:7: error: 'id' must be a text value",
            "Content/topics.yml:4:10: error: 'title' must be a text value",
            "Content/topics.yml:5:12: error: 'signals' must be a list of texts",
        ])
    }

    @Test func invalidId() throws {
        #expect(try messages("- id: 台湾\n  title: 台湾\n- id: North_Korea\n  title: 北朝鮮\n") == [
            "Content/topics.yml:1:7: error: id '台湾' must be lowercase ASCII letters, digits and hyphens (it becomes the topic page's URL)",
            "Content/topics.yml:3:7: error: id 'North_Korea' must be lowercase ASCII letters, digits and hyphens (it becomes the topic page's URL)",
        ])
    }

    @Test func duplicateIdNamesTheFirst() throws {
        #expect(try messages("- id: taiwan\n  title: 台湾\n- id: cyber\n  title: サイバー\n- id: taiwan\n  title: 台湾海峡\n") == [
            "Content/topics.yml:5:7: error: duplicate topic id 'taiwan' (already defined at line 1)"
        ])
    }

    @Test func unknownParent() throws {
        #expect(try messages("- id: taiwan\n  title: 台湾\n  parent: chiiki\n") == [
            "Content/topics.yml:3:11: error: parent 'chiiki' is not the id of a topic"
        ])
    }

    @Test func ownParent() throws {
        #expect(try messages("- id: taiwan\n  title: 台湾\n  parent: taiwan\n") == [
            "Content/topics.yml:3:11: error: topic 'taiwan' is its own parent"
        ])
    }

    @Test func cycleNamesEveryTopicAtTheFirstInFileOrder() throws {
        // root → c → a → b → c: the cycle is a, b, c; a comes first in the file.
        let yaml = """
            - id: root
              title: Root
              parent: c
            - id: a
              title: A
              parent: b
            - id: c
              title: C
              parent: a
            - id: b
              title: B
              parent: c
            - id: fine
              title: Fine
            """
        #expect(try messages(yaml) == ["Content/topics.yml:4: error: parents form a cycle: a → b → c → a"])
        #expect(try messages("- id: x\n  title: X\n  parent: y\n- id: y\n  title: Y\n  parent: x\n") == [
            "Content/topics.yml:1: error: parents form a cycle: x → y → x"
        ])
    }

    @Test func emptySignal() throws {
        // Columns count characters: 台湾海峡 is four.
        let found = try messages("- id: taiwan\n  title: 台湾\n  signals: [台湾海峡, \"\", \" \"]\n")
        #expect(found == [
            "Content/topics.yml:3:19: error: topic 'taiwan' has an empty signal",
            "Content/topics.yml:3:23: error: topic 'taiwan' has an empty signal",
        ], "\(found)")
        // `signals:` with nothing after it is no signals, not an empty one.
        #expect(try load("- id: taiwan\n  title: 台湾\n  signals:\n").first?.signals == [])
    }

    @Test func everyProblemIsReportedInOneRunInFileOrder() throws {
        let yaml = """
            - id: taiwan
              title: 台湾
              parent: missing
            - id: Bad
              titel: x
            - id: taiwan
              title: again
              signals: [""]
            """
        #expect(try messages(yaml) == [
            "Content/topics.yml:3:11: error: parent 'missing' is not the id of a topic",
            "Content/topics.yml:4:3: error: topic 'Bad' has no 'title'",
            "Content/topics.yml:4:7: error: id 'Bad' must be lowercase ASCII letters, digits and hyphens (it becomes the topic page's URL)",
            "Content/topics.yml:5:3: error: unknown key 'titel' (did you mean 'title'?)",
            "Content/topics.yml:6:7: error: duplicate topic id 'taiwan' (already defined at line 1)",
            "Content/topics.yml:8:13: error: topic 'taiwan' has an empty signal",
        ])
    }

    @Test func siteLoaderReportsTopicProblemsWithTheOthers() throws {
        var files = TestSite.minimal
        files["Content/topics.yml"] = "- id: taiwan\n  title: 台湾\n  parent: nowhere\n"
        files["Content/glossary.yml"] = "- reading: a\n"
        let site = try TestSite(files, templates: false)
        defer { site.remove() }
        let error = #expect(throws: CommuniqueError.self) { try SiteLoader().load(root: site.root) }
        #expect(error?.diagnostics.map(\.description) == [
            "Content/glossary.yml:1:3: error: a glossary entry has no 'term'",
            "Content/topics.yml:3:11: error: parent 'nowhere' is not the id of a topic",
        ])
        try site.write("Content/topics.yml", "- id: taiwan\n  title: 台湾\n  signals: 台湾海峡\n")
        try site.write("Content/glossary.yml", "")
        #expect(try SiteLoader().load(root: site.root).topics.map(\.id) == ["taiwan"])
    }
}
