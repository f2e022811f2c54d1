import Foundation

/// Finds where a meeting was held: `東京において`, `ワシントンD.C.で開催`, a dateline
/// ("Tokyo, July 28, 2024") or "held in Tokyo"; and tells a line that names only a
/// place (`isPlaceLine`).
enum PlaceFinder {
    /// "held in Tokyo", "met in Capri": compiled once (see `compiledOnce`).
    nonisolated(unsafe) static let heldIn = compiledOnce(/\b(?:held|met|meeting|convened) in (?<place>[A-Z][A-Za-z.\-]*(?: [A-Z][A-Za-z.\-]*)*)/)

    static func place(in folded: String) -> String? {
        let scalars = Array(folded.unicodeScalars)
        var best: (position: Int, place: String)?
        func consider(_ position: Int, _ place: String) {
            if best == nil || position < best!.position { best = (position, place) }
        }
        // 東京において / 東京で開催: the kanji, katakana and Latin run before it.
        for marker in ["において", "で開催", "にて開催"] {
            guard let range = folded.range(of: marker) else { continue }
            let end = folded.unicodeScalars.distance(from: folded.startIndex, to: range.lowerBound)
            var start = end
            while start > 0, isPlaceScalar(scalars[start - 1]) { start -= 1 }
            let place = String(String.UnicodeScalarView(scalars[start..<end]))
            if place.count >= 2 { consider(start, place) }
        }
        // Dateline: "Tokyo, July 28, 2024" at the start of a line.
        for line in folded.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard let comma = trimmed.firstIndex(of: ","), let date = DateParser.firstDate(in: trimmed),
                date.range.lowerBound > comma, trimmed[trimmed.index(after: comma)..<date.range.lowerBound].allSatisfy(\.isWhitespace)
            else { continue }
            let place = trimmed[..<comma].trimmingCharacters(in: .whitespaces)
            if let first = place.first, first.isUppercase, place.split(separator: " ").count <= 4,
                let position = folded.range(of: trimmed)?.lowerBound
            {
                consider(folded.unicodeScalars.distance(from: folded.startIndex, to: position), place)
            }
        }
        if let match = folded.firstMatch(of: Self.heldIn) {
            let place = String(match.output.place).trimmingCharacters(in: CharacterSet(charactersIn: "."))
            consider(folded.unicodeScalars.distance(from: folded.startIndex, to: match.range.lowerBound), place)
        }
        return best?.place
    }

    /// A line naming only a place, as a dateline on two lines begins ("Capri, Italy"
    /// over "April 19, 2024"; "Washington, D.C."): one to three comma-separated parts
    /// of one to three capitalised words.
    static func isPlaceLine(_ folded: String) -> Bool {
        guard folded.count <= 60 else { return false }
        let parts = folded.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return (1...3).contains(parts.count) && parts.allSatisfy { part in
            let words = part.split(separator: " ")
            return (1...3).contains(words.count)
                && words.allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" } }
        }
    }

    private static func isPlaceScalar(_ s: Unicode.Scalar) -> Bool {
        TextScript.isHan(s) || (TextScript.isKatakana(s) && s != "・") || (s.isASCII && (s.properties.isAlphabetic || s == "."))
    }
}
