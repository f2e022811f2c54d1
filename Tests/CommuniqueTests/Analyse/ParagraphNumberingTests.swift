import Testing

@testable import Communique

@Suite struct ParagraphNumberingTests {
    func anchors(_ lines: [String], headings: Set<Int> = []) -> [String] {
        let markers = lines.map { NumberMarker.parse($0) }
        let isHeading = lines.indices.map { headings.contains($0) }
        return ParagraphNumbering(prefix: "sec_2").number(markers: markers, isHeading: isHeading).map(\.anchor)
    }

    @Test func numberedParagraphsTakeTheirNumber() {
        #expect(anchors(["(1)a", "(2)b", "(3)c"]) == ["sec_2__para_1", "sec_2__para_2", "sec_2__para_3"])
    }

    @Test func fullWidthAndCircledNumbersGiveTheSameIds() {
        #expect(anchors(["（１）a", "（２）b"]) == anchors(["(1)a", "(2)b"]))
        #expect(anchors(["⑴a", "⑵b"]) == anchors(["(1)a", "(2)b"]))
    }

    @Test func aNewSchemeOpensALevelAndAKnownOneReturnsToIt() {
        #expect(anchors(["(1)a", "ア b", "イ c", "(2)d", "ア e"]) == [
            "sec_2__para_1", "sec_2__para_1__subpara_1", "sec_2__para_1__subpara_2",
            "sec_2__para_2", "sec_2__para_2__subpara_1",
        ])
        #expect(anchors(["1. a", "(a) b", "(i) c", "(ii) d", "2. e"]).last == "sec_2__para_2")
    }

    @Test func unnumberedParagraphsAndHeadingsCountSeparately() {
        #expect(anchors(["intro", "(1)a", "## h", "more"], headings: [2]) == [
            "sec_2__p_1", "sec_2__para_1", "sec_2__h_1", "sec_2__p_2",
        ])
    }

    @Test func aRepeatedNumberStillGetsAUniqueId() {
        #expect(anchors(["(1)a", "(1)b"]) == ["sec_2__para_1", "sec_2__para_1_2"])
    }
}
