import Foundation
import Testing

@testable import Communique

@Suite struct PlaceNamesTests {
    @Test func anUnnumberedParagraphOfTheReleasePageIsNamedByItsRelease() throws {
        let site = try TestSite(TestSite.minimal)
        defer { site.remove() }
        let source = try SiteLoader().load(root: site.root)
        let names = PlaceNames(site: source, analysis: SiteAnalyser().analyse(source))
        let lead = ParagraphRef(page: PageKey(release: "2024-07-28-test", section: ""), anchor: "intro__p_1")
        #expect(names.placeName(of: lead, withRelease: false) == "日米安全保障協議委員会(「2+2」)を実施(7月28日)")
        let numbered = ParagraphRef(page: PageKey(release: "2024-07-28-test", section: "soron"), anchor: "sec_1__para_1")
        #expect(names.placeName(of: numbered, withRelease: false) == "総論 (1)")
    }
}
