import CommuniqueHTML
import Foundation

/// What in a web page is page chrome rather than statement: navigation, breadcrumbs, share
/// and print links, photo captions, related-article and ranking lists, forms, footers.
///
/// Judged from the markup first (tag, ARIA role, class and id words), then from the text
/// (a list of nothing but links, a "関連記事" or "Print" label), because ministry and news
/// sites mark their chrome in many ways but rarely leave it unmarked.
enum HTMLChrome {
    /// Elements whose content is never text a reader sees: skipped without a trace.
    static let invisible: Set<String> = ["script", "style", "template", "svg", "math", "link", "meta", "head", "title", "object", "embed", "canvas", "video", "audio", "map", "img", "picture", "source"]

    /// Elements that are chrome wherever they are.
    static let tags: Set<String> = ["nav", "aside", "form", "button", "select", "input", "textarea", "iframe", "noscript", "dialog", "figcaption", "menu"]

    /// Elements that are chrome outside the main content; inside it, `<header>` usually
    /// holds the statement's title and date.
    static let pageTags: Set<String> = ["header", "footer"]

    static let roles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "toolbar", "dialog", "alert", "tablist"]

    /// Words of a class or id (split at `-`, `_` and case changes) that mark chrome. Not
    /// `hidden`: Bootstrap's `hidden-xs` hides a column on phones only (the `hidden` attribute
    /// and `display: none` are read instead).
    static let words: Set<String> = [
        "breadcrumb", "breadcrumbs", "crumb", "crumbs", "topicpath", "pankuzu", "nav", "navi", "navbar", "navigation", "gnav", "lnav",
        "subnav", "localnav", "menu",
        "sidebar", "side", "footer", "share", "sharing", "sns", "social", "print", "related", "relation", "recommend",
        "recommended", "ranking", "popular", "pagetop", "totop", "caption", "photo", "gallery", "banner", "ad", "ads",
        "advert", "advertisement", "sponsor", "sponsored", "pager", "pagination", "tags", "comments", "skip", "toolbar",
        "utility", "modal", "cookie", "newsletter", "subscribe", "trending",
    ]

    /// Short labels of chrome blocks ("関連記事", "Print this page"), folded and lowercased.
    static let labels: [String] = [
        "関連記事", "関連リンク", "関連情報", "関連ニュース", "ランキング", "アクセスランキング", "人気記事", "おすすめ", "注目記事",
        "この記事をシェア", "シェア", "ツイート", "印刷", "ページの先頭へ", "ページの先頭へ戻る", "トップへ戻る", "ページトップへ", "このページの先頭へ", "先頭へ戻る",
        "related", "related articles", "related stories", "related links", "most read", "most popular", "popular", "trending",
        "share", "share this", "share this page", "tweet", "print", "print this page", "back to top", "top of page", "tags",
    ]

    /// True when `element` is chrome by its markup; `inContent` tells whether it is inside the main content.
    static func isChrome(_ element: HTMLElement, inContent: Bool) -> Bool {
        if tags.contains(element.name) || (!inContent && pageTags.contains(element.name)) { return true }
        if let role = element.attribute("role"), roles.contains(role.lowercased()) { return true }
        if element.attribute("hidden") != nil || element.attribute("aria-hidden") == "true" { return true }
        if let style = element.attribute("style")?.lowercased().filter({ !$0.isWhitespace }),
            style.contains("display:none") || style.contains("visibility:hidden")
        {
            return true
        }
        return markupWords(element).contains(where: words.contains)
    }

    /// The words of an element's class and id: `c-breadcrumb__item` → c, breadcrumb, item;
    /// `shareButtons` → share, buttons.
    static func markupWords(_ element: HTMLElement) -> [String] {
        let names = [element.attribute("class"), element.attribute("id")].compactMap { $0 }.joined(separator: " ")
        var words: [String] = []
        var word = ""
        var previousLower = false
        func close() {
            if !word.isEmpty { words.append(word.lowercased()) }
            word = ""
        }
        for c in names {
            if c.isLetter || c.isNumber {
                if c.isUppercase, previousLower { close() }
                word.append(c)
                previousLower = c.isLowercase
            } else {
                close()
                previousLower = false
            }
        }
        close()
        return words
    }

    /// True when `text` (a block's text) is only a chrome label, such as "関連記事" or "Print".
    static func isLabel(_ text: String) -> Bool {
        let folded = WidthFolding.fold(text).lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        return folded.count <= 24 && labels.contains(folded)
    }
}
