/// How the process allocates large buffers (a file piece's rows, a de-duplication index, a
/// report's arrays): each from the system directly, so that freeing it returns its memory at once.
/// By default glibc raises that threshold to the size of the last large buffer freed (up to
/// 32 MB), after which the buffers of a file's pieces stay resident as free space in its heaps: at
/// 10M order lines that kept ~0.5 GB more at the peak. Call once, before any work starts.
public enum LargeAllocations {
    public static func returnToTheSystemWhenFreed() {
        #if os(Linux)
        let mmapThreshold: Int32 = -3   // M_MMAP_THRESHOLD in <malloc.h>
        _ = mallopt(mmapThreshold, 1 << 20)
        #endif
    }
}

#if os(Linux)
/// glibc's `mallopt`, which the Glibc module does not export.
@_silgen_name("mallopt")
private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
