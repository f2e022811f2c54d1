import Foundation
import Testing

@testable import Communique

@Suite struct BuildPipelineTests {
    /// `build --timings` says each stage's time and the peak memory when it ended.
    @Test func timingsGiveEachStagesTimeAndPeakMemory() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        let report = try site.build()
        #expect(report.stageSeconds.map(\.name) == ["Inputs", "Templates", "Load", "Analyse", "Compare", "Link", "Render", "Write"])
        #expect(report.stagePeakMiB.count == report.stageSeconds.count)
        #expect(report.stagePeakMiB.allSatisfy { $0 > 1 } && report.stagePeakMiB == report.stagePeakMiB.sorted())
        let lines = report.timings.split(separator: "\n")
        #expect(lines.count == 8 && lines.allSatisfy { $0.contains(" ms ") && $0.hasSuffix(" MiB") }, "\(report.timings)")
    }

    @Test func buildsEveryPageOfTheSite() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        try site.build()
        let files = Set(site.snapshot().keys)
        for path in [
            "index.html", "404.html", "assets/style.css", "releases/2024-07-28-test/index.html",
            "releases/2024-07-28-test/soron/index.html", "releases/2024-07-28-test/chiiki-josei/index.html",
            "releases/2024-07-28-test/all/index.html",
        ] {
            #expect(files.contains(path), "missing \(path)")
        }
    }

    @Test func sectionPagesAreAccessibleAndAnchored() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        try site.build()
        for path in ["releases/2024-07-28-test/soron/index.html", "releases/2024-07-28-test/index.html",
                     "releases/2024-07-28-test/all/index.html", "index.html"] {
            let html = try site.page(path)
            #expect(html.contains("<html lang=\"ja\">"), "\(path)")
            let levels = HTMLText.headingLevels(html)
            #expect(levels.filter { $0 == 1 }.count == 1, "\(path): \(levels)")
            #expect(levels.first == 1, "\(path)")
            // Headings never skip a level going down.
            for (a, b) in zip(levels, levels.dropFirst()) { #expect(b <= a + 1, "\(path): \(levels)") }
        }
        let soron = try site.page("releases/2024-07-28-test/soron/index.html")
        for id in ["sec_1__para_1", "sec_1__para_2", "sec_1__para_2__subpara_1", "sec_1__para_3"] {
            #expect(soron.contains("id=\"\(id)\""), "\(id)")
            #expect(soron.contains("href=\"#\(id)\""), "permalink to \(id)")
        }
        let all = try site.page("releases/2024-07-28-test/all/index.html")
        #expect(all.contains("id=\"sec_1__para_3\"") && all.contains("id=\"sec_2__para_1\"") && all.contains("id=\"sec_2__p_1\""))
    }

    @Test func englishReleasesGetEnglishLang() throws {
        var files = TestSite.minimal
        files["Content/releases/2024-07-28-test/_index.md"] = "---\ntitle: Joint Statement\nlanguage: en\n---\n\nText.\n"
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        #expect(try site.page("releases/2024-07-28-test/soron/index.html").contains("<html lang=\"en\">"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        let second = site.root.appendingPathComponent("Second")
        try site.build()
        try site.build(output: second)
        #expect(site.snapshot() == site.snapshot(second))
    }

    @Test func statementTextIsNeverMarkup() throws {
        var files = TestSite.minimal
        files["Content/releases/2024-07-28-test/01-soron.md"] = """
            ---
            title: "総論 <script>alert(1)</script>"
            slug: soron
            ---

            (1)本文<script>alert(1)</script>と<img src=x onerror=alert(1)>、[リンク](javascript:alert(1))。

            <script>alert(2)</script>

            (2)<a href="javascript:alert(3)">x</a>
            """
        files["Content/releases/2024-07-28-test/_index.md"] = """
            ---
            title: "発表 <img src=x onerror=alert(1)>"
            place: "<script>alert(1)</script>"
            ---

            本文。
            """
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        for (path, data) in site.snapshot() where path.hasSuffix(".html") {
            let html = HTMLText.withoutOwnScriptTags(String(decoding: data, as: UTF8.self))
            #expect(!html.contains("<script"), "\(path)")
            #expect(!html.contains("<img"), "\(path)")
            #expect(!html.lowercased().contains("javascript:"), "\(path)")
        }
        // The search index holds the same text as JavaScript strings, every `<` escaped.
        let index = site.snapshot().filter { $0.key.hasPrefix("search/") && $0.key.hasSuffix(".js") }
        #expect(index.count >= 3)
        for (path, data) in index { #expect(!data.contains(UInt8(ascii: "<")), "\(path)") }
        #expect(index.values.contains { String(decoding: $0, as: UTF8.self).contains("\\u003cscript\\u003ealert(1)") })
        #expect(try site.page("releases/2024-07-28-test/soron/index.html").contains("総論 &lt;script&gt;"))
    }

    @Test func japaneseLineBreaksDoNotBecomeSpaces() throws {
        var files = TestSite.minimal
        files["Content/releases/2024-07-28-test/01-soron.md"] = "---\ntitle: 総論\n---\n\n(1)日米双方は、\n確認しました。\n"
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        #expect(try site.page("releases/2024-07-28-test/soron/index.html").contains("(1)日米双方は、確認しました。"))
    }
}
