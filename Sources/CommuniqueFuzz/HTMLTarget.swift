#if DEBUG
import Foundation

@testable import Communique

/// The web-page importer: any bytes, as a saved page given to `communique import page.html`.
///
/// Bad input must be refused with a `CommuniqueError` naming the file (and a line inside it).
/// What is imported must:
/// - have a valid release id and file names (`ImportTarget.checkNames`);
/// - keep the page's text as text: rendered, each paragraph is one Markdown paragraph with
///   exactly its text (its `<br>`s as line breaks), the inner title one heading, a table one
///   table — whatever markup characters the page's text holds (`ImportTarget.checkEscaping`);
/// - be the same on a second import (byte-identical files; for a quarter of inputs);
/// - load again with the same titles, orders and slugs (`ImportTarget.checkLoads`).
final class HTMLTarget: FuzzTarget {
    /// The text importer's target, for its checks of what an import writes.
    let imports = ImportTarget()

    func test(_ bytes: [UInt8]) throws {
        let data = Data(bytes)
        let result: ImportResult
        do {
            result = try imports.importer.importPage(data, path: ImportTarget.fileName, id: nil)
        } catch let error as CommuniqueError {
            try imports.checkRefusal(error, lineCount: lineCount(bytes))
            return
        }
        if ImportTarget.dump {
            for file in result.files { say("=== \(file.path)\n\(file.contents)") }
        }
        try imports.checkNames(result)
        if bytes.count % 4 == 0 {
            let again = try imports.importer.importPage(data, path: ImportTarget.fileName, id: nil)
            try require(again.releaseID == result.releaseID && again.files.map(\.path) == result.files.map(\.path)
                && again.files.map(\.contents) == result.files.map(\.contents),
                "a second import of the same page gives other files")
        }
        try imports.checkEscaping(result)
        try imports.checkLoads(result)
    }
}
#endif
