/// The minimum-trace projection ỹ = ŷ − W Cᵀ (C W Cᵀ)⁻¹ C ŷ for the constraints C y = 0 of a
/// hierarchy (one row "parent − Σ children" per aggregation), where W is the error covariance
/// of the base forecasts (Wickramasuriya, Athanasopoulos & Hyndman 2019, in its constraint form).
///
/// W is either diagonal or the Schäfer–Strimmer shrinkage λ·diag(S) + (1 − λ)·S of the
/// uncentred sample covariance S of in-sample errors (as `shrink.estim` in R's hts). It is
/// never formed: with n nodes, p aggregations and T months of errors, W Cᵀ (n × p) costs
/// O(n·T·p), λ costs O(n·T²) through the T × T Gram matrix, and only C W Cᵀ (p × p, p being the
/// number of parents, small even for 20,000 SKUs under one total) is factorised.
struct MinTrace {
    /// W Cᵀ, row-major n × p.
    private let wc: [Double]
    /// Cholesky factor of C W Cᵀ (lower triangle, row-major p × p).
    private let factor: [Double]
    private let constraints: [Hierarchy.Aggregation]
    let nodeCount: Int
    /// diag(W).
    let variances: [Double]
    /// The shrinkage intensity used (1 for a diagonal W).
    let lambda: Double

    /// Fewer months of errors than this and the covariance is not estimated (WLS instead).
    static let minimumErrorMonths = 12
    /// At most this many recent months of errors are used.
    static let maximumErrorMonths = 60

    /// W diagonal, e.g. structural scaling.
    init(constraints: [Hierarchy.Aggregation], nodeCount: Int, diagonal: [Double]) {
        self.init(constraints: constraints, nodeCount: nodeCount, variances: diagonal, lambda: 1) { _ in nil }
    }

    /// W the shrinkage covariance of `errors` (one row of equal length T per node, aligned in time).
    init(constraints: [Hierarchy.Aggregation], errors: [[Double]]) {
        let n = errors.count
        let t = errors.first?.count ?? 0
        let variances = errors.map { row in row.reduce(0) { $0 + $1 * $1 } / Double(max(t, 1)) }
        let lambda = Self.shrinkageIntensity(errors, variances: variances)
        self.init(constraints: constraints, nodeCount: n, variances: variances, lambda: lambda) { columns in
            // S Cᵀ column by column: (1/T) Σ_t e_k(t) · (C e)(t).
            var out = [Double](repeating: 0, count: n * columns.count)
            for k in 0..<n {
                let row = errors[k]
                for (r, column) in columns.enumerated() {
                    var sum = 0.0
                    for s in 0..<t { sum += row[s] * column[s] }
                    out[k * columns.count + r] = sum / Double(t)
                }
            }
            return out
        } errorCombinations: {
            constraints.map { c in
                (0..<t).map { s in c.children.reduce(errors[c.parent][s]) { $0 - errors[$1][s] } }
            }
        }
    }

    private init(constraints: [Hierarchy.Aggregation], nodeCount n: Int, variances: [Double], lambda: Double,
                 sampleProduct: ([[Double]]) -> [Double]?, errorCombinations: () -> [[Double]] = { [] }) {
        let p = constraints.count
        var wc = [Double](repeating: 0, count: n * p)
        if lambda < 1, let product = sampleProduct(errorCombinations()) {
            for i in wc.indices { wc[i] = (1 - lambda) * product[i] }
        }
        for (r, c) in constraints.enumerated() {
            wc[c.parent * p + r] += lambda * variances[c.parent]
            for child in c.children { wc[child * p + r] -= lambda * variances[child] }
        }
        // C W Cᵀ = C (W Cᵀ), with a small ridge so that a constraint whose nodes all have zero
        // error (exactly fitted, or fixed) does not make it singular.
        var cwc = [Double](repeating: 0, count: p * p)
        for (r, c) in constraints.enumerated() {
            for s in 0..<p {
                var value = wc[c.parent * p + s]
                for child in c.children { value -= wc[child * p + s] }
                cwc[r * p + s] = value
            }
        }
        let largest = (0..<p).map { cwc[$0 * p + $0] }.max() ?? 0
        for r in 0..<p { cwc[r * p + r] += max(largest, 1e-300) * 1e-10 + (cwc[r * p + r] > 0 ? 0 : 1) }
        self.wc = wc
        self.factor = Self.cholesky(cwc, p)
        self.constraints = constraints
        self.nodeCount = n
        self.variances = variances
        self.lambda = lambda
    }

