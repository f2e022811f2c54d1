/// Carries a value into work spread over several threads when the compiler cannot see
/// that it is safe: the caller promises each thread only reads it, or writes only its
/// own slots.
struct UncheckedSendable<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
