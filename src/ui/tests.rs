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
    harness_sized(dialogs, egui::vec2(1280.0, 800.0))
}

/// A harness whose window is `size` (a tall one shows all of a long side panel: widgets
/// scrolled out of view are not in the accessibility tree).
fn harness_sized(dialogs: Arc<FakeDialogs>, size: egui::Vec2) -> Harness<'static, ZhituApp> {
    harness_with(dialogs, size, options())
}

fn harness_with(dialogs: Arc<FakeDialogs>, size: egui::Vec2, options: AppOptions) -> Harness<'static, ZhituApp> {
    let ctx = egui::Context::default();
    let mut app = ZhituApp::new(&ctx, options, dialogs);
    app.load_sample();
    // an analysis that arrives re-ranks the side panel, whose grid takes a frame or two more to
    // settle than the default allows
    let mut h = Harness::builder()
        .with_size(size)
        .with_max_steps(12)
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
    assert_eq!(app.viewer.selection, Some(Selection::Node(n)));
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
    assert_eq!(app.viewer.selection, Some(Selection::Node(n)));
    assert!(!app.viewer.view.follow);
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

/// An extractor that fails loudly on one marked article and extracts the rest as usual.
struct FailsOnMark;

impl zhitu::extract::Extractor for FailsOnMark {
    fn extract(&self, doc: &zhitu::ingest::Document) -> zhitu::extract::Extraction {
        assert!(!doc.text.contains("测试故障标记"), "the extractor broke on purpose");
        zhitu::extract::HybridExtractor.extract(doc)
    }
}

/// The window with real background threads (jobs, worker pool, layout thread), as a user has it.
fn background_harness(dialogs: Arc<FakeDialogs>) -> Harness<'static, ZhituApp> {
    let ctx = egui::Context::default();
    let options = AppOptions { background: true, system_fonts: false, ..AppOptions::default() };
    let app = ZhituApp::new(&ctx, options, dialogs).with_extractor(Arc::new(FailsOnMark));
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(|ctx| super::install_style(ctx, false))
        .build_ui_state(|ui, app: &mut ZhituApp| app.show(ui), app)
}

/// Runs frames until `done` holds (or fails the test after a generous while).
fn step_until(h: &mut Harness<'static, ZhituApp>, what: &str, done: impl Fn(&ZhituApp) -> bool) {
    for _ in 0..3000 {
        h.step();
        if done(h.state()) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("timed out waiting for: {what}");
}

fn generated_corpus(dir: &std::path::Path, articles: usize, seed: u64) {
    let spec = zhitu::corpus_gen::CorpusSpec { articles, seed, ..zhitu::corpus_gen::CorpusSpec::default() };
    zhitu::corpus_gen::write_dir(&spec, dir).unwrap();
}

#[test]
fn a_corpus_loads_in_the_background_while_the_user_works_and_can_be_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    generated_corpus(dir.path(), 300, 7);
    let dialogs = Arc::new(FakeDialogs::default());
    *dialogs.open.lock().unwrap() = vec![dir.path().to_path_buf()];
    let mut h = background_harness(Arc::clone(&dialogs));
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Open…").click();
    // batches merge and show while the job still runs
    step_until(&mut h, "first batches merged", |app| app.graph.documents().len() >= 20);
    assert!(!h.state().jobs.is_idle(), "the whole corpus loaded before the test could interact");
    assert!(h.query_by_label_contains("Reading").is_some(), "no progress in the status bar");

    // the window stays usable: search and focus a node while files keep arriving
    let target = h.state().graph.nodes().max_by_key(|(_, n)| n.mentions.len()).map(|(_, n)| n.label.clone()).unwrap();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.step();
    h.get_by_role_and_label(Role::TextInput, "Search").type_text(&target);
    h.step();
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "search result focused", |app| app.viewer.selection.is_some());
    h.step();
    // the focus wins over the canvas fitting the still-moving graph
    assert!(!h.state().viewer.view.follow, "the view went back to following the layout");
    assert!(!h.state().jobs.is_idle(), "loading ended before the user was done");

    h.get_by_role_and_label(Role::Button, "Cancel").click();
    step_until(&mut h, "load job ended", |app| app.jobs.is_idle());
    let docs = h.state().graph.documents().len();
    assert!(docs < 300, "cancel came too late to test ({docs} documents)");
    assert!(h.state().status.contains("Cancelled after"), "status: {}", h.state().status);
    h.run_steps(20);
    assert_eq!(h.state().graph.documents().len(), docs, "files kept arriving after Cancel");
    assert!(h.state().errors.is_empty(), "{:?}", h.state().errors);
}

