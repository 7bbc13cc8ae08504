/// Which forecasts must add up to which: a set of aggregations "parent = sum of children" over
/// nodes numbered from 0. Several trees may share a root (total → regions and total →
/// categories → SKUs), but a node is the child of at most one aggregation.
public struct Hierarchy: Sendable, Equatable {
    public struct Aggregation: Sendable, Equatable {
        public var parent: Int
        public var children: [Int]
        public init(parent: Int, children: [Int]) {
            self.parent = parent
            self.children = children
        }
    }

    public let nodeCount: Int
    /// Top-down: an aggregation comes after the one in which its parent is a child.
    public let aggregations: [Aggregation]

    /// - Precondition: every index is a node; no node is a child twice; no cycle.
    public init(nodeCount: Int, aggregations: [Aggregation]) {
        let used = aggregations.filter { !$0.children.isEmpty }
        var parentOf = [Int](repeating: -1, count: nodeCount)
        for (a, aggregation) in used.enumerated() {
            precondition(aggregation.parent >= 0 && aggregation.parent < nodeCount, "parent out of range")
            for child in aggregation.children {
                precondition(child >= 0 && child < nodeCount && child != aggregation.parent, "child out of range")
                precondition(parentOf[child] < 0, "node \(child) is the child of two aggregations")
                parentOf[child] = a
            }
        }
        // Depth of an aggregation: how many aggregations lie above its parent.
        var depth = [Int](repeating: -1, count: used.count)
        func depthOf(_ a: Int, _ guardCount: Int) -> Int {
            precondition(guardCount <= used.count, "aggregations form a cycle")
            if depth[a] >= 0 { return depth[a] }
            let above = parentOf[used[a].parent]
            depth[a] = above < 0 ? 0 : depthOf(above, guardCount + 1) + 1
            return depth[a]
        }
        let order = used.indices.sorted { (depthOf($0, 0), $0) < (depthOf($1, 0), $1) }
        self.nodeCount = nodeCount
        self.aggregations = order.map { used[$0] }
    }

    /// A forest given by each node's parent index (`-1` for a root).
    public init(parents: [Int]) {
        var children: [Int: [Int]] = [:]
        for (node, parent) in parents.enumerated() where parent >= 0 { children[parent, default: []].append(node) }
        self.init(nodeCount: parents.count,
                  aggregations: children.keys.sorted().map { Aggregation(parent: $0, children: children[$0]!) })
    }

    /// Number of leaves (nodes that are nobody's parent) under each node, following a node's first
    /// aggregation when it heads several; 1 for a leaf. The structural scaling of WLS.
    public var leafCounts: [Double] {
        var first = [Int](repeating: -1, count: nodeCount)
        for (a, aggregation) in aggregations.enumerated() where first[aggregation.parent] < 0 { first[aggregation.parent] = a }
        var counts = [Double](repeating: 1, count: nodeCount)
        for a in aggregations.indices.reversed() where first[aggregations[a].parent] == a {
            counts[aggregations[a].parent] = aggregations[a].children.reduce(0) { $0 + counts[$1] }
        }
        return counts
    }
}
