import Foundation
import Testing

@testable import Communique

/// `communique diff A B`: two releases of a site compared, for a terminal and for scripts.
@Suite struct ReleaseDiffTests {
    /// The sample, and a later release that is the sample with one paragraph reworded.
    static func site() throws -> TestSite {
        let site = try TestSite.sampleAndMinimal()
        let sample = site.root.appendingPathComponent("Content/releases/2024-07-28-japan-us-2plus2")
        let later = site.root.appendingPathComponent("Content/releases/2025-07-28-japan-us-2plus2")
        try FileManager.default.copyItem(at: sample, to: later)
        try site.replace(in: "Content/releases/2025-07-28-japan-us-2plus2/02-chiiki-josei.md", "継続を強く非難しました", with: "継続を最も強い言葉で非難しました")
        return site
    }

    @Test func theTextSaysWhatChangedInsideEachParagraph() throws {
        let site = try Self.site()
        defer { site.remove() }
        let comparison = try ReleaseDiff.compare(root: site.root, old: "2024-07-28-japan-us-2plus2", new: "2025-07-28-japan-us-2plus2")
        let text = ReleaseDiff.text(comparison, colour: false)
        #expect(text.hasPrefix("2024-07-28-japan-us-2plus2 → 2025-07-28-japan-us-2plus2: "))
        #expect(text.contains("## 地域情勢\n~ changed (4): "))
        #expect(text.contains("[-強く-]{+最も強い言葉で+}非難しました"))
        #expect(text.components(separatedBy: "\n").filter { $0.hasPrefix("~") || $0.hasPrefix("+") || $0.hasPrefix("-") }.count == 1)
        let coloured = ReleaseDiff.text(comparison, colour: true)
        #expect(coloured.contains("\u{1B}[31m[-強く-]\u{1B}[0m\u{1B}[32m{+最も強い言葉で+}\u{1B}[0m"))
    }

    @Test func theJSONListsEveryEntry() throws {
        let site = try Self.site()
        defer { site.remove() }
        let comparison = try ReleaseDiff.compare(root: site.root, old: "2024-07-28-japan-us-2plus2", new: "2025-07-28-japan-us-2plus2")
        let json = try JSONSerialization.jsonObject(with: Data(try ReleaseDiff.json(comparison).utf8)) as! [String: Any]
        #expect(json["old"] as? String == "2024-07-28-japan-us-2plus2")
        let counts = try #require(json["counts"] as? [String: Int])
        #expect(counts["changed"] == 1 && (counts["unchanged"] ?? 0) > 20)
        let entries = try #require(json["entries"] as? [[String: Any]])
        let changed = try #require(entries.first { $0["status"] as? String == "changed" })
        let new = try #require((changed["new"] as? [[String: String]])?.first)
        #expect(new["section"] == "chiiki-josei" && new["label"] == "(4)" && new["anchor"] == "sec_2__para_4")
        #expect((changed["runs"] as? [[String: String]])?.contains { $0["deleted"] == "強く" } == true)
    }

    @Test func anUnknownReleaseIsAnErrorNamingIt() throws {
        let site = try Self.site()
        defer { site.remove() }
        let error = try #require(throws: CommuniqueError.self) {
            try ReleaseDiff.compare(root: site.root, old: "2024-07-28-japan-us-2plus2", new: "2031-01-01-nothing")
        }
        #expect(error.diagnostics.contains { $0.message.contains("'2031-01-01-nothing'") })
    }
}