#[test]
fn a_newer_open_wins_over_a_slower_older_one() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big");
    generated_corpus(&big, 200, 11);
    let small = dir.path().join("small.txt");
    std::fs::write(&small, "西南大学位于重庆市北碚区。\n").unwrap();
    let mut h = background_harness(Arc::new(FakeDialogs::default()));
    h.state_mut().load(vec![big], true);
    step_until(&mut h, "the older open has started merging", |app| !app.graph.documents().is_empty());
    assert!(!h.state().jobs.is_idle(), "the older open ended before the newer one started");
    h.state_mut().load(vec![small.clone()], true);
    step_until(&mut h, "every job ended", |app| app.jobs.is_idle());
    h.run_steps(10);
    let docs = h.state().graph.documents();
    assert_eq!(docs.len(), 1, "the stale open's files got into the graph");
    assert_eq!(docs[0].record.path, small.display().to_string());
}

#[test]
fn a_file_that_breaks_extraction_is_an_error_naming_it_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "西南大学位于重庆市北碚区。\n").unwrap();
    std::fs::write(dir.path().join("boom.txt"), "这是一篇测试故障标记的文章。\n").unwrap();
    std::fs::write(dir.path().join("c.txt"), "绵阳市与北碚区缔结友好城市。\n").unwrap();
    let mut h = background_harness(Arc::new(FakeDialogs::default()));
    h.state_mut().load(vec![dir.path().to_path_buf()], true);
    step_until(&mut h, "load ended", |app| app.jobs.is_idle());
    h.step();
    assert!(h.query_by_label_contains("boom.txt").is_some(), "error does not name the file");
    assert!(h.query_by_label_contains("internal error").is_some());
    assert_eq!(h.state().graph.documents().len(), 2);
    assert!(!h.state().status.contains("Reading"), "status stuck at {}", h.state().status);
}

#[test]
fn an_add_asked_for_while_an_open_is_starting_lands_in_the_opened_graph() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    generated_corpus(&corpus, 12, 13);
    let extra = dir.path().join("extra.txt");
    std::fs::write(&extra, "西南大学位于重庆市北碚区。\n").unwrap();
    let mut h = background_harness(Arc::new(FakeDialogs::default()));
    h.state_mut().load(vec![corpus], true);
    h.state_mut().load(vec![extra.clone()], false);
    step_until(&mut h, "every job ended", |app| app.jobs.is_idle() && app.waiting_adds.is_empty());
    h.run_steps(5);
    let docs = h.state().graph.documents();
    assert!(docs.len() >= 12, "{} documents", docs.len());
    assert!(docs.iter().any(|d| d.record.path == extra.display().to_string()), "the added file was lost");
}

#[test]
fn dragging_a_node_after_the_layout_settled_runs_it_again_around_the_pin() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "北碚区与绵阳市缔结友好城市。西南大学位于北碚区，绵阳市委书记出席。\n").unwrap();
    let mut h = background_harness(Arc::new(FakeDialogs::default()));
    h.state_mut().load(vec![article], true);
    step_until(&mut h, "loaded and laid out", |app| {
        app.jobs.is_idle() && !app.graph.documents().is_empty() && app.layout_phase == zhitu::layout::Phase::Settled
    });
    let n = h.state().graph.find_by_name("北碚区").unwrap();
    assert!(h.state().position(n).is_some(), "no position after the layout");
    let other = h.state().graph.nodes().map(|(i, _)| i).find(|&i| i != n).unwrap();
    let before = h.state().position(other);
    let target = egui::pos2(500.0, -300.0);
    h.state_mut().push(super::Action::Pin(n, target));
    h.step();
    step_until(&mut h, "the layout ran again and settled", |app| {
        app.jobs.is_idle() && app.layout_phase == zhitu::layout::Phase::Settled
    });
    assert_eq!(h.state().position(n), Some(target), "the pinned node moved");
    assert_ne!(h.state().position(other), before, "the rest of the graph did not follow the pin");
}

