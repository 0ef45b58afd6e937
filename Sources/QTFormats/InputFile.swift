import Foundation

/// Reads an input file (a layer, a manifest, a plan, a standards file) through one opened descriptor, so that
/// what is measured is what is read: the size limit is checked on `fstat` of the descriptor (a symbolic link is
/// measured by its target, not by the link's few bytes), only regular files are read (a FIFO, a device or a
/// socket is refused without blocking: the file is opened with `O_NONBLOCK`), and a file that changes size while
/// it is read is refused rather than read in part.
public enum InputFile {
    /// Why an input file cannot be read. ``description`` says what is wrong without the path (callers name it).
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// Nothing is at the path (or a folder on its way is missing): exit 66 for callers.
        case missing
        /// The path names a folder.
        case folder
        /// The path names something other than a regular file (a FIFO, a device, a socket).
        case notRegular(kind: String)
        /// The path holds a NUL character, which the C library would cut the path at (another file would be read).
        case nulInPath
        /// `open` or `read` failed for another reason (permissions); `reason` is `strerror`'s text.
        case unreadable(reason: String)
        /// The file has no bytes.
        case empty
        /// The file is larger than the limit.
        case tooLarge(size: Int, limit: Int)
        /// The file had `expected` bytes when opened and `read` could be read: it changed while being read.
        case changed(expected: Int, read: Int)

        public var description: String {
            switch self {
            case .missing: "file not found"
            case .folder: "is a folder, not a file"
            case .notRegular(let kind): "is a \(kind), not a regular file"
            case .nulInPath: "the path holds a NUL character (\\u0000), which would cut it short: another file would be read"
            case .unreadable(let reason): "cannot be read: \(reason)"
            case .empty: "the file is empty (0 bytes)"
            case .tooLarge(let size, let limit): "\(size) bytes, over the limit of \(limit) bytes"
            case .changed(let expected, let read):
                "the file changed while it was read (\(expected) bytes when opened, \(read) read): read it again once it is complete"
            }
        }
    }

    /// The size limit of a standards file, whoever reads it (life-circle profiles, siting rules, targets, and the
    /// OSM, POI and land-use code tables of `district build`): 4 MiB; the bundled ones are under 40 kB.
    public static let standardsFileLimit = 4 << 20

    /// Refuses a path holding a NUL character (Swift strings may; C paths end at the first).
    public static func checkPath(_ path: String) throws(Problem) {
        if path.utf8.contains(0) { throw .nulInPath }
    }

    /// The size of the regular file at `path` (through symbolic links), checked against `limit`, from `fstat`
    /// of an opened descriptor. For files another library opens by path (GDAL).
    public static func size(of path: String, limit: Int) throws(Problem) -> Int {
        let descriptor = try open(path)
        defer { close(descriptor) }
        return try measure(descriptor, limit: limit)
    }

    /// The bytes of the regular file at `path`, at most `limit` of them, read through one descriptor.
    public static func read(_ path: String, limit: Int) throws(Problem) -> Data {
        let descriptor = try open(path)
        defer { close(descriptor) }
        let size = try measure(descriptor, limit: limit)
        if size == 0 { throw .empty }
        // One byte more than fstat said, to notice a file that grew while it was read.
        var data = Data(count: size + 1)
        var total = 0
        let failure: Int32? = data.withUnsafeMutableBytes { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            while total < size + 1 {
                let count = Foundation.read(descriptor, base + total, size + 1 - total)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if count == 0 { break }
                total += count
            }
            return nil
        }
        if let failure { throw .unreadable(reason: String(cString: strerror(failure))) }
        if total != size { throw .changed(expected: size, read: total) }
        data.count = size
        return data
    }

    /// Opens `path` read-only without blocking (a FIFO opens at once) and without following a symbolic link's
    /// target into a descriptor of the link itself (links are followed, as every reader follows them).
    private static func open(_ path: String) throws(Problem) -> Int32 {
        try checkPath(path)
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if descriptor < 0 {
            let error = errno
            switch error {
            case ENOENT, ENOTDIR: throw .missing
            case EISDIR: throw .folder
            default: throw .unreadable(reason: String(cString: strerror(error)))
            }
        }
        return descriptor
    }

    /// Checks the opened file's kind and size.
    private static func measure(_ descriptor: Int32, limit: Int) throws(Problem) -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(reason: String(cString: strerror(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .folder
        case S_IFIFO: throw .notRegular(kind: "FIFO (named pipe)")
        case S_IFCHR, S_IFBLK: throw .notRegular(kind: "device")
        case S_IFSOCK: throw .notRegular(kind: "socket")
        default: throw .notRegular(kind: "special file")
        }
        let size = Int(status.st_size)
        if size > limit { throw .tooLarge(size: size, limit: limit) }
        return size
    }
}
