import Foundation

/// `.import.json` in a release folder: the fingerprint of every file the importer
/// wrote there, so a re-import can tell the pages a person has edited since.
struct ImportManifest: Codable, Equatable {
    static let fileName = ".import.json"

    /// The statement file the release was imported from.
    var source: String
    /// File name (relative to the release folder) → `ContentHash` of what was written.
    var files: [String: String]

    /// Sorted keys, fixed layout: the same import writes the same bytes.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// The manifest in `folder`, or nil when there is none or it cannot be read (then
    /// every existing file that would change counts as edited: the safe side).
    static func read(in folder: URL) -> ImportManifest? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(fileName)) else { return nil }
        return try? JSONDecoder().decode(ImportManifest.self, from: data)
    }
}
