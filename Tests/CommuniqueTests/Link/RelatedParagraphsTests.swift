import Testing

@testable import Communique

@Suite struct RelatedParagraphsTests {
    func ref(_ i: Int) -> ParagraphRef {
        ParagraphRef(page: PageKey(release: "r\(1000 + i)", section: "s"), anchor: "p")
    }

    @Test func rareSharedTermsRelateParagraphsAndVeryCommonOnesDoNot() {
        let count = RelatedParagraphs.commonFloor + 100
        var terms: [ParagraphRef: Set<Int>] = [:]
        for i in 0..<count { terms[ref(i)] = [0] }  // term 0 is everywhere: says nothing
        terms[ref(1)] = [0, 1]
        terms[ref(2)] = [0, 1]
        terms[ref(3)] = [0, 2]
        terms[ref(4)] = [0, 2, 1]
        let related = RelatedParagraphs(limit: 3).compute(termsByParagraph: terms, numbered: Set(terms.keys))
        #expect(related[ref(1)] == [ref(4), ref(2)] || related[ref(1)] == [ref(2), ref(4)])
        #expect(related[ref(3)] == [ref(4)])
        #expect((related[ref(10)] ?? []).isEmpty, "only the everywhere term in common")
    }
}
