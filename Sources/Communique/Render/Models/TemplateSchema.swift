/// The keys a page model offers its template, read from the model's type (its synthesised
/// `Decodable` conformance), not from a value: a site whose lists are all empty (no
/// participants yet) still accepts a template that reads a participant's name, and no list
/// of keys is kept by hand beside the model.
///
/// Found by decoding the type once from nothing: every key it asks for is recorded, every
/// list is given one item, every optional a value.
indirect enum TemplateSchema: Equatable {
    case scalar
    case list(TemplateSchema)
    case object([String: TemplateSchema])

    static func of<Model: Decodable>(_ type: Model.Type) -> TemplateSchema { read(type).schema }

    /// The schema and the Swift names of the type's properties at any depth (`hasBreadcrumbs`).
    static func read<Model: Decodable>(_ type: Model.Type) -> (schema: TemplateSchema, names: Set<String>) {
        let node = SchemaNode()
        _ = try? Model(from: SchemaDecoder(node: node, depth: 0))
        return (node.schema, node.propertyNames)
    }

    /// Every key at any depth (the template check's names).
    var allKeys: Set<String> {
        switch self {
        case .scalar: return []
        case .list(let item): return item.allKeys
        case .object(let fields):
            var keys = Set(fields.keys)
            for field in fields.values { keys.formUnion(field.allKeys) }
            return keys
        }
    }
}

private final class SchemaNode {
    var fields: [String: SchemaNode]?
    var item: SchemaNode?
    /// The Swift names of the fields, by key.
    var names: [String: String] = [:]

    var propertyNames: Set<String> {
        var all = Set(names.values)
        for field in (fields ?? [:]).values { all.formUnion(field.propertyNames) }
        if let item { all.formUnion(item.propertyNames) }
        return all
    }

    var schema: TemplateSchema {
        if let item { return .list(item.schema) }
        if let fields { return .object(fields.mapValues(\.schema)) }
        return .scalar
    }

    func field(_ key: String) -> SchemaNode {
        if let existing = fields?[key] { return existing }
        let node = SchemaNode()
        fields = (fields ?? [:]).merging([key: node]) { old, _ in old }
        return node
    }
}

/// Models nest (a topic's children are topics): past this depth lists are empty.
private let maximumDepth = 16

private struct SchemaDecoder: Decoder {
    let node: SchemaNode
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        if node.fields == nil { node.fields = [:] }
        return KeyedDecodingContainer(KeyedSchemaContainer<Key>(node: node, depth: depth))
    }
    func unkeyedContainer() -> any UnkeyedDecodingContainer {
        if node.item == nil { node.item = SchemaNode() }
        return UnkeyedSchemaContainer(item: node.item!, depth: depth)
    }
    func singleValueContainer() -> any SingleValueDecodingContainer { SingleSchemaContainer(node: node, depth: depth) }
}

/// A stand-in value of a type, decoded from nothing (recording its keys on the way).
private func standIn<T: Decodable>(_ type: T.Type, node: SchemaNode, depth: Int) throws -> T {
    switch type {
    case is String.Type: return "" as! T
    case is Bool.Type: return false as! T
    case is Int.Type: return 0 as! T
    default: return try T(from: SchemaDecoder(node: node, depth: depth + 1))
    }
}

private struct KeyedSchemaContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: SchemaNode
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    private func field(_ key: Key) -> SchemaNode {
        let name = TemplateEncoder.snakeCase(key.stringValue)
        node.names[name] = key.stringValue
        return node.field(name)
    }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool {
        _ = field(key)
        return false
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try standIn(type, node: field(key), depth: depth) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        _ = field(key)
        return false
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        _ = field(key)
        return ""
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        _ = field(key)
        return 0
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        _ = field(key)
        return 0
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        _ = field(key)
        return 0
    }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
        _ = field(key)
        return 0
    }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        _ = field(key)
        return 0
    }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        _ = field(key)
        return 0
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        _ = field(key)
        return 0
    }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
        _ = field(key)
        return 0
    }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        _ = field(key)
        return 0
    }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        _ = field(key)
        return 0
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        _ = field(key)
        return 0
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        _ = field(key)
        return 0
    }
    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        SchemaDecoder(node: field(key), depth: depth + 1).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        SchemaDecoder(node: field(key), depth: depth + 1).unkeyedContainer()
    }
    func superDecoder() throws -> any Decoder { SchemaDecoder(node: node, depth: depth) }
    func superDecoder(forKey key: Key) throws -> any Decoder { SchemaDecoder(node: field(key), depth: depth + 1) }
}