/// The sample plus a generated corpus of `articles` articles, in the inline harness.
fn corpus_harness(articles: usize) -> (tempfile::TempDir, Harness<'static, ZhituApp>) {
    let dir = tempfile::tempdir().unwrap();
    generated_corpus(dir.path(), articles, 5);
    let mut h = harness(Arc::new(FakeDialogs::default()));
    h.state_mut().load(vec![dir.path().to_path_buf()], false);
    h.run();
    (dir, h)
}

fn assert_no_overlap(labels: &[zhitu::scene::DrawLabel]) {
    for (k, a) in labels.iter().enumerate() {
        for b in &labels[k + 1..] {
            assert!(!zhitu::scene::grid::overlaps(a.rect, b.rect), "{a:?} overlaps {b:?}");
        }
    }
}

#[test]
fn labels_on_a_corpus_never_overlap_the_main_entity_is_labelled_and_zooming_in_labels_more() {
    use zhitu::scene::LabelOf;
    let (_dir, mut h) = corpus_harness(40);
    let (top, name, out_ratio) = {
        let app = h.state();
        assert!(app.scene.nodes().len() > 300, "{} nodes", app.scene.nodes().len());
        let labels = &app.drawn.labels;
        assert!(labels.len() > 20, "{} labels", labels.len());
        assert_no_overlap(labels);
        let top = app.scene.by_importance()[0];
        assert!(labels.iter().any(|l| l.target == LabelOf::Node(top)), "the main entity has no label");
        (top, app.scene.nodes()[top as usize].label.clone(), labels.len() as f32 / app.drawn.nodes.len() as f32)
    };
    // a labelled node is a button an assistive technology (and a test) can click
    h.get_by_role_and_label(Role::Button, &name).click();
    h.run();
    assert_eq!(h.state().viewer.selection, Some(Selection::Node(h.state().scene.nodes()[top as usize].index)));
    // zoomed in, a larger share of what is on screen is labelled, still without overlap
    h.state_mut().viewer.selection = None;
    let view = &mut h.state_mut().viewer.view;
    view.zoom *= 6.0;
    view.follow = false;
    h.run();
    let app = h.state();
    assert_no_overlap(&app.drawn.labels);
    let in_ratio = app.drawn.labels.len() as f32 / app.drawn.nodes.len() as f32;
    assert!(in_ratio > out_ratio * 1.5, "zoomed in {in_ratio} vs out {out_ratio}");
}

/// Nodes within `hops` of `from` over every edge of the graph.
fn within(
    g: &zhitu::graph::KnowledgeGraph,
    from: petgraph::stable_graph::NodeIndex,
    hops: usize,
) -> Vec<petgraph::stable_graph::NodeIndex> {
    let mut seen = vec![from];
    let mut frontier = vec![from];
    for _ in 0..hops {
        let mut next = Vec::new();
        for n in frontier {
            for (m, _) in g.neighbours(n) {
                if !seen.contains(&m) {
                    seen.push(m);
                    next.push(m);
                }
            }
        }
        frontier = next;
    }
    seen.sort();
    seen
}

