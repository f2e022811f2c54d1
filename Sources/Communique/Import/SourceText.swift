import Foundation

/// A statement file read from disk and decoded into lines.
///
/// Ministries publish UTF-8 (with or without a byte-order mark, often with CRLF line
/// ends) and, for older Japanese files, Shift_JIS or EUC-JP; Windows tools save UTF-16 with
/// a byte-order mark. Anything else is refused with a message naming the file, rather than
/// imported as mojibake.
public struct SourceText: Sendable {
    public enum Encoding: String, Sendable, CaseIterable {
        case utf8 = "UTF-8"
        case utf8WithBOM = "UTF-8 with byte-order mark"
        case utf16LE = "UTF-16 LE"
        case utf16BE = "UTF-16 BE"
        case shiftJIS = "Shift_JIS"
        case eucJP = "EUC-JP"

        /// The encoding a name given on the command line means (`--encoding euc-jp`):
        /// case, hyphens and underscores do not matter; `sjis`, `cp932` and `utf-16` (the
        /// byte-order mark says which end) are understood.
        public init?(name: String) {
            let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
            switch key {
            case "utf8": self = .utf8
            case "utf16", "utf16le": self = .utf16LE
            case "utf16be": self = .utf16BE
            case "shiftjis", "sjis", "cp932", "windows31j", "mskanji": self = .shiftJIS
            case "eucjp", "ujis": self = .eucJP
            default: return nil
            }
        }

        /// The names `init(name:)` takes, for help and errors.
        public static let names = "utf-8, utf-16, utf-16le, utf-16be, shift_jis, euc-jp"
    }

    /// How the file's lines ended.
    public enum LineEnds: String, Sendable {
        case lf = "LF"
        case crlf = "CRLF"
        /// A lone CR, as classic Mac OS and some Windows exports write.
        case cr = "CR"
        case mixed = "mixed CR, LF and CRLF"
    }

    /// The path as the user gave it, for diagnostics.
    public var path: String
    public var encoding: Encoding
    /// How lines ended; all are read as line breaks.
    public var lineEnds: LineEnds
    /// True when the file used CRLF or bare CR line ends.
    public var hadCarriageReturns: Bool { lineEnds != .lf }
    public var lines: [SourceLine]

    /// The file's name without its folder (`2024-07-28-japan-us-2plus2.txt`).
    public var fileName: String { (path as NSString).lastPathComponent }

    /// Reads and decodes `path`; every way it can fail is a `CommuniqueError` naming the file.
    public static func read(path: String, encoding: Encoding? = nil) throws -> SourceText {
        try SourceText(data: readData(path: path), path: path, encoding: encoding)
    }

