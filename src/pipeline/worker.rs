//! Extraction in a child process (Linux): the only way to cap one document's memory
//! (`RLIMIT_AS`) and to stop a runaway for good (`SIGKILL`).
//!
//! The binary re-executes itself with [`WORKER_ARG`]; the worker caps its address space, then
//! answers one JSON request per line on stdin (a path and the limits) with one JSON response per
//! line on stdout, for as long as stdin stays open. The parent keeps one worker per rayon thread
//! and replaces a worker that overran its deadline (killed) or died (an allocation that failed
//! under the cap aborts it).

use super::isolation::{catch_panic, WORKER_STACK_BYTES};
use super::job::{extract_normalize_parse, read_bounded};
use super::outcome::{Parsed, SourceMeta, Unreadable, WorkerExit};
use crate::extract::Limits;
use crate::parse::Document;
use serde::{Deserialize, Serialize};
use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitCode, ExitStatus, Stdio};
use std::sync::{mpsc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// First argument that turns the binary into an extraction worker (never shown in `--help`).
pub const WORKER_ARG: &str = "__extract-worker";

#[derive(Serialize, Deserialize)]
struct Request {
    /// The path's raw bytes: a Linux file name need not be UTF-8.
    path: Vec<u8>,
    time_ms: u64,
    max_file_bytes: u64,
    max_inflated_bytes: u64,
    max_depth: usize,
}

impl Request {
    fn new(path: &Path, limits: &Limits) -> Request {
        Request {
            path: path.as_os_str().as_bytes().to_vec(),
            time_ms: u64::try_from(limits.time.as_millis()).unwrap_or(u64::MAX),
            max_file_bytes: limits.max_file_bytes,
            max_inflated_bytes: limits.max_inflated_bytes,
            max_depth: limits.max_depth,
        }
    }

    fn path(&self) -> PathBuf {
        PathBuf::from(OsStr::from_bytes(&self.path))
    }

    fn limits(&self) -> Limits {
        Limits {
            time: Duration::from_millis(self.time_ms),
            max_file_bytes: self.max_file_bytes,
            max_inflated_bytes: self.max_inflated_bytes,
            max_depth: self.max_depth,
        }
    }
}

/// `Document::text` is not serialized (spans point into it), so it travels beside the model.
#[derive(Serialize, Deserialize)]
enum Response {
    Parsed {
        source: SourceMeta,
        text: String,
        document: Box<Document>,
    },
    Failed(Unreadable),
}

impl Response {
    fn from_outcome(outcome: Result<Parsed, Unreadable>) -> Response {
        match outcome {
            Ok(Parsed {
                source,
                mut document,
            }) => Response::Parsed {
                source,
                text: std::mem::take(&mut document.text),
                document: Box::new(document),
            },
            Err(reason) => Response::Failed(reason),
        }
    }

    fn into_outcome(self) -> Result<Parsed, Unreadable> {
        match self {
            Response::Parsed {
                source,
                text,
                mut document,
            } => {
                document.text = text;
                Ok(Parsed {
                    source,
                    document: *document,
                })
            }
            Response::Failed(reason) => Err(reason),
        }
    }
}

/// The worker's `main`: `vbqppl __extract-worker MEMORY_MIB`.
pub fn serve(args: &[String]) -> ExitCode {
    let Some(memory_mib) = args.first().and_then(|a| a.parse::<u64>().ok()) else {
        eprintln!("usage: vbqppl {WORKER_ARG} MEMORY_MIB");
        return ExitCode::from(2);
    };
    // The whole loop runs on one large-stack thread, like the in-process isolation thread.
    let served = std::thread::Builder::new()
        .name("vbqppl-worker".into())
        .stack_size(WORKER_STACK_BYTES)
        .spawn(move || serve_requests(memory_mib));
    match served.map(JoinHandle::join) {
        Ok(Ok(Ok(()))) => ExitCode::SUCCESS,
        Ok(Ok(Err(e))) => {
            eprintln!("extraction worker: {e}");
            ExitCode::from(2)
        }
        Ok(Err(_)) | Err(_) => ExitCode::from(2),
    }
}

fn serve_requests(memory_mib: u64) -> std::io::Result<()> {
    cap_address_space(memory_mib)?;
    let mut input = std::io::stdin().lock();
    let mut output = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut line = String::new();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let response = match serde_json::from_str::<Request>(&line) {
            Ok(request) => Response::from_outcome(answer(&request)),
            Err(e) => Response::Failed(Unreadable::Isolation(format!(
                "bad request to extraction worker: {e}"
            ))),
        };
        serde_json::to_writer(&mut output, &response)?;
        output.write_all(b"\n")?;
        output.flush()?;
    }
}

fn answer(request: &Request) -> Result<Parsed, Unreadable> {
    let limits = request.limits();
    let path = request.path();
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    catch_panic(|| {
        let bytes = read_bounded(&path, limits.max_file_bytes)?;
        extract_normalize_parse(&bytes, ext, &limits)
    })
}