#[test]
fn a_selected_node_keeps_k_hops_bright_and_can_show_only_its_neighbourhood() {
    let mut h = harness(Arc::new(FakeDialogs::default()));
    h.get_by_role_and_label(Role::Button, "绵阳市").click();
    h.run();
    h.get_by_label("Filters").click();
    h.run();
    let n = h.state().graph.find_by_name("绵阳市").unwrap();
    let drawn_nodes = |app: &ZhituApp, bright_only: bool| {
        let mut v: Vec<_> = app
            .drawn
            .nodes
            .iter()
            .filter(|d| !bright_only || !d.dim)
            .map(|d| app.scene.nodes()[d.node as usize].index)
            .collect();
        v.sort();
        v
    };
    let mut sizes = Vec::new();
    for (k, label) in [(1, "1 hop"), (2, "2 hops"), (3, "3 hops")] {
        h.get_by_label(label).click();
        h.run();
        let app = h.state();
        assert_eq!(app.viewer.hops, k);
        let expected = within(&app.graph, n, usize::from(k));
        assert_eq!(drawn_nodes(app, true), expected, "{k} hops");
        assert_eq!(app.drawn.nodes.len(), app.graph.node_count(), "the rest is dimmed, not hidden");
        sizes.push(expected.len());
    }
    assert!(sizes[0] < sizes[1], "{sizes:?}");
    h.get_by_label("1 hop").click();
    h.run();
    h.get_by_label("Only this neighbourhood").click();
    h.run();
    let app = h.state();
    assert_eq!(drawn_nodes(app, false), within(&app.graph, n, 1));
}

#[test]
fn each_filter_changes_what_is_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let extra = dir.path().join("extra.txt");
    std::fs::write(&extra, "重庆嘉陵精密仪器有限公司董事长赵明远与西南大学签署合作协议。\n").unwrap();
    let mut h = harness(Arc::new(FakeDialogs::default()));
    h.state_mut().load(vec![extra], false);
    h.run();
    h.get_by_label("Filters").click();
    h.run();
    let counts = |h: &Harness<'static, ZhituApp>| (h.state().drawn.nodes.len(), h.state().drawn.edges.len());
    let all = counts(&h);
    assert_eq!(all, (h.state().graph.node_count(), h.state().graph.edge_count()));

    // kinds (top bar)
    h.get_by_label("Place 地点").click();
    h.run();
    assert!(counts(&h).0 < all.0);
    h.get_by_label("Place 地点").click();
    h.run();
    assert_eq!(counts(&h), all);

    // a relation type, and co-occurrence
    let typed = h.state().graph.edges().map(|(_, _, _, e)| e.kind.clone()).find(|k| k != "co_occurs").unwrap();
    h.get_by_label(&typed).click();
    h.run();
    assert!(counts(&h).1 < all.1, "hiding {typed}");
    h.get_by_label(&typed).click();
    h.get_by_label("co_occurs (same sentence)").click();
    h.run();
    assert!(counts(&h).1 < all.1);
    h.get_by_label("co_occurs (same sentence)").click();
    h.run();
    assert_eq!(counts(&h), all);

    // the article set: none, then only the first article
    h.get_by_label("None").click();
    h.run();
    assert_eq!(counts(&h), (0, 0));
    h.get_by_label("All").click();
    h.run();
    assert_eq!(counts(&h), all);
    let record = &h.state().graph.documents()[1].record;
    let name = if record.title.is_empty() { record.path.clone() } else { record.title.clone() };
    h.get_by_role_and_label(Role::CheckBox, &name).click();
    h.run();
    assert!(counts(&h).0 < all.0, "the added article's entities stay");

    // minimum mentions and degree (the sliders' values)
    h.get_by_label("All").click();
    h.state_mut().viewer.filter.min_mentions = 3;
    h.run();
    let few = counts(&h);
    assert!(few.0 < all.0 && few.0 > 0);
    h.state_mut().viewer.filter.min_mentions = 0;
    h.state_mut().viewer.filter.min_degree = 8;
    h.run();
    assert!(counts(&h).0 < all.0 && counts(&h).0 > 0);
}

