//! The command line's progress bar: files done of all, characters per second and time left, drawn
//! on stderr only when stderr is a terminal (nothing when piped or redirected).

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use zhitu::pipeline::Progress;

/// A progress bar, or nothing when stderr is not a terminal.
pub struct Bar {
    bar: Option<ProgressBar>,
    started: std::time::Instant,
}

impl Bar {
    pub fn for_stderr() -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4));
            let style = ProgressStyle::with_template("{bar:30} {pos}/{len} files  {msg}  {elapsed_precise}, ETA {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Self { bar, started: std::time::Instant::now() }
    }

    pub fn update(&self, p: &Progress) {
        let Some(bar) = &self.bar else { return };
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        let failed = if p.failed > 0 { format!(", {} failed", p.failed) } else { String::new() };
        bar.set_message(format!("{} chars/s{failed}", human(p.chars as f64 / secs)));
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.finish();
    }
}

/// 12345 → "12.3k", 1234567 → "1.23M".
fn human(v: f64) -> String {
    if v >= 1e6 {
        format!("{:.2}M", v / 1e6)
    } else if v >= 1e3 {
        format!("{:.1}k", v / 1e3)
    } else {
        format!("{v:.0}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_read_at_a_glance() {
        assert_eq!(human(812.0), "812");
        assert_eq!(human(52_600.0), "52.6k");
        assert_eq!(human(1_234_567.0), "1.23M");
    }
}
