//! File dialogs behind a seam: the window asks a [`FileDialogs`] in a job (a native dialog must
//! never freeze the frame loop), and tests substitute their own. rfd cannot tell
//! "cancelled" from "no dialog available", so an empty answer makes the window offer a path field.

use std::path::PathBuf;

/// What a dialog was opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Replace the graph with these files.
    Open,
    /// Add these files to the graph.
    Add,
    /// Save the graph as JSON here.
    Export,
    /// Save the graph, its edits and the view here.
    SaveSession,
}

impl Purpose {
    #[must_use]
    pub const fn verb(self) -> &'static str {
        match self {
            Self::Open => "Open",
            Self::Add => "Add",
            Self::Export => "Export",
            Self::SaveSession => "Save session",
        }
    }
}

/// Native file dialogs, or a stand-in.
pub trait FileDialogs: Send + Sync {
    /// Files to open; empty when cancelled or when no dialog could be shown.
    fn pick_files(&self) -> Vec<PathBuf>;
    /// Where to save; `None` when cancelled or when no dialog could be shown.
    fn save_file(&self, suggested_name: &str) -> Option<PathBuf>;
}

/// The platform's dialogs through rfd (XDG portal or zenity on Linux).
#[derive(Debug, Default, Clone, Copy)]
pub struct RfdDialogs;

impl FileDialogs for RfdDialogs {
    fn pick_files(&self) -> Vec<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open articles or graphs")
            .add_filter("Articles and graphs", &["txt", "html", "htm", "json"])
            .add_filter("All files", &["*"])
            .pick_files()
            .unwrap_or_default()
    }

    fn save_file(&self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Export graph as JSON")
            .add_filter("Zhitu graph JSON", &["json"])
            .set_file_name(suggested_name)
            .save_file()
    }
}

/// Shows the dialog for `purpose` and waits for its answer (call off the UI thread).
pub fn ask(dialogs: &dyn FileDialogs, purpose: Purpose) -> Vec<PathBuf> {
    match purpose {
        Purpose::Export => dialogs.save_file("zhitu-graph.json").into_iter().collect(),
        Purpose::SaveSession => dialogs.save_file("zhitu-session.json").into_iter().collect(),
        Purpose::Open | Purpose::Add => dialogs.pick_files(),
    }
}