#[test]
fn clicking_the_minimap_moves_the_view_there() {
    let mut h = harness(Arc::new(FakeDialogs::default()));
    let view = &mut h.state_mut().viewer.view;
    view.zoom *= 5.0;
    view.centre += egui::vec2(400.0, 300.0);
    view.follow = false;
    h.run();
    let before = h.state().viewer.view.centre;
    h.get_by_label("Minimap").click();
    h.run();
    let after = h.state().viewer.view.centre;
    let b = h.state().scene.bounds().unwrap();
    let middle = egui::vec2(f32::midpoint(b[0], b[2]), f32::midpoint(b[1], b[3]));
    assert!((after - middle).length() < (before - middle).length() / 4.0, "{before:?} -> {after:?}, middle {middle:?}");
}

#[test]
fn colour_by_community_size_by_pagerank_and_the_ranking_selects() {
    let mut h = harness(Arc::new(FakeDialogs::default()));
    h.run();
    assert!(h.state().analysis.is_some(), "the analysis did not run");
    h.get_by_label("Filters").click();
    h.run();
    h.get_by_label("community").click();
    h.get_by_label("PageRank").click();
    h.run();
    let app = h.state();
    assert!(app.scene.nodes().iter().all(|n| n.group.is_some()), "not coloured by community");
    let beibei = app.scene.dense(app.graph.find_by_name("北碚区").unwrap()).unwrap();
    let biggest = app.scene.nodes().iter().map(|n| n.size).fold(0.0f32, f32::max);
    assert!((app.scene.nodes()[beibei as usize].size - biggest).abs() < 1e-6, "北碚区 is not the biggest by PageRank");
    // the ranking lists 北碚区 first; clicking it selects it
    h.get_by_label("Filters").click();
    h.run();
    assert!(h.query_by_label_contains("communities, modularity").is_some());
    h.get_by_role_and_label(Role::Button, "1. 北碚区").click();
    h.run();
    let n = h.state().graph.find_by_name("北碚区").unwrap();
    assert_eq!(h.state().viewer.selection, Some(Selection::Node(n)));
}

#[test]
fn the_path_tool_finds_a_path_with_evidence() {
    let mut h = harness(Arc::new(FakeDialogs::default()));
    h.get_by_role_and_label(Role::Button, "绵阳市").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Other end").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Other end").type_text("京东方");
    h.run();
    assert_eq!(h.state().viewer.path_query, "京东方");
    h.get_by_label("path to 京东方").click();
    h.run();
    let app = h.state();
    let path = app.viewer.path.clone().expect("no path");
    assert_eq!(path.from, app.graph.find_by_name("绵阳市").unwrap());
    assert_eq!(*path.nodes.last().unwrap(), app.graph.find_by_name("京东方").unwrap());
    assert!(path.nodes.len() >= 3, "{path:?}");
    assert!(h.query_by_label_contains("hop(s) to 京东方").is_some());
    // the path's nodes are marked on the canvas
    let marked: Vec<_> =
        app.drawn.nodes.iter().filter(|d| d.marked).map(|d| app.scene.nodes()[d.node as usize].index).collect();
    assert!(path.nodes.iter().all(|n| marked.contains(n)), "{marked:?}");
}

#[test]
fn the_timeline_hides_articles_outside_its_range() {
    let dir = tempfile::tempdir().unwrap();
    let later = dir.path().join("later.txt");
    std::fs::write(
        &later,
        "合作签约\n2021-03-02 来源：测试网\n重庆嘉陵精密仪器有限公司董事长赵明远与西南大学签署合作协议。\n",
    )
    .unwrap();
    let mut h = harness(Arc::new(FakeDialogs::default()));
    h.state_mut().load(vec![later], false);
    h.run();
    let all = h.state().drawn.nodes.len();
    let axis = h.state_mut().timeline_axis();
    assert!(axis.len() >= 2 && axis.bins[axis.len() - 1].label.starts_with("2021"), "{axis:?}");
    // only the first bin: the later article's own entities go
    h.state_mut().viewer.timeline = Some((0, 0));
    h.run();
    let first = h.state().drawn.nodes.len();
    assert!(first < all, "{first} of {all}");
    assert!(h.state().scene.dense(h.state().graph.find_by_name("赵明远").unwrap()).is_none());
    // Play starts from the first bin and ends with everything shown
    h.get_by_label("Filters").click();
    h.run();
    h.get_by_label("Play").click();
    h.run();
    assert!(h.state().viewer.playing.is_some());
}

