import Foundation

/// Finds who took part in the meeting, in the ways statements name people:
/// - `木原稔(きはら・みのる)防衛大臣`: a name in kanji with its reading, then the title
///   (or the title first: `防衛大臣木原稔(きはら・みのる)`);
/// - `アントニー・ブリンケン米国国務長官(The Honorable Antony Blinken, Secretary of State
///   of the United States of America)`: a katakana name and title with the English;
/// - in English text, `Secretary of State Antony Blinken`: a known title, then the name.
///
/// People are listed in the order the text first names them this way, once each.
enum ParticipantExtractor {
    /// Endings of Japanese official titles.
    static let titleEndings = [
        "大臣", "長官", "大統領", "首相", "総理", "大使", "次官", "補佐官", "議員", "知事", "委員長", "議長", "総裁",
        "局長", "審議官", "司令官", "外相", "防衛相", "国防相", "主席", "国王", "代表",
    ]
    static let honorifics = [
        "the honorable ", "the honourable ", "the hon. ", "hon. ", "his excellency ", "her excellency ", "h.e. ",
        "mr. ", "ms. ", "mrs. ", "dr. ", "general ", "admiral ",
    ]
    static let englishTitles = [
        "Minister for Foreign Affairs", "Minister of Foreign Affairs", "Minister of Defense", "Minister of Defence",
        "Secretary of State", "Secretary of Defense", "Prime Minister", "Foreign Minister", "Defense Minister",
        "Defence Minister", "Chief Cabinet Secretary", "President", "Ambassador",
    ]

    static func participants(in text: String) -> [Participant] {
        let folded = Array(WidthFolding.fold(text).unicodeScalars)
        let written = Array(text.unicodeScalars)
        var found: [(position: Int, person: Participant)] = []
        var i = 0
        while i < folded.count {
            if folded[i] == "(", let close = folded[i..<min(folded.count, i + 121)].firstIndex(of: ")") {
                let inner = folded[(i + 1)..<close]
                if let p = withReading(open: i, close: close, folded: folded, written: written) {
                    found.append((i, p))
                } else if inner.contains(where: { $0.properties.isAlphabetic && $0.isASCII }),
                    let p = withEnglish(open: i, close: close, folded: folded, written: written)
                {
                    found.append((i, p))
                }
            }
            i += 1
        }
        found += englishNames(in: WidthFolding.fold(text))
        var people: [Participant] = []
        for (_, person) in found.sorted(by: { $0.position < $1.position }) {
            if let k = people.firstIndex(where: { $0.name == person.name }) {
                people[k].reading = people[k].reading ?? person.reading
                people[k].title = people[k].title ?? person.title
                people[k].english = people[k].english ?? person.english
                people[k].englishTitle = people[k].englishTitle ?? person.englishTitle
            } else {
                people.append(person)
            }
        }
        return people
    }

    // MARK: - 木原稔(きはら・みのる)防衛大臣

    private static func withReading(open: Int, close: Int, folded: [Unicode.Scalar], written: [Unicode.Scalar]) -> Participant? {
        let reading = folded[(open + 1)..<close]
        guard reading.count >= 3,
            reading.allSatisfy({ TextScript.isHiragana($0) || $0 == "・" || $0 == " " || $0 == "ー" }),
            reading.contains(where: TextScript.isHiragana)
        else { return nil }
        var start = open
        while start > 0, TextScript.isHan(folded[start - 1]) { start -= 1 }
        guard open - start >= 2 else { return nil }
        var nameStart = start
        var title: String?
        // 防衛大臣木原稔(…): a title before the name.
        let run = string(written, start..<open)
        if let ending = titleEndings.compactMap({ run.range(of: $0, options: .backwards) }).max(by: { $0.upperBound < $1.upperBound }),
            run.distance(from: ending.upperBound, to: run.endIndex) >= 2
        {
            title = String(run[..<ending.upperBound])
            nameStart = start + run.unicodeScalars.distance(from: run.startIndex, to: ending.upperBound)
        }
        let after = titleRun(from: close + 1, folded: folded, written: written)
        return Participant(
            name: string(written, nameStart..<open), reading: string(written, (open + 1)..<close),
            title: after ?? title)
    }

