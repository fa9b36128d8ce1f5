//! The window's one job queue: every background job (loading, adding, exporting, file dialogs,
//! the layout)
//! is spawned here, gets an id, reports [`Outcome`]s through one channel and can be cancelled.
//!
//! The rules that keep results honest:
//! - events of a job that is no longer running (cancelled or superseded) are dropped, so a slow
//!   earlier Open can never overwrite a newer one;
//! - a job that panics becomes [`Outcome::Panicked`] with the job's label (the files it was
//!   working on), never a status stuck at "Reading…";
//! - in the tests' inline mode a job runs to its end on the calling thread and its events wait
//!   for the next [`Jobs::poll`], so frames stay deterministic.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};

use zhitu::pipeline::{LoadError, Loaded, Progress};

use super::dialogs::Purpose;

/// A job's id: they only grow, so a larger id is a newer job.
pub type JobId = u64;

/// What a job is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    /// Reading files into the graph: replacing it (Open) or adding to it.
    Load {
        replace: bool,
    },
    Export,
    Dialog(Purpose),
    /// The force layout, running until it settles or a newer one replaces it.
    Layout,
    /// Communities and centrality of the graph as it was when the job started.
    Analysis,
}

/// Something a job reports.
#[derive(Debug)]
pub enum Outcome {
    /// Files read, in input order (a batch of them, to merge in one go).
    Files(Vec<(String, Result<Loaded, LoadError>)>),
    /// Inputs that could not even be listed (unreadable folders).
    ListingErrors(Vec<LoadError>),
    Progress(Progress),
    Exported(Result<PathBuf, String>),
    /// A file dialog's answer (empty when cancelled or when there is no dialog).
    Answer(Vec<PathBuf>),
    /// Where the layout's nodes are now, and whether it has settled.
    Positions {
        positions: Vec<[f32; 2]>,
        settled: bool,
    },
    /// The analysis of the graph of this version.
    Analysis {
        version: u64,
        analysis: Box<zhitu::analyze::Analysis>,
    },
    /// The job panicked; the message says where.
    Panicked(String),
    /// The job ended (after everything else it sent); `cancelled` when it stopped early.
    Finished {
        cancelled: bool,
    },
}

/// One reported outcome and the job it came from.
#[derive(Debug)]
pub struct Event {
    pub job: JobId,
    pub kind: JobKind,
    pub outcome: Outcome,
}

/// A running job, as the status bar shows it.
#[derive(Debug, Clone)]
pub struct JobInfo {
    pub id: JobId,
    pub kind: JobKind,
    /// What it works on, for messages ("3 files", "graph.json").
    pub label: String,
    pub progress: Option<Progress>,
    pub started: std::time::Instant,
    cancel: Arc<AtomicBool>,
}

/// The handle a job's work gets: report outcomes, check for cancellation.
pub struct JobContext {
    id: JobId,
    kind: JobKind,
    tx: Sender<Event>,
    cancel: Arc<AtomicBool>,
    repaint: Arc<dyn Fn() + Send + Sync>,
}

impl JobContext {
    /// Reports an outcome; false when the window has gone (nobody will read it).
    pub fn send(&self, outcome: Outcome) -> bool {
        let delivered = self.tx.send(Event { job: self.id, kind: self.kind, outcome }).is_ok();
        (self.repaint)();
        delivered
    }

    /// The flag the job's loops check; set when the job is cancelled or superseded.
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }

    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// The queue.
pub struct Jobs {
    background: bool,
    next: JobId,
    running: Vec<JobInfo>,
    tx: Sender<Event>,
    rx: Receiver<Event>,
    repaint: Arc<dyn Fn() + Send + Sync>,
}

impl Jobs {
    /// A queue whose jobs run on their own threads (`background`) or inline (tests); `repaint`
    /// wakes the window when a job reports.
    pub fn new(background: bool, repaint: Arc<dyn Fn() + Send + Sync>) -> Self {
        let (tx, rx) = mpsc::channel();
        Self { background, next: 0, running: Vec::new(), tx, rx, repaint }
    }

