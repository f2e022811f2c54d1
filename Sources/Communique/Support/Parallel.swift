import Dispatch

/// Work spread over every core, its results in a fixed order.
enum Parallel {
    /// `body(0) … body(count - 1)` run concurrently; the results come back in index
    /// order, so nothing built from them depends on scheduling. `body` must only read
    /// shared state (each call writes only its own result).
    static func map<Result>(_ count: Int, _ body: (Int) -> Result) -> [Result] {
        var results = [Result?](repeating: nil, count: count)
        withoutActuallyEscaping(body) { body in
            results.withUnsafeMutableBufferPointer { buffer in
                let shared = UncheckedSendable((buffer, body))
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    shared.value.0[index] = shared.value.1(index)
                }
            }
        }
        return results.map { $0! }
    }

    /// `count` items cut into at most `parts` contiguous runs, for work with a cost
    /// per task (a MeCab tagger, a cache) that should not be paid per item.
    static func runs(count: Int, parts: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let size = (count + max(parts, 1) - 1) / max(parts, 1)
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }
}