    // MARK: - アントニー・ブリンケン米国国務長官(The Honorable Antony Blinken, …)

    private static func withEnglish(open: Int, close: Int, folded: [Unicode.Scalar], written: [Unicode.Scalar]) -> Participant? {
        var titleStart = open
        while titleStart > 0, TextScript.isHan(folded[titleStart - 1]) { titleStart -= 1 }
        var nameStart = titleStart
        while nameStart > 0, TextScript.isKatakana(folded[nameStart - 1]) { nameStart -= 1 }
        let name = string(written, nameStart..<titleStart).trimmingCharacters(in: CharacterSet(charactersIn: "・"))
        let title = string(written, titleStart..<open)
        guard name.count >= 3, name.contains("・") || !title.isEmpty,
            titleEndings.contains(where: title.hasSuffix)
        else { return nil }
        let english = string(written, (open + 1)..<close)
        var person = Participant(name: name, title: title)
        let parts = english.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        person.english = stripHonorific(parts[0])
        if parts.count > 1, !parts[1].isEmpty { person.englishTitle = parts[1] }
        return person
    }

    /// The official title right after a name: the longest run of kanji and katakana
    /// that ends like a title (`防衛大臣`, `米国国務長官`).
    private static func titleRun(from start: Int, folded: [Unicode.Scalar], written: [Unicode.Scalar]) -> String? {
        var end = start
        while end < folded.count, TextScript.isHan(folded[end]) || TextScript.isKatakana(folded[end]) { end += 1 }
        var run = string(written, start..<end)
        while !run.isEmpty {
            if titleEndings.contains(where: run.hasSuffix) { return run }
            run.removeLast()
        }
        return nil
    }

    static func stripHonorific(_ name: String) -> String {
        var result = name
        var changed = true
        while changed {
            changed = false
            for h in honorifics where result.lowercased().hasPrefix(h) {
                result = String(result.dropFirst(h.count))
                changed = true
            }
        }
        return result.trimmingCharacters(in: .whitespaces)
    }

    // MARK: - Secretary of State Antony Blinken

    /// What may follow a name after a comma: "Jr.", "Sr.", "III".
    static let nameSuffixes: Set<String> = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"]

    private static func englishNames(in folded: String) -> [(position: Int, person: Participant)] {
        var found: [(Int, Participant)] = []
        for title in englishTitles {
            var searchStart = folded.startIndex
            while let range = folded.range(of: title + " ", range: searchStart..<folded.endIndex) {
                searchStart = range.upperBound
                let words = folded[range.upperBound...].split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
                var name: [Substring] = []
                for (k, word) in words.enumerated() {
                    let clean = word.trimmingCharacters(in: CharacterSet(charactersIn: ",;:)"))
                    guard let first = clean.first, first.isUppercase, clean.allSatisfy({ $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" }) else { break }
                    name.append(Substring(clean))
                    // "Joseph R. Biden, Jr.": a suffix after the comma belongs to the name.
                    if word.hasSuffix(","), k + 1 < words.count, name.count >= 2,
                        case let suffix = words[k + 1].trimmingCharacters(in: CharacterSet(charactersIn: ",;:)")),
                        nameSuffixes.contains(suffix)
                    {
                        name[name.count - 1] += ", " + suffix
                        break
                    }
                    if clean != word.trimmingCharacters(in: .whitespaces) || (clean.hasSuffix(".") && clean.count > 2) { break }
                }
                guard name.count >= 2, !name.contains(where: { ["The", "And", "Of"].contains($0) }) else { continue }
                let position = folded.unicodeScalars.distance(from: folded.startIndex, to: range.lowerBound)
                found.append((position, Participant(name: name.joined(separator: " "), title: title)))
            }
        }
        return found
    }

    private static func string(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }
}
