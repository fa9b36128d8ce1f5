//! Replacing a file all at once: every file Zhitu writes (graphs, exports, fragments, sessions,
//! autosaves) goes through [`write`], so a reader — or the next start after a crash — sees the
//! old file whole or the new one whole, never a part.
//!
//! The new content is written to a file in the same directory, flushed and synced to disk, then
//! renamed over the target, and the directory is synced. On Linux the file being written has no
//! name at all (`O_TMPFILE`) until it is complete, so a process killed while writing leaves
//! nothing behind; it gets a temporary name only between linking it and the rename, two system
//! calls (a kill exactly there leaves a complete temporary file, which [`clean`] removes — every
//! write of the same target and the window's start call it). Elsewhere (or on a file system
//! without `O_TMPFILE`, or without `/proc`) the new content is written under a temporary name
//! `.<name>.zhitu-tmp-<pid>-<n>`, removed on any error and, on Linux, by [`clean`] once its
//! process is gone. The new file keeps the permissions of the one it replaces.

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Temporary names made by this process, so two writes at once never share one.
static COUNTER: AtomicU64 = AtomicU64::new(0);

/// What temporary names carry between the target's name and the writer's pid.
pub const TEMP_MARK: &str = ".zhitu-tmp-";

/// Replaces `path` by what `content` writes; on any error the old file (if any) is untouched and no
/// temporary file remains.
///
/// # Errors
/// Creating, writing, syncing or renaming failed, or `content` failed.
pub fn write(path: &Path, content: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    remove_stale(&dir, name);
    let (file, temp_path) = match unnamed_in(&dir) {
        Some(f) => (f, None),
        None => named_in(&dir, name).map(|(f, t)| (f, Some(t)))?,
    };
    // a session kept private stays private
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = file.set_permissions(meta.permissions());
    }
    let result = fill_and_sync(file, content).and_then(|file| {
        let temp = match &temp_path {
            Some(t) => t.clone(),
            None => link_unnamed(&file, &dir, name)?,
        };
        std::fs::rename(&temp, path).inspect_err(|_| {
            let _ = std::fs::remove_file(&temp);
        })
    });
    if result.is_err()
        && let Some(t) = &temp_path
    {
        let _ = std::fs::remove_file(t);
    }
    result?;
    sync_dir(&dir);
    Ok(())
}

