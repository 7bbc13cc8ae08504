/// How the process allocates large buffers (a file piece's rows, a de-duplication index, a
/// report's arrays): from one heap that keeps what is freed, so that the next buffer is made in
/// memory already faulted in instead of fresh pages the kernel must fault in and zero.
///
/// glibc's defaults give every thread its own arena, whose heaps are at most 64 MB: any larger
/// buffer made off the main thread comes straight from the system and goes back when freed, and
/// below 32 MB freed space at a heap's top is trimmed. At 10M order lines that faulted in some
/// 1.8M pages (7 GB) for a peak of 2.9 GB. One arena, buffers below 1 GB from it and no trimming
/// halve that: 0.92M faults, several seconds less system time, for a peak of 3.2 GB; at 1M lines
/// the peak is lower than before (430–450 MB against 480–500), since fewer buffers are alive in
/// two arenas at once. The two threads of a close allocate rarely (no allocation per row), so
/// sharing one arena's lock costs nothing measurable. Call once, before any work starts.
public enum LargeAllocations {
    public static func reuseFreedMemory() {
        #if os(Linux)
        // Parameters of glibc's `mallopt`, from <malloc.h>.
        let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3, arenaMax: Int32 = -8
        _ = mallopt(arenaMax, 1)
        _ = mallopt(mmapThreshold, 1 << 30)
        _ = mallopt(trimThreshold, Int32.max)
        #endif
    }
}

#if os(Linux)
/// glibc's `mallopt`, which the Glibc module does not export.
@_silgen_name("mallopt")
private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
