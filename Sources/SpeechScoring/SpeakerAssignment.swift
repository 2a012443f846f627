/// Maximum-weight assignment of hypothesis speakers to reference speakers (Hungarian method),
/// used when the hypothesis names speakers differently from the reference.
enum SpeakerAssignment {
    /// For a `rows × columns` weight matrix, the column assigned to each row (or nil), such that
    /// the total weight is largest. Works on rectangular matrices.
    static func maximize(_ weights: [[Double]]) -> [Int?] {
        let rows = weights.count
        let columns = weights.first?.count ?? 0
        guard rows > 0, columns > 0 else { return Array(repeating: nil, count: rows) }
        let n = max(rows, columns)
        let top = weights.flatMap { $0 }.max() ?? 0
        // Square cost matrix: cost = top - weight (padding costs `top`, weight 0).
        var cost = Array(repeating: Array(repeating: top, count: n + 1), count: n + 1)
        for r in 0..<rows { for c in 0..<columns { cost[r + 1][c + 1] = top - weights[r][c] } }
        // Classic O(n^3) potentials formulation, 1-based.
        var u = Array(repeating: 0.0, count: n + 1)
        var v = Array(repeating: 0.0, count: n + 1)
        var match = Array(repeating: 0, count: n + 1)  // match[column] = row
        var way = Array(repeating: 0, count: n + 1)
        for row in 1...n {
            match[0] = row
            var column0 = 0
            var minimum = Array(repeating: Double.infinity, count: n + 1)
            var used = Array(repeating: false, count: n + 1)
            repeat {
                used[column0] = true
                let row0 = match[column0]
                var delta = Double.infinity
                var column1 = 0
                for column in 1...n where !used[column] {
                    let reduced = cost[row0][column] - u[row0] - v[column]
                    if reduced < minimum[column] {
                        minimum[column] = reduced
                        way[column] = column0
                    }
                    if minimum[column] < delta {
                        delta = minimum[column]
                        column1 = column
                    }
                }
                for column in 0...n {
                    if used[column] {
                        u[match[column]] += delta
                        v[column] -= delta
                    } else {
                        minimum[column] -= delta
                    }
                }
                column0 = column1
            } while match[column0] != 0
            repeat {
                let previous = way[column0]
                match[column0] = match[previous]
                column0 = previous
            } while column0 != 0
        }
        var result: [Int?] = Array(repeating: nil, count: rows)
        for column in 1...n where match[column] >= 1 && match[column] <= rows && column <= columns {
            result[match[column] - 1] = column - 1
        }
        return result
    }
}
