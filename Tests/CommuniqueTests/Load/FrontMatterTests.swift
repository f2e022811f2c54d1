import Testing

@testable import Communique

@Suite struct FrontMatterTests {
    @Test func splitsFrontMatterFromTheBodyAndCountsTheBodysFirstLine() throws {
        let matter = try FrontMatter(parsing: "---\ntitle: 総論\norder: 2\n---  \n\n(1)本文。\n", file: "a.md")
        #expect(try matter.string("title") == "総論")
        #expect(try matter.int("order") == 2)
        #expect(matter.body == "\n(1)本文。\n")
        #expect(matter.bodyFirstLine == 5)
    }

    @Test func valuesAreReadAsTheTypeEachKeyWants() throws {
        let matter = try FrontMatter(parsing: """
            ---
            title: true
            date: 2024-07-28
            order: 1_0
            hex: 0x1F
            quoted: "3"
            draft: yes
            off: Off
            said: "true"
            tagged: !!bool false
            empty: ~
            nulltext: "null"
            word: maybe
            ---

            """, file: "a.md")
        #expect(try matter.string("title") == "true")
        #expect(try matter.string("date") == "2024-07-28")
        #expect(try matter.int("order") == 10)
        #expect(try matter.int("hex") == 31)
        #expect(try matter.bool("draft") == true)
        #expect(try matter.bool("off") == false)
        #expect(try matter.bool("tagged") == false)
        #expect(try matter.string("empty") == nil)
        #expect(try matter.string("nulltext") == "null")
        // Quoted, a number or a boolean is text; a word is not a boolean.
        for (key, read) in [("quoted", { try matter.int("quoted") as Any }), ("said", { try matter.bool("said") as Any }),
                            ("word", { try matter.bool("word") as Any })] {
            #expect(throws: CommuniqueError.self, "\(key)") { _ = try read() }
        }
        let error = try? #require(throws: CommuniqueError.self) { try matter.bool("word") }
        #expect(error.map { "\($0)" }?.contains("a.md:13") == true)
    }

    @Test func edgeShapesOfTheFences() throws {
        let empty = try FrontMatter(parsing: "---\n---\nbody", file: "a.md")
        #expect(empty.fields?.count == 0)
        #expect(empty.body == "body" && empty.bodyFirstLine == 3)
        let noBody = try FrontMatter(parsing: "---\ntitle: x\n---", file: "a.md")
        #expect(try noBody.string("title") == "x")
        #expect(noBody.body == "" && noBody.bodyFirstLine == 4)
        let none = try FrontMatter(parsing: "# 見出し\n---\n本文", file: "a.md")
        #expect(none.fields == nil && none.body == "# 見出し\n---\n本文" && none.bodyFirstLine == 1)
        let notAFence = try FrontMatter(parsing: "----\ntitle: x\n---\n", file: "a.md")
        #expect(notAFence.fields == nil)
    }

    @Test func anUnclosedFrontMatterIsAnErrorOnLineOne() {
        for text in ["---", "---\n", "---\ntitle: x\n", "---\ntitle: x\n--- x\n"] {
            #expect(throws: CommuniqueError.self, "\(text.debugDescription)") { try FrontMatter(parsing: text, file: "a.md") }
        }
    }
}