#[test]
fn the_map_layout_puts_places_at_their_coordinates() {
    let mut h = harness(Arc::new(FakeDialogs::default()));
    h.state_mut().push(super::Action::MapLayout(true));
    h.run();
    h.run();
    let app = h.state();
    let at = |name: &str| app.position(app.graph.find_by_name(name).unwrap()).unwrap();
    // 绵阳 lies west and north of 北碚
    let (mianyang, beibei) = (at("绵阳市"), at("北碚区"));
    assert!(mianyang.x < beibei.x && mianyang.y < beibei.y, "{mianyang:?} {beibei:?}");
    // and the other nodes were placed too
    assert!(app.graph.nodes().all(|(i, _)| app.position(i).is_some()));
}

/// Nodes named (label or alias) `name`.
fn named(app: &ZhituApp, name: &str) -> Vec<petgraph::stable_graph::NodeIndex> {
    app.graph.nodes().filter(|(_, n)| n.is_named(name)).map(|(i, _)| i).collect()
}

/// Asks the window to merge the node named `absorb` into the one named `keep`.
fn merge_by_name(h: &mut Harness<'static, ZhituApp>, keep: &str, absorb: &str) {
    let (keep, absorb) = {
        let g = &h.state().graph;
        let key = |name: &str| g.node(g.find_by_name(name).unwrap()).unwrap().key.to_string();
        (key(keep), key(absorb))
    };
    h.state_mut().push(super::Action::Edit(Box::new(zhitu::graph::model::EditOp::Merge {
        keep,
        absorb,
        absorbed: None,
    })));
}

/// Selects a node (as search does) and opens its *Correct* section.
fn correct(h: &mut Harness<'static, ZhituApp>, name: &str) {
    let n = h.state().graph.find_by_name(name).unwrap();
    h.state_mut().push(super::Action::Focus(n));
    h.run();
    // the selection is applied at the end of a frame: more draw its panel
    h.step();
    h.run();
    h.get_by_label("Correct").click();
    h.run();
    assert!(h.query_by_label("Note (why)").is_some(), "the Correct section did not open");
}

#[test]
fn merging_two_nodes_in_the_window_then_undo_and_redo() {
    let mut h = harness(Arc::new(FakeDialogs::default()));
    let nodes = h.state().graph.node_count();
    correct(&mut h, "西南大学");
    let field = h.get_by_role_and_label(Role::TextInput, "Merge another node into this one");
    field.click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Merge another node into this one").type_text("京东方");
    h.run();
    h.get_by_label("Merge 京东方 into 西南大学").click();
    h.run();
    let app = h.state();
    assert_eq!(app.graph.node_count(), nodes - 1);
    assert_eq!(named(app, "京东方"), named(app, "西南大学"), "one node is called both");
    assert_eq!(app.graph.edits().len(), 1);

    // Ctrl+Z undoes, Ctrl+Shift+Z redoes
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().graph.node_count(), nodes);
    assert_eq!(named(h.state(), "京东方").len(), 1);
    assert_ne!(named(h.state(), "京东方"), named(h.state(), "西南大学"));
    assert!(h.state().graph.edits().is_empty());
    h.key_press_modifiers(egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT), egui::Key::Z);
    h.run();
    assert_eq!(h.state().graph.node_count(), nodes - 1);

    // the history lists it; Edit ▸ Undo works too
    h.state_mut().viewer.show_history = true;
    h.run();
    assert!(h.query_by_label("1. merge 京东方 into 西南大学").is_some());
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Undo").click();
    h.run();
    assert_eq!(h.state().graph.node_count(), nodes);
}

