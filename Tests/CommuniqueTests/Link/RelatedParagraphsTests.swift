import Testing

@testable import Communique

@Suite struct RelatedParagraphsTests {
    func ref(_ i: Int) -> ParagraphRef {
        ParagraphRef(page: PageKey(release: "r\(1000 + i)", section: "s"), anchor: "p")
    }

    @Test func rareSharedTermsRelateParagraphsAndVeryCommonOnesDoNot() {
        let count = RelatedParagraphs.commonCap + 100
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

extension RelatedParagraphsTests {
    /// Adding a release must not reshuffle the lists of paragraphs it shares nothing
    /// with: their weights may not depend on how big the site is. With weights from the
    /// site's size (log(all / using)), the 60 new paragraphs below (40 → 100) flip p0's list from
    /// p2 (one rare term) to p1 (two commoner ones).
    @Test func paragraphsThatShareNothingWithTheOthersLeaveTheirListsAlone() {
        var terms: [ParagraphRef: Set<Int>] = [:]
        terms[ref(0)] = [1, 2, 3]
        terms[ref(1)] = [1, 2]  // shares two terms that 10 paragraphs use
        terms[ref(2)] = [3]  // shares one term nobody else uses
        for i in 3..<11 { terms[ref(i)] = [1, 2] }
        for i in 11..<40 { terms[ref(i)] = [4] }
        let before = RelatedParagraphs(limit: 1).compute(termsByParagraph: terms, numbered: Set(terms.keys))
        for i in 40..<100 { terms[ref(i)] = [5] }
        let after = RelatedParagraphs(limit: 1).compute(termsByParagraph: terms, numbered: Set(terms.keys))
        #expect(before[ref(0)] != nil)
        for i in 0..<40 { #expect(after[ref(i)] == before[ref(i)], "p\(i)") }
    }
}
