import CommuniqueJapanese
import Foundation

/// Names a release folder and its section pages.
enum ReleaseNaming {
    /// The release id: `--id` when given (it must be a valid id), else the file's own
    /// name when it already is one (`2024-07-28-japan-us-2plus2.txt`), else the meeting
    /// date and the title's slug (`2024-07-28-nichibei-…`).
    static func releaseID(
        explicit: String?, fileName: String, statement: Statement, reader: JapaneseReader?
    ) throws -> String {
        if let explicit {
            guard ReleaseID.isValid(explicit), !explicit.hasPrefix("-"), !explicit.hasSuffix("-") else {
                throw CommuniqueError(
                    "--id '\(explicit)' must be lowercase ASCII letters, digits and hyphens (such as 2024-07-28-japan-us-2plus2)")
            }
            return explicit
        }
        let base = (fileName as NSString).deletingPathExtension
        if ReleaseID.isValid(base), !base.hasPrefix("-"), !base.hasSuffix("-") { return base }
        let title = statement.releaseTitle ?? ""
        let date = (statement.meetingDate ?? statement.published)?.isoDate
        let parts = [date, Slug.make(title, reader: reader)].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? "statement" : parts.joined(separator: "-")
    }

    /// One slug per section, from its title without its number (`1 総論` → `soron`),
    /// unique within the release and never a reserved slug (the printable page, the changes page).
    static func sectionSlugs(_ sections: [StatementSection], reader: JapaneseReader?) -> [String] {
        var used = Permalinks.reservedSlugs
        return sections.enumerated().map { position, section in
            let folded = WidthFolding.fold(section.title)
            let words = NumberMarker.parse(folded).map { String(section.title.dropFirst($0.prefixLength)) } ?? section.title
            var slug = Slug.make(words, reader: reader)
            if slug.isEmpty { slug = Slug.make(section.title, reader: reader) }
            if slug.isEmpty { slug = "section-\(position + 1)" }
            return Slug.unique(slug, in: &used)
        }
    }

    /// `01-soron.md`: the order, zero-padded so files sort in order, then the slug.
    static func sectionFileName(order: Int, slug: String, count: Int) -> String {
        let digits = max(2, String(count).count)
        let number = String(order)
        return String(repeating: "0", count: digits - number.count) + number + "-" + slug + ".md"
    }
}