#[test]
fn splitting_mentions_off_a_node_in_the_window() {
    let mut h = harness_sized(Arc::new(FakeDialogs::default()), egui::vec2(1280.0, 1600.0));
    let n = h.state().graph.find_by_name("绵阳市").unwrap();
    let mentions = h.state().graph.node(n).unwrap().mentions.len();
    assert!(mentions >= 2);
    correct(&mut h, "绵阳市");
    // the first mention's check box (its text, then its sentence)
    let first = h.state().graph.node(n).unwrap().mentions[0];
    let label = {
        let d = &h.state().graph.documents()[first.doc];
        let short: String = d.slice(d.sentence_around(first.span)).chars().take(28).collect();
        format!("{}: {short}", d.slice(first.span))
    };
    h.get_by_role_and_label(Role::CheckBox, &label).click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "New name").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "New name").type_text("绵阳新城");
    h.run();
    h.get_by_role_and_label(Role::Button, "Split off").click();
    h.run();
    let app = h.state();
    let new = app.graph.find_by_name("绵阳新城").expect("the split-off node");
    assert_eq!(app.graph.node(new).unwrap().mentions, vec![first]);
    assert_eq!(app.graph.node(n).unwrap().mentions.len(), mentions - 1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(h.state().graph.find_by_name("绵阳新城").is_none());
    assert_eq!(h.state().graph.node(n).unwrap().mentions.len(), mentions);
}

#[test]
fn a_merge_survives_adding_an_article_that_mentions_both() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("later.txt");
    std::fs::write(&article, "校企合作\n京东方与西南大学签署战略合作协议，京东方将在西南大学设立联合实验室。\n")
        .unwrap();
    let mut h = harness(Arc::new(FakeDialogs::default()));
    merge_by_name(&mut h, "西南大学", "京东方");
    h.run();
    assert_eq!(named(h.state(), "京东方"), named(h.state(), "西南大学"));
    h.state_mut().load(vec![article], false);
    h.run();
    let app = h.state();
    assert_eq!(app.graph.documents().len(), 2);
    assert_eq!(named(app, "京东方").len(), 1, "the new article's 京东方 is a node of its own again");
    assert_eq!(named(app, "京东方"), named(app, "西南大学"));
    assert!(app.stale_edits.is_empty());
}

#[test]
fn an_autosave_appears_and_a_restart_after_a_crash_offers_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let opts =
        AppOptions { data_dir: Some(dir.path().to_path_buf()), autosave_every: std::time::Duration::ZERO, ..options() };
    let mut h = harness_with(Arc::new(FakeDialogs::default()), egui::vec2(1280.0, 800.0), opts.clone());
    let autosave = dir.path().join("autosave.json");
    assert!(autosave.is_file(), "no autosave after loading");
    merge_by_name(&mut h, "西南大学", "京东方");
    h.run();
    h.run();
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&autosave).unwrap()).unwrap();
    assert_eq!(saved["edits"].as_array().map(Vec::len), Some(1), "the edit is not in the autosave");
    let nodes = h.state().graph.node_count();
    // the window's process is gone without closing it (a crash): its marker names a dead pid
    drop(h);
    std::fs::write(dir.path().join("running"), "4000000000").unwrap();
    let mut h = harness_with(Arc::new(FakeDialogs::default()), egui::vec2(1280.0, 800.0), opts.clone());
    assert!(h.query_by_label_contains("did not close cleanly").is_some(), "no offer after a crash");
    h.run();
    h.get_by_role_and_label(Role::Button, "Restore").click();
    h.run();
    h.run();
    let app = h.state();
    assert_eq!(app.graph.node_count(), nodes);
    assert_eq!(app.graph.edits().len(), 1);
    assert_eq!(named(app, "京东方"), named(app, "西南大学"));
    assert!(app.restore_offer.is_none());
    // a clean exit: the next start offers nothing
    h.state_mut().on_close();
    drop(h);
    let h = harness_with(Arc::new(FakeDialogs::default()), egui::vec2(1280.0, 800.0), opts);
    assert!(h.query_by_label_contains("did not close cleanly").is_none());
}