/// Allow `memory_mib` of address space beyond what the worker maps before its first document
/// (binary, libraries, stacks), so the flag means the same whatever the build.
fn cap_address_space(memory_mib: u64) -> std::io::Result<()> {
    let base = mapped_bytes()?;
    let cap = base.saturating_add(memory_mib.saturating_mul(1 << 20));
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit/setrlimit only read or write the struct passed by pointer.
    if unsafe { libc::getrlimit(libc::RLIMIT_AS, &mut limit) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    // An inherited hard limit (`ulimit -v`) cannot be raised, only stayed under.
    limit.rlim_cur = (cap as libc::rlim_t).min(limit.rlim_max);
    // SAFETY: as above.
    if unsafe { libc::setrlimit(libc::RLIMIT_AS, &limit) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// Virtual size of this process (first field of `/proc/self/statm`, in pages).
fn mapped_bytes() -> std::io::Result<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm")?;
    let pages: u64 = statm
        .split_whitespace()
        .next()
        .and_then(|p| p.parse().ok())
        .ok_or_else(|| std::io::Error::other("unexpected /proc/self/statm"))?;
    // SAFETY: sysconf has no preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    Ok(pages.saturating_mul(u64::try_from(page).unwrap_or(4096)))
}

/// Idle workers, one per thread that has needed one; each serves many documents.
pub(super) struct Pool {
    memory_mib: u64,
    idle: Mutex<Vec<Worker>>,
}

impl Pool {
    pub(super) fn new(memory_mib: u64) -> Pool {
        Pool {
            memory_mib,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Extract, normalize and parse `path` in a worker; give up (and kill it) after `deadline`.
    pub(super) fn run(
        &self,
        path: &Path,
        limits: &Limits,
        deadline: Duration,
    ) -> Result<Parsed, Unreadable> {
        let mut request = serde_json::to_string(&Request::new(path, limits))
            .map_err(|e| Unreadable::Isolation(format!("cannot encode worker request: {e}")))?;
        request.push('\n');
        let mut worker = match self.idle.lock().ok().and_then(|mut idle| idle.pop()) {
            Some(w) => w,
            None => Worker::spawn(self.memory_mib)?,
        };
        if worker.send(&request).is_err() {
            // An idle worker that died (killed from outside) has not seen this document: a fresh
            // one gets it.
            worker = Worker::spawn(self.memory_mib)?;
            worker.send(&request).map_err(|e| {
                Unreadable::Isolation(format!("cannot reach extraction worker: {e}"))
            })?;
        }
        match worker.responses.recv_timeout(deadline) {
            Ok(line) => {
                let response = serde_json::from_str::<Response>(&line).map_err(|e| {
                    Unreadable::Isolation(format!("bad response from extraction worker: {e}"))
                })?;
                if let Ok(mut idle) = self.idle.lock() {
                    idle.push(worker);
                }
                response.into_outcome()
            }
            // Dropping the worker kills it; the next document gets a fresh one.
            Err(mpsc::RecvTimeoutError::Timeout) => Err(Unreadable::TimedOut {
                secs: deadline.as_secs(),
            }),
            Err(mpsc::RecvTimeoutError::Disconnected) => Err(worker.death_reason(self.memory_mib)),
        }
    }
}

/// One worker process, with a thread reading its responses (so the parent can wait with a
/// deadline) and one passing its stderr on (remembering the line that says why it died).
struct Worker {
    child: Child,
    stdin: ChildStdin,
    responses: mpsc::Receiver<String>,
    stderr: Option<JoinHandle<String>>,
}

impl Worker {
    fn spawn(memory_mib: u64) -> Result<Worker, Unreadable> {
        let failed =
            |why: String| Unreadable::Isolation(format!("cannot start extraction worker: {why}"));
        let started = std::env::current_exe().and_then(|exe| {
            Command::new(exe)
                .arg(WORKER_ARG)
                .arg(memory_mib.to_string())
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
        });
        let mut child = started.map_err(|e| failed(e.to_string()))?;
        let (Some(stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(failed("no pipes".into()));
        };
        let (tx, responses) = mpsc::channel();
        let reader = std::thread::Builder::new()
            .name("vbqppl-worker-out".into())
            .spawn(move || {
                let mut stdout = BufReader::new(stdout);
                loop {
                    let mut line = String::new();
                    match stdout.read_line(&mut line) {
                        Ok(n) if n > 0 && tx.send(line).is_ok() => {}
                        _ => return,
                    }
                }
            });
        let stderr = std::thread::Builder::new()
            .name("vbqppl-worker-err".into())
            .spawn(move || {
                let mut cause = String::new();
                for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                    // Passed on like a thread's panic message; a closed stderr must not stop
                    // the draining (the worker would block on a full pipe).
                    let _ = writeln!(std::io::stderr(), "{line}");
                    // A backtrace may follow the line that matters.
                    if DEATH_MARKERS.iter().any(|m| line.contains(m)) {
                        cause = line;
                    }
                }
                cause
            });
        let (Ok(_), Ok(stderr)) = (reader, stderr) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(failed("no thread".into()));
        };
        Ok(Worker {
            child,
            stdin,
            responses,
            stderr: Some(stderr),
        })
    }

    fn send(&mut self, request: &str) -> std::io::Result<()> {
        self.stdin.write_all(request.as_bytes())?;
        self.stdin.flush()
    }

    /// Why the worker stopped answering, once it has exited.
    fn death_reason(mut self, memory_mib: u64) -> Unreadable {
        let status = self.child.wait();
        let cause = self
            .stderr
            .take()
            .and_then(|h| h.join().ok())
            .unwrap_or_default();
        match status {
            Ok(status) => describe_death(status, &cause, memory_mib),
            Err(e) => Unreadable::Isolation(format!("extraction worker lost: {e}")),
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Idle workers would exit on their own when stdin closes; a stuck one must be killed.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What Rust prints before aborting when an allocation fails (under the cap) and on a stack
/// overflow.
const DEATH_MARKERS: [&str; 2] = [MEMORY_MARKER, STACK_MARKER];
const MEMORY_MARKER: &str = "memory allocation of";
const STACK_MARKER: &str = "overflowed its stack";

/// Why the worker died; `stderr_cause` is its last stderr line with a death marker.
fn describe_death(status: ExitStatus, stderr_cause: &str, memory_mib: u64) -> Unreadable {
    let exit = match (status.signal(), status.code()) {
        (Some(signal), _) => WorkerExit::Signal(signal),
        (None, Some(code)) => WorkerExit::Code(code),
        (None, None) => WorkerExit::Stopped,
    };
    if stderr_cause.contains(MEMORY_MARKER) {
        return Unreadable::MemoryLimit {
            mib: memory_mib,
            exit,
        };
    }
    if stderr_cause.contains(STACK_MARKER) {
        return Unreadable::StackOverflow { exit };
    }
    Unreadable::WorkerDied {
        exit,
        mib: memory_mib,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responses_carry_the_text_the_model_skips() {
        let text = "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nSố: 12/2024/QĐ-UBND\n\nQUYẾT ĐỊNH\n\
                    Về việc ban hành quy định\n\nĐiều 1. Phạm vi điều chỉnh\n";
        let document = crate::parse::parse(&crate::normalize::normalize(text));
        let source = SourceMeta {
            format: crate::extract::SourceFormat::Txt,
            pages: 1,
            text_layer: crate::extract::TextLayer::Full,
            encoding: crate::extract::Encoding::Unicode,
            warnings: vec!["w".into()],
            furniture: vec![],
            gazette_copy: false,
        };
        let parsed = Parsed {
            source: source.clone(),
            document: document.clone(),
        };
        let line = serde_json::to_string(&Response::from_outcome(Ok(parsed))).unwrap();
        assert!(!line.contains('\n'), "one response per line");
        let back = serde_json::from_str::<Response>(&line)
            .unwrap()
            .into_outcome()
            .unwrap();
        assert_eq!(back.document, document);
        assert_eq!(
            serde_json::to_value(&back.source).unwrap(),
            serde_json::to_value(&source).unwrap()
        );
    }

    #[test]
    fn failures_cross_the_pipe_typed() {
        let reason = Unreadable::TimedOut { secs: 35 };
        let line = serde_json::to_string(&Response::Failed(reason.clone())).unwrap();
        let back = serde_json::from_str::<Response>(&line)
            .unwrap()
            .into_outcome();
        assert_eq!(back.unwrap_err(), reason);
    }

    #[test]
    fn deaths_name_the_limit() {
        let abort = ExitStatus::from_raw(libc::SIGABRT);
        assert_eq!(
            describe_death(abort, "memory allocation of 1048576 bytes failed", 64),
            Unreadable::MemoryLimit {
                mib: 64,
                exit: WorkerExit::Signal(libc::SIGABRT)
            }
        );
        assert_eq!(
            describe_death(abort, "thread 'main' has overflowed its stack", 64),
            Unreadable::StackOverflow {
                exit: WorkerExit::Signal(libc::SIGABRT)
            }
        );
        assert_eq!(
            describe_death(abort, "", 2048),
            Unreadable::WorkerDied {
                exit: WorkerExit::Signal(libc::SIGABRT),
                mib: 2048
            }
        );
        assert_eq!(
            describe_death(ExitStatus::from_raw(3 << 8), "", 64),
            Unreadable::WorkerDied {
                exit: WorkerExit::Code(3),
                mib: 64
            }
        );
    }
}