    /// The bytes of `path`, or an error naming it (missing, a folder, unreadable).
    static func readData(path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommuniqueError("no such file", at: SourceLocation(file: path))
        }
        guard !isDirectory.boolValue else {
            throw CommuniqueError("is a folder; give the statement's text file", at: SourceLocation(file: path))
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommuniqueError("cannot be read: \(error.localizedDescription)", at: SourceLocation(file: path))
        }
        return data
    }

    /// Decodes bytes already read; `path` only names them in diagnostics. `encoding`, when
    /// given, is used instead of detecting one (a byte-order mark of another encoding is an error).
    public init(data: Data, path: String, encoding forced: Encoding? = nil) throws {
        self.path = path
        guard !data.isEmpty else {
            throw CommuniqueError("the file is empty; there is no statement to import", at: SourceLocation(file: path))
        }
        let decoded = try forced.map { (text: try Self.decode(data, as: $0, path: path), encoding: $0) } ?? Self.detect(data, path: path)
        let text = decoded.text
        encoding = decoded.encoding
        if let nul = text.unicodeScalars.firstIndex(of: "\0") {
            let line = text.unicodeScalars[..<nul].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            throw CommuniqueError(
                "is a binary file (it holds a NUL byte), not a statement's text",
                at: SourceLocation(file: path, line: line))
        }
        let split = Self.lines(of: text)
        lineEnds = split.ends
        lines = split.lines.enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        if lines.last?.text.isEmpty == true { lines.removeLast() }
        guard lines.contains(where: { !$0.isBlank }) else {
            throw CommuniqueError(
                "holds only whitespace; there is no statement to import", at: SourceLocation(file: path))
        }
    }

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let utf16LEBOM: [UInt8] = [0xFF, 0xFE]
    static let utf16BEBOM: [UInt8] = [0xFE, 0xFF]

    /// The encoding the bytes are in: a byte-order mark says so; else UTF-8 when they are
    /// valid UTF-8; else EUC-JP or Shift_JIS, whichever decodes them into Japanese.
    static func detect(_ data: Data, path: String) throws -> (text: String, encoding: Encoding) {
        if data.starts(with: utf8BOM) { return (try decode(data, as: .utf8WithBOM, path: path), .utf8WithBOM) }
        if data.starts(with: utf16LEBOM) { return (try decode(data, as: .utf16LE, path: path), .utf16LE) }
        if data.starts(with: utf16BEBOM) { return (try decode(data, as: .utf16BE, path: path), .utf16BE) }
        if data.firstIndex(of: 0) == nil, let text = String(data: data, encoding: .utf8) { return (text, .utf8) }
        if data.firstIndex(of: 0) == nil, let japanese = Self.japanese(data) { return japanese }
        if let nul = data.firstIndex(of: 0) {
            throw CommuniqueError(
                "is a binary file (it holds a NUL byte), not a statement's text; if it is UTF-16 without "
                    + "a byte-order mark, give --encoding utf-16le or utf-16be",
                at: SourceLocation(file: path, line: Self.lineNumber(ofByte: nul - data.startIndex, in: data)))
        }
        let bad = Self.firstInvalidUTF8Byte(in: data) ?? 0
        throw CommuniqueError(
            "is neither UTF-8, Shift_JIS nor EUC-JP text (first byte that is not UTF-8 is at offset \(bad)); "
                + "save the statement as UTF-8, or name its encoding with --encoding (\(Encoding.names))",
            at: SourceLocation(file: path, line: Self.lineNumber(ofByte: bad, in: data)))
    }

    /// A legacy Japanese encoding's text. Shift_JIS decodes most byte strings to *something*
    /// (half-width katakana), so a decoding counts only when it has kana or kanji in it; EUC-JP
    /// is tried first when no byte could only be Shift_JIS (0x80–0xA0 but EUC-JP's 0x8E and
    /// 0x8F: every Shift_JIS kana and most kanji start with one).
    static func japanese(_ data: Data) -> (text: String, encoding: Encoding)? {
        let shiftJISOnly = data.contains { (0x80...0xA0).contains($0) && $0 != 0x8E && $0 != 0x8F }
        if !shiftJISOnly, let text = Iconv.decode(data, from: "EUC-JP"), text.unicodeScalars.contains(where: TextScript.isJapanese) {
            return (text, .eucJP)
        }
        if let text = String(data: data, encoding: .shiftJIS), text.unicodeScalars.contains(where: TextScript.isJapanese) {
            return (text, .shiftJIS)
        }
        return nil
    }

    /// The bytes decoded as `encoding` (its byte-order mark dropped), or an error saying they are not.
    static func decode(_ data: Data, as encoding: Encoding, path: String) throws -> String {
        let text: String?
        switch encoding {
        case .utf8, .utf8WithBOM:
            text = String(data: data.starts(with: utf8BOM) ? data.dropFirst(3) : data, encoding: .utf8)
        case .utf16LE, .utf16BE:
            let bom = encoding == .utf16LE ? utf16LEBOM : utf16BEBOM
            let other = encoding == .utf16LE ? utf16BEBOM : utf16LEBOM
            if data.starts(with: other) {
                throw CommuniqueError(
                    "starts with the byte-order mark of \(encoding == .utf16LE ? "UTF-16 BE" : "UTF-16 LE"), not \(encoding.rawValue)",
                    at: SourceLocation(file: path))
            }
            let body = data.starts(with: bom) ? data.dropFirst(2) : data
            text = body.count.isMultiple(of: 2)
                ? String(data: body, encoding: encoding == .utf16LE ? .utf16LittleEndian : .utf16BigEndian) : nil
        case .shiftJIS:
            text = String(data: data, encoding: .shiftJIS)
        case .eucJP:
            text = Iconv.decode(data, from: "EUC-JP")
        }
        guard let text else {
            throw CommuniqueError("is not valid \(encoding.rawValue) text", at: SourceLocation(file: path))
        }
        return text
    }

    /// The text's lines, ended by CR LF, LF or a lone CR, and which of those it used. On
    /// Unicode scalars: Foundation's `replacingOccurrences` left a CR before an extending mark
    /// (`\r` + halfwidth `ﾟ`, which a Shift_JIS file makes of byte 0xDF) in the text.
    static func lines(of text: String) -> (lines: [String], ends: LineEnds) {
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        var afterCR = false
        var (crlf, cr, lf) = (false, false, false)
        for scalar in text.unicodeScalars {
            if afterCR {
                afterCR = false
                if scalar == "\n" {
                    crlf = true
                    continue
                }
                cr = true
            }
            if scalar == "\r" || scalar == "\n" {
                if scalar == "\r" { afterCR = true } else { lf = true }
                lines.append(String(line))
                line = String.UnicodeScalarView()
            } else {
                line.append(scalar)
            }
        }
        if afterCR { cr = true }
        lines.append(String(line))
        let kinds = [(crlf, LineEnds.crlf), (cr, .cr), (lf, .lf)].filter(\.0)
        return (lines, kinds.count > 1 ? .mixed : kinds.first?.1 ?? .lf)
    }

    static func lineNumber(ofByte offset: Int, in data: Data) -> Int {
        data.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    static func firstInvalidUTF8Byte(in data: Data) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
