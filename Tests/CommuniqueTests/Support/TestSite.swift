import Foundation
import Testing

@testable import Communique

/// A throw-away site folder for one test: the repository's own templates plus the
/// content files the test gives, inline.
struct TestSite {
    let root: URL

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init(_ files: [String: String], templates: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("communique-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if templates {
            try FileManager.default.copyItem(
                at: Self.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        }
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Replaces `old` with `new` in a file of the site (it must contain `old`).
    func replace(in path: String, _ old: String, with new: String) throws {
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        guard text.contains(old) else { throw CommuniqueError("test setup: '\(old)' not in \(path)") }
        try write(path, text.replacingOccurrences(of: old, with: new))
    }

    var output: URL { root.appendingPathComponent("Public") }

    @discardableResult
    func build(output: URL? = nil, force: Bool = false) throws -> BuildReport {
        try BuildPipeline().run(BuildOptions(root: root, output: output ?? self.output, force: force))
    }

    func page(_ path: String, in folder: URL? = nil) throws -> String {
        try String(contentsOf: (folder ?? output).appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file under `folder` with its bytes, for byte-for-byte comparisons.
    func snapshot(_ folder: URL? = nil) -> [String: Data] {
        let base = folder ?? output
        var result: [String: Data] = [:]
        for path in SiteFiles.walk(base) {
            result[path] = FileManager.default.contents(atPath: base.appendingPathComponent(path).path)
        }
        return result
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Builds the minimal site, breaks it with `change`, builds again expecting failure,
    /// and checks the previous output is still there byte for byte, with no staging
    /// folder left; returns the failed build's messages.
    static func messagesOfAFailedRebuild(_ change: (TestSite) throws -> Void) throws -> [String] {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        try site.build()
        let before = site.snapshot()
        try change(site)
        var messages: [String] = []
        do {
            try site.build()
            Issue.record("build should have failed")
        } catch let error as CommuniqueError {
            messages = error.diagnostics.map(\.description)
        }
        #expect(site.snapshot() == before, "Public/ changed after a failed build")
        // Pages are staged while they render; a failure removes the staging folder.
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.output.deletingLastPathComponent().path)
        #expect(!beside.contains { $0.hasSuffix(".staging") }, "\(beside)")
        return messages
    }

    /// The shipped sample site (settings, glossary, topics, its release) plus the minimal
    /// release, so changes have neighbours.
    static func sampleAndMinimal() throws -> TestSite {
        var files = minimal
        files.removeValue(forKey: "Content/site.yml")
        let site = try TestSite(files)
        for name in ["site.yml", "glossary.yml", "topics.yml", "releases/2024-07-28-japan-us-2plus2"] {
            try FileManager.default.copyItem(
                at: repository.appendingPathComponent("Content/\(name)"), to: site.root.appendingPathComponent("Content/\(name)"))
        }
        return site
    }

    /// A small two-section release in the sample's shape.
    static let minimal: [String: String] = [
        "Content/site.yml": "title: テストサイト\nlanguage: ja\nbase_url: https://example.org/statements/\n",
        "Content/releases/2024-07-28-test/_index.md": """
            ---
            title: 日米安全保障協議委員会(「2+2」)を実施(7月28日)
            category: 防衛省関連
            date: "2024-07-28"
            participants:
              - name: 木原稔
                reading: きはら・みのる
                title: 防衛大臣
            ---

            防衛省は公表した。

            ## 日米安全保障協議委員会(日米「2+2」)(概要)

            7月28日午後3時15分から開催されました。
            """,
        "Content/releases/2024-07-28-test/01-soron.md": """
            ---
            title: 総論
            order: 1
            slug: soron
            ---

            (1)冒頭、日本側から発言しました。

            (2)日米双方は確認しました。

            ア 細目です。

            (3)米側は表明した。
            """,
        "Content/releases/2024-07-28-test/02-chiiki-josei.md": """
            ---
            title: 地域情勢
            order: 2
            slug: chiiki-josei
            ---

            四閣僚は意見交換を行いました。

            (1)日米双方は一致しました。
            """,
    ]
}

/// The text a reader sees in an HTML page: tags dropped, entities decoded.
enum HTMLText {
    static func of(_ html: String) -> String {
        var out = ""
        var inTag = false
        for ch in html {
            if ch == "<" { inTag = true; continue }
            if ch == ">" { inTag = false; continue }
            if !inTag { out.append(ch) }
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The page without the opening tag of our JSON-LD script (whose text escapes every
    /// "<"), so a test can assert that no other script is there.
    /// The page without the script tags the templates put there themselves (JSON-LD; the
    /// search page's labels and script), so that any `<script` left came from the content.
    static func withoutOwnScriptTags(_ html: String) -> String {
        ["<script type=\"application/ld+json\">", "<script type=\"application/json\" id=\"search-labels\">",
         "<script src=\"../assets/search.js\">"].reduce(html) { $0.replacingOccurrences(of: $1, with: "") }
    }

    /// The tags of one element name, in order (`h1`, `h2` …).
    static func headingLevels(_ html: String) -> [Int] {
        var levels: [Int] = []
        var rest = html[...]
        while let r = rest.range(of: "<h") {
            let after = rest[r.upperBound...]
            if let digit = after.first, let level = Int(String(digit)), after.dropFirst().first.map({ $0 == " " || $0 == ">" }) == true {
                levels.append(level)
            }
            rest = after
        }
        return levels
    }
}

extension String {
    /// The first of `pieces` that is not found, each as one unbroken run of text, in
    /// order, whitespace ignored; nil when all are there. The "nothing lost" relation
    /// between a statement's lines and what we made of them.
    func firstMissing(of pieces: [String]) -> String? {
        let haystack = self.filter { !$0.isWhitespace }
        var rest = haystack[...]
        for piece in pieces {
            let needle = piece.filter { !$0.isWhitespace }
            if needle.isEmpty { continue }
            guard let found = rest.range(of: needle) else { return piece }
            rest = rest[found.upperBound...]
        }
        return nil
    }
}
