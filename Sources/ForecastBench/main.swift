// forecast-bench: the speed benchmark of issue 4 and the forecasting side of the accuracy
// comparison in benchmarks/forecast/.
//
//   forecast-bench speed [series] [length]
//       Automatic forecasts (default request) for `series` synthetic monthly series of `length`
//       months (default 10,000 × 48), single-threaded; prints CPU time per series and the models chosen.
//   forecast-bench forecast INPUT.csv OUTPUT.csv HORIZON
//       INPUT rows are `id,y1,y2,…`; OUTPUT rows are `id,step,mean,lo80,hi80,lo95,hi95,model` (model quoted).
import Foundation
import SalesCloseForecast

/// SplitMix64: a small deterministic generator so every run forecasts the same series.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Monthly sales-like series: most smooth with trend, season and noise; one in ten intermittent.
func syntheticSeries(count: Int, length: Int) -> [[Double]] {
    var random = SplitMix64(state: 42)
    return (0..<count).map { index in
        let base = Double.random(in: 50...5000, using: &random)
        if index % 10 == 9 {
            let probability = Double.random(in: 0.2...0.6, using: &random)
            return (0..<length).map { t in
                t == 0 || Double.random(in: 0...1, using: &random) < probability
                    ? (base * Double.random(in: 0.2...1.8, using: &random)).rounded() : 0
            }
        }
        let growth = Double.random(in: -0.01...0.02, using: &random)
        let amplitude = Double.random(in: 0...0.4, using: &random)
        let noise = Double.random(in: 0.02...0.25, using: &random)
        let phase = Double.random(in: 0...(2 * Double.pi), using: &random)
        return (0..<length).map { t in
            let season = 1 + amplitude * sin(2 * Double.pi * Double(t) / 12 + phase)
            let shock = 1 + noise * (Double.random(in: -1...1, using: &random) + Double.random(in: -1...1, using: &random))
            return max(0, base * pow(1 + growth, Double(t)) * season * shock)
        }
    }
}

func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func runSpeed(seriesCount: Int, length: Int) {
    let series = syntheticSeries(count: seriesCount, length: length)
    let request = ForecastRequest()
    var models: [String: Int] = [:]
    let start = processCPUSeconds()
    for values in series {
        models[autoForecast(values, request: request).model, default: 0] += 1
    }
    let seconds = processCPUSeconds() - start
    print("series: \(seriesCount), length: \(length), horizon: \(request.horizon)")
    print(String(format: "CPU time: %.2f s, %.3f ms per series", seconds, 1000 * seconds / Double(seriesCount)))
    for (model, count) in models.sorted(by: { $0.value > $1.value }) {
        print("  \(model): \(count)")
    }
}

func runForecast(input: String, output: String, horizon: Int) throws {
    let request = ForecastRequest(horizon: horizon)
    var lines = ["id,step,mean,lo80,hi80,lo95,hi95,model"]
    for row in try String(contentsOfFile: input, encoding: .utf8).split(separator: "\n") {
        let fields = row.split(separator: ",")
        guard let id = fields.first else { continue }
        let forecast = autoForecast(fields.dropFirst().compactMap { Double($0) }, request: request)
        for step in 0..<horizon {
            let values = [forecast.mean[step], forecast.lower[80]![step], forecast.upper[80]![step],
                          forecast.lower[95]![step], forecast.upper[95]![step]]
            lines.append("\(id),\(step + 1)," + values.map { String($0) }.joined(separator: ",") + ",\"\(forecast.model)\"")
        }
    }
    try (lines.joined(separator: "\n") + "\n").write(toFile: output, atomically: true, encoding: .utf8)
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "forecast" where arguments.count == 4:
    let rest = Array(arguments.dropFirst())
    try runForecast(input: rest[0], output: rest[1], horizon: Int(rest[2]) ?? 12)
case "speed", nil:
    let rest = Array(arguments.dropFirst())
    runSpeed(seriesCount: rest.first.flatMap { Int($0) } ?? 10_000, length: rest.dropFirst().first.flatMap { Int($0) } ?? 48)
default:
    print("usage: forecast-bench speed [series] [length] | forecast INPUT.csv OUTPUT.csv HORIZON")
    exit(2)
}
