import Foundation

/// The permission bits and owner of a file an output replaces, given to its replacement (``StagedOutput``): a
/// private file (`chmod 600`, or another user's) stays private and keeps its owner. Only regular files are
/// looked at; a symbolic link at the destination is replaced by the new file, as `rename` does.
enum KeptAttributes {
    /// The status of the regular file at `path`, `nil` when there is none.
    static func existing(_ path: String) -> stat? {
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG || (status.st_mode & S_IFMT) == S_IFDIR else {
            return nil
        }
        return status
    }

    /// Whether the owner of `status` differs from the files this process creates.
    static func needsOwner(_ status: stat) -> Bool { status.st_uid != geteuid() || status.st_gid != getegid() }

    /// Whether this process can give a file the owner of `status`: tried on an empty probe file in `folder`.
    static func canKeepOwner(_ status: stat, probeIn folder: String) -> Bool {
        guard needsOwner(status) else { return true }
        let probe = (folder as NSString).appendingPathComponent(".owner-probe")
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor); unlink(probe) }
        return fchown(descriptor, status.st_uid, status.st_gid) == 0
    }

    /// Gives the file or folder at `path` the owner and permission bits of `status` (owner first: changing
    /// it clears set-user-ID bits). Returns `nil`, or the system's reason it failed.
    static func apply(_ status: stat, to path: String) -> String? {
        if needsOwner(status), lchown(path, status.st_uid, status.st_gid) != 0 {
            return "cannot give it the owner \(status.st_uid):\(status.st_gid) of the file it replaces: \(String(cString: strerror(errno)))"
        }
        if chmod(path, status.st_mode & 0o7777) != 0 {
            return "cannot give it the mode \(String(status.st_mode & 0o7777, radix: 8)) of the file it replaces: \(String(cString: strerror(errno)))"
        }
        return nil
    }

    /// The owner of `status` for messages: `user:group` names where the system has them, else the numbers.
    static func ownerName(_ status: stat) -> String {
        let user = getpwuid(status.st_uid).map { String(cString: $0.pointee.pw_name) } ?? "\(status.st_uid)"
        let group = getgrgid(status.st_gid).map { String(cString: $0.pointee.gr_name) } ?? "\(status.st_gid)"
        return "\(user):\(group)"
    }
}
