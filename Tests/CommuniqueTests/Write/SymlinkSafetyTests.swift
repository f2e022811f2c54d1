import Foundation
import Testing

@testable import Communique

/// Site folders come from other people's repositories: a symbolic link one carries must
/// never turn a build or an import against files outside the site.
@Suite struct SymlinkSafetyTests {
    /// A folder outside the site with a file in it, and what it holds, to check it is untouched.
    struct Outside {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString)")
        init() throws {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("inner"), withIntermediateDirectories: true)
            try Data("precious".utf8).write(to: folder.appendingPathComponent("precious.txt"))
            try Data("inner".utf8).write(to: folder.appendingPathComponent("inner/file.txt"))
        }
        var files: [String] { SiteFiles.walk(folder, includeHidden: true) }
        func remove() { SiteFiles.removeTree(folder) }
    }

    func link(_ site: TestSite, _ path: String, to target: String) throws {
        let url = site.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    func buildError(_ site: TestSite, output: URL? = nil, force: Bool = false) -> String {
        do {
            try site.build(output: output, force: force)
            return "(no error)"
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: [".Public.staging", ".Public.previous", ".communique"])
    func aLinkWhereAFolderOfOursGoesIsRefusedNotFollowed(name: String) throws {
        let outside = try Outside()
        defer { outside.remove() }
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        try site.build()
        let before = site.snapshot()
        SiteFiles.removeTree(site.root.appendingPathComponent(name))
        try link(site, name, to: outside.folder.path)
        let message = buildError(site)
        #expect(message.contains(name) && message.contains("symbolic link"), "\(message)")
        #expect(outside.files == ["inner/file.txt", "precious.txt"])
        #expect(site.snapshot() == before)
    }

    /// The case found: `.Public.staging → ..` emptied the site's parent folder.
    @Test func aStagingLinkToTheSitesParentDeletesNothing() throws {
        let parent = try Outside()
        defer { parent.remove() }
        let root = parent.folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestSite.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        for (path, text) in TestSite.minimal {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createSymbolicLink(atPath: root.path + "/.Public.staging", withDestinationPath: "..")
        let contentBefore = SiteFiles.walk(root.appendingPathComponent("Content"))
        #expect(throws: CommuniqueError.self) { try BuildPipeline().run(BuildOptions(root: root)) }
        #expect(FileManager.default.fileExists(atPath: parent.folder.path + "/precious.txt"))
        #expect(FileManager.default.fileExists(atPath: parent.folder.path + "/inner/file.txt"))
        #expect(SiteFiles.walk(root.appendingPathComponent("Content")) == contentBefore)
        #expect(FileManager.default.fileExists(atPath: root.path + "/Templates/base.mustache"))
    }

    /// `Public → /srv/www`: refused with what to do, the target left as it was.
    @Test func aLinkedOutputFolderIsRefusedWithWhatToDo() throws {
        let outside = try Outside()
        defer { outside.remove() }
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        try link(site, "Public", to: outside.folder.path)
        let message = buildError(site, force: true)
        #expect(message.contains("symbolic link") && message.contains("--output \(SiteFiles.realPath(outside.folder.path)!)"), "\(message)")
        #expect(outside.files == ["inner/file.txt", "precious.txt"])
        #expect(SiteFiles.linkTarget(site.output.path) == outside.folder.path)
        // Building into the real folder, as the message says, works (with --force: it holds files of its own).
        try site.build(output: outside.folder, force: true)
        #expect(FileManager.default.fileExists(atPath: outside.folder.path + "/index.html"))
        #expect(try String(contentsOf: outside.folder.appendingPathComponent("precious.txt"), encoding: .utf8) == "precious")
    }

    @Test func anOutputReachedThroughALinkInTheSiteIsRefused() throws {
        let outside = try Outside()
        defer { outside.remove() }
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        try link(site, "out", to: outside.folder.path)
        let message = buildError(site, output: site.root.appendingPathComponent("out/site"))
        #expect(message.contains("symbolic link"), "\(message)")
        #expect(outside.files == ["inner/file.txt", "precious.txt"])
    }

    @Test func anOutputThatWouldReplaceTheSiteOrItsSourcesIsRefusedEvenWithForce() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        for output in [site.root, site.root.deletingLastPathComponent(), site.root.appendingPathComponent("Content/out"),
            site.root.appendingPathComponent("Templates")]
        {
            #expect(buildError(site, output: output, force: true).contains("output folder"), "\(output.path)")
        }
        #expect(FileManager.default.fileExists(atPath: site.root.path + "/Content/site.yml"))
        #expect(FileManager.default.fileExists(atPath: site.root.path + "/Templates/base.mustache"))
    }

    @Test func aTemplateAssetLinkedOutOfTheSiteIsNotPublished() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        try link(site, "Templates/assets/pw.txt", to: "/etc/passwd")
        let message = buildError(site)
        #expect(message.contains("Templates/assets/pw.txt") && message.contains("outside the site"), "\(message)")
        #expect(!FileManager.default.fileExists(atPath: site.output.path + "/assets/pw.txt"))
        // A link that stays inside the site is fine.
        try FileManager.default.removeItem(atPath: site.root.path + "/Templates/assets/pw.txt")
        try link(site, "Templates/assets/copy.css", to: "style.css")
        try site.build()
        #expect(try site.page("assets/copy.css") == site.page("assets/style.css"))
    }

    @Test func aTemplatesFolderLinkedOutOfTheSiteIsRefused() throws {
        let site = try TestSite(TestSite.minimal, templates: false)
        defer { site.remove() }
        try link(site, "Templates", to: TestSite.repository.appendingPathComponent("Templates").path)
        let message = buildError(site)
        #expect(message.contains("Templates") && message.contains("outside the site"), "\(message)")
    }

    @Test func contentLinkedOutOfTheSiteIsRefused() throws {
        let outside = try Outside()
        defer { outside.remove() }
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        // A release folder that lives elsewhere, and a page that is a link to a file elsewhere.
        let elsewhere = outside.folder.appendingPathComponent("2024-01-01-other")
        try FileManager.default.copyItem(at: site.root.appendingPathComponent("Content/releases/2024-07-28-test"), to: elsewhere)
        try link(site, "Content/releases/2024-01-01-other", to: elsewhere.path)
        var message = buildError(site)
        #expect(message.contains("Content/releases/2024-01-01-other") && message.contains("outside the site"), "\(message)")
        try FileManager.default.removeItem(atPath: site.root.path + "/Content/releases/2024-01-01-other")
        try link(site, "Content/releases/2024-07-28-test/03-pw.md", to: "/etc/passwd")
        message = buildError(site)
        #expect(message.contains("Content/releases/2024-07-28-test/03-pw.md"), "\(message)")
        try FileManager.default.removeItem(atPath: site.root.path + "/Content/releases/2024-07-28-test/03-pw.md")
        try link(site, "Content/site.yml.link", to: "/etc/passwd")
        try FileManager.default.removeItem(atPath: site.root.path + "/Content/site.yml")
        try link(site, "Content/site.yml", to: outside.folder.path + "/precious.txt")
        message = buildError(site)
        #expect(message.contains("Content/site.yml") && message.contains("outside the site"), "\(message)")
    }

    @Test func importNeverWritesThroughALinkOutOfTheSite() throws {
        let outside = try Outside()
        defer { outside.remove() }
        let site = try TestSite(["Content/site.yml": TestSite.minimal["Content/site.yml"]!])
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("Content/releases"), withIntermediateDirectories: true)
        try link(site, "Content/releases/foo", to: outside.folder.path)
        let result = try ImportFixtures.importFixture(ImportFixtures.sample)
        var renamed = result
        renamed.releaseID = "foo"
        let error = #expect(throws: CommuniqueError.self) { try ImportWriter(root: site.root).write(renamed, force: true) }
        #expect(error?.description.contains("Content/releases/foo") == true, "\(String(describing: error))")
        #expect(outside.files == ["inner/file.txt", "precious.txt"])
    }

    /// `.import.json` comes with the site: a name in it that leads out of the release
    /// folder is never removed, even with --force.
    @Test func importRemovesOnlyFilesOfTheReleaseFolder() throws {
        let outside = try Outside()
        defer { outside.remove() }
        let site = try TestSite([:], templates: false)
        defer { site.remove() }
        let result = try ImportFixtures.importFixture(ImportFixtures.sample)
        try ImportWriter(root: site.root).write(result, force: false)
        let folder = site.root.appendingPathComponent(ImportWriter.releaseFolder(result.releaseID))
        var manifest = try #require(ImportManifest.read(in: folder))
        let escape = String(repeating: "../", count: 12) + outside.folder.path.dropFirst() + "/precious.txt"
        manifest.files[escape] = ContentHash.of("precious")
        manifest.files["../../site.yml"] = "x"
        try manifest.encoded().write(to: folder.appendingPathComponent(ImportManifest.fileName))
        try ImportWriter(root: site.root).write(result, force: true)
        #expect(outside.files == ["inner/file.txt", "precious.txt"])
    }
}
