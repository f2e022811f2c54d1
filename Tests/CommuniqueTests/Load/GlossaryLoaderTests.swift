import Foundation
import Testing

@testable import Communique

@Suite struct GlossaryLoaderTests {
    func load(_ yaml: String) throws -> [CuratedTerm] {
        let site = try TestSite(["Content/glossary.yml": yaml], templates: false)
        defer { site.remove() }
        return try GlossaryLoader().load(root: site.root)
    }

    func messages(_ yaml: String) throws -> [String] {
        do {
            _ = try load(yaml)
            Issue.record("expected an error")
            return []
        } catch let error as CommuniqueError {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func readsEntries() throws {
        let terms = try load("""
            - term: 同盟調整メカニズム
              reading: どうめいちょうせいめかにずむ
              aliases: [ACM]
              english: Alliance Coordination Mechanism
              definition: 平時から緊急事態まで日米の調整を行う仕組み。
              category: system
              see: [統合作戦司令部]
            - term: 統合作戦司令部
              aliases: JJOC
            """)
        #expect(terms.map(\.term) == ["同盟調整メカニズム", "統合作戦司令部"])
        #expect(terms[0].aliases == ["ACM"])
        #expect(terms[0].category == .system)
        #expect(terms[0].seeAlso == ["統合作戦司令部"])
        #expect(terms[1].aliases == ["JJOC"])
        #expect(terms[1].location.line == 8)
    }

    @Test func badYAMLNamesTheLine() throws {
        let found = try messages("- term: a\n- term: [b\n")
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("Content/glossary.yml:2:9:"), "\(found)")
    }

    @Test func duplicateTermsAndAliasesAcrossWidths() throws {
        #expect(try messages("- term: ACM\n- term: 同盟調整メカニズム\n  aliases: [ＡＣＭ]\n") == [
            "Content/glossary.yml:2: error: duplicate term 'ＡＣＭ' (already defined at line 1)"
        ])
    }

    @Test func seeAlsoMustNameAnEntry() throws {
        #expect(try messages("- term: a\n  see: [b]\n") == ["Content/glossary.yml:1: error: 'see' names 'b', which is not a glossary term"])
    }

    @Test func unknownCategoryAndKeysAndMissingTerm() throws {
        #expect(try messages("- term: a\n  category: weapon\n") == [
            "Content/glossary.yml:2:13: error: unknown category 'weapon' (use one of: person, organisation, agreement, place, system, other)"
        ])
        #expect(try messages("- term: a\n  defintion: x\n").first?.contains("unknown key 'defintion'") == true)
        #expect(try messages("- reading: a\n") == ["Content/glossary.yml:1:3: error: a glossary entry has no 'term'"])
    }

    @Test func noGlossaryFileIsAnEmptyGlossary() throws {
        let site = try TestSite([:], templates: false)
        defer { site.remove() }
        #expect(try GlossaryLoader().load(root: site.root).isEmpty)
    }
}
