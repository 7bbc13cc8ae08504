/// Classical decomposition (R's `decompose`): a centred moving average of order m gives the trend;
/// the seasonal index of each position is the mean of the detrended values there, normalised to
/// average 0 (additive) or 1 (multiplicative).
struct ClassicalDecomposition {
    enum Kind { case additive, multiplicative }

    /// `indices[p]` applies to months at position p modulo m since the series start.
    let indices: [Double]
    let kind: Kind

    init(indices: [Double], kind: Kind) {
        self.indices = indices
        self.kind = kind
    }

    /// Needs at least two full seasons; multiplicative needs strictly positive values.
    init?(_ y: [Double], seasonLength m: Int, kind: Kind) {
        let n = y.count
        guard m > 1, n >= 2 * m else { return nil }
        if kind == .multiplicative, y.contains(where: { $0 <= 0 }) { return nil }
        let half = m / 2
        var sums = [Double](repeating: 0, count: m)
        var counts = [Int](repeating: 0, count: m)
        for t in half..<(n - half) {
            var trend = 0.0
            if m % 2 == 0 {
                trend = 0.5 * (y[t - half] + y[t + half])
                for k in (t - half + 1)..<(t + half) { trend += y[k] }
            } else {
                for k in (t - half)...(t + half) { trend += y[k] }
            }
            trend /= Double(m)
            let detrended = kind == .additive ? y[t] - trend : (trend > 0 ? y[t] / trend : 1)
            sums[t % m] += detrended
            counts[t % m] += 1
        }
        var figure = (0..<m).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : (kind == .additive ? 0 : 1) }
        let average = figure.reduce(0, +) / Double(m)
        switch kind {
        case .additive: figure = figure.map { $0 - average }
        case .multiplicative:
            guard average > 0 else { return nil }
            figure = figure.map { $0 / average }
        }
        indices = figure
        self.kind = kind
    }

    /// The index for the month at `position` since the series start.
    func index(at position: Int) -> Double { indices[position % indices.count] }

    func adjusted(_ y: [Double]) -> [Double] {
        y.indices.map { kind == .additive ? y[$0] - index(at: $0) : y[$0] / index(at: $0) }
    }

    func reseasonalized(_ value: Double, at position: Int) -> Double {
        kind == .additive ? value + index(at: position) : value * index(at: position)
    }
}
