import Foundation
import RapportCore

/// A new file beside a target, made so that no other local user can have planted it: an
/// unpredictable name, created exclusively (a symlink or a file already there is never
/// opened) with mode 0600. It is written, then put in the target's place whole, so a
/// failed or killed write never leaves a half file under the target's name.
public struct SiblingFile {
    /// Where the file is while it is written.
    public let path: String
    /// Open for writing; closed by `publish` and `discard`.
    public let fd: Int32

    /// Creates `.NAME.LABEL-XXXXXX` in the directory of `target`.
    public init(beside target: String, label: String) throws {
        let url = URL(fileURLWithPath: target)
        let template = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(label)-XXXXXX").path
        var bytes = Array(template.utf8CString)
        let fd = bytes.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else {
            throw RapportError.invalid(field: "file", value: target,
                                       expected: "its directory cannot be written to (\(String(cString: strerror(errno))))")
        }
        self.fd = fd
        path = String(decoding: bytes.dropLast().map(UInt8.init(bitPattern:)), as: UTF8.self)
    }

    /// Puts the finished file at `target`. With `replacing`, whatever is there is replaced
    /// (a symlink itself, never the file it points to); without, a target that exists is
    /// refused. The temporary name is gone either way.
    public func publish(as target: String, replacing: Bool) throws {
        close(fd)
        defer { unlink(path) }
        if replacing {
            guard rename(path, target) == 0 else {
                throw RapportError.invalid(field: "file", value: target, expected: "it cannot be replaced (\(String(cString: strerror(errno))))")
            }
        } else if link(path, target) != 0 {
            // A hard link puts the file in place only if the name is free, atomically; a
            // file system without hard links (FAT on a USB stick) gets a check, then a rename.
            let linkError = errno
            guard linkError == EPERM || linkError == EOPNOTSUPP || linkError == EXDEV, access(target, F_OK) != 0,
                  rename(path, target) == 0 else {
                let reason = linkError == EEXIST || access(target, F_OK) == 0
                    ? "it already exists; name a new file" : "it cannot be created (\(String(cString: strerror(linkError))))"
                throw RapportError.invalid(field: "file", value: target, expected: reason)
            }
        }
    }

    /// Removes the unfinished file.
    public func discard() {
        close(fd)
        unlink(path)
    }
}
