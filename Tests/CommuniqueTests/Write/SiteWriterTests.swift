import Foundation
import Testing

@testable import Communique

@Suite struct SiteWriterTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
    var output: URL { folder.appendingPathComponent("Public") }

    func files(_ version: String) -> [OutputFile] {
        (0..<20).map { OutputFile(path: "p\($0)/index.html", text: "\(version) \($0)") } + [OutputFile(path: "same.css", text: "css")]
    }

    @Test func aFailurePartWayLeavesThePreviousSiteWhole() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SiteWriter().write(files("old"), to: output)
        var failing = SiteWriter()
        failing.afterStagingFile = { path in
            if path == "p10/index.html" { throw CommuniqueError("disk full (injected)") }
        }
        #expect(throws: CommuniqueError.self) { try failing.write(files("new"), to: output) }
        for i in 0..<20 {
            #expect(try String(contentsOf: output.appendingPathComponent("p\(i)/index.html"), encoding: .utf8) == "old \(i)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers.sorted() == [".communique", "Public"])
    }

    @Test func unchangedFilesKeepTheirModificationTime() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SiteWriter().write(files("old"), to: output)
        let css = output.appendingPathComponent("same.css").path
        let before = try FileManager.default.attributesOfItem(atPath: css)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.05)
        let report = try SiteWriter().write(files("new"), to: output)
        let after = try FileManager.default.attributesOfItem(atPath: css)[.modificationDate] as? Date
        #expect(before == after)
        #expect(report == WriteReport(written: 20, unchanged: 1, removed: 0))
    }

    @Test func filesNoLongerBuiltAreRemoved() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SiteWriter().write(files("old"), to: output)
        let report = try SiteWriter().write(Array(files("old").prefix(5)), to: output)
        #expect(report.removed == 16)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("p10/index.html").path))
    }

    @Test func fileHoldsComparesEveryByte() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("page.html").path
        try SiteWriter.writeFile(path, Array("abcdef".utf8), name: "page.html")
        #expect(SiteWriter.fileHolds(path, Array("abcdef".utf8)))
        #expect(!SiteWriter.fileHolds(path, Array("abcdeg".utf8)))
        #expect(!SiteWriter.fileHolds(path, Array("abcde".utf8)))
        #expect(!SiteWriter.fileHolds(path, []))
        try SiteWriter.writeFile(path, [], name: "page.html")
        #expect(SiteWriter.fileHolds(path, []))
        #expect(!SiteWriter.fileHolds(folder.appendingPathComponent("missing.html").path, []))
    }
}

extension SiteWriterTests {
    /// Two pages with one path (ids that collide): an error naming it, not one page lost.
    @Test func twoFilesWithOnePathAreAnError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SiteWriter().write(files("old"), to: output)
        let before = try String(contentsOf: output.appendingPathComponent("p1/index.html"), encoding: .utf8)
        let error = #expect(throws: CommuniqueError.self) {
            try SiteWriter().write(files("new") + [OutputFile(path: "p1/index.html", text: "other")], to: output)
        }
        #expect(error?.description == "p1/index.html: error: two pages of this build would be written to the same file; give one of them another id or slug")
        #expect(try String(contentsOf: output.appendingPathComponent("p1/index.html"), encoding: .utf8) == before)
    }
}
