import CommuniqueJapanese
import Foundation
import Testing

@testable import Communique

@Suite("GlossaryExtractionTests") struct GlossaryExtractionTests {
    static let sample = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/statements/2024-07-28-japan-us-2plus2.txt")

    let withMeCab = TermExtractor(reader: JapaneseReader())
    let withoutMeCab = TermExtractor(reader: nil)

    /// Long form → acronym, for the acronyms `extractor` finds in `text`.
    func acronyms(_ text: String, _ extractor: TermExtractor? = nil) -> [String: String] {
        let terms = (extractor ?? withMeCab).extract(from: text).filter { $0.kind == .acronym }
        return Dictionary(uniqueKeysWithValues: terms.map { ($0.aliases.joined(separator: ","), $0.term) })
    }

    func longForm(of text: String, _ extractor: TermExtractor? = nil) -> String? {
        (extractor ?? withMeCab).extract(from: text).first?.term
    }

    // MARK: - The sample statement

    @Test func sampleGivesExactlyTheAcronymsItDefines() throws {
        let text = try String(contentsOf: Self.sample, encoding: .utf8)
        #expect(acronyms(text) == [
            "ACM": "同盟調整メカニズム",
            "JJOC": "統合作戦司令部",
            "WG-FFTR": "将来の戦闘機パイロットの教育と即応性のためのワーキンググループ",
            "ISR": "情報収集、警戒監視及び偵察",
            "BIAC": "日米共同情報分析組織",
            "DICAS": "日米防衛産業協力・取得・維持整備定期協議",
        ])
    }

    @Test func samplePeopleAndAliasInOrderOfAppearance() throws {
        let text = try String(contentsOf: Self.sample, encoding: .utf8)
        let terms = withMeCab.extract(from: text).filter { $0.kind != .acronym }
        // The headline defines the alias before the lead names the ministers.
        #expect(terms == [
            ExtractedTerm(kind: .alias, term: "日米安全保障協議委員会", aliases: ["2+2"]),
            ExtractedTerm(kind: .person, term: "木原稔", reading: "きはら・みのる", title: "防衛大臣"),
            ExtractedTerm(kind: .person, term: "上川陽子", reading: "かみかわ・ようこ", title: "外務大臣"),
            ExtractedTerm(
                kind: .person, term: "アントニー・ブリンケン", english: "Antony Blinken", title: "米国国務長官",
                englishTitle: "Secretary of State of the United States of America"),
            ExtractedTerm(
                kind: .person, term: "ロイド・オースティン", english: "Lloyd Austin", title: "米国国防長官",
                englishTitle: "Secretary of Defense of the United States of America"),
        ])
    }

    @Test func sampleTermsAreListedOnceEach() throws {
        let text = try String(contentsOf: Self.sample, encoding: .utf8)
        let terms = withMeCab.extract(from: text).map(\.term)
        #expect(terms.count == Set(terms).count)
        #expect(terms.count == 11)
    }

    // MARK: - Japanese long forms

    @Test func longFormIsTheWholeNameOfAnOrganisation() {
        #expect(longForm(of: "政府は、国家安全保障会議(NSC)を開催した。") == "国家安全保障会議")
        #expect(longForm(of: "東南アジア諸国連合(ASEAN)との協力を確認した。") == "東南アジア諸国連合")
        #expect(longForm(of: "日米双方は、北大西洋条約機構(NATO)との連携を歓迎した。") == "北大西洋条約機構")
        #expect(longForm(of: "我が国は、国際原子力機関(IAEA)の取組を支持する。") == "国際原子力機関")
    }

    @Test func possessiveBeforeTheNameIsNotPartOfIt() {
        #expect(longForm(of: "日本の国家安全保障会議(NSC)は") == "国家安全保障会議")
        #expect(longForm(of: "米国の大量破壊兵器(WMD)拡散対策") == "大量破壊兵器")
        #expect(longForm(of: "中国の排他的経済水域(EEZ)内で") == "排他的経済水域")
        // 米 is the proper noun of the compound 米軍: the whole compound is the owner,
        // even with more letters left to spell.
        #expect(longForm(of: "米軍の統合軍司令部(USINDOPACOM)") == "統合軍司令部")
    }

    @Test func modifiersInsideANameAreKept() {
        #expect(
            longForm(of: "日本は、環太平洋パートナーシップに関する包括的及び先進的な協定(CPTPP)の締約国である。")
                == "環太平洋パートナーシップに関する包括的及び先進的な協定")
        #expect(longForm(of: "政府は、持続可能な開発目標(SDGs)の達成に取り組む。") == "持続可能な開発目標")
        #expect(longForm(of: "両国は、宇宙における状況監視(SSA)の協力を進める。") == "宇宙における状況監視")
    }

    @Test func coordinatedNameStopsAtAPossessiveList() {
        #expect(longForm(of: "日本と北大西洋条約機構(NATO)は") == "北大西洋条約機構")
        #expect(longForm(of: "研究及び開発(R&D)への投資") == "研究及び開発")
    }

    @Test func quotedNameIsTakenWhole() {
        #expect(longForm(of: "「自由で開かれたインド太平洋」(FOIP)の実現に向け") == "自由で開かれたインド太平洋")
        #expect(longForm(of: "日米は「自由で開かれたインド太平洋(FOIP)」を推進する。") == "自由で開かれたインド太平洋")
    }

    @Test func acronymWithoutANounPhraseBeforeItIsIgnored() {
        #expect(withMeCab.extract(from: "この点を確認した(ACM)。").isEmpty)
        #expect(withMeCab.extract(from: "(ACM)は重要である。").isEmpty)
        #expect(withMeCab.extract(from: "それ(ACM)は").isEmpty)
    }

    @Test func numbersAndWordsInParenthesesAreNotAcronyms() {
        #expect(withMeCab.extract(from: "令和6(2024)年7月28日(日)、共同発表(仮訳/英文)が発出された。").isEmpty)
        #expect(withMeCab.extract(from: "人事発令(海自2名、空自1名)").isEmpty)
        #expect(withMeCab.extract(from: "日本(Japan)").isEmpty)
    }

    @Test func fullWidthParenthesesAndLettersAreKeptAsWritten() {
        let terms = withMeCab.extract(from: "既存の同盟調整メカニズム（ＡＣＭ）が、")
        #expect(terms == [ExtractedTerm(kind: .acronym, term: "同盟調整メカニズム", aliases: ["ＡＣＭ"])])
        #expect(acronyms("主要7か国首脳会議(G7)で") == ["G7": "主要7か国首脳会議"])
    }

    @Test func withoutMeCabCharacterClassesStillCutTheCommonCases() throws {
        let text = try String(contentsOf: Self.sample, encoding: .utf8)
        let found = acronyms(text, withoutMeCab)
        #expect(found["ACM"] == "同盟調整メカニズム")
        #expect(found["JJOC"] == "統合作戦司令部")
        #expect(found["ISR"] == "情報収集、警戒監視及び偵察")
        #expect(found["BIAC"] == "日米共同情報分析組織")
        #expect(found["DICAS"] == "日米防衛産業協力・取得・維持整備定期協議")
        // Without parts of speech a possessive の cannot be told apart, so の always ends a name.
        #expect(found["WG-FFTR"] == "ワーキンググループ")
    }

    // MARK: - English long forms

    @Test func englishLongFormIsTheShortestRunSpellingTheAcronym() {
        #expect(acronyms("under the existing Alliance Coordination Mechanism (ACM), the two") == [
            "ACM": "Alliance Coordination Mechanism"
        ])
        #expect(acronyms("cooperation on Intelligence, Surveillance, and Reconnaissance (ISR) activities") == [
            "ISR": "Intelligence, Surveillance, and Reconnaissance"
        ])
        #expect(acronyms("with the Japan Joint Operations Command (JJOC).") == [
            "JJOC": "Japan Joint Operations Command"
        ])
        #expect(acronyms("welcomed the Defense Industrial Cooperation, Acquisition and Sustainment Forum (DICAS).") == [
            "DICAS": "Defense Industrial Cooperation, Acquisition and Sustainment Forum"
        ])
    }

    @Test func englishLongFormMaySpellFromInsideAWordAndThroughConnectors() {
        #expect(acronyms("members of the Association of Southeast Asian Nations (ASEAN) and") == [
            "ASEAN": "Association of Southeast Asian Nations"
        ])
        #expect(acronyms("the Japan Self-Defense Forces (JSDF) and") == ["JSDF": "Japan Self-Defense Forces"])
        #expect(acronyms("the Ministry of Defense (MOD) and") == ["MOD": "Ministry of Defense"])
        #expect(acronyms("the realignment of U.S. Forces Japan (USFJ) and") == ["USFJ": "U.S. Forces Japan"])
        #expect(acronyms("a free and open Indo-Pacific (FOIP)") == [:])
    }

    // MARK: - People

    @Test func personWithReadingTakesTheTitleAfterIt() {
        #expect(withMeCab.extract(from: "岸田文雄(きしだ・ふみお)内閣総理大臣は、") == [
            ExtractedTerm(kind: .person, term: "岸田文雄", reading: "きしだ・ふみお", title: "内閣総理大臣")
        ])
        #expect(withMeCab.extract(from: "会談には、上川陽子(かみかわ ようこ)氏が出席した。") == [
            ExtractedTerm(kind: .person, term: "上川陽子", reading: "かみかわ ようこ")
        ])
    }

    @Test func personNameIsCutWhereItsReadingStarts() {
        #expect(withMeCab.extract(from: "同日木原稔(きはら・みのる)防衛大臣及び").first?.term == "木原稔")
        #expect(withMeCab.extract(from: "同日木原稔(きはら・みのる)防衛大臣及び").first?.title == "防衛大臣")
        #expect(withoutMeCab.extract(from: "同日、木原稔(きはら・みのる)防衛大臣").first?.term == "木原稔")
    }

    @Test func readingOfAPlaceIsNotAPerson() {
        #expect(withMeCab.extract(from: "辺野古(へのこ)における").isEmpty)
    }

    @Test func katakanaNameDropsHonorificsAndKeepsBothTitles() {
        let text = "ペニー・ウォン豪州外務大臣(H.E. Senator the Hon. Penny Wong, Minister for Foreign Affairs of Australia)"
        #expect(withMeCab.extract(from: "米側からは、" + text) == [
            ExtractedTerm(
                kind: .person, term: "ペニー・ウォン", english: "Penny Wong", title: "豪州外務大臣",
                englishTitle: "Minister for Foreign Affairs of Australia")
        ])
        #expect(withMeCab.extract(from: "ジャン＝ノエル・バロ(Mr. Jean-Noël Barrot)は").first?.english == "Jean-Noël Barrot")
    }

    @Test func generationalSuffixStaysWithTheEnglishName() {
        let text = "バイデン米国大統領(The Honorable Joseph R. Biden, Jr., President of the United States of America)と"
        #expect(withMeCab.extract(from: text) == [
            ExtractedTerm(
                kind: .person, term: "バイデン", english: "Joseph R. Biden, Jr.", title: "米国大統領",
                englishTitle: "President of the United States of America")
        ])
    }

    // MARK: - Aliases

    @Test func quotedAliasesWithAndWithoutIntroduction() {
        #expect(withMeCab.extract(from: "日米安全保障協議委員会(「2+2」)を東京において実施した。") == [
            ExtractedTerm(kind: .alias, term: "日米安全保障協議委員会", aliases: ["2+2"])
        ])
        #expect(withMeCab.extract(from: "政府は、国家安全保障戦略(以下「戦略」という。)を決定した。") == [
            ExtractedTerm(kind: .alias, term: "国家安全保障戦略", aliases: ["戦略"])
        ])
        #expect(withMeCab.extract(from: "日米豪印首脳会合(通称「クアッド」)") == [
            ExtractedTerm(kind: .alias, term: "日米豪印首脳会合", aliases: ["クアッド"])
        ])
    }

    @Test func aTermDefinedTwiceIsMergedIntoOneEntry() {
        let text = "同盟調整メカニズム(ACM)を強化する。同盟調整メカニズム（ＡＣＭ）は重要であり、同盟調整メカニズム(「調整メカ」)とも呼ぶ。"
        #expect(withMeCab.extract(from: text) == [
            ExtractedTerm(kind: .acronym, term: "同盟調整メカニズム", aliases: ["ACM", "調整メカ"])
        ])
    }
}


