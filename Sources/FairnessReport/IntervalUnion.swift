/// Lengths of sets of time intervals, counting overlaps once.
enum IntervalUnion {
    /// The total length covered by `intervals` (start, end) in frames; empty or reversed
    /// intervals count for nothing.
    static func length(_ intervals: [(Int64, Int64)]) -> Int64 {
        let sorted = intervals.filter { $0.1 > $0.0 }.sorted { $0.0 < $1.0 }
        var total: Int64 = 0
        var current: (start: Int64, end: Int64)?
        for (start, end) in sorted {
            if let open = current, start <= open.end {
                current = (open.start, max(open.end, end))
            } else {
                if let open = current { total += open.end - open.start }
                current = (start, end)
            }
        }
        if let open = current { total += open.end - open.start }
        return total
    }

    /// The longest single stretch covered by `intervals`, gaps shorter than `gap` frames
    /// joined into the stretch around them.
    static func longestRun(_ intervals: [(Int64, Int64)], joiningGapsBelow gap: Int64) -> Int64 {
        let sorted = intervals.filter { $0.1 > $0.0 }.sorted { $0.0 < $1.0 }
        var longest: Int64 = 0
        var current: (start: Int64, end: Int64)?
        for (start, end) in sorted {
            if let open = current, start - open.end < gap {
                current = (open.start, max(open.end, end))
            } else {
                if let open = current { longest = max(longest, open.end - open.start) }
                current = (start, end)
            }
        }
        if let open = current { longest = max(longest, open.end - open.start) }
        return longest
    }
}
