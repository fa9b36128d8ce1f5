//! Runs a [`ForceLayout`] on a background thread so the window never waits for it.
//!
//! The owner sends [`Command`]s and reads the latest [`Snapshot`]; a `notify` callback (the
//! window's repaint request) fires whenever a new snapshot is published. While the layout runs it
//! publishes about sixty snapshots a second; once settled the thread sleeps until a command comes.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::{ForceLayout, LayoutInput, Params, Phase};

/// What the owner can ask of the layout thread.
#[derive(Debug, Clone)]
pub enum Command {
    /// Start over on a new graph; `generation` labels the snapshots that follow.
    Replace { input: LayoutInput, seed: u64, generation: u64 },
    /// Hold node `i` at a position (`Some`) or release it (`None`).
    Pin(usize, Option<[f32; 2]>),
    /// Let the layout move again.
    Reheat,
}

/// The positions the layout has reached.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub generation: u64,
    pub positions: Vec<[f32; 2]>,
    pub phase: Phase,
    pub iteration: u32,
}

/// Handle to the layout thread; dropping it stops the thread.
pub struct LayoutWorker {
    tx: Option<Sender<Command>>,
    shared: Arc<Mutex<Snapshot>>,
    handle: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for LayoutWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LayoutWorker").finish_non_exhaustive()
    }
}

const FRAME: Duration = Duration::from_millis(16);

impl LayoutWorker {
    /// Starts the thread. `notify` is called after each published snapshot.
    #[must_use]
    pub fn spawn(notify: Box<dyn Fn() + Send>) -> Self {
        let (tx, rx) = mpsc::channel();
        let shared = Arc::new(Mutex::new(Snapshot {
            generation: 0,
            positions: Vec::new(),
            phase: Phase::Settled,
            iteration: 0,
        }));
        let out = Arc::clone(&shared);
        let handle =
            std::thread::Builder::new().name("zhitu-layout".into()).spawn(move || run(&rx, &out, notify.as_ref())).ok();
        Self { tx: Some(tx), shared, handle }
    }

    /// Sends a command (ignored if the thread has gone).
    pub fn send(&self, cmd: Command) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(cmd);
        }
    }

    /// The latest snapshot.
    #[must_use]
    pub fn snapshot(&self) -> Snapshot {
        self.shared.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Blocks until the snapshot for `generation` has settled, or `timeout` passes (tests and
    /// headless use).
    #[must_use]
    pub fn wait_settled(&self, generation: u64, timeout: Duration) -> Option<Snapshot> {
        let until = Instant::now() + timeout;
        while Instant::now() < until {
            let s = self.snapshot();
            if s.generation == generation && s.phase == Phase::Settled {
                return Some(s);
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        None
    }
}

impl Drop for LayoutWorker {
    fn drop(&mut self) {
        self.tx = None; // closes the channel; the thread ends at its next receive
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

fn run(rx: &Receiver<Command>, out: &Mutex<Snapshot>, notify: &dyn Fn()) {
    let mut layout: Option<ForceLayout> = None;
    let mut generation = 0;
    loop {
        let running = layout.as_ref().is_some_and(|l| l.phase() == Phase::Running);
        let cmd = if running {
            match rx.try_recv() {
                Ok(c) => Some(c),
                Err(mpsc::TryRecvError::Empty) => None,
                Err(mpsc::TryRecvError::Disconnected) => return,
            }
        } else {
            match rx.recv_timeout(Duration::from_hours(1)) {
                Ok(c) => Some(c),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        };
        match cmd {
            Some(Command::Replace { input, seed, generation: g }) => {
                generation = g;
                layout = Some(ForceLayout::new(&input, seed, Params::for_nodes(input.nodes.len())));
            }
            Some(Command::Pin(i, at)) => {
                if let Some(l) = layout.as_mut() {
                    l.pin(i, at);
                    l.reheat();
                }
            }
            Some(Command::Reheat) => {
                if let Some(l) = layout.as_mut() {
                    l.reheat();
                }
            }
            None => {}
        }
        let Some(l) = layout.as_mut() else { continue };
        let started = Instant::now();
        while l.phase() == Phase::Running && started.elapsed() < FRAME / 2 {
            l.step();
        }
        {
            let mut s = out.lock().unwrap_or_else(PoisonError::into_inner);
            *s = Snapshot { generation, positions: l.positions().to_vec(), phase: l.phase(), iteration: l.iteration() };
        }
        notify();
        if l.phase() == Phase::Running {
            std::thread::sleep(FRAME.saturating_sub(started.elapsed()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn worker_reaches_the_same_layout_as_a_synchronous_run() {
        let input = LayoutInput {
            nodes: Vec::new(),
            edges: vec![(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)],
            initial: vec![None; 4],
            mass: vec![1.0; 4],
        };
        let calls = Arc::new(AtomicUsize::new(0));
        let c = Arc::clone(&calls);
        let w = LayoutWorker::spawn(Box::new(move || {
            c.fetch_add(1, Ordering::Relaxed);
        }));
        w.send(Command::Replace { input: input.clone(), seed: 9, generation: 1 });
        let snap = w.wait_settled(1, Duration::from_secs(30)).expect("settles");
        let mut sync = ForceLayout::new(&input, 9, Params::default());
        sync.settle();
        assert_eq!(snap.positions, sync.positions());
        assert!(calls.load(Ordering::Relaxed) > 0);
    }
}
