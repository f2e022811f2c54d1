import Foundation

/// Readable names of paragraphs ("日米…を実施 › 地域情勢 (2)") for lists of links.
struct PlaceNames {
    let site: SiteSource
    private var markers: [ParagraphRef: String] = [:]

    init(site: SiteSource, analysis: Analysis?) {
        self.site = site
        guard let analysis else { return }
        for (key, page) in analysis.sections {
            for block in page.blocks {
                if let marker = block.marker { markers[ParagraphRef(page: key, anchor: block.anchor)] = marker.text }
            }
        }
    }

    /// Related paragraphs as links with a readable place ("地域情勢 (2)").
    func relatedItems(_ refs: [ParagraphRef], from page: String) -> [LinkItem] {
        refs.map { ref in
            // The release is named only when it is not the one being read.
            LinkItem(
                title: placeName(of: ref, withRelease: !page.hasPrefix("releases/\(ref.page.release)/")),
                url: Permalinks.relative(from: page, to: Permalinks.page(ref.page)) + "#\(ref.anchor)")
        }
    }

    /// "Release title › Section (marker)", the way lists of uses name a paragraph.
    func placeName(of ref: ParagraphRef, withRelease: Bool = true) -> String {
        guard let place = parts(of: ref) else { return ref.anchor }
        var parts: [String] = []
        // A paragraph of the release's own page with no number has no other name: a link
        // must have text (axe: link-name).
        if withRelease || (place.section == nil && place.marker == nil) { parts.append(place.release) }
        if let section = place.section { parts.append(section) }
        var name = parts.joined(separator: " › ")
        if let marker = place.marker { name += " \(marker)" }
        return name
    }

    /// What `placeName` is made of, hashed into a unit's key without joining it into a
    /// string: keys hash the place of every use a topic or glossary page lists.
    func combinePlace(of ref: ParagraphRef, into key: inout UnitKey) {
        let place = parts(of: ref)
        key.combine(place?.release)
        key.combine(place?.section)
        key.combine(place?.marker)
    }

    private func parts(of ref: ParagraphRef) -> (release: String, section: String?, marker: String?)? {
        guard let release = site.release(withID: ref.page.release) else { return nil }
        return (release.title, release.sections.first(where: { $0.slug == ref.page.section })?.title, markers[ref])
    }
}
