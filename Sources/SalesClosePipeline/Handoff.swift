import Dispatch

/// A value one lane makes and another waits for: `put` once, `take` blocks until it is there.
final class Handoff<Value>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    // Written once by `put` before the signal and read after the wait, which orders the two.
    private var value: Value?

    func put(_ value: Value) {
        precondition(self.value == nil, "a handoff is put once")
        self.value = value
        ready.signal()
    }

    /// The value, once put; every later call returns it at once.
    func take() -> Value {
        ready.wait()
        ready.signal()
        return value!
    }
}
