import Foundation

/// Separates a copied web page's chrome from the statement: breadcrumbs and skip links
/// before the title, and rankings, "related articles" lists, share buttons and
/// copyright lines after the body.
///
/// Nothing is thrown away: the dropped lines go into the import report and the
/// release's `_dropped.txt`. Where a line might be text, it is kept.
struct ChromeStripper {
    struct Result {
        var kept: [SourceLine]
        var dropped: [SourceLine]
    }

    /// Lines that open a block of trailing chrome when they start with one of these
    /// (folded, lowercased).
    static let blockOpeners = [
        "ranking", "読まれている記事", "よく読まれている", "人気記事", "アクセスランキング", "関連記事", "関連リンク",
        "関連情報", "related articles", "related links", "related content", "related", "most read", "popular",
        "ページの先頭へ", "このページの先頭へ", "ページトップへ", "back to top", "page top", "top of page",
        "copyright", "©", "(c) ", "all rights reserved", "share this", "このページをシェア", "シェアする",
    ]
    /// Lines that are chrome when they are nothing else: share and print buttons, and what
    /// only a page's top has.
    static let wholeLineMarkers: Set<String> = topOfPageMarkers.union([
        "share", "シェア", "tweet", "ツイート", "ポスト", "post", "print", "印刷", "印刷する", "facebook", "twitter",
        "x", "line", "note", "hatena", "はてなブックマーク", "いいね", "メール", "email", "e-mail", "bookmark",
        "メニューを閉じる", "close menu", "閉じる", "close",
    ])
    static let breadcrumbHomes = ["ホーム", "トップ", "トップページ", "home", "top"]
    static let breadcrumbSeparators: Set<Character> = [">", "＞", "›", "»", "〉", "/"]

    func strip(_ lines: [SourceLine]) -> Result {
        var kept: [SourceLine] = []
        var dropped: [SourceLine] = []
        // Leading chrome: a site banner and what follows it down to the last chrome line of
        // the page's top, then everything before the first line that is neither blank nor chrome.
        var index = bannerEnd(lines)
        var leading = Array(lines[..<index])
        while index < lines.count, lines[index].isBlank || isLeadingChrome(lines[index]) {
            leading.append(lines[index])
            index += 1
        }
        dropped += leading.filter { !$0.isBlank }

        while index < lines.count {
            let line = lines[index]
            guard isBlockOpener(line) || isWholeLineMarker(line) else {
                kept.append(line)
                index += 1
                continue
            }
            // A block of chrome runs to the end of the page: the opener, then list items
            // and short lines. Where real text follows, only the marker lines go.
            var end = index + 1
            while end < lines.count, isTrailingChromeItem(lines[end]) { end += 1 }
            if end == lines.count {
                dropped += lines[index..<end].filter { !$0.isBlank }
                break
            }
            dropped.append(line)
            index += 1
        }
        return Result(kept: kept, dropped: dropped)
    }

    /// Longer than any chrome line can be (100 characters of three UTF-8 bytes, with room
    /// for spaces): such a line is text, decided without folding it.
    static let longestChromeBytes = 400

    private func key(_ line: SourceLine) -> String {
        WidthFolding.fold(line.text).trimmedOfSpaces.lowercased()
    }

    func isBlockOpener(_ line: SourceLine) -> Bool {
        guard line.text.utf8.count <= Self.longestChromeBytes else { return false }
        let text = key(line)
        return text.count <= 60 && Self.blockOpeners.contains { text.hasPrefix($0) }
            || text.count <= 80 && text.contains("©")
    }

    func isWholeLineMarker(_ line: SourceLine) -> Bool {
        line.text.utf8.count <= Self.longestChromeBytes && Self.wholeLineMarkers.contains(key(line))
    }

    func isLeadingChrome(_ line: SourceLine) -> Bool {
        isWholeLineMarker(line) || isBreadcrumb(line) || isBracketedSiteName(line)
    }

