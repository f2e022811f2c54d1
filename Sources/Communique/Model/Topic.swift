/// One topic of the taxonomy in `Content/topics.yml` (台湾, 北朝鮮, サイバー …).
public struct Topic: Sendable, Hashable {
    /// Stable ASCII id; also the topic page's URL segment (`topics/<id>/`).
    public var id: String
    public var title: String
    /// Reading in hiragana, for gojūon order (derived with MeCab when not given).
    public var reading: String?
    public var english: String?
    public var description: String?
    /// Words and aliases whose presence in a paragraph tags it with this topic.
    public var signals: [String]
    /// The id of the broader topic (地域情勢 › 中国 › 東シナ海).
    public var parent: String?
    /// Where the topic is defined (`Content/topics.yml:12`).
    public var location: SourceLocation?

    public init(
        id: String, title: String, reading: String? = nil, english: String? = nil, description: String? = nil,
        signals: [String], parent: String? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.reading = reading
        self.english = english
        self.description = description
        self.signals = signals
        self.parent = parent
        self.location = location
    }
}
