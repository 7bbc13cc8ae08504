/// How the process allocates large buffers (a file piece's rows, a de-duplication index, a
/// report's arrays). Buffers above 32 MB come from the system directly, so that freeing one
/// returns its memory at once; smaller ones are reused from the heaps. By default glibc raises
/// that threshold to the size of the last large buffer freed, after which the buffers of a file's
/// pieces stay resident as free space: at 10M order lines that kept ~0.5 GB more at the peak. A
/// threshold of 1 MB instead made every buffer above it fresh pages, each faulted in and zeroed
/// by the kernel: 2.7M page faults and ~9 s of system time at 10M lines, against 2.2M and ~8 s
/// at 32 MB for ~60 MB more at the peak (~50 MB at 1M lines). Call once, before any work starts.
public enum LargeAllocations {
    public static func returnToTheSystemWhenFreed() {
        #if os(Linux)
        let mmapThreshold: Int32 = -3   // M_MMAP_THRESHOLD in <malloc.h>
        _ = mallopt(mmapThreshold, 32 << 20)
        #endif
    }
}

#if os(Linux)
/// glibc's `mallopt`, which the Glibc module does not export.
@_silgen_name("mallopt")
private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
