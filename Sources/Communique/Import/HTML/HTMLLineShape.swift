import Foundation

/// Whether `<br>`-separated lines are one paragraph with line breaks (an address, a verse, a
/// sentence wrapped by hand) or several paragraphs (numbered items, sentences each ending
/// with a full stop, `<br><br>` between them).
enum HTMLLineShape {
    static func paragraphs(_ lines: [String]) -> [String] {
        var paragraphs: [[String]] = []
        var current: [String] = []
        for line in lines {
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current) }
                current = []
                continue
            }
            if let previous = current.last, startsParagraph(line, after: previous) {
                paragraphs.append(current)
                current = []
            }
            current.append(line)
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs.map { $0.joined(separator: "\n") }
    }

    static func startsParagraph(_ line: String, after previous: String) -> Bool {
        let folded = WidthFolding.fold(line)
        if NumberMarker.parse(folded) != nil || line.hasPrefix("\u{3000}") || LineJoiner.startsWithBullet(folded) { return true }
        guard let end = previous.last else { return false }
        return "。．.!?！？」』".contains(end)
    }
}
