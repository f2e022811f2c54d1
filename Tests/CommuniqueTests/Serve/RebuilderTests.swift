import Foundation
import Testing

@testable import Communique
@testable import CommuniqueServer

@Suite struct RebuilderTests {
    @Test func buildsAgainOnlyWhenASourceChangedAndKeepsTheLastGoodSiteOnAnError() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        let rebuilder = Rebuilder(options: BuildOptions(root: site.root, brokenLinks: .warning))
        try site.build()
        #expect(rebuilder.check() == nil)

        let section = "Content/releases/2024-07-28-test/01-soron.md"
        try site.replace(in: section, "title: 総論", with: "title: 総論(改)")
        let edited = try #require(rebuilder.check())
        #expect(edited.changed == [section])
        #expect(throws: Never.self) { try edited.outcome.get() }
        #expect(try site.page("releases/2024-07-28-test/soron/index.html").contains("総論(改)"))
        #expect(rebuilder.check() == nil)

        try site.write(section, "---\ntitle: [unclosed\n---\n")
        let broken = try #require(rebuilder.check())
        #expect(throws: CommuniqueError.self) { try broken.outcome.get() }
        let error = try #require(throws: CommuniqueError.self) { try broken.outcome.get() }
        #expect(error.diagnostics.contains { $0.description.contains("01-soron.md:2") })
        #expect(try site.page("releases/2024-07-28-test/soron/index.html").contains("総論(改)"))
    }
}
