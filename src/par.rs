//! The worker pool for documents and tagging: order-preserving parallel maps. Workers take items one at
//! a time from a shared counter (so uneven items balance), each with its own state (scratch
//! buffers), and the results come back in input order — collected ([`map_ordered`]) or handed one
//! by one to the calling thread while later items are still being worked on ([`stream_ordered`]),
//! with a bounded window of items in flight so memory stays bounded however long the input.

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// The number of worker threads to use by default: the machine's cores, or `ZHITU_THREADS` when
/// set to a positive number (at most [`max_threads`]).
#[must_use]
pub fn default_threads() -> usize {
    std::env::var("ZHITU_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .map_or(cores(), |n| n.min(max_threads()))
}

/// The machine's cores.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

/// The most threads worth asking for: four per core (more only costs memory and may fail to
/// start).
#[must_use]
pub fn max_threads() -> usize {
    cores() * 4
}

/// `f(state, item)` for every item on up to `threads` threads, each result handed to `consume` on
/// the calling thread in input order as soon as it and every earlier one are done. At most
/// `window` items are taken ahead of the one `consume` waits for, so at most `window` results are
/// held at once. `consume` returning `Break` stops the work: items not yet started are never
/// started, and the function returns once running ones finish. Returns how many results were
/// consumed. A panic in `f` is re-raised on the calling thread after the workers stopped.
pub fn stream_ordered<T: Sync, S, R: Send>(
    items: &[T],
    threads: usize,
    window: usize,
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &T) -> R + Sync,
    mut consume: impl FnMut(usize, R) -> ControlFlow<()>,
) -> usize {
    let threads = threads.clamp(1, items.len().max(1));
    let window = window.max(threads);
    if threads == 1 {
        let mut state = init();
        for (i, item) in items.iter().enumerate() {
            if consume(i, f(&mut state, item)).is_break() {
                return i + 1;
            }
        }
        return items.len();
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // the index `consume` waits for, and a signal for workers waiting for the window to move
    let consumed = Mutex::new(0usize);
    let moved = Condvar::new();
    let (tx, rx) = mpsc::channel::<(usize, std::thread::Result<R>)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, stop, consumed, moved, init, f) = (&next, &stop, &consumed, &moved, &init, &f);
            scope.spawn(move || {
                let mut state = init();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    {
                        let mut at = consumed.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                        while i >= *at + window && !stop.load(Ordering::Relaxed) {
                            at = moved.wait(at).unwrap_or_else(std::sync::PoisonError::into_inner);
                        }
                    }
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let r = catch_unwind(AssertUnwindSafe(|| f(&mut state, item)));
                    let failed = r.is_err();
                    if tx.send((i, r)).is_err() || failed {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let halt = || {
            stop.store(true, Ordering::Relaxed);
            let _guard = consumed.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            moved.notify_all();
        };
        // however this closure ends (a return, or `consume` panicking), waiting workers are
        // released before the scope joins them
        let _release = OnDrop(&halt);
        let mut ready: BTreeMap<usize, std::thread::Result<R>> = BTreeMap::new();
        let mut done = 0usize;
        for (i, r) in &rx {
            ready.insert(i, r);
            while let Some(r) = ready.remove(&done) {
                match r {
                    Ok(r) => {
                        let flow = consume(done, r);
                        done += 1;
                        if flow.is_break() {
                            halt();
                            return done;
                        }
                    }
                    Err(panic) => {
                        halt();
                        // wait for the others before unwinding out of the scope
                        drop(rx);
                        resume_unwind(panic);
                    }
                }
                *consumed.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = done;
                moved.notify_all();
            }
        }
        done
    })
}

/// A panic's message, when it has one ("no message" otherwise).
#[must_use]
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_owned())
}

/// Runs a closure when dropped (also while unwinding).
struct OnDrop<'a, F: Fn()>(&'a F);

impl<F: Fn()> Drop for OnDrop<'_, F> {
    fn drop(&mut self) {
        (self.0)();
    }
}

/// `f(state, item)` for every item on up to `threads` threads; one `init()` state per thread.
/// A panic in a worker is re-raised on the calling thread.
pub fn map_ordered<T: Sync, S, R: Send>(
    items: &[T],
    threads: usize,
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &T) -> R + Sync,
) -> Vec<R> {
    let threads = threads.min(items.len());
    if threads <= 1 {
        let mut state = init();
        return items.iter().map(|item| f(&mut state, item)).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut state = init();
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(&mut state, item)));
                    }
                    mine
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_input_order_on_any_thread_count() {
        let items: Vec<u64> = (0..1000).collect();
        for threads in [0, 1, 2, 7] {
            let got = map_ordered(
                &items,
                threads,
                || 0u64,
                |calls, x| {
                    *calls += 1;
                    x * x
                },
            );
            assert_eq!(got, items.iter().map(|x| x * x).collect::<Vec<_>>(), "threads {threads}");
        }
        assert!(map_ordered(&[] as &[u8], 4, || (), |(), x| *x).is_empty());
    }

    #[test]
    fn streamed_results_arrive_in_order_with_bounded_lookahead() {
        let items: Vec<u64> = (0..500).collect();
        for (threads, window) in [(1, 1), (2, 2), (3, 4), (4, 64)] {
            let started = AtomicUsize::new(0);
            let mut seen = Vec::new();
            let n = stream_ordered(
                &items,
                threads,
                window,
                || (),
                |(), x| {
                    started.fetch_add(1, Ordering::SeqCst);
                    x * 3
                },
                |i, r| {
                    // never more than `window` items started beyond the one being consumed
                    assert!(started.load(Ordering::SeqCst) <= i + window.max(threads), "window {window}");
                    seen.push(r);
                    ControlFlow::Continue(())
                },
            );
            assert_eq!(n, items.len());
            assert_eq!(seen, items.iter().map(|x| x * 3).collect::<Vec<_>>(), "threads {threads}");
        }
    }

    #[test]
    fn a_break_stops_the_stream_early() {
        let items: Vec<u32> = (0..10_000).collect();
        let started = AtomicUsize::new(0);
        let n = stream_ordered(
            &items,
            2,
            8,
            || (),
            |(), x| {
                started.fetch_add(1, Ordering::SeqCst);
                *x
            },
            |i, _| if i == 9 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) },
        );
        assert_eq!(n, 10);
        assert!(started.load(Ordering::SeqCst) < 40, "work stopped soon after the break");
    }

    #[test]
    fn a_panic_while_consuming_releases_the_waiting_workers() {
        let items: Vec<u32> = (0..1000).collect();
        let r = catch_unwind(|| {
            stream_ordered(
                &items,
                2,
                2,
                || (),
                |(), x| *x,
                |i, _| {
                    assert!(i != 3, "the consumer fails");
                    ControlFlow::Continue(())
                },
            )
        });
        assert!(r.is_err(), "the consumer's panic must reach the caller (and not hang)");
    }

    #[test]
    fn a_panicking_item_reaches_the_caller() {
        let items: Vec<u32> = (0..100).collect();
        let r = catch_unwind(|| {
            stream_ordered(
                &items,
                2,
                4,
                || (),
                |(), x| {
                    assert!(*x != 37, "item 37 fails");
                    *x
                },
                |_, _| ControlFlow::Continue(()),
            )
        });
        assert!(r.is_err());
    }
}
