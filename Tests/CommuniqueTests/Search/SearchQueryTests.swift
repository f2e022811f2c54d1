import Testing

@testable import Communique

@Suite struct SearchQueryTests {
    /// Paragraphs of three releases, oldest first, and one glossary entry with an alias.
    private static func index() -> SearchIndex {
        var index = SearchIndex()
        let texts: [[String]] = [
            ["台湾海峡の平和と安定の重要性を強調した。", "サイドバーの表示を改めた。"],
            ["台湾と海峡を隔てた地域について述べた。", "同盟調整メカニズムを強化する。", "The Quad met in Tokyo."],
            ["サイバー分野の協力を進める。", "ＡＣＭの役割を確認した。", "North Korea's missile launches were condemned.", "拉致問題の即時解決を求めた。",
             "台湾の湾海と海峡"],
        ]
        for (number, paragraphs) in texts.enumerated() {
            let first = index.documents.count
            for text in paragraphs {
                let document = Int32(index.documents.count)
                index.documents.append(SearchIndex.Document(release: number, page: 0, label: "", anchor: "p", text: text, topics: []))
                for token in Set(SearchText.runs(of: text).flatMap(SearchText.tokens)) {
                    index.postings[token, default: PostingList()].append(document)
                }
            }
            index.releases.append(SearchIndex.Release(
                id: "r\(number)", title: "R\(number)", date: "202\(number)-07-28", url: "r", pages: [.init(title: "", url: "r")],
                firstDocument: first,
                documentCount: paragraphs.count))
        }
        index.entries = [SearchIndex.Entry(
            kind: .term, title: "同盟調整メカニズム", reading: "どうめいちょうせいめかにずむ", url: "g",
            forms: ["同盟調整メカニズム", "ACM"], english: "Alliance Coordination Mechanism", text: "日米同盟の調整の枠組み")]
        return index
    }

    /// The paragraphs shown for a query: its candidates, confirmed.
    private func documents(_ query: String, year: String? = nil) -> [Int] {
        let index = Self.index()
        let answer = SearchQuery(query).answer(in: index, year: year)
        return answer.documents.filter { SearchQuery.confirms(index.documents[$0].text, for: answer) }
    }

    @Test func aJapanesePhraseMatchesOnlyAdjacentAndInOrder() {
        #expect(documents("台湾海峡") == [0])
        // A paragraph with every bigram but apart is a candidate, and is not shown.
        #expect(SearchQuery("台湾海峡").answer(in: Self.index()).documents == [9, 0])
        #expect(documents("サイバー") == [5])
        #expect(documents("サイドバー") == [1])
        #expect(documents("さいばー") == [5])
    }

    @Test func oneCharacterMatchesAnywhere() {
        #expect(documents("拉") == [8])
        #expect(documents("峡") == [9, 2, 0])
    }

    @Test func wordsSeparatedBySpacesMustAllMatch() {
        #expect(documents("台湾 海峡") == [9, 2, 0])
        #expect(documents("台湾 サイバー") == [])
    }

    @Test func latinWordsAreWholeAndTheLastIsAPrefixWhileTyped() {
        #expect(documents("quad ") == [4])
        #expect(documents("qua") == [4])
        #expect(documents("qua ") == [])
        #expect(documents("\"north korea\"") == [7])
        #expect(documents("\"korea north\"") == [])
        #expect(SearchQuery("\"korea north\"").answer(in: Self.index()).documents == [7])
    }

    @Test func aGlossaryFormFindsTheOtherForms() {
        let answer = SearchQuery("ＡＣＭ").answer(in: Self.index())
        #expect(answer.entries == [0])
        #expect(answer.documents == [6, 3])
        #expect(SearchQuery("同盟調整メカニズム").answer(in: Self.index()).documents == [6, 3])
    }

    /// Ranked by match: paragraphs with the query as typed before those with only another
    /// form of the entry it names, even when newer; a query that is one of the forms finds
    /// them all alike, newest first.
    @Test func theQueryAsTypedRanksBeforeTheEntrysOtherForms() {
        var index = Self.index()
        // The newest paragraph names the mechanism in full, not as ACM.
        let text = "同盟調整メカニズムの運用を開始した。"
        index.documents.append(SearchIndex.Document(release: 2, page: 0, label: "", anchor: "p", text: text, topics: []))
        let added = Int32(index.documents.count - 1)
        for token in Set(SearchText.runs(of: text).flatMap(SearchText.tokens)) {
            index.postings[token, default: PostingList()].append(added)
        }
        // "acm" being typed (a prefix, not the form itself): its own paragraph first.
        #expect(SearchQuery("acm").answer(in: index).documents == [6, Int(added), 3])
        // The form itself: the entry's paragraphs alike, newest first.
        #expect(SearchQuery("同盟調整メカニズム").answer(in: index).documents == [Int(added), 6, 3])
        #expect(SearchQuery("ACM ").answer(in: index).documents == [Int(added), 6, 3])
    }

    @Test func entriesAreFoundByTheirNamesNotTheirGloss() {
        #expect(SearchQuery("coordination").answer(in: Self.index()).entries == [0])
        #expect(SearchQuery("調整メカ").answer(in: Self.index()).entries == [0])
        #expect(SearchQuery("枠組み").answer(in: Self.index()).entries == [])
    }

    @Test func aYearFilterKeepsThatYearsReleases() {
        #expect(documents("台湾", year: "2020") == [0])
    }
}

/// The index's `@<entry>` lists, which the page loads instead of every form's postings.
@Suite struct SearchEntryListTests {
    @Test func anEntrysListHoldsTheParagraphsOfEachOfItsForms() throws {
        let site = try TestSite.sampleAndMinimal()
        defer { site.remove() }
        let source = try SiteLoader().load(root: site.root)
        let index = SearchIndex(site: source, analysis: SiteAnalyser().analyse(source))
        let acm = try #require(index.entries.firstIndex { $0.forms.contains("ACM") })
        let listed = Set(try #require(index.postings["@\(acm)"]).documents.map(Int.init))
        for form in index.entries[acm].forms {
            let found = Set(SearchQuery(form + " ").confirmed(in: index))
            #expect(found.isSubset(of: listed), "\(form)")
        }
        // The sample names the mechanism in full in one paragraph and as ACM in another.
        let texts = listed.map { index.documents[$0].text }
        #expect(texts.contains { $0.contains("同盟調整メカニズム") })
        #expect(texts.contains { $0.contains("ACM") || $0.contains("ＡＣＭ") })
        // And a query naming it answers with that list (and its own candidates).
        #expect(Set(SearchQuery("ＡＣＭ").answer(in: index).documents).isSuperset(of: listed))
        #expect(index.postings.keys.filter { $0.hasPrefix("@") }.count <= index.entries.count)
    }
}
