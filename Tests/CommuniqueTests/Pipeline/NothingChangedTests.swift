import Foundation
import Testing

@testable import Communique

/// A build whose inputs hash as the last build's did, with that build's output intact, has
/// nothing to do: it reads no Markdown and renders nothing, and says the same warnings.
/// Anything else (a changed byte, a damaged or missing output file, other options, a link)
/// is a real build.
@Suite struct NothingChangedTests {
    static func stages(_ report: BuildReport) -> [String] { report.stageSeconds.map(\.name) }

    static func site() throws -> TestSite {
        var files = TestSite.minimal
        // A glossary term no page uses: a warning every build must give.
        files["Content/glossary.yml"] = "- term: 使われない用語\n  definition: どこにもない。\n"
        return try TestSite(files)
    }

    @Test func aSecondBuildOfTheSameSiteDoesNothingAndSaysTheSameWarnings() throws {
        let site = try Self.site()
        defer { site.remove() }
        let first = try site.build()
        let before = site.snapshot()
        let second = try site.build()
        #expect(Self.stages(second) == ["Inputs"])
        #expect(second.rendered == 0 && second.write.written == 0 && second.write.unchanged == first.pages)
        #expect(second.releases == first.releases && second.pages == first.pages)
        #expect(second.warnings == first.warnings && !first.warnings.isEmpty)
        #expect(site.snapshot() == before)
    }

    /// Each change, made after a build, makes the next build a real one whose output is
    /// what a clean build gives.
    @Test(arguments: ["same-size edit", "template", "asset", "new file", "damaged page", "missing page", "drafts", "clean", "link"])
    func anyChangeIsARealBuild(_ change: String) throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.build()
        var options = BuildOptions(root: site.root, output: site.output)
        let section = site.root.appendingPathComponent("Content/releases/2024-07-28-test/01-soron.md")
        switch change {
        case "same-size edit":
            // One character for another of the same length, the modification time put back.
            let attributes = try FileManager.default.attributesOfItem(atPath: section.path)
            try site.replace(in: "Content/releases/2024-07-28-test/01-soron.md", "確認しました", with: "確認いたした")
            try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: section.path)
        case "template": try site.replace(in: "Templates/section.mustache", "<h1>", with: "<h1 class=\"t\">")
        case "asset": try site.write("Templates/assets/extra.css", "p { color: red }\n")
        case "new file": try site.write("Content/releases/2024-07-28-test/03-more.md", "---\ntitle: 追加\norder: 3\nslug: more\n---\n\n追加です。\n")
        case "damaged page": try Data().write(to: site.output.appendingPathComponent("index.html"))
        case "missing page": try FileManager.default.removeItem(at: site.output.appendingPathComponent("index.html"))
        case "drafts": options.includeDrafts = true
        case "clean": options.clean = true
        case "link": try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Content/link.md").path, withDestinationPath: section.path)
        default: Issue.record("unknown change \(change)")
        }
        let report = try BuildPipeline().run(options)
        #expect(Self.stages(report).contains("Load"), "\(change): \(Self.stages(report))")
        let clean = site.root.appendingPathComponent("Clean")
        var cleanOptions = options
        cleanOptions.output = clean
        cleanOptions.clean = true
        try BuildPipeline().run(cleanOptions)
        #expect(site.snapshot() == site.snapshot(clean), "\(change): the output differs from a clean build's")
    }

    /// A build that warned of broken links records no inputs hash: the next build is a real
    /// one, and says the warnings again even for the pages it keeps.
    @Test func brokenLinkWarningsAreFoundAgain() throws {
        var files = TestSite.minimal
        files["Content/releases/2024-07-28-test/01-soron.md"]! += "\n[壊れたリンク](../nowhere/)\n"
        let site = try TestSite(files)
        defer { site.remove() }
        let options = BuildOptions(root: site.root, output: site.output, brokenLinks: .warning)
        let first = try BuildPipeline().run(options)
        #expect(!first.warnings.isEmpty)
        let second = try BuildPipeline().run(options)
        #expect(Self.stages(second).contains("Load"))
        #expect(second.warnings == first.warnings)
        // Another page changes: the broken link, on a page this build keeps, is still reported.
        try site.replace(in: "Content/releases/2024-07-28-test/02-chiiki-josei.md", "一致しました", with: "一致した")
        let third = try BuildPipeline().run(options)
        #expect(third.rendered > 0)
        #expect(third.warnings == first.warnings)
    }
}
