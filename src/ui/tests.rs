//! GUI tests with `egui_kittest`: the window on the sample, found and clicked by accessible labels.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::{AppOptions, FileDialogs, Selection, ZhituApp};

/// A dialog stand-in that answers with prepared paths.
#[derive(Default)]
struct FakeDialogs {
    open: Mutex<Vec<PathBuf>>,
    save: Mutex<Option<PathBuf>>,
}

impl FileDialogs for FakeDialogs {
    fn pick_files(&self) -> Vec<PathBuf> {
        std::mem::take(&mut *self.open.lock().unwrap())
    }
    fn save_file(&self, _: &str) -> Option<PathBuf> {
        self.save.lock().unwrap().take()
    }
}

fn options() -> AppOptions {
    AppOptions { background: false, system_fonts: false, ..AppOptions::default() }
}

fn harness(dialogs: Arc<FakeDialogs>) -> Harness<'static, ZhituApp> {
    let ctx = egui::Context::default();
    let mut app = ZhituApp::new(&ctx, options(), dialogs);
    app.load_sample();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_theme(egui::Theme::Light)
        .with_context_setup(|ctx| super::install_style(ctx, false))
        .build_ui_state(|ui, app: &mut ZhituApp| app.show(ui), app);
    h.run();
    h
}

#[test]
fn clicking_a_node_shows_its_sentences_and_source() {
    let mut h = harness(Arc::new(FakeDialogs::default()));
    h.get_by_role_and_label(Role::Button, "北碚区").click();
    h.run();
    let app = h.state();
    let n = app.graph.find_by_name("北碚区").unwrap();
    assert_eq!(app.selection, Some(Selection::Node(n)));
    // the side panel shows a source sentence with 北碚 and the article's source
    assert!(h.query_by_label_contains("北碚将强化").is_some(), "no source sentence with 北碚 shown");
    assert!(h.query_by_label_contains("华龙网-重庆晨报").is_some(), "article source not shown");
    assert!(h.query_by_label_contains("Also called: 北碚").is_some());
}

#[test]
fn a_broken_file_shows_an_error_and_keeps_the_graph() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{ this is not json").unwrap();
    let dialogs = Arc::new(FakeDialogs::default());
    let mut h = harness(Arc::clone(&dialogs));
    let nodes = h.state().graph.node_count();
    assert!(nodes > 20);
    *dialogs.open.lock().unwrap() = vec![broken];
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Open…").click();
    h.run();
    assert!(h.query_by_label_contains("broken.json").is_some(), "error not shown");
    assert!(h.query_by_label_contains("invalid JSON").is_some(), "reason not shown");
    assert_eq!(h.state().graph.node_count(), nodes);
}

#[test]
fn export_writes_json_that_reopens_to_the_same_graph() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("graph.json");
    let dialogs = Arc::new(FakeDialogs::default());
    *dialogs.save.lock().unwrap() = Some(out.clone());
    let mut h = harness(Arc::clone(&dialogs));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    let text = std::fs::read_to_string(&out).unwrap();
    let reopened = zhitu::export::json::from_str(&text).unwrap();
    assert_eq!(reopened.node_count(), h.state().graph.node_count());
    assert!(reopened.nodes().all(|(_, n)| n.pos.is_some()));
}

#[test]
fn an_empty_dialog_answer_offers_a_path_field() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "西南大学位于重庆市北碚区。\n").unwrap();
    let dialogs = Arc::new(FakeDialogs::default());
    let mut h = harness(dialogs);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Add files…").click();
    h.run();
    let path_field = h.get_by_role_and_label(Role::TextInput, "Add path:");
    path_field.focus();
    path_field.type_text(&article.display().to_string());
    h.run();
    h.get_by_role_and_label(Role::Button, "Add").click();
    h.run();
    assert!(h.state().graph.find_by_name("西南大学").is_some());
    assert_eq!(h.state().graph.documents().len(), 2);
}

#[test]
fn search_selects_and_centres() {
    let mut h = harness(Arc::new(FakeDialogs::default()));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search").type_text("绵阳");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let app = h.state();
    let n = app.graph.find_by_name("绵阳市").unwrap();
    assert_eq!(app.selection, Some(Selection::Node(n)));
    assert!(!app.view.follow);
}

#[test]
fn sample_view_snapshot() {
    let mut h = harness(Arc::new(FakeDialogs::default()));
    h.get_by_role_and_label(Role::Button, "绵阳市").click();
    h.run();
    // software rendering may differ in a few anti-aliased pixels between machines; a broken
    // picture (missing labels, panels or nodes) differs in many thousands
    h.snapshot_options("sample_view", &egui_kittest::SnapshotOptions::new().threshold(1.0).max_failed_pixels(1500));
}
