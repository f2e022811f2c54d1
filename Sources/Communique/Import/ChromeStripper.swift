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
    /// Lines that are chrome when they are nothing else (share and print buttons).
    static let wholeLineMarkers: Set<String> = [
        "share", "シェア", "tweet", "ツイート", "ポスト", "post", "print", "印刷", "印刷する", "facebook", "twitter",
        "x", "line", "note", "hatena", "はてなブックマーク", "いいね", "メール", "email", "e-mail", "bookmark",
        "本文へ", "本文へ移動", "メニュー", "menu", "skip to main content", "skip to content", "メインコンテンツへ移動",
        "ナビゲーションをスキップ", "サイトマップ", "sitemap", "english", "日本語", "文字サイズ", "検索", "search",
    ]
    static let breadcrumbHomes = ["ホーム", "トップ", "トップページ", "home", "top"]
    static let breadcrumbSeparators: Set<Character> = [">", "＞", "›", "»", "〉", "/"]

    func strip(_ lines: [SourceLine]) -> Result {
        var kept: [SourceLine] = []
        var dropped: [SourceLine] = []
        // Leading chrome: everything before the first line that is neither blank nor chrome.
        var index = 0
        var leading: [SourceLine] = []
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

    private func key(_ line: SourceLine) -> String {
        WidthFolding.fold(line.text).trimmingCharacters(in: .whitespaces).lowercased()
    }

    func isBlockOpener(_ line: SourceLine) -> Bool {
        let text = key(line)
        return text.count <= 60 && Self.blockOpeners.contains { text.hasPrefix($0) }
            || text.count <= 80 && text.contains("©")
    }

    func isWholeLineMarker(_ line: SourceLine) -> Bool {
        Self.wholeLineMarkers.contains(key(line))
    }

    func isLeadingChrome(_ line: SourceLine) -> Bool {
        isWholeLineMarker(line) || isBreadcrumb(line)
    }

    /// `ホーム > 報道発表 > 2024年`: short segments between separators, from a home link.
    func isBreadcrumb(_ line: SourceLine) -> Bool {
        let text = key(line)
        let segments = text.split(whereSeparator: { Self.breadcrumbSeparators.contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard segments.count >= 2, text.count <= 120, segments.allSatisfy({ $0.count <= 40 }) else { return false }
        let separators = text.filter { Self.breadcrumbSeparators.contains($0) && $0 != "/" }.count
        return Self.breadcrumbHomes.contains(segments[0]) || separators >= 2
    }

    /// What follows a chrome opener: blank lines, other markers, list items and short
    /// lines that are not sentences (link titles, "24時間", "1週間").
    func isTrailingChromeItem(_ line: SourceLine) -> Bool {
        if line.isBlank || isBlockOpener(line) || isWholeLineMarker(line) { return true }
        let text = key(line)
        if let first = text.first, NumberMarker.bullets.contains(first) { return text.count <= 100 }
        let sentenceEnds: Set<Character> = ["。", ".", "!", "?", "！", "？"]
        return text.count <= 40 && !(text.last.map(sentenceEnds.contains) ?? false)
    }
}
