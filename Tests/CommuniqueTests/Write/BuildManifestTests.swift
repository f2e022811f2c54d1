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

    /// A manifest as the writer makes it: stamps of the files as they are, the folder's identity.
    func written(_ manifest: BuildManifest, in root: URL) -> BuildManifest {
        var manifest = manifest
        for path in manifest.fingerprints.keys { manifest.stamps[path] = BuildManifest.FileStamp(of: root.path + "/" + path) }
        manifest.outputIdentity = BuildManifest.identity(of: root.path)
        return manifest
    }

    @Test func unitsAndTemplateKeysSurviveAWriteAndARead() throws {
        let root = try folder(with: ["a/index.html", "a/b/index.html", "c/index.html"])
        defer { SiteFiles.removeTree(root) }
        var manifest = written(BuildManifest(
            fingerprints: ["a/index.html": "1", "a/b/index.html": "2", "c/index.html": "3"],
            ids: ["a/index.html": ["x", "y"]],
            units: ["release:a": .init(key: "k1", paths: ["a/index.html", "a/b/index.html"])],
            templateKeys: ["title", "blocks"]), in: root)
        manifest.inputs = "0123456789abcdef"
        manifest.releaseCount = 3
        manifest.warnings = [
            Diagnostic(.warning, "glossary term 'x' is not used on any page", at: SourceLocation(file: "Content/glossary.yml", line: 4)),
            Diagnostic(.warning, "a\tb", at: nil),
        ]
        let read = BuildManifest.parse(manifest.text, output: root)
        manifest.isIntact = true
        manifest.warnings[1].message = "a b"
        #expect(read == manifest)
    }

    @Test func aUnitWithAPageMissingOnDiskIsNotKept() throws {
        let root = try folder(with: ["a/index.html"])
        defer { SiteFiles.removeTree(root) }
        let manifest = written(BuildManifest(
            fingerprints: ["a/index.html": "1", "a/b/index.html": "2"],
            units: ["release:a": .init(key: "k1", paths: ["a/index.html", "a/b/index.html"])]), in: root)
        let read = BuildManifest.parse(manifest.text, output: root)
        #expect(read.fingerprints == ["a/index.html": "1"])
        #expect(read.made == ["a/index.html"])
        #expect(read.units.isEmpty)
    }

    /// A file damaged or replaced by hand since the build wrote it is the build's (it may
    /// be deleted or replaced) but is never reused as it is.
    @Test func aFileNoLongerAsWrittenIsMadeButNotReused() throws {
        let root = try folder(with: ["a.html", "b.html", "c.html", "d.html", "e.html"])
        defer { SiteFiles.removeTree(root) }
        let manifest = written(BuildManifest(
            fingerprints: ["a.html": "1", "b.html": "2", "c.html": "3", "d.html": "4", "e.html": "5"],
            ids: ["b.html": ["x"]], units: ["u": .init(key: "k", paths: ["a.html", "b.html"])]), in: root)
        try Data().write(to: root.appendingPathComponent("b.html"))  // truncated: other size
        var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
        utimensat(AT_FDCWD, root.path + "/c.html", &times, 0)  // same size, other mtime
        try FileManager.default.removeItem(at: root.appendingPathComponent("d.html"))
        try FileManager.default.createSymbolicLink(atPath: root.path + "/d.html", withDestinationPath: "/etc/passwd")
        let read = BuildManifest.parse(manifest.text, output: root)
        #expect(read.fingerprints == ["a.html": "1", "e.html": "5"])
        #expect(read.made == ["a.html", "b.html", "c.html", "d.html", "e.html"])
        #expect(read.ids.isEmpty && read.units.isEmpty)
    }

    @Test func aManifestForAnotherFolderAtTheSamePathReusesNothing() throws {
        let root = try folder(with: ["a.html"])
        defer { SiteFiles.removeTree(root) }
        var manifest = written(BuildManifest(fingerprints: ["a.html": "1"]), in: root)
        manifest.outputIdentity = "1:2"
        let read = BuildManifest.parse(manifest.text, output: root)
        #expect(read.fingerprints.isEmpty && read.made == ["a.html"])
    }

    /// The manifest comes with the site, so a path in it that leads out of the output or
    /// to a hidden file is ignored.
    @Test func pathsLeadingOutOfTheOutputAreIgnored() throws {
        let root = try folder(with: ["out/a.html", "secret.txt", "out/.hidden"])
        defer { SiteFiles.removeTree(root) }
        let output = root.appendingPathComponent("out")
        let text = BuildManifest.header + "\n" + ["a.html", "../secret.txt", ".hidden", "/etc/passwd", "a//b"].map { "f\t1:1\t\($0)" }.joined(separator: "\n") + "\n"
        #expect(BuildManifest.parse(text, output: output).made == ["a.html"])
    }

    /// Manifests of earlier versions, inside the output: their files are the build's, but
    /// with no stamps nothing is reused.
    @Test func aVersion4ManifestInTheOutputIsReadForWhatItMade() throws {
        let root = try folder(with: ["Public/a/index.html", "Public/b.css"])
        defer { SiteFiles.removeTree(root) }
        let output = root.appendingPathComponent("Public")
        try Data("communique-manifest 4\nf1\ta/index.html\tx y\n\tb.css\n@keys title\n".utf8)
            .write(to: output.appendingPathComponent(BuildManifest.legacyFileName))
        let read = BuildManifest.read(root.appendingPathComponent(".communique/manifest-Public"), output: output)
        #expect(read.made == ["a/index.html", "b.css"])
        #expect(read.fingerprints.isEmpty)
    }
}
