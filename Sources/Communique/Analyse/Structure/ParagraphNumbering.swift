/// Gives every block of a page its anchor, from the number it starts with.
///
/// Ids follow Akoma Ntoso's hierarchical style and are documented in the README:
/// - numbered paragraph: `sec_2__para_3` (section order 2, number 3); the levels below
///   it `sec_2__para_3__subpara_1` and `sec_2__para_3__subpara_1__point_2`;
/// - a paragraph without a number: `sec_2__p_1` (the 1st unnumbered one);
/// - a heading inside a page: `sec_2__h_1`.
/// A scheme seen first at the top ((1), 1., ⑴ …) is level 1; a new scheme starts the
/// next level down; returning to a scheme already seen returns to its level. So the
/// same text gives the same ids whatever widths or shapes the numbers come in.
struct ParagraphNumbering {
    /// `sec_2`, or `intro` for a release's lead and preamble.
    let prefix: String

    struct Numbered: Equatable {
        var anchor: String
        var marker: NumberMarker?
        /// 0 for unnumbered paragraphs and headings, 1… for numbered levels.
        var level: Int
    }

    static let levelNames = ["para", "subpara", "point", "subpoint"]

    /// One result per block, in order. `markers[i]` is the marker the block starts with,
    /// nil when it has none; `isHeading[i]` marks headings.
    func number(markers: [NumberMarker?], isHeading: [Bool]) -> [Numbered] {
        var schemes: [NumberMarker.Scheme] = []  // scheme of each open level
        var path: [String] = []  // "para_3", "subpara_1" …
        var unnumbered = 0
        var headings = 0
        var used: [String: Int] = [:]
        var result: [Numbered] = []
        for (marker, heading) in zip(markers, isHeading) {
            var anchor: String
            var level = 0
            if heading {
                headings += 1
                anchor = "\(prefix)__h_\(headings)"
            } else if let marker {
                if let depth = schemes.firstIndex(of: marker.scheme) {
                    schemes.removeSubrange((depth + 1)...)
                    path.removeSubrange(depth...)
                } else if schemes.count < Self.levelNames.count {
                    schemes.append(marker.scheme)
                } else {
                    schemes[schemes.count - 1] = marker.scheme
                    path.removeLast()
                }
                level = schemes.count
                path.append("\(Self.levelNames[level - 1])_\(marker.value)")
                anchor = ([prefix] + path).joined(separator: "__")
            } else {
                unnumbered += 1
                anchor = "\(prefix)__p_\(unnumbered)"
            }
            // A number repeated by mistake must still give a unique id.
            if let count = used[anchor] {
                used[anchor] = count + 1
                anchor += "_\(count + 1)"
            } else {
                used[anchor] = 1
            }
            result.append(Numbered(anchor: anchor, marker: heading ? nil : marker, level: level))
        }
        return result
    }
}
