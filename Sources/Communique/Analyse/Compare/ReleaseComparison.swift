import Foundation

/// Two releases' paragraphs aligned: which stayed, changed, moved, were split or merged,
/// which are new and which were removed, with what changed inside each.
///
/// Comparing B with A gives the mirror image of comparing A with B (new ↔ removed,
/// split ↔ merged, insertions ↔ deletions): both are worked out in one orientation.
public struct ReleaseComparison: Sendable, Equatable {
    /// A release as compared: its pages in order (its own page first, with slug ""), each
    /// with its paragraphs.
    public struct Side: Sendable, Equatable {
        public struct Section: Sendable, Equatable {
            public var slug: String
            public var title: String
            public var paragraphs: [Paragraph]

            public init(slug: String, title: String, paragraphs: [Paragraph]) {
                self.slug = slug
                self.title = title
                self.paragraphs = paragraphs
            }
        }

        public struct Paragraph: Sendable, Equatable {
            public var anchor: String
            /// Its number as printed ("(3)"), or "".
            public var label: String
            public var text: String

            public init(anchor: String, label: String, text: String) {
                self.anchor = anchor
                self.label = label
                self.text = text
            }
        }

        public var id: String
        public var sections: [Section]

        public init(id: String, sections: [Section]) {
            self.id = id
            self.sections = sections
        }
    }

    /// A paragraph of a side: section index, paragraph index in it.
    public struct Position: Sendable, Hashable, Comparable {
        public var section: Int
        public var paragraph: Int

        public init(section: Int, paragraph: Int) {
            self.section = section
            self.paragraph = paragraph
        }

        public static func < (a: Position, b: Position) -> Bool {
            (a.section, a.paragraph) < (b.section, b.paragraph)
        }
    }

    public enum Status: String, Sendable, Equatable, CaseIterable {
        case unchanged, changed, moved, split, merged, new, removed

        /// The status seen from the other release.
        public var mirrored: Status {
            switch self {
            case .split: .merged
            case .merged: .split
            case .new: .removed
            case .removed: .new
            default: self
            }
        }
    }

    /// One aligned group: the old paragraphs and the new ones they became (one and one, one
    /// and several when split, several and one when merged, none on one side when new or
    /// removed), and the inline changes from the old text to the new.
    public struct Entry: Sendable, Equatable {
        public var status: Status
        public var old: [Position]
        public var new: [Position]
        public var runs: [InlineDiff.Run]

        public var mirrored: Entry {
            Entry(status: status.mirrored, old: new, new: old, runs: runs.map(\.mirrored))
        }
    }

    public var old: Side
    public var new: Side
    /// In the new release's order; a removed paragraph stands after the entry of the
    /// paragraph that preceded it in the old release.
    public var entries: [Entry]

    public init(old: Side, new: Side) {
        // One orientation for both directions, so the two are mirror images.
        if old.id > new.id {
            let forward = ReleaseComparison(old: new, new: old)
            self.old = old
            self.new = new
            entries = Self.ordered(forward.entries.map(\.mirrored), old: old, new: new)
            return
        }
        self.old = old
        self.new = new
        entries = Self.ordered(ParagraphAligner(old: old, new: new).entries(), old: old, new: new)
    }

    /// How many entries have each status.
    public var counts: [Status: Int] {
        entries.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
    }

    public func paragraph(_ position: Position, in side: Side) -> Side.Paragraph {
        side.sections[position.section].paragraphs[position.paragraph]
    }

    /// Entries with new paragraphs in the new release's order; each removed entry after the
    /// entry holding the old paragraph before it (at the start when there is none).
    static func ordered(_ entries: [Entry], old: Side, new: Side) -> [Entry] {
        var placed = entries.filter { !$0.new.isEmpty }.sorted { $0.new.min()! < $1.new.min()! }
        let removed = entries.filter { $0.new.isEmpty }.sorted { $0.old.min()! < $1.old.min()! }
        for entry in removed {
            let position = entry.old.min()!
            // The last placed entry whose old paragraphs come before this one.
            let after = placed.lastIndex { $0.old.contains { $0 < position } }
            placed.insert(entry, at: after.map { $0 + 1 } ?? 0)
        }
        return placed
    }
}

extension ReleaseComparison.Side {
    /// A release as the site analysed it: its own page (lead and preamble, slug ""), then its
    /// sections, each with every block that is not a heading.
    public init(release: Release, analysis: Analysis) {
        var sections = [Section(slug: "", title: "", paragraphs: Self.paragraphs(of: analysis.releaseBodies[release.id]))]
        for section in release.sections {
            let page = analysis.sections[PageKey(release: release.id, section: section.slug)]
            sections.append(Section(slug: section.slug, title: section.title, paragraphs: Self.paragraphs(of: page)))
        }
        self.init(id: release.id, sections: sections)
    }

    /// A release from its own pages parsed (what `communique diff` reads).
    init(release: Release, analysis: ReleaseAnalysis) {
        var sections = [Section(slug: "", title: "", paragraphs: Self.paragraphs(of: analysis.body))]
        for (section, page) in zip(release.sections, analysis.sections) {
            sections.append(Section(slug: section.slug, title: section.title, paragraphs: Self.paragraphs(of: page)))
        }
        self.init(id: release.id, sections: sections)
    }

    private static func paragraphs(of page: ParsedPage?) -> [Paragraph] {
        (page?.blocks ?? []).compactMap { block in
            guard !block.isHeading else { return nil }
            let text = OneLine.trimmed(block.plainText)
            return text.isEmpty ? nil : Paragraph(anchor: block.anchor, label: block.marker?.text ?? "", text: text)
        }
    }
}
