import Foundation
import Testing

@testable import Communique

/// Re-importing gives the same bytes; pages a person edited are never overwritten
/// without `--force`, and a refused import writes nothing.
@Suite struct ImportWriterTests {
    let root: URL
    let folder: URL

    init() throws {
        root = try ImportFixtures.temporaryFolder()
        folder = root.appendingPathComponent("Content/releases/2024-07-28-japan-us-2plus2")
    }

    @discardableResult
    func importSample(force: Bool = false) throws -> ImportWriter.Outcome {
        let result = try ImportFixtures.importFixture(ImportFixtures.sample)
        return try ImportWriter(root: root).write(result, force: force)
    }

    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    func modified(_ name: String) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.modificationDate] as? Date)
    }

    @Test func writesTheReleaseFolderAndManifest() throws {
        let outcome = try importSample()
        #expect(outcome.folder == "Content/releases/2024-07-28-japan-us-2plus2")
        #expect(outcome.created.count == 6)
        let files = try snapshot()
        #expect(Set(files.keys) == [
            "_index.md", "01-soron.md", "02-chiiki-josei.md", "03-domei-no-gendaika.md", "04-beigun-no-taisei.md",
            "_dropped.txt", ".import.json",
        ])
        let manifest = try JSONDecoder().decode(ImportManifest.self, from: try #require(files[".import.json"]))
        #expect(manifest.source == ImportFixtures.sample)
        #expect(manifest.files["01-soron.md"] == ContentHash.of(bytes: try #require(files["01-soron.md"])))
        #expect(manifest.files.count == 6)
    }

    @Test func reimportingIsByteIdenticalAndTouchesNothing() throws {
        try importSample()
        let first = try snapshot()
        let time = try modified("01-soron.md")
        let outcome = try importSample()
        #expect(try snapshot() == first)
        #expect(outcome.unchanged.count == 6)
        #expect(outcome.created.isEmpty && outcome.updated.isEmpty)
        #expect(try modified("01-soron.md") == time)
        // The importer alone is deterministic too.
        let a = try ImportFixtures.importFixture(ImportFixtures.sample).files
        let b = try ImportFixtures.importFixture(ImportFixtures.sample).files
        #expect(a.map(\.path) == b.map(\.path) && a.map(\.contents) == b.map(\.contents))
    }

    @Test func editedPagesAreRefusedByNameAndNothingIsWritten() throws {
        try importSample()
        let soron = folder.appendingPathComponent("01-soron.md")
        let josei = folder.appendingPathComponent("02-chiiki-josei.md")
        try Data("---\ntitle: 総論\n---\n\n人が書き直した。\n".utf8).write(to: soron)
        try Data("edited\n".utf8).write(to: josei)
        // Another page the import would change, to show nothing at all gets written.
        let index = folder.appendingPathComponent("_index.md")
        var manifest = try #require(ImportManifest.read(in: folder))
        try Data("old importer output\n".utf8).write(to: index)
        manifest.files["_index.md"] = ContentHash.of("old importer output\n")
        try manifest.encoded().write(to: folder.appendingPathComponent(ImportManifest.fileName))
        let before = try snapshot()

        let error = try #require(throws: CommuniqueError.self) { try importSample() }
        let files = error.diagnostics.compactMap(\.location?.file)
        #expect(files == [
            "Content/releases/2024-07-28-japan-us-2plus2/01-soron.md",
            "Content/releases/2024-07-28-japan-us-2plus2/02-chiiki-josei.md",
        ])
        #expect(error.description.contains("--force"))
        #expect(try snapshot() == before)

        let outcome = try importSample(force: true)
        #expect(Set(outcome.updated) == ["_index.md", "01-soron.md", "02-chiiki-josei.md"])
        #expect(try String(contentsOf: soron, encoding: .utf8).contains("(1)冒頭、日本側から"))
        #expect(try importSample().unchanged.count == 6)
    }

    @Test func aDifferingFileWithoutAManifestEntryCountsAsEdited() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("a page someone wrote\n".utf8).write(to: folder.appendingPathComponent("01-soron.md"))
        let error = try #require(throws: CommuniqueError.self) { try importSample() }
        #expect(error.diagnostics.map(\.location?.file) == ["Content/releases/2024-07-28-japan-us-2plus2/01-soron.md"])
        #expect(try snapshot().keys.sorted() == ["01-soron.md"])
    }

    @Test func filesTheImportNoLongerWritesAreRemovedUnlessEdited() throws {
        try importSample()
        let stale = folder.appendingPathComponent("05-old-section.md")
        try Data("old\n".utf8).write(to: stale)
        var manifest = try #require(ImportManifest.read(in: folder))
        manifest.files["05-old-section.md"] = ContentHash.of("old\n")
        try manifest.encoded().write(to: folder.appendingPathComponent(ImportManifest.fileName))
        let outcome = try importSample()
        #expect(outcome.removed == ["05-old-section.md"])
        #expect(!FileManager.default.fileExists(atPath: stale.path))

        try Data("edited\n".utf8).write(to: stale)
        manifest.files["05-old-section.md"] = ContentHash.of("old\n")
        try manifest.encoded().write(to: folder.appendingPathComponent(ImportManifest.fileName))
        #expect(throws: CommuniqueError.self) { try importSample() }
        #expect(FileManager.default.fileExists(atPath: stale.path))
        // A file the importer never wrote is left alone.
        let notes = folder.appendingPathComponent("notes.md")
        try Data("mine\n".utf8).write(to: notes)
        try importSample(force: true)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: notes.path))
    }

    @Test func manifestIsDeterministic() throws {
        let manifest = ImportManifest(source: "a.txt", files: ["b.md": "fnv1a64:1", "a.md": "fnv1a64:2"])
        let text = String(decoding: try manifest.encoded(), as: UTF8.self)
        #expect(text == "{\n  \"files\" : {\n    \"a.md\" : \"fnv1a64:2\",\n    \"b.md\" : \"fnv1a64:1\"\n  },\n  \"source\" : \"a.txt\"\n}\n")
        #expect(ContentHash.of("") == "fnv1a64:cbf29ce484222325")
        #expect(ContentHash.of("a") == "fnv1a64:af63dc4c8601ec8c")
    }
}
