import Foundation
import Testing

@testable import Communique

/// Bad input: one clear message naming the file (and line), and `Public/` untouched.
@Suite struct BadInputTests {
    /// Builds once, breaks the site with `change`, builds again expecting failure, and
    /// checks the previous output is still there byte for byte.
    func expectFailure(_ change: (TestSite) throws -> Void) throws -> [String] {
        try TestSite.messagesOfAFailedRebuild(change)
    }

    @Test func brokenFrontMatterNamesFileAndLine() throws {
        let messages = try expectFailure { site in
            try site.write("Content/releases/2024-07-28-test/01-soron.md", "---\ntitle: 総論\norder: [1, 2\n---\n\n(1)a\n")
        }
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("Content/releases/2024-07-28-test/01-soron.md:") == true, "\(messages)")
        #expect(messages.first?.contains("invalid YAML") == true)
    }

    @Test func unclosedFrontMatter() throws {
        let messages = try expectFailure { site in
            try site.write("Content/releases/2024-07-28-test/01-soron.md", "---\ntitle: 総論\n\n(1)a\n")
        }
        #expect(messages == ["Content/releases/2024-07-28-test/01-soron.md:1: error: front matter starts with '---' but has no closing '---' line"])
    }

    @Test func wrongTypeNamesTheKeyLine() throws {
        let messages = try expectFailure { site in
            try site.write("Content/releases/2024-07-28-test/01-soron.md", "---\ntitle: 総論\norder: first\n---\n\n(1)a\n")
        }
        #expect(messages == ["Content/releases/2024-07-28-test/01-soron.md:3: error: 'order' must be a whole number"])
    }

    @Test func everyBrokenPageIsReportedInOneRun() throws {
        let messages = try expectFailure { site in
            try site.write("Content/releases/2024-07-28-test/01-soron.md", "---\norder: 1\n---\n")
            try site.write("Content/releases/2024-07-28-test/02-chiiki-josei.md", "---\ntitle: [\n---\n")
        }
        #expect(messages.count == 2, "\(messages)")
    }

    @Test func invalidUTF8NamesTheFile() throws {
        let messages = try expectFailure { site in
            try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0x0A]).write(
                to: site.root.appendingPathComponent("Content/releases/2024-07-28-test/01-soron.md"))
        }
        #expect(messages == ["Content/releases/2024-07-28-test/01-soron.md:2: error: not valid UTF-8 text"])
    }

    @Test func missingSiteConfig() throws {
        let messages = try expectFailure { site in
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/site.yml"))
        }
        #expect(messages == ["Content/site.yml: error: file not found"])
    }

    @Test func unknownTemplateVariableNamesTemplateLineAndColumn() throws {
        let messages = try expectFailure { site in
            try site.replace(in: "Templates/section.mustache", "<h1>{{section.title}}</h1>", with: "<h1>{{sektion.title}}</h1>")
        }
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("Templates/section.mustache:") == true)
        #expect(messages.first?.hasSuffix("error: unknown template variable 'sektion.title'") == true, "\(messages)")
    }

    @Test func missingTemplateAndMissingPartial() throws {
        let missing = try expectFailure { site in
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("Templates/section.mustache"))
        }
        #expect(missing == ["Templates/section.mustache: error: missing template (every build needs it)"])
        let partial = try expectFailure { site in
            try site.write("Templates/home.mustache", "{{<base}}{{$content}}\n{{>partials/nothing}}{{/content}}{{/base}}")
        }
        #expect(partial == ["Templates/home.mustache:2:1: error: missing template 'partials/nothing' (no Templates/partials/nothing.mustache)"])
    }

    @Test func templateSyntaxErrorHasAPosition() throws {
        let messages = try expectFailure { site in
            try site.write("Templates/home.mustache", "{{<base}}\n{{$content}}\n{{#releases}}\n{{/content}}{{/base}}")
        }
        #expect(messages.first?.hasPrefix("Templates/home.mustache:") == true, "\(messages)")
        #expect(messages.first?.contains("template syntax") == true)
    }

    @Test func refusesAnOutputFolderItDidNotMake() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        try site.write("Public/precious.txt", "mine")
        #expect(throws: CommuniqueError.self) { try site.build() }
        #expect(try site.page("precious.txt") == "mine")
        try site.build(force: true)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }
}

extension BadInputTests {
    @Test func aBrokenInternalLinkFailsTheBuildUnlessRelaxed() throws {
        let messages = try expectFailure { site in
            try site.write("Content/releases/2024-07-28-test/01-soron.md", "---\ntitle: 総論\nslug: soron\n---\n\n(1)[前回](../../2023-01-01-old/index.html#sec_1__para_2)を参照。\n")
        }
        // The section page and the printable page (which repeats it) both carry the link.
        #expect(messages == ["all", "soron"].map {
            "error: releases/2024-07-28-test/\($0)/index.html: broken link '../../2023-01-01-old/index.html#sec_1__para_2': no file releases/2023-01-01-old/index.html"
        })
        var files = TestSite.minimal
        files["Content/releases/2024-07-28-test/01-soron.md"] = "---\ntitle: 総論\nslug: soron\n---\n\n(1)[前回](../index.html#no-such-anchor)\n"
        let site = try TestSite(files)
        defer { site.remove() }
        let report = try BuildPipeline().run(BuildOptions(root: site.root, brokenLinks: .warning))
        #expect(report.warnings.map(\.description).contains(
            "warning: releases/2024-07-28-test/soron/index.html: broken link '../index.html#no-such-anchor': no element with id 'no-such-anchor' in releases/2024-07-28-test/index.html"))
    }

    @Test func filesABuildDidNotMakeSurviveRebuilds() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        try site.build()
        try site.write("Public/CNAME", "statements.example.org\n")
        try site.write("Public/.well-known/security.txt", "Contact: x\n")
        try site.build()
        try site.build(output: nil, force: false)
        #expect(try site.page("CNAME") == "statements.example.org\n")
        #expect(try site.page(".well-known/security.txt") == "Contact: x\n")
        #expect(BuildManifest.read(try BuildState(root: site.root, output: site.output).manifestFile(), output: site.output).made.contains("CNAME") == false)
    }
}

extension BadInputTests {
    /// An incremental build checks only rewritten pages, unless a rewritten page lost an
    /// id or a file was removed: then a link on an unchanged page may have broken.
    @Test func anAnchorRemovedUnderAnUnchangedPageIsStillCaught() throws {
        var files = TestSite.minimal
        files["Content/releases/2024-07-28-test/02-chiiki-josei.md"] = """
            ---
            title: 地域情勢
            slug: chiiki-josei
            ---

            (1)[総論の(3)](../soron/index.html#sec_1__para_3)を参照。
            """
        let site = try TestSite(files)
        defer { site.remove() }
        try site.build()
        let before = site.snapshot()
        try site.replace(in: "Content/releases/2024-07-28-test/01-soron.md", "\n(3)米側は表明した。", with: "")
        do {
            try site.build()
            Issue.record("the build should fail")
        } catch let error as CommuniqueError {
            #expect(error.diagnostics.map(\.description).contains(
                "error: releases/2024-07-28-test/chiiki-josei/index.html: broken link '../soron/index.html#sec_1__para_3': no element with id 'sec_1__para_3' in releases/2024-07-28-test/soron/index.html"))
        }
        #expect(site.snapshot() == before)
    }
}