    /// The projection of one step's base forecasts (one value per node).
    func project(_ base: [Double]) -> [Double] {
        let p = constraints.count
        let discrepancy = constraints.map { c in c.children.reduce(base[c.parent]) { $0 - base[$1] } }
        let z = Self.solve(factor, p, discrepancy)
        var result = base
        for k in 0..<nodeCount {
            var adjustment = 0.0
            for r in 0..<p { adjustment += wc[k * p + r] * z[r] }
            result[k] -= adjustment
        }
        return result
    }

    /// Var(reconciled error) ÷ Var(base error) per node: 1 − [W Cᵀ (C W Cᵀ)⁻¹ C W]ₖₖ ÷ Wₖₖ,
    /// in [0, 1] (1 where the base error variance is zero).
    var varianceRatios: [Double] {
        let p = constraints.count
        return (0..<nodeCount).map { k in
            guard variances[k] > 0 else { return 1 }
            let row = Array(wc[(k * p)..<(k * p + p)])
            let z = Self.solve(factor, p, row)
            let reduction = zip(row, z).reduce(0) { $0 + $1.0 * $1.1 }
            return min(1, max(0, 1 - reduction / variances[k]))
        }
    }

    /// Schäfer & Strimmer (2005) intensity for the target diag(S), computed on errors scaled to
    /// unit variance: Σ_{i≠j} Var(r_ij) ÷ Σ_{i≠j} r_ij², clamped to [0, 1]. Both sums come from
    /// the T × T Gram matrix of the scaled errors instead of the n × n correlations.
    static func shrinkageIntensity(_ errors: [[Double]], variances: [Double]) -> Double {
        let t = errors.first?.count ?? 0
        guard t > 1 else { return 1 }
        let scaled = zip(errors, variances).compactMap { row, v in v > 0 ? row.map { $0 / v.squareRoot() } : nil }
        let n = scaled.count
        guard n > 1 else { return 1 }
        var gram = [Double](repeating: 0, count: t * t)
        var squareSums = [Double](repeating: 0, count: t)   // Σ_i x_i(t)²
        var fourthPowers = 0.0                              // Σ_i Σ_t x_i(t)⁴
        for row in scaled {
            for a in 0..<t {
                let x = row[a]
                if x == 0 { continue }
                squareSums[a] += x * x
                fourthPowers += x * x * x * x
                for b in a..<t { gram[a * t + b] += x * row[b] }
            }
        }
        var gramSquares = 0.0
        for a in 0..<t {
            gramSquares += gram[a * t + a] * gram[a * t + a]
            for b in (a + 1)..<t where b < t { gramSquares += 2 * gram[a * t + b] * gram[a * t + b] }
        }
        let tt = Double(t)
        // Σ_ij r_ij² with r_ij = (1/T) Σ_t x_i x_j; the diagonal terms are 1 each.
        let offDiagonalSquares = gramSquares / (tt * tt) - Double(n)
        // Σ_ij Σ_t x_i² x_j² − (1/T) Σ_ij (Σ_t x_i x_j)², without the diagonal.
        let allProducts = squareSums.reduce(0) { $0 + $1 * $1 }
        let diagonalVariance = fourthPowers - Double(n) * tt   // Σ_i [Σ_t x_i⁴ − (Σ_t x_i²)²/T], Σ_t x_i² = T
        let offDiagonalVariance = (allProducts - gramSquares / tt - diagonalVariance) / (tt * (tt - 1))
        guard offDiagonalSquares > 0 else { return 1 }
        return min(1, max(0, offDiagonalVariance / offDiagonalSquares))
    }

    private static func cholesky(_ a: [Double], _ p: Int) -> [Double] {
        var l = [Double](repeating: 0, count: p * p)
        for i in 0..<p {
            for j in 0...i {
                var sum = a[i * p + j]
                for k in 0..<j { sum -= l[i * p + k] * l[j * p + k] }
                if i == j {
                    l[i * p + i] = sum > 0 ? sum.squareRoot() : max(abs(a[i * p + i]), 1e-300).squareRoot()
                } else {
                    l[i * p + j] = sum / l[j * p + j]
                }
            }
        }
        return l
    }

    private static func solve(_ l: [Double], _ p: Int, _ b: [Double]) -> [Double] {
        var y = b
        for i in 0..<p {
            for k in 0..<i { y[i] -= l[i * p + k] * y[k] }
            y[i] /= l[i * p + i]
        }
        for i in stride(from: p - 1, through: 0, by: -1) {
            for k in (i + 1)..<p where k < p { y[i] -= l[k * p + i] * y[k] }
            y[i] /= l[i * p + i]
        }
        return y
    }
}
