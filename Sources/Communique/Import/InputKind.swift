import Foundation

/// What kind of file the user gave `import`: judged from its first bytes, then its name,
/// so a saved web page called `statement.txt` is still read as HTML and a PDF renamed
/// `.txt` is not read as text.
public enum InputKind: String, Sendable {
    case text = "text"
    case html = "HTML"
    case pdf = "PDF"

    /// Formats that are not statements' text, refused with their name rather than as
    /// "binary": (magic bytes, what the file is, what to do instead).
    static let refused: [(magic: [UInt8], name: String)] = [
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (a Word .docx, an .odt or a .zip)"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an old Microsoft Office document (.doc, .xls)"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
        ([0x7B, 0x5C, 0x72, 0x74, 0x66], "an RTF document"),
        ([0x1F, 0x8B], "a gzip archive"),
    ]

    /// The kind of `data`, read from `path`; an unsupported format is an error naming the file.
    static func detect(_ data: Data, path: String) throws -> InputKind {
        if data.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if let refused = refused.first(where: { data.starts(with: $0.magic) }) {
            throw CommuniqueError(
                "is \(refused.name), which import cannot read; give the statement as a text file, a saved web page (.html) or a PDF",
                at: SourceLocation(file: path))
        }
        let ext = (path as NSString).pathExtension.lowercased()
        if ["html", "htm", "xhtml"].contains(ext) || looksLikeHTML(data) { return .html }
        if ext == "pdf" {
            throw CommuniqueError("is named .pdf but is not a PDF (it does not start with %PDF-)", at: SourceLocation(file: path))
        }
        return .text
    }

    /// A document that opens (after a BOM and blank space) with a doctype, `<html` or a
    /// comment followed by one of them: a web page saved as it was served.
    static func looksLikeHTML(_ data: Data) -> Bool {
        var head = data.prefix(1024)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
        guard let text = String(bytes: head.prefix(while: { $0 < 0x80 }), encoding: .ascii) else { return false }
        var rest = text.drop(while: \.isWhitespace).lowercased()[...]
        while rest.hasPrefix("<!--"), let end = rest.range(of: "-->") {
            rest = rest[end.upperBound...].drop(while: \.isWhitespace)
        }
        return rest.hasPrefix("<!doctype html") || rest.hasPrefix("<html")
    }
}
