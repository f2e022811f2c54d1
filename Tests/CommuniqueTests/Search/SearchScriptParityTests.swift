import Foundation
import Testing

@testable import Communique

/// The search page's script (`Templates/assets/search.js`, run under node) and the Swift
/// reference (`SearchQuery`) give the same answers, entries and paragraphs in the same
/// order, for every query of Tests/search/queries.txt, on the index files a build wrote.
@Suite struct SearchScriptParityTests {
    /// The sample site, the minimal release and an English release.
    static func site() throws -> TestSite {
        let site = try TestSite.sampleAndMinimal()
        try site.write("Content/releases/2023-01-13-joint-statement/_index.md", """
            ---
            title: Joint Statement of the United States and Japan
            date: "2023-01-13"
            language: en
            ---

            The Ministers met in Washington.

            ## Regional security

            1. The Ministers condemned North Korea's missile launches, including ICBM launches.

            2. They emphasized the importance of peace and stability across the Taiwan Strait.

            3. The Quad supports a free and open Indo-Pacific.
            """)
        // Newer than the sample, and naming the mechanism only in full: ACM (being typed) ranks
        // the sample's ACM paragraph before it, 同盟調整メカニズム ranks it first.
        try site.write("Content/releases/2025-03-01-acm/_index.md", """
            ---
            title: 日米同盟調整会合
            date: "2025-03-01"
            ---

            日米双方は、同盟調整メカニズムの運用を点検した。
            """)
        return site
    }

    @Test func thePagesScriptAnswersEveryQueryAsSwiftDoes() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        let source = try SiteLoader().load(root: site.root)
        let index = SearchIndex(site: source, analysis: SiteAnalyser().analyse(source))
        let queries = try String(contentsOf: TestSite.repository.appendingPathComponent("Tests/search/queries.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(queries.count >= 20)
        let script = try Self.scriptAnswers(queries, index: site.output.appendingPathComponent("search"))
        try #require(script.count == queries.count)
        for (query, answer) in zip(queries, script) {
            let swift = SearchQuery(query).answer(in: index)
            #expect(answer.entries == swift.entries, "\(query)")
            #expect(answer.documents == swift.documents, "\(query)")
            // The paragraphs read back from the files as the index holds them.
            let expected = swift.documents.map { number -> [String] in
                let document = index.documents[number]
                let page = index.releases[document.release].pages[document.page]
                return [
                    page.url + "#" + document.anchor, document.label, document.text, document.topics.map(String.init).joined(separator: ","),
                    SearchQuery.confirms(document.text, for: swift) ? "confirmed" : "not confirmed",
                ]
            }
            #expect(answer.shown == expected, "\(query)")
        }
        // And the answers are answers, not two empty lists agreeing.
        func texts(_ query: String) -> [String] { SearchQuery(query).confirmed(in: index).map { index.documents[$0].text } }
        #expect(texts("台湾").contains { $0.contains("台湾") })
        #expect(texts("サイドバー").isEmpty)
        #expect(texts("taiwan strait").contains { $0.contains("Taiwan Strait") })
        #expect(texts("missil").contains { $0.contains("missile") })
        #expect(texts("\"north korea\"").count == 1)
    }

    struct ScriptAnswer: Decodable {
        var entries: [Int]
        var documents: [Int]
        var shown: [[String]]
    }

    /// Tests/search/answers.js on `queries`.
    static func scriptAnswers(_ queries: [String], index: URL) throws -> [ScriptAnswer] {
        let repository = TestSite.repository
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "node", repository.appendingPathComponent("Tests/search/answers.js").path,
            repository.appendingPathComponent("Templates/assets/search.js").path, index.path,
        ]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(try JSONEncoder().encode(queries))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommuniqueError("node (Debian's nodejs, installed by `make test`) failed: \(problems)")
        }
        return try JSONDecoder().decode([ScriptAnswer].self, from: data)
    }
}
