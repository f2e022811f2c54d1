import Foundation
import Testing

@testable import Communique

/// Settings that used to be accepted silently, and reached `href`, `<time datetime>` or
/// ids: each is an error naming file:line, and the previous site stays as it was.
@Suite struct SettingsValidationTests {
    let site = "Content/site.yml"
    let index = "Content/releases/2024-07-28-test/_index.md"
    let soron = "Content/releases/2024-07-28-test/01-soron.md"

    /// Builds the minimal site, applies `change`, and returns the failed build's messages.
    func messages(_ change: (TestSite) throws -> Void) throws -> [String] {
        try TestSite.messagesOfAFailedRebuild(change)
    }

    @Test(arguments: ["javascript:alert(1)//", "/statements/", "example.org", "https://", "ftp://example.org/",
        "https://example.org/?q=1", "https://user@example.org/", "https://example.org/a b/", "https://example.org/\"onmouseover=x"])
    func aBaseURLMustBeAnAbsoluteWebURL(value: String) throws {
        let found = try messages { site in
            try site.write(self.site, "title: T\nlanguage: ja\nbase_url: '\(value.replacingOccurrences(of: "'", with: "''"))'\n")
        }
        #expect(found.count == 1 && found[0].hasPrefix("Content/site.yml:3:") && found[0].contains("'base_url' must be an absolute http(s) URL"), "\(found)")
    }

    @Test func absoluteWebURLsAreAccepted() {
        for url in ["https://example.org/statements/", "http://localhost:8080/", "https://例え.jp/".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!,
            "https://www.mofa.go.jp/a/b/"] where !url.contains("%E4") {
            #expect(Settings.isAbsoluteWebURL(url), "\(url)")
        }
    }

    @Test func aMisspeltKeySuggestsTheNearestKnownOne() throws {
        let found = try messages { site in
            try site.write(self.site, "title: T\ntitel: U\nbase_url: https://example.org/\nlangauge: en\nfoo: 1\n")
        }
        #expect(found.contains("Content/site.yml:2:1: error: unknown key 'titel' (did you mean 'title'?)"), "\(found)")
        #expect(found.contains("Content/site.yml:4:1: error: unknown key 'langauge' (did you mean 'language'?)"), "\(found)")
        #expect(found.contains { $0.hasPrefix("Content/site.yml:5:1: error: unknown key 'foo' (known: allow_raw_html, author,") }, "\(found)")
    }

    @Test func aKeyGivenTwiceIsAnErrorAtTheSecond() throws {
        var found = try messages { site in
            try site.write(self.site, "title: T\nbase_url: https://example.org/\ntitle: U\n")
        }
        #expect(found == ["Content/site.yml:3:1: error: key 'title' is given twice (first at line 1); keep one"])
        found = try messages { site in
            try site.replace(in: self.soron, "order: 1\n", with: "order: 1\nslug: a\norder: 2\n")
        }
        #expect(found.contains("\(soron):5:1: error: key 'order' is given twice (first at line 3); keep one"), "\(found)")
        found = try messages { site in
            try site.replace(in: self.index, "    reading: きはら・みのる\n", with: "    reading: きはら・みのる\n    name: 別人\n")
        }
        #expect(found.contains { $0.hasPrefix("\(self.index):") && $0.contains("key 'name' is given twice") }, "\(found)")
    }

    @Test(arguments: ["2024-13-45", "yesterday", "2024-02-30", "2023-02-29", "24-07-28", "2024-7-28", "2024-07-28T10:00"])
    func aMeetingDateMustBeARealCalendarDate(value: String) throws {
        let found = try messages { site in
            try site.replace(in: self.index, "date: \"2024-07-28\"", with: "date: \"\(value)\"")
        }
        #expect(found == ["\(index):4: error: 'date' must be a calendar date written yyyy-mm-dd (it is '\(value)')"])
    }

    @Test(arguments: ["2024-07-31T25:10:00+09:00", "2024-07-31T10:10:00+9", "July 31", "2024-07-31T10", "2024-07-31T10:10:00+09:00x"])
    func aBadPublishedIsAnErrorNotDropped(value: String) throws {
        let found = try messages { site in
            try site.replace(in: self.index, "category: 防衛省関連\n", with: "category: 防衛省関連\npublished: \"\(value)\"\n")
        }
        #expect(found.count == 1 && found[0].hasPrefix("\(index):4: error: 'published' must be a date or date-time"), "\(found)")
    }

    @Test func publishedDatesAndTimesThatAreAccepted() {
        for value in ["2024-07-31", "2024-07-31T10:10:00+09:00", "2024-07-31T10:10Z", "2024-07-31T10:10:00.5-05:00", "2024-02-29"] {
            #expect(PublicationTime(iso: value) != nil, "\(value)")
        }
    }

    @Test(arguments: ["-3", "0"])
    func aSectionOrderMustBeFromOne(value: String) throws {
        let found = try messages { site in
            try site.replace(in: self.soron, "order: 1\n", with: "order: \(value)\n")
        }
        #expect(found == ["\(soron):3: error: 'order' must be a whole number from 1 (it is \(value))"])
    }

    @Test func unknownFrontMatterKeysAreErrorsWithASuggestion() throws {
        let found = try messages { site in
            try site.replace(in: self.soron, "order: 1\n", with: "oder: 1\n")
            try site.replace(in: self.index, "category: 防衛省関連\n", with: "categroy: 防衛省関連\n")
            try site.replace(in: self.index, "    reading: きはら・みのる\n", with: "    readng: きはら・みのる\n")
        }
        #expect(found.contains("\(soron):3:1: error: unknown key 'oder' (did you mean 'order'?)"), "\(found)")
        #expect(found.contains("\(index):3:1: error: unknown key 'categroy' (did you mean 'category'?)"), "\(found)")
        #expect(found.contains("\(index):7:5: error: unknown key 'readng' (did you mean 'reading'?)"), "\(found)")
    }

    @Test func aLanguageMustBeALanguageTag() throws {
        let found = try messages { site in
            try site.write(self.site, "title: T\nlanguage: '\"><script>'\nbase_url: https://example.org/\n")
        }
        #expect(found.count == 1 && found[0].hasPrefix("Content/site.yml:2:") && found[0].contains("'language' must be a language tag"), "\(found)")
    }
}
