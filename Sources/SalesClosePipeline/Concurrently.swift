import Dispatch

/// Runs `first` on the calling thread while `second` runs on a worker thread, and returns both
/// results: the close's independent calculations on both cores. `first` stays on the calling
/// thread so that parallel work inside it (the forecasts' `concurrentPerform`) keeps its full
/// width instead of running as a nested, narrowed apply.
func concurrently<A, B>(_ first: () -> A, _ second: @escaping () -> B) -> (A, B) {
    let lane = Lane(second)
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { lane.run() }
    let a = first()
    group.wait()
    return (a, lane.result!)
}

/// The work of the second lane and its result. Touched by the worker only between `async` and
/// `wait`, which orders every access, hence unchecked.
private final class Lane<B>: @unchecked Sendable {
    private var work: (() -> B)?
    private(set) var result: B?
    init(_ work: @escaping () -> B) { self.work = work }
    func run() { result = work!(); work = nil }
}
