/// What a reader checks first in an import: do the paragraph numbers run without a gap or
/// a repeat? Reads the top-level numbers of each section, in order, and says where they
/// skip, repeat or go back; numbering that carries on from the section before (a
/// communiqué numbered 1–40 across its sections) is not a gap.
enum NumberingCheck {

    /// The numbers found, as written (`(1)–(9)`, `8.–15.`), or nil when none.
    static func range(_ section: StatementSection) -> String? {
        let top = topLevel(section)
        guard let first = top.first?.marker, let last = top.last?.marker else { return nil }
        return first.value == last.value ? first.text : "\(first.text)–\(last.text)"
    }

    static func findings(_ sections: [StatementSection]) -> [NumberingProblem] {
        var findings: [NumberingProblem] = []
        var previousLast: Int?
        for section in sections {
            let top = topLevel(section)
            guard let first = top.first, let firstMarker = first.marker else { continue }
            if firstMarker.value != 1, firstMarker.value != (previousLast.map { $0 + 1 } ?? 1) {
                let after = previousLast.map { " (the section before ends at \($0))" } ?? ""
                findings.append(NumberingProblem(
                    line: first.line, message: "“\(section.title)” starts at \(firstMarker.text), not 1\(after)"))
            }
            for (before, after) in zip(top, top.dropFirst()) {
                guard let a = before.marker, let b = after.marker else { continue }
                if b.value == a.value + 1 { continue }
                if b.value == a.value {
                    findings.append(NumberingProblem(line: after.line, message: "\(b.text) is repeated (lines \(before.line) and \(after.line))"))
                } else if b.value > a.value {
                    let missing = b.value - a.value == 2 ? "number \(a.value + 1) is" : "numbers \(a.value + 1)–\(b.value - 1) are"
                    findings.append(NumberingProblem(line: after.line, message: "\(missing) missing between \(a.text) and \(b.text)"))
                } else {
                    findings.append(NumberingProblem(line: after.line, message: "numbering goes back from \(a.text) to \(b.text)"))
                }
            }
            previousLast = top.last?.marker?.value
        }
        return findings
    }

    private static func topLevel(_ section: StatementSection) -> [StatementParagraph] {
        section.paragraphs.filter { $0.level == 1 && $0.marker != nil }
    }
}

/// A place where a statement's paragraph numbers skip, repeat or go back.
public struct NumberingProblem: Sendable, Hashable {
    /// The source line of the paragraph where it shows.
    public var line: Int
    public var message: String
}