    /// How many lines at the top are a site's banner: short lines that are no sentence
    /// (`首相官邸 Prime Minister's Office of Japan`, `THE WHITE HOUSE`) down to the last line
    /// among them that is surely chrome ("site search", "menu", a breadcrumb). 0 when the
    /// top holds no chrome line: a short line alone may be the title.
    func bannerEnd(_ lines: [SourceLine]) -> Int {
        var end = 0
        var nonBlank = 0
        for (index, line) in lines.enumerated() {
            if line.isBlank { continue }
            nonBlank += 1
            guard nonBlank <= 12 else { break }
            if isTopOfPageChrome(line) {
                end = index + 1
                continue
            }
            guard isShortNonSentence(key(line)),
                DateParser.dateLine(WidthFolding.fold(line.text).trimmedOfSpaces) == nil
            else { break }
        }
        return end
    }

    /// Chrome that only a page's top has (search, menu, skip links, breadcrumbs, the site's
    /// name): not share or print buttons, which often sit right under the title.
    func isTopOfPageChrome(_ line: SourceLine) -> Bool {
        Self.topOfPageMarkers.contains(key(line)) || isBreadcrumb(line, atTop: true) || isBracketedSiteName(line)
    }

    static let topOfPageMarkers: Set<String> = [
        "本文へ", "本文へ移動", "メニュー", "menu", "skip to main content", "skip to content", "メインコンテンツへ移動",
        "ナビゲーションをスキップ", "サイトマップ", "sitemap", "english", "日本語", "文字サイズ", "検索", "search",
        "サイト内検索", "site search", "search this site", "メニューを開く", "open menu", "ログイン", "log in", "sign in",
    ]

    /// Words that make a bracketed line (`［首相官邸ホームページ］`, `[The White House]`) a
    /// site's name rather than a label of the statement (`【仮訳】`).
    static let siteNameWords = [
        "ホームページ", "サイト", "官邸", "省", "庁", "website", "web site", "site", "home page", "white house",
        "ministry", "department", "office",
    ]
    static let bracketPairs: [Character: Character] = ["[": "]", "［": "］", "【": "】", "〔": "〕", "〈": "〉", "《": "》"]

    func isBracketedSiteName(_ line: SourceLine) -> Bool {
        let text = line.text.trimmedOfSpaces
        guard let first = text.first, let close = Self.bracketPairs[first], text.last == close, text.count <= 40,
            text.dropFirst().dropLast().allSatisfy({ Self.bracketPairs[$0] == nil && $0 != close })
        else { return false }
        let inner = key(line)
        return Self.siteNameWords.contains { inner.contains($0) }
    }

    /// `ホーム > 報道発表 > 2024年`: short segments between separators, from a home link.
    /// At the page's top, above the title, one `>` is enough (`Briefing Room > Statements`).
    func isBreadcrumb(_ line: SourceLine, atTop: Bool = false) -> Bool {
        let text = key(line)
        let segments = text.split(whereSeparator: { Self.breadcrumbSeparators.contains($0) })
            .map { $0.trimmedOfSpaces }
        guard segments.count >= 2, text.count <= 120, segments.allSatisfy({ $0.count <= 40 }) else { return false }
        let separators = text.filter { Self.breadcrumbSeparators.contains($0) && $0 != "/" }.count
        return Self.breadcrumbHomes.contains(segments[0]) || separators >= 2 || atTop && separators >= 1
    }

    /// What follows a chrome opener: blank lines, other markers, list items and short
    /// lines that are not sentences (link titles, "24時間", "1週間").
    func isTrailingChromeItem(_ line: SourceLine) -> Bool {
        if line.isBlank || isBlockOpener(line) || isWholeLineMarker(line) { return true }
        guard line.text.utf8.count <= Self.longestChromeBytes else { return false }
        let text = key(line)
        if let first = text.first, NumberMarker.bullets.contains(first) { return text.count <= 100 }
        return isShortNonSentence(text)
    }

    /// A link title or label (`24時間`, "Briefing Room"), not a sentence: at most 40
    /// characters, not ending as a sentence does.
    func isShortNonSentence(_ key: String) -> Bool {
        let sentenceEnds: Set<Character> = ["。", ".", "!", "?", "！", "？"]
        return key.count <= 40 && !(key.last.map(sentenceEnds.contains) ?? false)
    }
}
