/// `Content/site.yml`: what the whole site is called and where it is published.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String
    /// BCP 47 language of the site's own words (navigation, labels): "ja" or "en".
    public var language: String
    /// Absolute URL the site is published at, with a trailing slash; may include a
    /// sub-path (`https://example.org/statements/`). Only used where a URL must be
    /// absolute (404 page, canonical links); every other link is relative.
    public var baseURL: String
    public var author: String?
    /// Pass raw HTML in the Markdown through. Off by default: statement text is data.
    public var allowRawHTML: Bool
    /// Compare each release with the previous meeting of its series (changes pages, the
    /// wording history of paragraphs). On by default; off, the site has neither.
    public var compareReleases: Bool

    public init(
        title: String, description: String = "", language: String = "ja", baseURL: String = "/",
        author: String? = nil, allowRawHTML: Bool = false, compareReleases: Bool = true
    ) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.author = author
        self.allowRawHTML = allowRawHTML
        self.compareReleases = compareReleases
    }

    /// Whether `baseURL` names a host (`https://…`), not only a path.
    public var hasAbsoluteBaseURL: Bool { baseURL.contains("://") }

    /// The public URL of an output file (`releases/x/index.html` → `https://…/releases/x/`),
    /// or nil when `base_url` is only a path.
    public func absoluteURL(of path: String) -> String? {
        guard hasAbsoluteBaseURL else { return nil }
        return baseURL + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
    }

    /// The path part of `baseURL` (`/statements/`), for pages served at any depth.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return baseURL }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        return String(afterHost[slash...])
    }
}
