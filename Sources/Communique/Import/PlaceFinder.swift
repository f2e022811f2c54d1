import Foundation

/// Finds where a meeting was held: `東京において`, `ワシントンD.C.で開催`, a dateline
/// ("Tokyo, July 28, 2024") or "held in Tokyo".
enum PlaceFinder {
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
        if let match = folded.firstMatch(of: /\b(?:held|met|meeting|convened) in (?<place>[A-Z][A-Za-z.\-]*(?: [A-Z][A-Za-z.\-]*)*)/) {
            let place = String(match.output.place).trimmingCharacters(in: CharacterSet(charactersIn: "."))
            consider(folded.unicodeScalars.distance(from: folded.startIndex, to: match.range.lowerBound), place)
        }
        return best?.place
    }

    private static func isPlaceScalar(_ s: Unicode.Scalar) -> Bool {
        TextScript.isHan(s) || (TextScript.isKatakana(s) && s != "・") || (s.isASCII && (s.properties.isAlphabetic || s == "."))
    }
}
