import CommuniqueHTML

/// Finds the element of a page that holds the statement: `<main>` (or `role="main"`), else
/// the `<article>` with the most text, else an element with a content id or class (`#main`,
/// `.entry-content`, `#honbun`), else the element whose own paragraphs hold the most
/// sentence text, else the whole `<body>`. Each is taken only when it holds text outside chrome,
/// so an empty `<main>` on a page that puts its text elsewhere is passed over.
enum HTMLContentFinder {
    /// A place in the tree: child indexes from `<body>` down.
    typealias Path = [Int]

    /// Ids and classes that name a page's content area, whole (not word by word).
    static let contentNames: Set<String> = [
        "main", "content", "contents", "main-content", "maincontent", "main_content", "main-contents", "article",
        "article-body", "articlebody", "article_body", "entry-content", "entry-body", "post-content", "post-body", "story",
        "story-body", "honbun", "body-text", "bodytext", "text", "statement", "press-release", "release", "page-content",
    ]

    /// The content element's path under `body`, or nil when the page has no text outside chrome.
    static func find(in body: HTMLElement) -> Path? {
        var candidates: [(path: Path, element: HTMLElement, rank: Int, text: Int)] = []
        var bestOwn: (path: Path, text: Int)?
        func visit(_ element: HTMLElement, _ path: Path) {
            for (index, child) in element.children.enumerated() {
                guard case .element(let e) = child, !HTMLChrome.invisible.contains(e.name),
                    !HTMLChrome.isChrome(e, inContent: false)
                else { continue }
                let childPath = path + [index]
                let role = e.attribute("role")?.lowercased()
                let names = Set([e.attribute("id")].compactMap { $0?.lowercased() }
                    + (e.attribute("class")?.lowercased().split(separator: " ").map(String.init) ?? []))
                let rank = e.name == "main" || role == "main" ? 0 : e.name == "article" ? 1 : names.isDisjoint(with: contentNames) ? nil : 2
                if let rank { candidates.append((childPath, e, rank, textLength(e))) }
                let own = ownParagraphText(e)
                if own > (bestOwn?.text ?? 0) { bestOwn = (childPath, own) }
                visit(e, childPath)
            }
        }
        visit(body, [])
        for rank in 0...2 {
            // The outermost `<main>`, the `<article>` (or content-named element) with the most text.
            let ranked = candidates.filter { $0.rank == rank && $0.text > 0 }
            let pick = rank == 0 ? ranked.first : ranked.max { $0.text < $1.text }
            if let pick { return pick.path }
        }
        // A page without sentences or markup for its content: all of the body that is not chrome.
        return bestOwn?.path ?? (textLength(body, inContent: false) > 0 ? [] : nil)
    }

    /// Characters of text under `element`, chrome and link text left out (a block of links is
    /// navigation, whatever it is called).
    static func textLength(_ element: HTMLElement, inContent: Bool = true) -> Int {
        var count = 0
        for child in element.children {
            switch child {
            case .text(let text): count += HTMLInlineText.visibleLength(text.text)
            case .element(let e):
                guard e.name != "a", !HTMLChrome.invisible.contains(e.name), !HTMLChrome.isChrome(e, inContent: inContent) else { continue }
                count += textLength(e, inContent: inContent)
            }
        }
        return count
    }

    /// Text of the element's own text children and child paragraphs that reads as sentences
    /// (it has a full stop): the measure of where a page without markup keeps its text.
    static func ownParagraphText(_ element: HTMLElement) -> Int {
        var count = 0
        for child in element.children {
            let text: String
            switch child {
            case .text(let t): text = t.text
            case .element(let e) where ["p", "li", "blockquote"].contains(e.name): text = e.textContent
            default: continue
            }
            if text.unicodeScalars.contains(where: sentenceEnds.contains) { count += HTMLInlineText.visibleLength(text) }
        }
        return count
    }

    static let sentenceEnds: Set<Unicode.Scalar> = ["。", "．", ".", "！", "？", "!", "?"]
}
