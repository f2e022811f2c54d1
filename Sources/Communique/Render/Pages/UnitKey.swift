import Foundation

/// A stable hash of what a unit of pages (a release's pages, a topic's or a glossary
/// entry's page for one year) is made from, computed without building the pages'
/// template contexts. `PageRenderer.unit` keeps the unit's pages when the previous
/// build made them from the same key.
///
/// Each kind of unit hashes its own inputs (`ReleaseInputs`, `TopicPages.key`,
/// `GlossaryPage.key`); what every kind shares is hashed here: the kind, the
/// templates it renders with, the site's settings and the program itself, so a new
/// version of Communique renders every unit again.
struct UnitKey {
    /// Bumped when what a unit's pages show changes in a way its inputs do not.
    static let version = 1

    private var hasher = StableHasher()

    init(kind: String, templates: TemplateSet, names: [String], config: SiteConfig) {
        hasher.combine(kind)
        hasher.combine(Self.version)
        hasher.combine(ContextFingerprint.renderVersion)
        hasher.combine(ProgramIdentity.current)
        for name in names { hasher.combine(templates.fingerprints[name] ?? "") }
        for value in [config.title, config.description, config.language, config.baseURL, config.author] { combine(value) }
        hasher.combine(config.allowRawHTML ? 1 : 0)
        hasher.combine(config.compareReleases ? 1 : 0)
    }

    /// nil differs from every text, "" included.
    mutating func combine(_ text: String?) {
        guard let text else { return hasher.combine(-1) }
        hasher.combine(text)
    }

    mutating func combine(_ value: Int) { hasher.combine(value) }

    mutating func combine(_ ref: ParagraphRef) {
        hasher.combine(ref.page.release)
        hasher.combine(ref.page.section)
        hasher.combine(ref.anchor)
    }

    /// A paragraph's text (or a run of it), which a use or mention shows part of. When the
    /// release has a files key (`SiteSource.releaseKeys`), that key: the same key, the same
    /// text, and a key is 16 bytes where a paragraph's text is hundreds, hashed once per use.
    mutating func combine(text: @autoclosure () -> String, of ref: ParagraphRef, site: SiteSource) {
        if let releaseKey = site.releaseKeys[ref.page.release] {
            hasher.combine(-4)
            hasher.combine(releaseKey)
        } else {
            hasher.combine(text())
        }
    }

    /// A part of a page model, as the fingerprint hashes it.
    mutating func combine<Model: Encodable>(model: Model) {
        ContextFingerprint.combine(TemplateEncoder.encode(model), into: &hasher)
    }

    var hex: String { hasher.hex }

}
