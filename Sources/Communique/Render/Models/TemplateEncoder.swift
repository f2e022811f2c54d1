/// Turns a page model into the `TemplateValue` its template reads, through the model's
/// synthesised `Encodable` conformance: nothing lists a model's keys by hand.
///
/// A property `hasBreadcrumbs` is the key `has_breadcrumbs`; a nil optional is `.absent`
/// (synthesised code calls `encodeIfPresent`, which this encoder records instead of
/// skipping, so a template sees `false`, as it always did, rather than a missing key).
enum TemplateEncoder {
    static func encode<Model: Encodable>(_ model: Model) -> TemplateValue {
        let node = Node()
        encode(model, into: node)
        return node.value
    }

    /// Texts, numbers and flags are stored directly; anything else encodes itself.
    fileprivate static func encode<Value: Encodable>(_ value: Value, into node: Node) {
        switch value {
        case let text as String: node.set(.text(text))
        case let number as Int: node.set(.number(number))
        case let flag as Bool: node.set(.flag(flag))
        case let number as any BinaryInteger: node.set(.number(Int(number)))
        case let number as any BinaryFloatingPoint: node.set(.text("\(number)"))
        default:
            // The model types are plain values: encoding one cannot fail (the containers
            // below never throw), so a throw here would be a bug in this file.
            try! value.encode(to: NodeEncoder(node: node))
        }
    }

    /// The snake-case keys of every page model's properties, made once (most keys are
    /// converted on every page; a lookup costs less than building the string).
    static let knownSnakeCase: [String: String] = PageRenderer.propertyNames.reduce(into: [:]) { $0[$1] = snakeCase($1) }

    static func key(_ property: String) -> String { knownSnakeCase[property] ?? snakeCase(property) }