#[test]
fn a_saved_session_reopens_with_its_edits_and_view() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("work.json");
    let dialogs = Arc::new(FakeDialogs::default());
    let mut h = harness(Arc::clone(&dialogs));
    let n = h.state().graph.find_by_name("绵阳市").unwrap();
    h.state_mut().push(super::Action::Focus(n));
    h.run();
    h.state_mut().viewer.hops = 3;
    h.state_mut().viewer.filter.min_mentions = 2;
    let key = h.state().graph.node(n).unwrap().key.to_string();
    h.state_mut().push(super::Action::Edit(Box::new(zhitu::graph::model::EditOp::Rename {
        node: key,
        label: "绵阳".into(),
        from: String::new(),
    })));
    h.run();
    h.state_mut().push(super::Action::Select(Some(Selection::Node(n))));
    h.run();
    *dialogs.save.lock().unwrap() = Some(file.clone());
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Save session").click();
    h.run();
    h.run();
    assert!(file.is_file());

    let mut h = harness(Arc::new(FakeDialogs::default()));
    h.state_mut().load(vec![file], true);
    h.run();
    h.run();
    let app = h.state();
    let n = app.graph.find_by_name("绵阳").unwrap();
    assert_eq!(app.graph.node(n).unwrap().label, "绵阳");
    assert_eq!(app.graph.edits().len(), 1);
    assert_eq!(app.viewer.selection, Some(Selection::Node(n)));
    assert_eq!((app.viewer.hops, app.viewer.filter.min_mentions), (3, 2));
    assert!(app.graph.extra_field("session").is_none(), "the view stays out of the graph");
}

#[test]
fn bad_files_in_a_batch_are_named_and_the_graph_with_its_edits_stays() {
    let dir = tempfile::tempdir().unwrap();
    let bad: [(&str, &[u8]); 5] = [
        ("empty.txt", b""),
        ("binary.txt", &[0, 1, 2, 0xff, 0, 0, 9, 0]),
        ("truncated.json", br#"{"format": "zhitu-graph", "version": 1, "nodes": ["#),
        ("future.json", br#"{"format": "zhitu-graph", "version": 9}"#),
        ("nav.html", b"<html><body><nav><a href='/'>home</a></nav></body></html>"),
    ];
    for (name, bytes) in bad {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let mut h = harness(Arc::new(FakeDialogs::default()));
    let key = {
        let g = &h.state().graph;
        g.node(g.find_by_name("绵阳市").unwrap()).unwrap().key.to_string()
    };
    h.state_mut().push(super::Action::Edit(Box::new(zhitu::graph::model::EditOp::HideNode { node: key })));
    // the graph's content and edits, without the positions the view writes into it when it
    // likes (they are the layout's, not what the batch may change)
    let content = |g: &zhitu::graph::KnowledgeGraph| {
        let mut v: serde_json::Value = serde_json::from_str(&zhitu::export::json::to_string(g)).unwrap();
        for node in v["nodes"].as_array_mut().unwrap() {
            let node = node.as_object_mut().unwrap();
            node.remove("x");
            node.remove("y");
        }
        v
    };
    let settled = |app: &ZhituApp| app.jobs.is_idle() && app.layout_phase == zhitu::layout::Phase::Settled;
    step_until(&mut h, "the sample laid out", settled);
    let before = content(&h.state().graph);
    h.state_mut().load(vec![dir.path().to_path_buf(), dir.path().join("deleted.txt")], false);
    h.run();
    h.run();
    step_until(&mut h, "the batch read", settled);
    let app = h.state();
    assert_eq!(app.errors.len(), 6, "{:?}", app.errors);
    for name in ["empty.txt", "binary.txt", "truncated.json", "future.json", "nav.html", "deleted.txt"] {
        assert!(app.errors.iter().any(|e| e.contains(name)), "{name} not named: {:?}", app.errors);
    }
    assert_eq!(content(&app.graph), before, "the graph or its edits changed");
    assert!(h.query_by_label_contains("truncated.json").is_some());
}
