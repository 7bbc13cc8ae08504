import Glibc
import SalesCloseCore

/// A file mapped read-only into memory: the first pass (digest, UTF-8 check) and the parse read
/// the page cache directly, with no copy into buffers. Pages already read are released as the
/// reading goes on; the mapping is removed when the object is.
final class MappedFile {
    let bytes: UnsafeRawBufferPointer
    private let descriptor: Int32
    private let mapping: UnsafeMutableRawPointer?

    init(path: String) throws {
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw Diagnostic(.error, code: "cannot-open", file: path, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw Diagnostic(.error, code: "cannot-open", file: path, message: "cannot open: \(reason)")
        }
        let size = Int(info.st_size)
        guard size > 0 else {
            mapping = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw Diagnostic(.error, code: "cannot-open", file: path, message: "cannot map the file: \(reason)")
        }
        madvise(address, size, MADV_SEQUENTIAL)
        mapping = address
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    private var released = 0

    /// Drops the pages before `offset` from this process's memory once they have been read, so
    /// the resident size of a run does not grow with the size of its input files.
    func release(upTo offset: Int) {
        guard let mapping else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = offset / page * page
        guard end > released else { return }
        madvise(mapping + released, end - released, MADV_DONTNEED)
        released = end
    }

    deinit {
        if let mapping { munmap(mapping, bytes.count) }
        close(descriptor)
    }
}