/// One item, unless too deep.
private struct UnkeyedSchemaContainer: UnkeyedDecodingContainer {
    let item: SchemaNode
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var currentIndex = 0
    var count: Int? { depth < maximumDepth ? 1 : 0 }
    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    init(item: SchemaNode, depth: Int) {
        self.item = item
        self.depth = depth
    }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        currentIndex += 1
        return try standIn(type, node: item, depth: depth)
    }
    mutating func decode(_ type: Bool.Type) throws -> Bool {
        currentIndex += 1
        return false
    }
    mutating func decode(_ type: String.Type) throws -> String {
        currentIndex += 1
        return ""
    }
    mutating func decode(_ type: Double.Type) throws -> Double {
        currentIndex += 1
        return 0
    }
    mutating func decode(_ type: Float.Type) throws -> Float {
        currentIndex += 1
        return 0
    }
    mutating func decode(_ type: Int.Type) throws -> Int {
        currentIndex += 1
        return 0
    }
    mutating func decode(_ type: Int8.Type) throws -> Int8 {
        currentIndex += 1
        return 0
    }
    mutating func decode(_ type: Int16.Type) throws -> Int16 {
        currentIndex += 1
        return 0
    }
    mutating func decode(_ type: Int32.Type) throws -> Int32 {
        currentIndex += 1
        return 0
    }
    mutating func decode(_ type: Int64.Type) throws -> Int64 {
        currentIndex += 1
        return 0
    }
    mutating func decode(_ type: UInt.Type) throws -> UInt {
        currentIndex += 1
        return 0
    }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
        currentIndex += 1
        return 0
    }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
        currentIndex += 1
        return 0
    }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
        currentIndex += 1
        return 0
    }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
        currentIndex += 1
        return 0
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        currentIndex += 1
        return SchemaDecoder(node: item, depth: depth + 1).container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        currentIndex += 1
        return SchemaDecoder(node: item, depth: depth + 1).unkeyedContainer()
    }
    mutating func superDecoder() throws -> any Decoder { SchemaDecoder(node: item, depth: depth + 1) }
}

private struct SingleSchemaContainer: SingleValueDecodingContainer {
    let node: SchemaNode
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try standIn(type, node: node, depth: depth) }
    func decode(_ type: Bool.Type) throws -> Bool { false }
    func decode(_ type: String.Type) throws -> String { "" }
    func decode(_ type: Double.Type) throws -> Double { 0 }
    func decode(_ type: Float.Type) throws -> Float { 0 }
    func decode(_ type: Int.Type) throws -> Int { 0 }
    func decode(_ type: Int8.Type) throws -> Int8 { 0 }
    func decode(_ type: Int16.Type) throws -> Int16 { 0 }
    func decode(_ type: Int32.Type) throws -> Int32 { 0 }
    func decode(_ type: Int64.Type) throws -> Int64 { 0 }
    func decode(_ type: UInt.Type) throws -> UInt { 0 }
    func decode(_ type: UInt8.Type) throws -> UInt8 { 0 }
    func decode(_ type: UInt16.Type) throws -> UInt16 { 0 }
    func decode(_ type: UInt32.Type) throws -> UInt32 { 0 }
    func decode(_ type: UInt64.Type) throws -> UInt64 { 0 }
}
