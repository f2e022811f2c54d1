/// The keys each settings file and front matter may have. Load refuses any other (a misspelt
/// key is an error, not a silent default), and the importer refuses them in a Markdown
/// statement's front matter, so that what it writes always loads.
enum FrontMatterKeys {
    static let site: Set<String> = ["title", "description", "language", "base_url", "author", "allow_raw_html", "compare_releases"]
    static let release: Set<String> = [
        "title", "category", "published", "date", "place", "language", "series", "draft", "source", "participants", "topics",
        "not_topics",
    ]
    static let section: Set<String> = ["title", "order", "slug", "topics", "not_topics"]
    static let participant: Set<String> = ["name", "reading", "title", "english", "english_title"]
}
