import Foundation

/// A statement file read from disk and decoded into lines.
///
/// Ministries publish UTF-8 (with or without a byte-order mark, often with CRLF line
/// ends) and, for older Japanese files, Shift_JIS. Anything else is refused with a
/// message naming the file, rather than imported as mojibake.
public struct SourceText: Sendable {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8WithBOM = "UTF-8 with byte-order mark"
        case shiftJIS = "Shift_JIS"
        case eucJP = "EUC-JP"
        case utf16 = "UTF-16"
    }

    /// The path as the user gave it, for diagnostics.
    public var path: String
    public var encoding: Encoding
    /// True when the file used CRLF (or bare CR) line ends, which are read as LF.
    public var hadCarriageReturns: Bool
    public var lines: [SourceLine]

    /// The file's name without its folder (`2024-07-28-japan-us-2plus2.txt`).
    public var fileName: String { (path as NSString).lastPathComponent }

    /// Reads and decodes `path`; every way it can fail is a `CommuniqueError` naming the file.
    public static func read(path: String) throws -> SourceText {
        try SourceText(data: readData(path: path), path: path)
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

    /// Decodes bytes already read; `path` only names them in diagnostics.
    public init(data: Data, path: String) throws {
        self.path = path
        guard !data.isEmpty else {
            throw CommuniqueError("the file is empty; there is no statement to import", at: SourceLocation(file: path))
        }
        if let nul = data.firstIndex(of: 0) {
            throw CommuniqueError(
                "is a binary file (it holds a NUL byte), not a statement's text",
                at: SourceLocation(file: path, line: Self.lineNumber(ofByte: nul - data.startIndex, in: data)))
        }
        let text: String
        let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
        if data.starts(with: utf8BOM), let decoded = String(data: data.dropFirst(3), encoding: .utf8) {
            text = decoded
            encoding = .utf8WithBOM
        } else if let decoded = String(data: data, encoding: .utf8) {
            text = decoded
            encoding = .utf8
        } else if let decoded = String(data: data, encoding: .shiftJIS),
            decoded.unicodeScalars.contains(where: TextScript.isJapanese)
        {
            // Shift_JIS decodes most byte strings to *something* (half-width katakana);
            // a real Japanese statement has kana or kanji in it.
            text = decoded
            encoding = .shiftJIS
        } else {
            let bad = Self.firstInvalidUTF8Byte(in: data) ?? 0
            throw CommuniqueError(
                "is neither UTF-8 nor Shift_JIS text (first byte that is not UTF-8 is at offset \(bad)); "
                    + "save the statement as UTF-8 and import it again",
                at: SourceLocation(file: path, line: Self.lineNumber(ofByte: bad, in: data)))
        }
        hadCarriageReturns = text.unicodeScalars.contains("\r")
        lines = Self.lines(of: text).enumerated().map { SourceLine(number: $0.offset + 1, text: $0.element) }
        if lines.last?.text.isEmpty == true { lines.removeLast() }
        guard lines.contains(where: { !$0.isBlank }) else {
            throw CommuniqueError(
                "holds only whitespace; there is no statement to import", at: SourceLocation(file: path))
        }
    }

    /// The text's lines, ended by CR LF, LF or a lone CR. On Unicode scalars: Foundation's
    /// `replacingOccurrences` left a CR before an extending mark (`\r` + halfwidth `ﾟ`, which a
    /// Shift_JIS file makes of byte 0xDF) in the text.
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var line = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && afterCR {
                afterCR = false
                continue
            }
            afterCR = scalar == "\r"
            if scalar == "\r" || scalar == "\n" {
                lines.append(String(line))
                line = String.UnicodeScalarView()
            } else {
                line.append(scalar)
            }
        }
        lines.append(String(line))
        return lines
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