    /// camelCase → snake_case, as the templates spell keys.
    static func snakeCase(_ key: String) -> String {
        guard key.utf8.contains(where: { $0 &- 0x41 < 26 }) else { return key }
        var out = ""
        for character in key {
            if character.isUppercase {
                if !out.isEmpty { out.append("_") }
                out += character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }
}

/// A value being encoded: nested containers write into their own node, and the tree of
/// nodes becomes a `TemplateValue` at the end. (Fields and items are stored apart from the
/// kind, so appending one does not copy the others.)
private final class Node {
    enum Kind { case leaf, object, list }
    var kind = Kind.leaf
    var leaf = TemplateValue.absent
    var fields: [(String, Node)] = []
    var items: [Node] = []

    func set(_ value: TemplateValue) {
        kind = .leaf
        leaf = value
    }

    var value: TemplateValue {
        switch kind {
        case .leaf: return leaf
        case .list: return .list(items.map(\.value))
        case .object:
            var object: [String: TemplateValue] = [:]
            object.reserveCapacity(fields.count)
            for (key, node) in fields { object[key] = node.value }
            return .object(object)
        }
    }

    func child(forKey key: String) -> Node {
        let child = Node()
        kind = .object
        fields.append((key, child))
        return child
    }

    func appendedChild() -> Node {
        let child = Node()
        kind = .list
        items.append(child)
        return child
    }
}

private struct NodeEncoder: Encoder {
    let node: Node
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.kind = .object
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.kind = .list
        return UnkeyedContainer(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueContainer(node: node) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [any CodingKey] { [] }

    private func child(_ key: Key) -> Node { node.child(forKey: TemplateEncoder.key(key.stringValue)) }

    mutating func encodeNil(forKey key: Key) { child(key).set(.absent) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { TemplateEncoder.encode(value, into: child(key)) }
    mutating func encode(_ value: Bool, forKey key: Key) { TemplateEncoder.encode(value, into: child(key)) }
    mutating func encode(_ value: String, forKey key: Key) { TemplateEncoder.encode(value, into: child(key)) }
    mutating func encode(_ value: Double, forKey key: Key) { TemplateEncoder.encode(value, into: child(key)) }
    mutating func encode(_ value: Float, forKey key: Key) { TemplateEncoder.encode(value, into: child(key)) }
    mutating func encode(_ value: Int, forKey key: Key) { TemplateEncoder.encode(value, into: child(key)) }
    mutating func encode(_ value: Int8, forKey key: Key) { TemplateEncoder.encode(value, into: child(key)) }
    mutating func encode(_ value: Int16, forKey key: Key) { TemplateEncoder.encode(value, into: child(key)) }
    mutating func encode(_ value: Int32, forKey key: Key) { TemplateEncoder.encode(value, into: child(key)) }
    mutating func encode(_ value: Int64, forKey key: Key) { TemplateEncoder.encode(value, into: child(key)) }
    mutating func encode(_ value: UInt, forKey key: Key) { TemplateEncoder.encode(value, into: child(key)) }
    mutating func encode(_ value: UInt8, forKey key: Key) { TemplateEncoder.encode(value, into: child(key)) }
    mutating func encode(_ value: UInt16, forKey key: Key) { TemplateEncoder.encode(value, into: child(key)) }
    mutating func encode(_ value: UInt32, forKey key: Key) { TemplateEncoder.encode(value, into: child(key)) }
    mutating func encode(_ value: UInt64, forKey key: Key) { TemplateEncoder.encode(value, into: child(key)) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) {
        if let value { encode(value, forKey: key) } else { encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) {
        if let value { encode(value, forKey: key) } else { encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) {
        if let value { encode(value, forKey: key) } else { encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) {
        if let value { encode(value, forKey: key) } else { encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: child(key)).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: child(key)).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: child(key)) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] { [] }
    var count: Int { node.items.count }

    mutating func encodeNil() { node.appendedChild().set(.absent) }
    mutating func encode<T: Encodable>(_ value: T) { TemplateEncoder.encode(value, into: node.appendedChild()) }
    mutating func encode(_ value: Bool) { TemplateEncoder.encode(value, into: node.appendedChild()) }
    mutating func encode(_ value: String) { TemplateEncoder.encode(value, into: node.appendedChild()) }
    mutating func encode(_ value: Double) { TemplateEncoder.encode(value, into: node.appendedChild()) }
    mutating func encode(_ value: Float) { TemplateEncoder.encode(value, into: node.appendedChild()) }
    mutating func encode(_ value: Int) { TemplateEncoder.encode(value, into: node.appendedChild()) }
    mutating func encode(_ value: Int8) { TemplateEncoder.encode(value, into: node.appendedChild()) }
    mutating func encode(_ value: Int16) { TemplateEncoder.encode(value, into: node.appendedChild()) }
    mutating func encode(_ value: Int32) { TemplateEncoder.encode(value, into: node.appendedChild()) }
    mutating func encode(_ value: Int64) { TemplateEncoder.encode(value, into: node.appendedChild()) }
    mutating func encode(_ value: UInt) { TemplateEncoder.encode(value, into: node.appendedChild()) }
    mutating func encode(_ value: UInt8) { TemplateEncoder.encode(value, into: node.appendedChild()) }
    mutating func encode(_ value: UInt16) { TemplateEncoder.encode(value, into: node.appendedChild()) }
    mutating func encode(_ value: UInt32) { TemplateEncoder.encode(value, into: node.appendedChild()) }
    mutating func encode(_ value: UInt64) { TemplateEncoder.encode(value, into: node.appendedChild()) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.appendedChild()).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { NodeEncoder(node: node.appendedChild()).unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.appendedChild()) }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { node.set(.absent) }
    mutating func encode<T: Encodable>(_ value: T) { TemplateEncoder.encode(value, into: node) }
    mutating func encode(_ value: Bool) { TemplateEncoder.encode(value, into: node) }
    mutating func encode(_ value: String) { TemplateEncoder.encode(value, into: node) }
    mutating func encode(_ value: Double) { TemplateEncoder.encode(value, into: node) }
    mutating func encode(_ value: Float) { TemplateEncoder.encode(value, into: node) }
    mutating func encode(_ value: Int) { TemplateEncoder.encode(value, into: node) }
    mutating func encode(_ value: Int8) { TemplateEncoder.encode(value, into: node) }
    mutating func encode(_ value: Int16) { TemplateEncoder.encode(value, into: node) }
    mutating func encode(_ value: Int32) { TemplateEncoder.encode(value, into: node) }
    mutating func encode(_ value: Int64) { TemplateEncoder.encode(value, into: node) }
    mutating func encode(_ value: UInt) { TemplateEncoder.encode(value, into: node) }
    mutating func encode(_ value: UInt8) { TemplateEncoder.encode(value, into: node) }
    mutating func encode(_ value: UInt16) { TemplateEncoder.encode(value, into: node) }
    mutating func encode(_ value: UInt32) { TemplateEncoder.encode(value, into: node) }
    mutating func encode(_ value: UInt64) { TemplateEncoder.encode(value, into: node) }
}
