/// A compact Nelder–Mead simplex minimiser (standard coefficients: reflection 1, expansion 2,
/// contraction ½, shrink ½). All working storage is allocated once per call, so the objective
/// is the only cost per evaluation.
struct NelderMead {
    var maxEvaluations = 400
    /// Stop when the best and worst vertex values differ by less than this, relative to the best,
    /// plus `absoluteTolerance`.
    var relativeTolerance = 1e-7
    var absoluteTolerance = 0.0

    struct Result {
        var point: [Double]
        var value: Double
        var evaluations: Int
    }

    /// Minimises `objective` from `start`, with an initial simplex of `start` plus `step[i]`
    /// along each axis i. The objective may return `.infinity` for infeasible points.
    func minimize(start: [Double], step: [Double], objective: ([Double]) -> Double) -> Result {
        let d = start.count
        // The simplex as one array: vertex v is vertices[v * d ..< (v + 1) * d].
        var vertices = [Double](repeating: 0, count: (d + 1) * d)
        for v in 0...d {
            for i in 0..<d { vertices[v * d + i] = start[i] }
            if v > 0 { vertices[v * d + v - 1] += step[v - 1] }
        }
        var point = start
        func value(ofVertex v: Int) -> Double {
            for i in 0..<d { point[i] = vertices[v * d + i] }
            return objective(point)
        }
        var values = (0...d).map { value(ofVertex: $0) }
        var evaluations = d + 1
        var centroid = [Double](repeating: 0, count: d)
        var reflected = start
        var trial = start
        func replaceWorst(with point: [Double], value: Double) {
            for i in 0..<d { vertices[d * d + i] = point[i] }
            values[d] = value
        }

        while evaluations < maxEvaluations {
            // Order: best first, worst last (insertion sort, d is small).
            for i in 1...d {
                var j = i
                while j > 0 && values[j] < values[j - 1] {
                    values.swapAt(j, j - 1)
                    for k in 0..<d { vertices.swapAt(j * d + k, (j - 1) * d + k) }
                    j -= 1
                }
            }
            let best = values[0], worst = values[d]
            if worst.isFinite && abs(worst - best) <= relativeTolerance * (abs(best) + 1e-12) + absoluteTolerance { break }

            for i in 0..<d {
                var sum = 0.0
                for v in 0..<d { sum += vertices[v * d + i] }
                centroid[i] = sum / Double(d)
            }
            for i in 0..<d { reflected[i] = centroid[i] + (centroid[i] - vertices[d * d + i]) }
            let reflectedValue = objective(reflected)
            evaluations += 1

            if reflectedValue < best {
                for i in 0..<d { trial[i] = centroid[i] + 2 * (centroid[i] - vertices[d * d + i]) }
                let expandedValue = objective(trial)
                evaluations += 1
                if expandedValue < reflectedValue {
                    replaceWorst(with: trial, value: expandedValue)
                } else {
                    replaceWorst(with: reflected, value: reflectedValue)
                }
                continue
            }
            if reflectedValue < values[d - 1] {
                replaceWorst(with: reflected, value: reflectedValue)
                continue
            }
            // Contract towards the better of the worst and the reflected point.
            let outside = reflectedValue < worst
            for i in 0..<d {
                let from = outside ? reflected[i] : vertices[d * d + i]
                trial[i] = centroid[i] + 0.5 * (from - centroid[i])
            }
            let contractedValue = objective(trial)
            evaluations += 1
            if contractedValue < min(reflectedValue, worst) {
                replaceWorst(with: trial, value: contractedValue)
                continue
            }
            for v in 1...d {
                for i in 0..<d { vertices[v * d + i] = vertices[i] + 0.5 * (vertices[v * d + i] - vertices[i]) }
                values[v] = value(ofVertex: v)
            }
            evaluations += d
        }
        let bestIndex = values.indices.min { values[$0] < values[$1] } ?? 0
        return Result(point: Array(vertices[bestIndex * d ..< (bestIndex + 1) * d]), value: values[bestIndex], evaluations: evaluations)
    }
}
