import Foundation
import Testing

@testable import Communique

/// Every kind of bad input is a `CommuniqueError` naming the file (and the line where
/// there is one), and nothing is written.
@Suite struct ImportBadInputTests {
    func importing(_ path: String) throws -> (CommuniqueError, URL) {
        let root = try ImportFixtures.temporaryFolder()
        let error = try #require(throws: CommuniqueError.self) {
            let result = try StatementImporter().importStatement(at: path, id: nil)
            try ImportWriter(root: root).write(result, force: false)
        }
        #expect(error.diagnostics.allSatisfy { $0.location?.file == path })
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Content").path))
        return (error, root)
    }

    @Test func missingFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-statement-\(UUID()).txt").path
        #expect(try importing(path).0.description.contains("no such file"))
    }

    @Test func aFolder() throws {
        let path = try ImportFixtures.temporaryFolder().path
        #expect(try importing(path).0.description.contains("is a folder"))
    }

    @Test func emptyFile() throws {
        let path = try ImportFixtures.temporaryFile("empty.txt", Data())
        #expect(try importing(path).0.description.contains("empty"))
    }

    @Test func whitespaceOnly() throws {
        let path = try ImportFixtures.temporaryFile("blank.txt", Data(" \n\u{3000}\n\t\r\n".utf8))
        #expect(try importing(path).0.description.contains("only whitespace"))
    }

    @Test func neitherUTF8NorShiftJIS() throws {
        var bytes = Data("日米\n2行目\n".utf8)
        bytes.append(contentsOf: [0x82, 0xFF, 0xFE, 0xFD, 0x80])
        let path = try ImportFixtures.temporaryFile("latin.txt", bytes)
        let (error, _) = try importing(path)
        #expect(error.description.contains("neither UTF-8 nor Shift_JIS"))
        #expect(error.diagnostics.first?.location?.line == 3)
    }

    @Test func binaryFile() throws {
        let path = try ImportFixtures.temporaryFile("image.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]))
        let (error, _) = try importing(path)
        // Known by its signature, before any byte is decoded.
        #expect(error.description.contains("is a PNG image"))
    }

    @Test func onlyPageChrome() throws {
        let path = try ImportFixtures.temporaryFile("chrome.txt", Data("Ranking読まれている記事\n- 24時間\n- 1週間\n".utf8))
        #expect(try importing(path).0.description.contains("no statement text"))
    }

    @Test func onlyATitle() throws {
        let path = try ImportFixtures.temporaryFile("title.txt", Data("日米外相会談\n2024年7月28日\n".utf8))
        let (error, _) = try importing(path)
        #expect(error.description.contains("no statement text"))
        #expect(error.diagnostics.first?.location?.line != nil)
    }

    @Test func invalidID() throws {
        let error = try #require(throws: CommuniqueError.self) {
            try ImportFixtures.importFixture(ImportFixtures.sample, id: "Bad ID")
        }
        #expect(error.description.contains("--id"))
    }

    @Test func shiftJISIsRead() throws {
        let text = try String(contentsOfFile: ImportFixtures.path("paren-fullwidth.txt"), encoding: .utf8)
        let data = try #require(text.replacingOccurrences(of: "\n", with: "\r\n").data(using: .shiftJIS))
        #expect(String(data: data, encoding: .utf8) == nil)
        let path = try ImportFixtures.temporaryFile("paren-fullwidth.txt", data)
        let sjis = try StatementImporter().importStatement(at: path, id: nil)
        let utf8 = try ImportFixtures.importFixture("paren-fullwidth.txt")
        #expect(sjis.report.encoding == .shiftJIS)
        #expect(sjis.files.map(\.path) == utf8.files.map(\.path))
        #expect(sjis.files.map(\.contents) == utf8.files.map(\.contents))
    }
}
