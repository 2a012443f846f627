/// A time interval in seconds, `start < end`.
public struct Interval: Sendable, Hashable, Codable {
    public var start: Double
    public var end: Double
    public init(_ start: Double, _ end: Double) {
        self.start = start
        self.end = end
    }
    public var length: Double { end - start }
}

/// Interval arithmetic on sorted, non-overlapping lists — the same conventions as the
/// shared evaluation kit's `score.py`, so the two agree.
public enum Intervals {
    /// Sorts, drops empty intervals, and joins those that touch or overlap (or lie within `gap`).
    public static func merge(_ intervals: [Interval], gap: Double = 0) -> [Interval] {
        let sorted = intervals.filter { $0.end > $0.start }.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var out: [Interval] = []
        for interval in sorted {
            if let last = out.last, interval.start <= last.end + gap {
                out[out.count - 1].end = max(last.end, interval.end)
            } else {
                out.append(interval)
            }
        }
        return out
    }

    public static func total(_ intervals: [Interval]) -> Double {
        intervals.reduce(0) { $0 + $1.length }
    }

    /// Where both lists are (both merged).
    public static func intersect(_ a: [Interval], _ b: [Interval]) -> [Interval] {
        var out: [Interval] = []
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            let start = max(a[i].start, b[j].start)
            let end = min(a[i].end, b[j].end)
            if end > start { out.append(Interval(start, end)) }
            if a[i].end < b[j].end { i += 1 } else { j += 1 }
        }
        return out
    }

    /// `a` minus `b` (both merged).
    public static func subtract(_ a: [Interval], _ b: [Interval]) -> [Interval] {
        var out: [Interval] = []
        var j = 0
        for interval in a {
            var cursor = interval.start
            while j < b.count && b[j].end <= cursor { j += 1 }
            var k = j
            while k < b.count && b[k].start < interval.end {
                if b[k].start > cursor { out.append(Interval(cursor, b[k].start)) }
                cursor = max(cursor, b[k].end)
                k += 1
            }
            if cursor < interval.end { out.append(Interval(cursor, interval.end)) }
        }
        return out
    }

    /// Where at least `n` of the lists are active at once.
    public static func countAtLeast(_ lists: [[Interval]], _ n: Int) -> [Interval] {
        var edges: [(time: Double, delta: Int)] = []
        for list in lists {
            for interval in list {
                edges.append((interval.start, 1))
                edges.append((interval.end, -1))
            }
        }
        edges.sort { ($0.time, $0.delta) < ($1.time, $1.delta) }
        var out: [Interval] = []
        var count = 0
        var openedAt: Double?
        for edge in edges {
            count += edge.delta
            if count >= n, openedAt == nil {
                openedAt = edge.time
            } else if count < n, let start = openedAt {
                if edge.time > start { out.append(Interval(start, edge.time)) }
                openedAt = nil
            }
        }
        return merge(out)
    }

    /// ±`collar` seconds around every boundary of `reference` (NIST convention).
    public static func collarZone(_ reference: [Interval], _ collar: Double) -> [Interval] {
        guard collar > 0 else { return [] }
        return merge(reference.flatMap {
            [Interval($0.start - collar, $0.start + collar), Interval($0.end - collar, $0.end + collar)]
        })
    }
}
