import CommuniqueMarkdown
import Dispatch
import Testing

/// cmark-gfm keeps the characters that start an extension's inline syntax (`~` for
/// strikethrough, `:` and `w` for autolinks) in a global table that every parser adds to and
/// removes from as it finishes: documents parsed at once on several threads lost their
/// strikethrough or links, depending on timing. Parsing is serialised, rendering is not.
@Suite struct ConcurrentParsingTests {
    @Test func documentsParsedAtOnceAllGetTheirExtensionsInlines() {
        let markdown = "~~削除~~ と https://www.mofa.go.jp/ と www.example.org と ~~more~~\n\n| a | ~~b~~ |\n|---|---|\n| ~~c~~ | www.x.org |\n"
        let expected = MarkdownDocument(markdown).html()
        #expect(expected.contains("<del>削除</del>") && expected.contains("href=\"https://www.mofa.go.jp/\""))
        let count = 400
        let results = UnsafeMutableBufferPointer<Bool>.allocate(capacity: count)
        defer { results.deallocate() }
        let shared = UnsafeSendable(results)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            shared.value[index] = MarkdownDocument(markdown).html() == expected
        }
        #expect(results.filter { !$0 }.count == 0, "documents parsed at once came out otherwise")
    }
}

private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