/// Writes through a buffer, flushes and syncs the data to disk.
fn fill_and_sync(file: File, content: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<File> {
    let mut out = BufWriter::with_capacity(1 << 16, file);
    content(&mut out)?;
    let written = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    written.sync_all()?;
    Ok(written)
}

/// `.<name>.zhitu-tmp-<pid>-<n>` in `dir`: read back one way only (the name comes first and
/// ends at the mark).
fn temp_name(dir: &Path, name: &std::ffi::OsStr, pid: u32, n: u64) -> PathBuf {
    let mut t = OsString::from(".");
    t.push(name);
    t.push(format!("{TEMP_MARK}{pid}-{n}"));
    dir.join(t)
}

/// A new file under a temporary name no other write has.
fn named_in(dir: &Path, name: &std::ffi::OsStr) -> io::Result<(File, PathBuf)> {
    loop {
        let temp = temp_name(dir, name, std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed));
        match File::options().write(true).create_new(true).open(&temp) {
            Ok(f) => return Ok((f, temp)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
}

/// Removes the temporary files of writes of `path` by processes that are gone (what a process
/// killed while writing `path` may have left); every write does this first.
pub fn clean(path: &Path) {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if let Some(name) = path.file_name() {
        remove_stale(&dir, name);
    }
}

/// Removes temporary files of `name` left in `dir` by processes that are gone (Linux only: a
/// pid without `/proc/<pid>`; never this process's own, which another thread may be writing).
fn remove_stale(dir: &Path, name: &std::ffi::OsStr) {
    if !cfg!(target_os = "linux") || !Path::new("/proc/self").exists() {
        return;
    }
    let Some(name) = name.to_str() else { return };
    let prefix = format!(".{name}{TEMP_MARK}");
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(rest) = file.to_str().and_then(|f| f.strip_prefix(&prefix)) else { continue };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else { continue };
        if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// An unnamed file in `dir` (Linux `O_TMPFILE`), if the file system can make one.
#[cfg(target_os = "linux")]
fn unnamed_in(dir: &Path) -> Option<File> {
    use rustix::fs::{Mode, OFlags, openat};
    // it is given a name through /proc/self/fd: without /proc, a named temporary file instead
    if !Path::new("/proc/self/fd").is_dir() {
        return None;
    }
    let flags = OFlags::TMPFILE | OFlags::WRONLY | OFlags::CLOEXEC;
    openat(rustix::fs::CWD, dir, flags, Mode::from_raw_mode(0o644)).ok().map(File::from)
}

#[cfg(not(target_os = "linux"))]
fn unnamed_in(_dir: &Path) -> Option<File> {
    None
}

/// Gives an unnamed file a temporary name in `dir`, to be renamed at once.
#[cfg(target_os = "linux")]
fn link_unnamed(file: &File, dir: &Path, name: &std::ffi::OsStr) -> io::Result<PathBuf> {
    use std::os::fd::AsRawFd;
    let proc_path = format!("/proc/self/fd/{}", file.as_raw_fd());
    loop {
        let temp = temp_name(dir, name, std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed));
        match rustix::fs::linkat(
            rustix::fs::CWD,
            &proc_path,
            rustix::fs::CWD,
            &temp,
            rustix::fs::AtFlags::SYMLINK_FOLLOW,
        ) {
            Ok(()) => return Ok(temp),
            Err(rustix::io::Errno::EXIST) => {}
            Err(e) => return Err(e.into()),
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn link_unnamed(_file: &File, _dir: &Path, _name: &std::ffi::OsStr) -> io::Result<PathBuf> {
    Err(io::Error::other("unnamed files are Linux only"))
}

/// Makes the rename itself durable (best effort: not every platform can sync a directory).
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temps(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(TEMP_MARK))
            .collect()
    }

    #[test]
    fn replaces_the_file_whole_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.json");
        write(&path, |w| w.write_all(b"old")).unwrap();
        write(&path, |w| w.write_all(b"new content")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new content");
        assert!(temps(dir.path()).is_empty());
    }

    #[test]
    fn a_failed_write_keeps_the_old_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.json");
        write(&path, |w| w.write_all(b"old")).unwrap();
        let err = write(&path, |w| {
            w.write_all(b"half of it")?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert!(temps(dir.path()).is_empty());
    }

    #[test]
    fn a_named_temporary_of_a_dead_process_is_removed_by_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.json");
        // no process has pid 4,000,000,000 (Linux caps pids at 2^22)
        let stale = temp_name(dir.path(), "graph.json".as_ref(), 4_000_000_000, 0);
        std::fs::write(&stale, "half").unwrap();
        // another file's temporary, and one this process is writing, are not ours to remove
        let other = temp_name(dir.path(), "graph.json.1".as_ref(), 4_000_000_000, 0);
        std::fs::write(&other, "half").unwrap();
        let own = temp_name(dir.path(), "graph.json".as_ref(), std::process::id(), 999_999);
        std::fs::write(&own, "being written").unwrap();
        write(&path, |w| w.write_all(b"x")).unwrap();
        if cfg!(target_os = "linux") {
            assert!(!stale.exists());
        }
        assert!(other.exists() && own.exists());
    }

    #[test]
    fn the_named_fallback_takes_a_fresh_name_each_time() {
        let dir = tempfile::tempdir().unwrap();
        let (_f, temp) = named_in(dir.path(), "a.json".as_ref()).unwrap();
        let (_g, temp2) = named_in(dir.path(), "a.json".as_ref()).unwrap();
        assert_ne!(temp, temp2);
    }

    #[cfg(unix)]
    #[test]
    fn the_new_file_keeps_the_old_ones_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("session.json");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write(&path, |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn a_missing_directory_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write(&dir.path().join("no/such/dir/g.json"), |w| w.write_all(b"x")).is_err());
    }
}
