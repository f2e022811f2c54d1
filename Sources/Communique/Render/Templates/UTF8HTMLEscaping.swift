import Mustache

/// swift-mustache's HTML escaping, done on UTF-8 bytes.
///
/// swift-mustache escapes each `{{value}}` Character by Character through a
/// dictionary; on a site of hundreds of releases that was a sixth of the build's CPU
/// (tens of megabytes of titles, URLs and definitions). Every template we ship starts
/// with `{{%CONTENT_TYPE:HTML_UTF8}}`, which selects this escaping for it. It writes
/// the same entities for the same five characters; a template without the line gets
/// swift-mustache's own escaping, which is as safe, only slower.
struct UTF8HTMLEscaping: MustacheContentType {
    static let name = "HTML_UTF8"

    /// Makes the content type known to the template parser; before parsing templates.
    static let register: Void = { MustacheContentTypes.register(UTF8HTMLEscaping(), named: name) }()

    func escapeText(_ text: String) -> String {
        MarkupEscaping.escape(text, apostrophe: "&#39;", keepControls: true)
    }
}
