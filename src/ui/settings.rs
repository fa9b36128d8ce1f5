//! What the window keeps between runs (eframe storage): recent files and the kind filters. Every
//! field has a default, so settings written by an older or newer version still load.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// How many recently opened inputs the File menu offers.
const RECENT: usize = 10;

/// Settings kept between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Inputs opened or added, newest first.
    pub recent: Vec<PathBuf>,
    /// Kinds shown on the canvas (person, place, organization, initiative).
    pub visible_kinds: [bool; 4],
}

impl Default for Settings {
    fn default() -> Self {
        Self { recent: Vec::new(), visible_kinds: [true; 4] }
    }
}

impl Settings {
    /// Puts inputs at the front of the recent list (once each, at most [`RECENT`]).
    pub fn remember(&mut self, paths: &[PathBuf]) {
        for p in paths.iter().rev() {
            self.recent.retain(|r| r != p);
            self.recent.insert(0, p.clone());
        }
        self.recent.truncate(RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_newest_first_without_repeats() {
        let mut s = Settings::default();
        s.remember(&["a.txt".into(), "b.txt".into()]);
        s.remember(&["c.txt".into(), "a.txt".into()]);
        let names: Vec<String> = s.recent.iter().map(|p| p.display().to_string()).collect();
        assert_eq!(names, ["c.txt", "a.txt", "b.txt"]);
        for i in 0..20 {
            s.remember(&[format!("{i}.txt").into()]);
        }
        assert_eq!(s.recent.len(), RECENT);
        assert_eq!(s.recent[0], PathBuf::from("19.txt"));
    }

    #[test]
    fn missing_and_unknown_fields_fall_back_to_defaults() {
        let s: Settings = serde_json::from_str(r#"{"visible_kinds":[true,false,true,true],"later":1}"#).unwrap();
        assert_eq!(s.visible_kinds, [true, false, true, true]);
        assert!(s.recent.is_empty());
    }
}
