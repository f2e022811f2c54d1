import Foundation

/// Decodes a saved web page to text: the encoding its byte-order mark gives, else the
/// one its `<meta charset>` (or `http-equiv="Content-Type"`, or XML declaration) declares,
/// else UTF-8, as a browser would.
///
/// Browsers often save a page as UTF-8 but keep the `<meta charset="Shift_JIS">` it was
/// served with: a page that declares a Japanese legacy encoding yet is valid UTF-8 with
/// non-ASCII text in it is read as UTF-8 (valid UTF-8 is practically never Shift_JIS or
/// EUC-JP text by chance), and the report says so.
struct HTMLPageDecoder {
    /// The file, for diagnostics.
    let file: String

    struct Decoded {
        var text: String
        var encoding: SourceText.Encoding
        /// Why the encoding is not the one the page declares, when it is not.
        var note: String?
    }

    /// The bytes scanned for a declaration: the HTML standard's prescan reads 1024, but saved
    /// pages often carry a long comment or script before the `<meta>`.
    static let prescanLength = 4096

    func decode(_ data: Data) throws -> Decoded {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: try decode(data.dropFirst(3), as: .utf8, named: "UTF-8"), encoding: .utf8WithBOM)
        }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            return Decoded(text: try decode(data, as: .utf16, named: "UTF-16"), encoding: data.starts(with: [0xFF, 0xFE]) ? .utf16LE : .utf16BE)
        }
        guard let label = Self.declaredCharset(in: data) else {
            return Decoded(text: try decode(data, as: .utf8, named: "UTF-8 (the page declares no charset)"), encoding: .utf8)
        }
        guard let declared = Self.encoding(forLabel: label) else {
            throw CommuniqueError(
                "declares charset \"\(label)\", which import cannot read (it reads UTF-8, Shift_JIS and EUC-JP); "
                    + "save the page as UTF-8 and import it again",
                at: SourceLocation(file: file))
        }
        if declared.encoding != .utf8, data.contains(where: { $0 >= 0x80 }), let utf8 = String(data: data, encoding: .utf8) {
            return Decoded(
                text: utf8, encoding: .utf8,
                note: "the page declares charset \"\(label)\" but is UTF-8 (as a browser saves it); read as UTF-8")
        }
        return Decoded(text: try decode(data, as: declared.foundation, named: declared.encoding.rawValue), encoding: declared.encoding)
    }

    private func decode(_ data: Data, as encoding: String.Encoding, named name: String) throws -> String {
        let text = encoding == .japaneseEUC ? Iconv.decode(data, from: "EUC-JP") : String(data: data, encoding: encoding)
        if let text { return text }
        let line = encoding == .utf8 ? SourceText.firstInvalidUTF8Byte(in: data).map { SourceText.lineNumber(ofByte: $0, in: data) } : nil
        throw CommuniqueError(
            "is not valid \(name) text; save the page as UTF-8 and import it again", at: SourceLocation(file: file, line: line))
    }

    /// The charset label a `<meta>` or XML declaration near the start names, lowercased.
    static func declaredCharset(in data: Data) -> String? {
        // Latin-1 maps every byte to one character, so ASCII markup reads the same whatever the encoding.
        guard let head = String(data: data.prefix(prescanLength), encoding: .isoLatin1)?.lowercased() else { return nil }
        if head.hasPrefix("<?xml"), let declaration = head.firstMatch(of: Patterns.xmlEncoding) {
            return String(declaration.output.label)
        }
        for tag in head.matches(of: Patterns.metaTag) {
            if let charset = tag.output.firstMatch(of: Patterns.charset) { return String(charset.output.label) }
        }
        return nil
    }

    /// The patterns, compiled once (see `compiledOnce`).
    enum Patterns {
        nonisolated(unsafe) static let metaTag = compiledOnce(/<meta\b[^>]*>/)
        nonisolated(unsafe) static let charset = compiledOnce(/charset\s*=\s*["']?\s*(?<label>[a-z0-9_:.\-]+)/)
        nonisolated(unsafe) static let xmlEncoding = compiledOnce(/^<\?xml[^>]*encoding\s*=\s*["'](?<label>[a-z0-9_:.\-]+)/)
    }

    /// The encoding a charset label names (the WHATWG labels for the ones import reads).
    static func encoding(forLabel label: String) -> (encoding: SourceText.Encoding, foundation: String.Encoding)? {
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "us-ascii", "ascii":
            return (.utf8, .utf8)
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j", "ms932", "cp932":
            return (.shiftJIS, .shiftJIS)
        case "euc-jp", "x-euc-jp", "cseucpkdfmtjapanese", "eucjp":
            return (.eucJP, .japaneseEUC)
        default:
            return nil
        }
    }
}
