//! Where the work on one document runs: a large-stack thread under a watchdog, or a worker
//! process (Linux) that can also be capped in memory and killed.

use super::job::extract_normalize_parse;
use super::outcome::{Parsed, Unreadable};
use crate::extract::Limits;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

/// Stack for the isolated extraction thread: deep but bounded recursion must not overflow.
pub(super) const WORKER_STACK_BYTES: usize = 64 << 20;

/// Where each document is extracted, normalized and parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Isolation {
    /// A thread with a large stack under a watchdog: panics and stalls are caught, but a runaway
    /// thread is abandoned (not stopped) and memory is not capped.
    Thread,
    /// A worker process (Linux) whose address space is capped at `memory_mib` MiB beyond its own
    /// mappings, killed and replaced when it overruns the deadline or dies. Elsewhere: `Thread`.
    Process { memory_mib: u64 },
}

impl Isolation {
    /// Default `--doc-memory-mib`.
    pub const DEFAULT_MEMORY_MIB: u64 = 2048;

    /// Whether [`Isolation::Process`] really runs a worker process on this platform.
    pub const PROCESS_SUPPORTED: bool = cfg!(target_os = "linux");
}

/// Runs the extraction of each document of a batch under the chosen [`Isolation`].
pub(super) enum Isolator {
    Thread,
    #[cfg(target_os = "linux")]
    Process(super::worker::Pool),
}

impl Isolator {
    pub(super) fn new(isolation: Isolation) -> Isolator {
        match isolation {
            Isolation::Thread => Isolator::Thread,
            #[cfg(target_os = "linux")]
            Isolation::Process { memory_mib } => {
                Isolator::Process(super::worker::Pool::new(memory_mib))
            }
            #[cfg(not(target_os = "linux"))]
            Isolation::Process { .. } => Isolator::Thread,
        }
    }

    /// Extract, normalize and parse `bytes` (read from `path`), giving up after `deadline`.
    pub(super) fn run(
        &self,
        path: &Path,
        bytes: Vec<u8>,
        limits: &Limits,
        deadline: Duration,
    ) -> Result<Parsed, Unreadable> {
        match self {
            Isolator::Thread => {
                let ext = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .unwrap_or("")
                    .to_string();
                let limits = limits.clone();
                isolate(deadline, move || {
                    extract_normalize_parse(&bytes, &ext, &limits)
                })
            }
            #[cfg(target_os = "linux")]
            Isolator::Process(pool) => {
                // The worker reads the file itself: the bytes do not cross the pipe.
                drop(bytes);
                pool.run(path, limits, deadline)
            }
        }
    }
}

/// Run `work` on its own thread with a large stack; give up after `deadline`.
///
/// A worker that overruns is left to finish on its own (threads cannot be killed); the document
/// is reported as unreadable and the batch goes on. `work` must not wait on the rayon pool that
/// called it: that pool's thread is blocked here (this is why lopdf is built without rayon).
fn isolate<T: Send + 'static>(
    deadline: Duration,
    work: impl FnOnce() -> Result<T, Unreadable> + Send + 'static,
) -> Result<T, Unreadable> {
    let (tx, rx) = mpsc::sync_channel(1);
    let spawned = std::thread::Builder::new()
        .name("vbqppl-doc".into())
        .stack_size(WORKER_STACK_BYTES)
        .spawn(move || {
            let _ = tx.send(catch_panic(work));
        });
    if let Err(e) = spawned {
        return Err(Unreadable::Isolation(format!("cannot start worker: {e}")));
    }
    match rx.recv_timeout(deadline) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(Unreadable::TimedOut {
            secs: deadline.as_secs(),
        }),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(Unreadable::Isolation(
            "worker stopped without a result".into(),
        )),
    }
}

/// `work`, with a panic turned into [`Unreadable::Panic`] (in a thread and in a worker process).
pub(super) fn catch_panic<T>(
    work: impl FnOnce() -> Result<T, Unreadable>,
) -> Result<T, Unreadable> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
        .unwrap_or_else(|p| Err(Unreadable::Panic(panic_text(&p))))
}

pub(super) fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isolate_turns_panics_into_errors() {
        let r: Result<(), Unreadable> = isolate(Duration::from_secs(5), || panic!("boom"));
        assert_eq!(r.unwrap_err(), Unreadable::Panic("boom".into()));
    }

    #[test]
    fn isolate_gives_up_on_stalls() {
        let r: Result<(), Unreadable> = isolate(Duration::from_millis(50), || {
            std::thread::sleep(Duration::from_secs(2));
            Ok(())
        });
        assert_eq!(r.unwrap_err(), Unreadable::TimedOut { secs: 0 });
    }
}
