/// A BCP 47 language tag as front matter and site.yml give it (`ja`, `en`, `en-GB`): the
/// pages' `lang`. Checked by Load and by the importer alike.
enum LanguageTag {
    /// A BCP 47 tag in its common shape: `ja`, `en`, `en-GB`, `zh-Hant-TW`.
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
