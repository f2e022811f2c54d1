import Foundation
import Testing

@testable import Communique

@Suite struct BuildManifestTests {
    func folder(with files: [String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("communique-manifest-\(UUID().uuidString)")
        for path in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        return root
    }

    @Test func unitsAndTemplateKeysSurviveAWriteAndARead() throws {
        let root = try folder(with: ["a/index.html", "a/b/index.html", "c/index.html"])
        defer { SiteFiles.removeTree(root) }
        let manifest = BuildManifest(
            fingerprints: ["a/index.html": "1", "a/b/index.html": "2", "c/index.html": "3"],
            ids: ["a/index.html": ["x", "y"]],
            units: ["release:a": .init(key: "k1", paths: ["a/index.html", "a/b/index.html"])],
            templateKeys: ["title", "blocks"])
        try Data(manifest.text.utf8).write(to: root.appendingPathComponent(BuildManifest.fileName))
        #expect(BuildManifest.read(in: root) == manifest)
    }

    @Test func aUnitWithAPageMissingOnDiskIsNotKept() throws {
        let root = try folder(with: ["a/index.html"])
        defer { SiteFiles.removeTree(root) }
        let manifest = BuildManifest(
            fingerprints: ["a/index.html": "1", "a/b/index.html": "2"],
            units: ["release:a": .init(key: "k1", paths: ["a/index.html", "a/b/index.html"])])
        try Data(manifest.text.utf8).write(to: root.appendingPathComponent(BuildManifest.fileName))
        let read = BuildManifest.read(in: root)
        #expect(read.fingerprints == ["a/index.html": "1"])
        #expect(read.units.isEmpty)
    }
}
