import Foundation
import Testing

@testable import Communique

/// The PDF fixtures, made once per test run by `Fixtures/pdf/make_pdfs.py` (reportlab, in the
/// repository's `.build-venv`, which `make test` sets up) into a temporary folder, with what
/// each statement PDF drew.
enum PDFFixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let script = repository.appendingPathComponent("Tests/CommuniqueTests/Fixtures/pdf/make_pdfs.py")
    static let python = repository.appendingPathComponent(".build-venv/bin/python")

    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    /// The folder of generated PDFs, or why it could not be made.
    static let generated: Result<URL, SetupError> = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("communique-pdf-fixtures-\(UUID().uuidString)")
        let advice = "run `make test` (it installs poppler-utils and fonts-ipafont-gothic and creates .build-venv with reportlab)"
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            return .failure(SetupError(description: "\(python.path) is missing: \(advice)"))
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path, folder.path]
        let messages = Pipe()
        process.standardError = messages
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .failure(SetupError(description: "could not run \(python.path): \(error); \(advice)"))
        }
        let stderr = String(decoding: messages.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(SetupError(description: "make_pdfs.py failed: \(stderr)\n\(advice)"))
        }
        return .success(folder)
    }()

    /// The path of a generated fixture (`ja-statement.pdf`); fails the test, saying what to
    /// run, when the fixtures could not be made.
    static func path(_ name: String) throws -> String {
        try generated.get().appendingPathComponent(name).path
    }

    /// What the script drew for a statement PDF (`ja-statement`).
    static func expected(_ name: String) throws -> DrawnStatement {
        let data = try Data(contentsOf: URL(fileURLWithPath: try path(name + ".json")))
        return try JSONDecoder().decode(DrawnStatement.self, from: data)
    }
}

/// The blocks a fixture PDF drew, as their true text, and its page furniture.
struct DrawnStatement: Decodable {
    struct Block: Decodable {
        var kind: String
        var text: String
    }

    var language: String
    var pages: Int
    var header: String
    var footer: String
    var pageNumbers: [String]
    var blocks: [Block]
    var brokenAcrossPages: [String]
    var hyphenatedLineEnds: [String]

    func texts(_ kind: String) -> [String] { blocks.filter { $0.kind == kind }.map(\.text) }
}
