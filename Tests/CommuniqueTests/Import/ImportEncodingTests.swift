import Foundation
import Testing

@testable import Communique

/// Japanese statements still arrive in UTF-16 (Windows tools, with a byte-order mark) and
/// EUC-JP (older ministry and mailing-list files): each is read into the same pages as the
/// UTF-8 original, and the report says which encoding and line ends were used. Fixtures
/// are made from the sample with iconv, as a user's tools would make them.
@Suite struct ImportEncodingTests {
    static let utf8 = try! Data(contentsOf: URL(fileURLWithPath: ImportFixtures.path(ImportFixtures.sample)))

    /// The sample converted by `iconv -f UTF-8 -t <encoding>`, with `prefix` (a byte-order mark) before it.
    static func converted(to encoding: String, prefix: [UInt8] = []) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding, ImportFixtures.path(ImportFixtures.sample)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let bytes = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "iconv to \(encoding) failed")
        return Data(prefix) + bytes
    }

    /// The pages of `data` imported under the sample's name, with the encoding the report gives.
    static func pages(_ data: Data, encoding: SourceText.Encoding? = nil) throws -> (files: [String], report: ImportReport) {
        let path = try ImportFixtures.temporaryFile(ImportFixtures.sample, data)
        let result = try StatementImporter().importStatement(at: path, id: nil, encoding: encoding)
        return (result.files.map { $0.path + "\n" + $0.contents }, result.report)
    }

    @Test(arguments: [
        ("EUC-JP", [], SourceText.Encoding.eucJP),
        ("UTF-16LE", [0xFF, 0xFE], .utf16LE),
        ("UTF-16BE", [0xFE, 0xFF], .utf16BE),
        ("SHIFT_JIS", [], .shiftJIS),
    ] as [(String, [UInt8], SourceText.Encoding)])
    func legacyEncodingsGiveTheSamePages(iconvName: String, bom: [UInt8], expected: SourceText.Encoding) throws {
        let original = try Self.pages(Self.utf8)
        let imported = try Self.pages(try Self.converted(to: iconvName, prefix: bom))
        #expect(imported.report.encoding == expected)
        #expect(imported.report.description.hasPrefix("Imported \(ImportFixtures.sample) (\(expected.rawValue), plain text)"))
        #expect(imported.files == original.files)
    }

    /// iconv's plain `UTF-16` writes a byte-order mark itself, in the machine's order.
    @Test func utf16WithItsOwnByteOrderMark() throws {
        let imported = try Self.pages(try Self.converted(to: "UTF-16"))
        #expect([.utf16LE, .utf16BE].contains(imported.report.encoding))
        #expect(imported.files == (try Self.pages(Self.utf8)).files)
    }

    /// Without a byte-order mark UTF-16 is not guessed: the error says how to name it, and
    /// naming it imports the file.
    @Test func utf16WithoutByteOrderMarkIsNamedWithEncoding() throws {
        let data = try Self.converted(to: "UTF-16LE")
        let error = try #require(throws: CommuniqueError.self) { try Self.pages(data) }
        #expect(error.description.contains("--encoding utf-16le"))
        let forced = try Self.pages(data, encoding: SourceText.Encoding(name: "UTF_16le"))
        #expect(forced.report.encoding == .utf16LE)
        #expect(forced.files == (try Self.pages(Self.utf8)).files)
    }

    /// A forced encoding the bytes are not in is an error, not mojibake.
    @Test func forcedEncodingThatDoesNotFitIsRefused() throws {
        let euc = try Self.converted(to: "EUC-JP")
        let error = try #require(throws: CommuniqueError.self) { try Self.pages(euc, encoding: .utf8) }
        #expect(error.description.contains("is not valid UTF-8 text"))
        let wrongEnd = try #require(throws: CommuniqueError.self) {
            try Self.pages(try Self.converted(to: "UTF-16BE", prefix: [0xFE, 0xFF]), encoding: .utf16LE)
        }
        #expect(wrongEnd.description.contains("byte-order mark of UTF-16 BE"))
    }

    @Test func encodingNames() {
        #expect(SourceText.Encoding(name: "EUC-JP") == .eucJP)
        #expect(SourceText.Encoding(name: "euc_jp") == .eucJP)
        #expect(SourceText.Encoding(name: "cp932") == .shiftJIS)
        #expect(SourceText.Encoding(name: "Shift_JIS") == .shiftJIS)
        #expect(SourceText.Encoding(name: "utf-16") == .utf16LE)
        #expect(SourceText.Encoding(name: "UTF-16BE") == .utf16BE)
        #expect(SourceText.Encoding(name: "latin1") == nil)
    }

    /// CR-only files (classic Mac tools, some Windows exports) are reported as CR, not CRLF.
    @Test func lineEndsAreReportedAsWritten() throws {
        let text = String(decoding: Self.utf8, as: UTF8.self)
        let original = try Self.pages(Self.utf8)
        #expect(original.report.lineEnds == .lf)
        let cr = try Self.pages(Data(text.replacingOccurrences(of: "\n", with: "\r").utf8))
        #expect(cr.report.lineEnds == .cr)
        #expect(cr.report.description.contains("(UTF-8, plain text, CR line ends)"))
        #expect(cr.files == original.files)
        let crlf = try Self.pages(Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        #expect(crlf.report.lineEnds == .crlf)
        #expect(crlf.files == original.files)
        let mixed = try SourceText(data: Data("a\r\nb\rc\nd".utf8), path: "mixed.txt")
        #expect(mixed.lineEnds == .mixed)
        #expect(mixed.lines.map(\.text) == ["a", "b", "c", "d"])
    }
}