extension GlossaryExtractionTests {
    /// The shortcut past paragraphs whose only parentheses are their numbers must not
    /// skip one that defines a term, in either width, after its number or on a later line.
    @Test func onlyParenthesesHoldingDigitsAloneAreSkipped() {
        #expect(!TermExtractor.mayDefineTerms("(1)日米双方は一致しました。"))
        #expect(!TermExtractor.mayDefineTerms("（２）四閣僚は（３）確認した。"))
        #expect(!TermExtractor.mayDefineTerms("括弧のない段落。"))
        #expect(!TermExtractor.mayDefineTerms("(ACM\n)"), "a pair spans no line break, as in Parenthetical")
        #expect(TermExtractor.mayDefineTerms("(1)同盟調整メカニズム(ACM)を活用する。"))
        #expect(TermExtractor.mayDefineTerms("(1)前文。\n木原稔（きはら・みのる）防衛大臣"))
        #expect(TermExtractor.mayDefineTerms("（２）防衛装備移転三原則（以下「三原則」）"))
        for text in ["(1)同盟調整メカニズム(ACM)を活用する。", "（１）日米共同情報分析組織（ＢＩＡＣ）の活用"] {
            #expect(!withMeCab.extract(from: text).isEmpty, "\(text)")
        }
    }
}