    /// Starts a job. Its work reports through the context; `Finished` (or `Panicked` and then
    /// `Finished`) is sent for it when the work returns.
    pub fn spawn(
        &mut self,
        kind: JobKind,
        label: impl Into<String>,
        work: impl FnOnce(&JobContext) + Send + 'static,
    ) -> JobId {
        self.next += 1;
        let id = self.next;
        let cancel = Arc::new(AtomicBool::new(false));
        let label = label.into();
        self.running.push(JobInfo {
            id,
            kind,
            label: label.clone(),
            progress: None,
            started: std::time::Instant::now(),
            cancel: Arc::clone(&cancel),
        });
        let job = JobContext { id, kind, tx: self.tx.clone(), cancel, repaint: Arc::clone(&self.repaint) };
        let run = move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&job)));
            if let Err(panic) = result {
                job.send(Outcome::Panicked(format!(
                    "{label}: stopped by an internal error ({})",
                    zhitu::par::panic_message(&*panic)
                )));
            }
            let cancelled = job.is_cancelled();
            job.send(Outcome::Finished { cancelled });
        };
        if self.background {
            let spawned = std::thread::Builder::new().name(format!("zhitu-job-{id}")).spawn(run);
            if let Err(e) = spawned {
                let _ = self.tx.send(Event {
                    job: id,
                    kind,
                    outcome: Outcome::Panicked(format!("cannot start a background job: {e}")),
                });
                let _ = self.tx.send(Event { job: id, kind, outcome: Outcome::Finished { cancelled: true } });
            }
        } else {
            run();
        }
        id
    }

    /// Cancels a job: it is told to stop, and nothing it reports from now on is delivered.
    pub fn cancel(&mut self, id: JobId) {
        self.running.retain(|j| {
            if j.id == id {
                j.cancel.store(true, Ordering::Relaxed);
            }
            j.id != id
        });
    }

    /// Cancels every running job of which `which` holds.
    pub fn cancel_where(&mut self, which: impl Fn(&JobInfo) -> bool) {
        let ids: Vec<JobId> = self.running.iter().filter(|j| which(j)).map(|j| j.id).collect();
        for id in ids {
            self.cancel(id);
        }
    }

    /// Reported outcomes of running jobs, in the order they were sent; a `Finished` job leaves
    /// the queue. Outcomes of cancelled or superseded jobs are dropped here.
    pub fn poll(&mut self) -> Vec<Event> {
        let mut out = Vec::new();
        while let Ok(event) = self.rx.try_recv() {
            let Some(i) = self.running.iter().position(|j| j.id == event.job) else { continue };
            match &event.outcome {
                Outcome::Progress(p) => self.running[i].progress = Some(*p),
                Outcome::Finished { .. } => {
                    self.running.remove(i);
                }
                _ => {}
            }
            out.push(event);
        }
        out
    }

    /// Jobs still running, oldest first.
    #[must_use]
    pub fn running(&self) -> &[JobInfo] {
        &self.running
    }

    #[must_use]
    pub fn is_idle(&self) -> bool {
        self.running.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn queue(background: bool) -> Jobs {
        Jobs::new(background, Arc::new(|| {}))
    }

    fn wait_idle(jobs: &mut Jobs) -> Vec<Event> {
        let mut all = Vec::new();
        for _ in 0..500 {
            all.extend(jobs.poll());
            if jobs.is_idle() {
                return all;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        panic!("jobs did not finish");
    }

    #[test]
    fn a_panicking_job_reports_an_error_naming_its_work_and_finishes() {
        for background in [false, true] {
            let mut jobs = queue(background);
            jobs.spawn(JobKind::Export, "export to out.json", |_| panic!("disk on fire"));
            let events = wait_idle(&mut jobs);
            let msg = events.iter().find_map(|e| match &e.outcome {
                Outcome::Panicked(m) => Some(m.clone()),
                _ => None,
            });
            let msg = msg.expect("no panic reported");
            assert!(msg.contains("export to out.json") && msg.contains("disk on fire"), "{msg}");
            assert!(matches!(events.last().map(|e| &e.outcome), Some(Outcome::Finished { cancelled: false })));
        }
    }

    #[test]
    fn a_cancelled_job_is_told_to_stop_and_its_outcomes_are_dropped() {
        let mut jobs = queue(true);
        let (go_tx, go_rx) = mpsc::channel::<()>();
        let (sent_tx, sent_rx) = mpsc::channel::<bool>();
        let id = jobs.spawn(JobKind::Load { replace: true }, "old.txt", move |job| {
            let _ = go_rx.recv();
            // the job sees the flag and still reports: those reports must not arrive
            job.send(Outcome::Files(Vec::new()));
            let _ = sent_tx.send(job.is_cancelled());
        });
        let newer = jobs.spawn(JobKind::Load { replace: true }, "new.txt", |job| {
            job.send(Outcome::Files(Vec::new()));
        });
        jobs.cancel(id);
        go_tx.send(()).unwrap();
        let told = sent_rx.recv_timeout(std::time::Duration::from_secs(10)).unwrap();
        assert!(told, "the cancelled job was not told");
        // the stale job's report is in the channel now: polling must drop it
        let mut events = wait_idle(&mut jobs);
        std::thread::sleep(std::time::Duration::from_millis(20));
        events.extend(jobs.poll());
        assert!(events.iter().all(|e| e.job == newer), "a stale job's outcome was delivered");
        assert!(events.iter().any(|e| matches!(e.outcome, Outcome::Files(_))));
    }

    #[test]
    fn progress_is_kept_on_the_running_job() {
        let mut jobs = queue(false);
        let (hold_tx, hold_rx) = mpsc::channel::<()>();
        jobs.background = true;
        let id = jobs.spawn(JobKind::Load { replace: false }, "a.txt", move |job| {
            job.send(Outcome::Progress(Progress { done: 2, total: 5, chars: 300, failed: 0 }));
            let _ = hold_rx.recv();
        });
        let mut seen = None;
        for _ in 0..500 {
            jobs.poll();
            seen = jobs.running().iter().find(|j| j.id == id).and_then(|j| j.progress);
            if seen.is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert_eq!(seen.map(|p| (p.done, p.total)), Some((2, 5)));
        hold_tx.send(()).unwrap();
        wait_idle(&mut jobs);
        assert!(jobs.is_idle());
    }
}
