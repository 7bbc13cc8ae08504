import Dispatch
import Foundation

/// Runs jobs on a few threads and hands their results over in job order, each as soon as it and
/// every job before it are done: a merge that must follow the input's order runs while later
/// jobs are still being read, and finished work does not pile up in memory.
///
/// Jobs run concurrently and must be `@Sendable`; the hand-over need not be, since it is called
/// on one thread at a time (whichever finished the job due next), under `lock`'s `handingOver`
/// flag: that is what makes the unchecked `Sendable` sound.
final class OrderedLanes<Result>: @unchecked Sendable {
    // Guarded by `lock`: the next job to start, results not yet handed over, the next to hand
    // over, and whether a thread is handing over (one at a time, in order).
    private let lock = NSLock()
    private let job: @Sendable (Int) -> Result
    private let handOver: (Int, Result) -> Void
    private var nextJob = 0
    private var done: [Int: Result] = [:]
    private var nextHandOver = 0
    private var handingOver = false

    /// Calls `job` for 0..<`count` on up to `lanes` threads, starting them in job order, and
    /// `handOver` with each result in job order, one at a time.
    static func run(count: Int, lanes: Int, job: @escaping @Sendable (Int) -> Result,
                    handOver: (Int, Result) -> Void) {
        withoutActuallyEscaping(handOver) { handOver in
            let runner = OrderedLanes(job: job, handOver: handOver)
            DispatchQueue.concurrentPerform(iterations: max(1, min(lanes, count))) { _ in runner.lane(count: count) }
        }
    }

    private init(job: @escaping @Sendable (Int) -> Result, handOver: @escaping (Int, Result) -> Void) {
        self.job = job; self.handOver = handOver
    }

    private func lane(count: Int) {
        while true {
            lock.lock()
            let started = nextJob
            nextJob += 1
            lock.unlock()
            guard started < count else { return }
            let result = job(started)
            lock.lock()
            done[started] = result
            if handingOver { lock.unlock(); continue }
            handingOver = true
            while let ready = done.removeValue(forKey: nextHandOver) {
                let position = nextHandOver
                nextHandOver += 1
                lock.unlock()
                handOver(position, ready)
                lock.lock()
            }
            handingOver = false
            lock.unlock()
        }
    }
}
