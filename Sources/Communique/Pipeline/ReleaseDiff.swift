import CommuniqueMarkdown
import Foundation

/// `communique diff A B`: two releases of a site read and analysed on their own (not the
/// whole archive), compared, and written out for a terminal or for a script.
public enum ReleaseDiff {
    public static func compare(root: URL, old: String, new: String) throws -> ReleaseComparison {
        let site = try SiteLoader(includeDrafts: true).load(root: root, releases: [old, new])
        guard let a = site.release(withID: old), let b = site.release(withID: new) else {
            throw CommuniqueError("no release '\(site.release(withID: old) == nil ? old : new)'", at: SourceLocation(file: "Content/releases"))
        }
        // Only the two releases' pages are parsed: no glossary, topics or terms are needed.
        let options = MarkdownOptions(allowRawHTML: site.config.allowRawHTML, headingLevelOffset: 0)
        let parsed = Parallel.map(2) { ReleaseAnalysis([a, b][$0], options: options, extractor: nil) }
        return ReleaseComparison(old: .init(release: a, analysis: parsed[0]), new: .init(release: b, analysis: parsed[1]))
    }

    /// One line per paragraph, by section of the new release: `=` unchanged, `~` changed,
    /// `>` moved, `<` split or merged, `+` new, `-` removed; inline changes as `[-deleted-]`
    /// and `{+inserted+}` (coloured red and green when `colour`). Unchanged paragraphs are
    /// counted, not printed.
    public static func text(_ comparison: ReleaseComparison, colour: Bool) -> String {
        var lines = ["\(comparison.old.id) → \(comparison.new.id): " + summary(comparison)]
        var section: String?
        for entry in comparison.entries where entry.status != .unchanged {
            let (side, positions) = entry.new.isEmpty ? (comparison.old, entry.old) : (comparison.new, entry.new)
            let title = side.sections[positions[0].section].title
            if title != section {
                section = title
                lines.append("")
                lines.append("## " + (title.isEmpty ? "(release page)" : title))
            }
            let labels = positions.map { comparison.paragraph($0, in: side).label }.filter { !$0.isEmpty }.joined(separator: " ")
            let text = entry.runs.map { run -> String in
                switch run {
                case .kept(let text): return text
                case .deleted(let text): return colour ? "\u{1B}[31m[-\(text)-]\u{1B}[0m" : "[-\(text)-]"
                case .inserted(let text): return colour ? "\u{1B}[32m{+\(text)+}\u{1B}[0m" : "{+\(text)+}"
                }
            }.joined()
            lines.append("\(symbol(entry.status)) \(entry.status.rawValue)\(labels.isEmpty ? "" : " " + labels): \(text)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Counts of each status, in a fixed order, those that occur.
    static func summary(_ comparison: ReleaseComparison) -> String {
        let counts = comparison.counts
        return ReleaseComparison.Status.allCases.compactMap { status in
            counts[status].map { "\($0) \(status.rawValue)" }
        }.joined(separator: ", ")
    }

    static func symbol(_ status: ReleaseComparison.Status) -> String {
        switch status {
        case .unchanged: "="
        case .changed: "~"
        case .moved: ">"
        case .split, .merged: "<"
        case .new: "+"
        case .removed: "-"
        }
    }

    /// The comparison for scripts: each entry's status, its paragraphs on each side (section
    /// slug, anchor, label) and its runs.
    public static func json(_ comparison: ReleaseComparison) throws -> String {
        struct Paragraph: Encodable { var section: String, anchor: String, label: String }
        struct Run: Encodable { var kept: String?, deleted: String?, inserted: String? }
        struct Entry: Encodable { var status: String, old: [Paragraph], new: [Paragraph], runs: [Run] }
        struct Output: Encodable { var old: String, new: String, counts: [String: Int], entries: [Entry] }
        func paragraphs(_ positions: [ReleaseComparison.Position], _ side: ReleaseComparison.Side) -> [Paragraph] {
            positions.map { position in
                let paragraph = comparison.paragraph(position, in: side)
                return Paragraph(section: side.sections[position.section].slug, anchor: paragraph.anchor, label: paragraph.label)
            }
        }
        let output = Output(
            old: comparison.old.id, new: comparison.new.id,
            counts: Dictionary(uniqueKeysWithValues: comparison.counts.map { ($0.key.rawValue, $0.value) }),
            entries: comparison.entries.map { entry in
                Entry(
                    status: entry.status.rawValue, old: paragraphs(entry.old, comparison.old), new: paragraphs(entry.new, comparison.new),
                    runs: entry.runs.map { run in
                        switch run {
                        case .kept(let text): Run(kept: text)
                        case .deleted(let text): Run(deleted: text)
                        case .inserted(let text): Run(inserted: text)
                        }
                    })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(output), as: UTF8.self) + "\n"
    }
}
