//! The desktop window (eframe/egui): the graph canvas, the details side panel, search and kind
//! filters, file dialogs and background jobs.
//!
//! Data never depends on the UI. The window's state is in three parts: [`Settings`] (kept between
//! runs), the [`Viewer`] (camera, selection, hover, search) and the graph with its layout. Widgets,
//! the canvas included, emit [`Action`]s during a frame, and the actions are applied after it.
//! Loading, exporting and file dialogs are jobs of one queue ([`jobs`]) with ids, progress and
//! cancel; the layout is such a job too: it seeds and runs off the UI thread and sends snapshots
//! of the positions, and a restart supersedes the running layout.

mod canvas;
mod dialogs;
mod edits;
mod filters;
mod fonts;
mod jobs;
mod panel;
mod session;
mod settings;
mod timeline;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;

use egui::{Key, KeyboardShortcut, Modifiers, Pos2, Vec2};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use zhitu::extract::{EntityKind, Extractor, HybridExtractor};
use zhitu::graph::KnowledgeGraph;
use zhitu::layout::{DEFAULT_SEED, ForceLayout, LayoutInput, Params, Phase};
use zhitu::pipeline::{self, BuildOptions, LoadError, Loaded, Progress};
use zhitu::scene::{Appearance, Filter, Scene, kind_index};

use jobs::{JobContext, JobId, JobInfo, JobKind, Jobs, Outcome};
pub use settings::Settings;

pub use dialogs::{FileDialogs, Purpose, RfdDialogs};

const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const EXPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);

/// Opens the window on the given files, or on the bundled sample when there are none.
pub fn run(files: Vec<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("知图 Zhitu")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "zhitu",
        options,
        Box::new(move |cc| {
            let settings: Settings = cc.storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default();
            let options = AppOptions { data_dir: eframe::storage_dir("zhitu"), ..AppOptions::default() };
            let mut app = ZhituApp::new(&cc.egui_ctx, options, Arc::new(RfdDialogs)).with_settings(settings);
            if files.is_empty() {
                app.load_sample();
            } else {
                app.load(files, true);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

/// How the app runs: the real window uses threads and system fonts; tests run everything inline
/// with the embedded font only, so frames are deterministic.
#[derive(Debug, Clone)]
pub struct AppOptions {
    pub background: bool,
    pub system_fonts: bool,
    pub seed: u64,
    /// Where autosaves go (the platform's data directory); `None`: no autosave.
    pub data_dir: Option<PathBuf>,
    /// How often the graph is autosaved when it changed.
    pub autosave_every: std::time::Duration,
}

impl Default for AppOptions {
    fn default() -> Self {
        Self {
            background: true,
            system_fonts: true,
            seed: DEFAULT_SEED,
            data_dir: None,
            autosave_every: std::time::Duration::from_mins(1),
        }
    }
}

/// What is selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    Node(NodeIndex),
    Edge(EdgeIndex),
}

/// Things widgets ask for; applied after the frame.
#[derive(Debug, Clone)]
pub enum Action {
    Select(Option<Selection>),
    /// Select a node and centre the view on it.
    Focus(NodeIndex),
    /// The pointer is over this node (or none).
    Hover(Option<NodeIndex>),
    /// The camera moved (pan, zoom, or fitting the graph).
    SetView(View),
    Dialog(Purpose),
    Load {
        paths: Vec<PathBuf>,
        replace: bool,
    },
    Export(PathBuf),
    SaveSession(PathBuf),
    /// Open the autosave a window that did not exit cleanly left, or forget it.
    RestoreAutosave(bool),
    FitView,
    Relayout,
    DismissErrors,
    CancelPrompt,
    /// Stop every running load; what has been merged stays.
    CancelLoads,
    Pin(NodeIndex, Pos2),
    /// Stop the layout and keep the map where it is (new nodes settle around it), or let it
    /// move again.
    Freeze(bool),
    /// Find the shortest path between two nodes (preferring typed relations).
    FindPath(NodeIndex, NodeIndex),
    /// Switch between the force layout and the map layout.
    MapLayout(bool),
    /// An analyst's correction (`zhitu::curate`), with the note typed for it.
    Edit(Box<zhitu::graph::model::EditOp>),
    Undo,
    Redo,
    /// Show a hidden node or edge again (the hide at this place of the edit log).
    Unhide(usize),
}

/// The pan and zoom of the canvas: world point at the canvas centre, and pixels per unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub centre: Vec2,
    pub zoom: f32,
    /// Keep fitting the whole graph while the layout moves, until the user pans or zooms.
    pub follow: bool,
}

impl Default for View {
    fn default() -> Self {
        Self { centre: Vec2::ZERO, zoom: 1.0, follow: true }
    }
}

/// What the user is looking at: camera, selection, hover, search, focus depth and filters. Not
/// persisted (the kind filters are, in [`Settings`]).
#[derive(Debug, Clone)]
#[allow(clippy::struct_excessive_bools)] // independent toggles of the view
pub struct Viewer {
    pub view: View,
    pub selection: Option<Selection>,
    pub hovered: Option<NodeIndex>,
    pub search: String,
    focus_search: bool,
    /// Hops around the selected (or hovered) node that stay bright: 1–3.
    pub hops: u8,
    /// Draw only the selected node's neighbourhood.
    pub only_neighbourhood: bool,
    /// What the canvas shows (its `kinds` come from the settings).
    pub filter: Filter,
    pub show_filters: bool,
    /// Colour by kind or community, size by mentions, degree or `PageRank`.
    pub appearance: Appearance,
    /// The path tool: what is typed to find the other end, and the path found.
    pub path_query: String,
    pub path: Option<PathResult>,
    /// The timeline: the range of bins shown (indexes into the bins of the articles' time
    /// axis), and whether it plays.
    pub timeline: Option<(usize, usize)>,
    pub playing: Option<std::time::Instant>,
    /// Places at their coordinates, the rest pulled toward them (instead of the force layout).
    pub map: bool,
    /// Nodes the user dragged into place: they stay there when the layout runs again.
    pub pinned: std::collections::BTreeSet<NodeIndex>,
    /// The *Correct* section's fields, and whether the history panel is open.
    pub edit: edits::EditForm,
    pub show_correct: bool,
    pub show_history: bool,
}

/// A shortest path between two nodes (empty when they are not connected).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathResult {
    pub from: NodeIndex,
    pub to: NodeIndex,
    pub nodes: Vec<NodeIndex>,
}

impl Default for Viewer {
    fn default() -> Self {
        Self {
            view: View::default(),
            selection: None,
            hovered: None,
            search: String::new(),
            focus_search: false,
            hops: 1,
            only_neighbourhood: false,
            filter: Filter::default(),
            show_filters: false,
            appearance: Appearance::default(),
            path_query: String::new(),
            path: None,
            timeline: None,
            playing: None,
            map: false,
            pinned: std::collections::BTreeSet::new(),
            edit: edits::EditForm::default(),
            show_correct: false,
            show_history: false,
        }
    }
}

/// A path typed by hand when no dialog answered.
#[derive(Debug, Clone)]
struct PathPrompt {
    purpose: Purpose,
    text: String,
}

/// A load job's progress through its batches.
#[derive(Debug, Clone, Copy)]
struct LoadState {
    replace: bool,
    /// For an Open: whether its first good file has replaced the old graph yet.
    replaced: bool,
    ok: usize,
    failed: usize,
}

/// A node of the layout problem (by its index there) held at a position.
type Pin = (usize, [f32; 2]);

/// Layout units per degree of longitude or latitude in the map layout.
const MAP_SCALE: f64 = 120.0;

/// While files are merging, the layout restarts at most this often (and once at the end).
const RELAYOUT_EVERY: std::time::Duration = std::time::Duration::from_millis(400);

/// Files per batch a load job sends to the window (or fewer, every [`BATCH_TIME`]).
const BATCH_FILES: usize = 64;
const BATCH_TIME: std::time::Duration = std::time::Duration::from_millis(150);

/// The application: persisted settings, the viewer, the graph with its layout, and the job queue.
pub struct ZhituApp {
    ctx: egui::Context,
    options: AppOptions,
    /// Kept between runs (eframe storage).
    pub settings: Settings,
    pub viewer: Viewer,
    /// Shared with a running export (copy-on-write: changing the graph while an export still
    /// reads it copies it once, instead of every export copying it on the UI thread).
    pub graph: Arc<KnowledgeGraph>,
    /// Bumped whenever the graph's nodes or edges change, and whenever positions change.
    graph_version: u64,
    positions_version: u64,
    /// What the canvas draws: the graph as filtered, with positions; rebuilt when the graph or
    /// the filter changes, its positions when they move.
    pub scene: Scene,
    scene_of: Option<(u64, Filter, Appearance, u64)>,
    /// Communities and centrality, and the graph version they were computed for; the job
    /// computing them for a newer version.
    pub analysis: Option<(u64, Arc<zhitu::analyze::Analysis>)>,
    analysis_job: Option<(JobId, u64)>,
    scene_positions: u64,
    /// The articles' time axis, and the graph version it is of.
    timeline_axis: Option<(u64, Arc<zhitu::scene::timeline::Timeline>)>,
    /// Autosaves: where, and the graph version and time of the last one.
    autosave: Option<session::Autosave>,
    autosaved: (u64, std::time::Instant),
    /// An autosave left by a window that did not exit cleanly, offered back, and when it was
    /// written (read once, as the offer is made).
    pub restore_offer: Option<(PathBuf, String)>,
    /// Edits undone, newest last, for Redo (cleared by a new edit).
    pub redo: Vec<zhitu::graph::model::EditRecord>,
    /// Logged edits that no longer apply to the graph, found when it last changed.
    pub stale_edits: Vec<zhitu::curate::Stale>,
    /// The map is frozen: the layout does not move placed nodes.
    pub frozen: bool,
    /// What the canvas drew last frame.
    pub drawn: zhitu::scene::Frame,
    /// Node order of the current layout problem, and each node's position in world units.
    layout_nodes: Vec<NodeIndex>,
    positions: HashMap<NodeIndex, Pos2>,
    layout_phase: Phase,
    /// The running layout job, and where pins for it wait to be picked up.
    layout_job: Option<JobId>,
    layout_pins: Arc<std::sync::Mutex<Vec<Pin>>>,
    /// The graph changed since the layout last restarted, and when the layout last restarted.
    layout_stale: bool,
    layout_restarted: Option<std::time::Instant>,
    pub errors: Vec<String>,
    pub status: String,
    dialogs: Arc<dyn FileDialogs>,
    extractor: Arc<dyn Extractor>,
    prompt: Option<PathPrompt>,
    jobs: Jobs,
    loads: HashMap<JobId, LoadState>,
    /// Adds asked for while an Open had not replaced the graph yet; they start when it ends.
    waiting_adds: Vec<Vec<PathBuf>>,
    actions: Vec<Action>,
}

impl ZhituApp {
    /// A window state with an empty graph.
    pub fn new(ctx: &egui::Context, options: AppOptions, dialogs: Arc<dyn FileDialogs>) -> Self {
        install_style(ctx, options.system_fonts);
        let repaint = ctx.clone();
        let background = options.background;
        // a window is running here now; the last one's autosave is offered if it crashed
        let autosave = options.data_dir.clone().map(|dir| session::Autosave { dir });
        let restore_offer = autosave.as_ref().and_then(session::Autosave::start).map(|path| {
            let when = std::fs::metadata(&path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or_else(String::new, |d| {
                    format!(" (saved {})", zhitu::date::rfc3339(d.as_secs()).replace('T', " "))
                });
            (path, when)
        });
        Self {
            ctx: ctx.clone(),
            options,
            settings: Settings::default(),
            viewer: Viewer::default(),
            graph: Arc::new(KnowledgeGraph::new()),
            graph_version: 0,
            positions_version: 0,
            scene: Scene::default(),
            scene_of: None,
            analysis: None,
            analysis_job: None,
            scene_positions: 0,
            timeline_axis: None,
            autosave,
            autosaved: (0, std::time::Instant::now()),
            restore_offer,
            redo: Vec::new(),
            stale_edits: Vec::new(),
            frozen: false,
            drawn: zhitu::scene::Frame::default(),
            layout_nodes: Vec::new(),
            positions: HashMap::new(),
            layout_phase: Phase::Settled,
            layout_job: None,
            layout_pins: Arc::default(),
            layout_stale: false,
            layout_restarted: None,
            errors: Vec::new(),
            status: String::new(),
            dialogs,
            extractor: Arc::new(HybridExtractor),
            prompt: None,
            jobs: Jobs::new(background, Arc::new(move || repaint.request_repaint())),
            loads: HashMap::new(),
            waiting_adds: Vec::new(),
            actions: Vec::new(),
        }
    }

    /// Uses another extractor for the files loaded from now on (tests).
    #[cfg(test)]
    #[must_use]
    pub fn with_extractor(mut self, extractor: Arc<dyn Extractor>) -> Self {
        self.extractor = extractor;
        self
    }

    /// Starts with these settings (restored from the last run).
    #[must_use]
    pub fn with_settings(mut self, settings: Settings) -> Self {
        self.settings = settings;
        self
    }

    /// Loads the article bundled with the binary.
    pub fn load_sample(&mut self) {
        self.start_load(true, zhitu::SAMPLE_NAME.to_owned(), move |job, extractor| {
            let item = pipeline::load_bytes(zhitu::SAMPLE_NAME, zhitu::SAMPLE_ARTICLE, extractor.as_ref());
            job.send(Outcome::Files(vec![(zhitu::SAMPLE_NAME.to_owned(), item)]));
        });
    }

    /// Loads files (articles, graphs, folders): replacing the graph (Open) or adding to it. Runs
    /// as a job: folders are listed, files read and extracted on the worker pool, and batches of
    /// results merge into the graph as they arrive. A newer Open supersedes any load still
    /// running.
    pub fn load(&mut self, paths: Vec<PathBuf>, replace: bool) {
        if paths.is_empty() {
            return;
        }
        self.settings.remember(&paths);
        if !replace && self.loads.values().any(|l| l.replace && !l.replaced) {
            // an Open has not replaced the graph yet: adding now would add to the graph it drops
            self.status = format!("Will add {} input(s) when the open finishes.", paths.len());
            self.waiting_adds.push(paths);
            return;
        }
        let label = match paths.as_slice() {
            [one] => one.display().to_string(),
            many => format!("{} inputs", many.len()),
        };
        self.start_load(replace, label, move |job, extractor| read_files(job, extractor.as_ref(), &paths));
    }

    fn start_load(
        &mut self,
        replace: bool,
        label: String,
        work: impl FnOnce(&JobContext, Arc<dyn Extractor>) + Send + 'static,
    ) {
        if replace {
            // a newer Open makes every load still running (and every Add waiting) stale
            self.jobs.cancel_where(|j| matches!(j.kind, JobKind::Load { .. }));
            self.loads.clear();
            self.waiting_adds.clear();
        }
        self.status = format!("Reading {label}…");
        let extractor = Arc::clone(&self.extractor);
        let id = self.jobs.spawn(JobKind::Load { replace }, label, move |job| work(job, extractor));
        self.loads.insert(id, LoadState { replace, replaced: false, ok: 0, failed: 0 });
    }

    /// Takes what jobs reported since the last frame.
    fn poll_jobs(&mut self) {
        for event in self.jobs.poll() {
            match event.outcome {
                Outcome::Files(items) => self.merge_files(event.job, items),
                Outcome::ListingErrors(errors) => {
                    self.errors.extend(errors.iter().map(|e| format!("Could not open {e}")));
                }
                Outcome::Progress(_) => {}
                Outcome::Exported(Ok(path)) => self.status = format!("Exported {}", path.display()),
                Outcome::Exported(Err(e)) => self.errors.push(e),
                Outcome::Answer(paths) => {
                    if let JobKind::Dialog(purpose) = event.kind {
                        self.on_dialog_answer(purpose, paths);
                    }
                }
                Outcome::Positions { positions, settled } => self.take_positions(event.job, &positions, settled),
                Outcome::Analysis { version, analysis } => {
                    if self.analysis_job.is_some_and(|(id, _)| id == event.job) {
                        self.analysis_job = None;
                    }
                    if version == self.graph_version {
                        self.analysis = Some((version, Arc::from(analysis)));
                    }
                }
                Outcome::Panicked(message) => self.errors.push(message),
                Outcome::Finished { cancelled } => self.finish_load(event.job, cancelled),
            }
        }
    }

    /// Merges a batch of a load job's files, in order. An Open replaces the old graph with its
    /// first file that loads; a failed file is reported and changes nothing.
    fn merge_files(&mut self, job: JobId, items: Vec<(String, Result<Loaded, LoadError>)>) {
        let Some(mut state) = self.loads.get(&job).copied() else { return };
        let merged_before = state.ok;
        for (path, result) in items {
            let loaded = match result {
                Ok(item) => item,
                Err(e) => {
                    state.failed += 1;
                    self.errors.push(format!("Could not open {e}"));
                    continue;
                }
            };
            if state.replace && !state.replaced {
                let mut fresh = KnowledgeGraph::new();
                match pipeline::merge(&mut fresh, &path, loaded) {
                    Ok(()) => {
                        state.replaced = true;
                        state.ok += 1;
                        self.graph = Arc::new(fresh);
                        self.viewer.selection = None;
                        self.viewer.hovered = None;
                        self.viewer.view = View::default();
                        self.positions.clear();
                        self.layout_nodes.clear();
                        self.positions_version += 1;
                        // article indexes, months and paths belong to the old graph
                        self.viewer.filter.hidden_documents.clear();
                        self.viewer.timeline = None;
                        self.timeline_axis = None;
                        self.viewer.playing = None;
                        self.viewer.path = None;
                        self.redo.clear();
                        self.stale_edits.clear();
                        self.viewer.pinned.clear();
                    }
                    Err(e) => {
                        state.failed += 1;
                        self.errors.push(format!("Could not open {e}"));
                    }
                }
                continue;
            }
            match pipeline::merge(Arc::make_mut(&mut self.graph), &path, loaded) {
                Ok(()) => state.ok += 1,
                Err(e) => {
                    state.failed += 1;
                    self.errors.push(format!("Could not open {e}"));
                }
            }
        }
        self.loads.insert(job, state);
        // a batch of files that all failed changes nothing: not the graph, not its layout
        if state.ok == merged_before {
            return;
        }
        // the analyst's edits hold for what just arrived (and those of an opened file apply)
        if !self.graph.edits().is_empty() {
            let was = self.stale_edits.len();
            self.stale_edits = zhitu::curate::reapply(Arc::make_mut(&mut self.graph));
            if self.stale_edits.len() > was {
                self.errors.push(format!(
                    "{} of the graph's edits no longer apply (its nodes are gone): see Edit ▸ History of edits.",
                    self.stale_edits.len()
                ));
            }
        }
        self.layout_stale = true;
        self.graph_version += 1;
    }

    fn finish_load(&mut self, job: JobId, cancelled: bool) {
        let Some(state) = self.loads.remove(&job) else { return };
        self.status = match (state.ok, cancelled) {
            (0, false) => "Nothing loaded; the graph is unchanged.".to_owned(),
            (0, true) => "Cancelled; the graph is unchanged.".to_owned(),
            (n, false) => format!("Loaded {n} file(s)."),
            (n, true) => format!("Cancelled after {n} file(s); they stay in the graph."),
        };
        if state.failed > 0 {
            let _ = write!(self.status, " {} could not be read.", state.failed);
        }
        if state.ok > 0 {
            self.restart_layout();
        }
        // an opened session brings its view back (the field is the view's, not the graph's; a
        // session added to a graph, or opened with other files, brings only its graph)
        let view = session::view_in(&self.graph).filter(|_| state.replace && state.ok == 1);
        if self.graph.extra_field(session::FIELD).is_some() {
            Arc::make_mut(&mut self.graph).take_extra_field(session::FIELD);
        }
        if let Some(view) = view {
            // the view's range is of this graph's axis, not of the one before
            self.timeline_axis = None;
            view.restore(&self.graph, &mut self.viewer);
            self.settings.visible_kinds = view.kinds;
            if view.frozen {
                self.apply(Action::Freeze(true));
            }
            let _ = write!(self.status, " Session view restored.");
        }
        if state.replace {
            for paths in std::mem::take(&mut self.waiting_adds) {
                self.load(paths, false);
            }
        }
    }

    /// Writes the current positions into the graph (so exports and relayouts start from them).
    fn store_positions(&mut self) {
        let g = Arc::make_mut(&mut self.graph);
        for (&n, p) in &self.positions {
            g.set_position(n, [f64::from(p.x), f64::from(p.y)]);
        }
    }

    /// Restarts the layout if the graph changed, at most every [`RELAYOUT_EVERY`] while files
    /// keep merging.
    fn relayout_if_stale(&mut self) {
        let due = self.layout_restarted.is_none_or(|t| t.elapsed() >= RELAYOUT_EVERY);
        if self.layout_stale && due {
            self.restart_layout();
        }
    }

    /// Starts the layout over on the current graph, as a job that supersedes the running one;
    /// nodes with positions keep them as a start. The job seeds the new nodes and runs the
    /// layout, sending the positions about sixty times a second; new nodes appear with its first
    /// snapshot. `pins` are held from the start (a node dragged while no layout ran).
    fn restart_layout_with(&mut self, pins: Vec<Pin>) {
        self.store_positions();
        let input = LayoutInput::from_graph(&self.graph);
        self.layout_stale = false;
        self.layout_restarted = Some(std::time::Instant::now());
        self.layout_nodes.clone_from(&input.nodes);
        if let Some(old) = self.layout_job.take() {
            self.jobs.cancel(old);
        }
        self.layout_pins = Arc::new(std::sync::Mutex::new(pins));
        let inbox = Arc::clone(&self.layout_pins);
        let seed = self.options.seed;
        let frozen = self.frozen;
        self.layout_phase = Phase::Running;
        if !self.options.background {
            self.viewer.view.follow = true;
        }
        let label = format!("layout of {} nodes", input.nodes.len());
        self.layout_job =
            Some(self.jobs.spawn(JobKind::Layout, label, move |job| run_layout(job, &input, seed, frozen, &inbox)));
    }

    fn restart_layout(&mut self) {
        let mut pins = if self.viewer.map { self.map_pins() } else { Vec::new() };
        // the user's pins hold where they were dropped
        let graph = &self.graph;
        let index: HashMap<NodeIndex, usize> = graph.nodes().enumerate().map(|(k, (i, _))| (i, k)).collect();
        pins.extend(self.viewer.pinned.iter().filter_map(|n| {
            let p = self
                .positions
                .get(n)
                .copied()
                .or_else(|| graph.node(*n)?.pos.map(|[x, y]| Pos2::new(x as f32, y as f32)))?;
            Some((*index.get(n)?, [p.x, p.y]))
        }));
        self.restart_layout_with(pins);
    }

    /// For the map layout: every place with coordinates placed at them (longitude east, latitude
    /// north, [`MAP_SCALE`] units a degree, around the places' mean) and held there. Sets those
    /// positions in the graph; returns the pins by layout index.
    fn map_pins(&mut self) -> Vec<Pin> {
        let coords: Vec<(NodeIndex, f64, f64)> = self
            .graph
            .nodes()
            .filter_map(|(i, n)| {
                let lon: f64 = n.attr("lon")?.parse().ok().filter(|x: &f64| x.is_finite() && x.abs() <= 180.0)?;
                let lat: f64 = n.attr("lat")?.parse().ok().filter(|x: &f64| x.is_finite() && x.abs() <= 90.0)?;
                Some((i, lon, lat))
            })
            .collect();
        if coords.is_empty() {
            return Vec::new();
        }
        let count = coords.len() as f64;
        let (lon0, lat0) =
            (coords.iter().map(|c| c.1).sum::<f64>() / count, coords.iter().map(|c| c.2).sum::<f64>() / count);
        let g = Arc::make_mut(&mut self.graph);
        for &(i, lon, lat) in &coords {
            g.set_position(i, [(lon - lon0) * MAP_SCALE, -(lat - lat0) * MAP_SCALE]);
        }
        let order: Vec<NodeIndex> = self.graph.nodes().map(|(i, _)| i).collect();
        let index: HashMap<NodeIndex, usize> = order.iter().enumerate().map(|(k, &i)| (i, k)).collect();
        coords
            .iter()
            .filter_map(|&(i, lon, lat)| {
                Some((*index.get(&i)?, [((lon - lon0) * MAP_SCALE) as f32, (-(lat - lat0) * MAP_SCALE) as f32]))
            })
            .collect()
    }

    /// Takes a layout snapshot: positions of the running layout job's nodes.
    fn take_positions(&mut self, job: JobId, positions: &[[f32; 2]], settled: bool) {
        if Some(job) != self.layout_job || positions.len() != self.layout_nodes.len() {
            return;
        }
        for (n, p) in self.layout_nodes.iter().zip(positions) {
            self.positions.insert(*n, Pos2::new(p[0], p[1]));
        }
        self.positions_version += 1;
        self.layout_phase = if settled { Phase::Settled } else { Phase::Running };
    }

    fn open_dialog(&mut self, purpose: Purpose) {
        if self.jobs.running().iter().any(|j| matches!(j.kind, JobKind::Dialog(_))) {
            return;
        }
        self.prompt = None;
        let dialogs = Arc::clone(&self.dialogs);
        self.jobs.spawn(JobKind::Dialog(purpose), purpose.verb(), move |job| {
            job.send(Outcome::Answer(dialogs::ask(dialogs.as_ref(), purpose)));
        });
    }

    fn on_dialog_answer(&mut self, purpose: Purpose, answer: Vec<PathBuf>) {
        if answer.is_empty() {
            // cancelled, or no dialog on this system: offer a path field instead
            self.prompt = Some(PathPrompt { purpose, text: String::new() });
        } else {
            self.answer(purpose, answer);
        }
    }

    fn answer(&mut self, purpose: Purpose, paths: Vec<PathBuf>) {
        match purpose {
            Purpose::Open => self.load(paths, true),
            Purpose::Add => self.load(paths, false),
            Purpose::Export => {
                if let Some(p) = paths.into_iter().next() {
                    self.export(p);
                }
            }
            Purpose::SaveSession => {
                if let Some(p) = paths.into_iter().next() {
                    self.save_session(p);
                }
            }
        }
    }

    /// The view as a session file keeps it.
    fn session_view(&self) -> session::SessionView {
        session::SessionView::of(&self.graph, &self.viewer, self.frozen, self.settings.visible_kinds)
    }

    /// Saves the graph, its edits and the view (a job; the file is replaced atomically).
    pub fn save_session(&mut self, path: PathBuf) {
        self.store_positions();
        let (g, view) = (Arc::clone(&self.graph), self.session_view());
        self.settings.remember(std::slice::from_ref(&path));
        self.jobs.spawn(JobKind::Export, path.display().to_string(), move |job| {
            let result = session::write(&path, &g, &view);
            job.send(Outcome::Exported(result.map(|()| path).map_err(|e| e.to_string())));
        });
    }

    /// Autosaves when the graph changed since the last autosave and the interval has passed
    /// (`now`), or at once (`now`: on exit). The write runs as a job unless `now`.
    fn autosave_if_due(&mut self, now: bool) {
        let Some(file) = self.autosave.as_ref().map(session::Autosave::file) else { return };
        if self.restore_offer.is_some() {
            return; // the crashed window's autosave stays until the user answers the offer
        }
        let (version, at) = self.autosaved;
        let changed = version != self.graph_version;
        let loading = self.jobs.running().iter().any(|j| matches!(j.kind, JobKind::Load { .. }));
        if !changed || self.graph.node_count() == 0 || (!now && (loading || at.elapsed() < self.options.autosave_every))
        {
            return;
        }
        self.autosaved = (self.graph_version, std::time::Instant::now());
        self.store_positions();
        let (g, view) = (Arc::clone(&self.graph), self.session_view());
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if now {
            if let Err(e) = session::write(&file, &g, &view) {
                self.errors.push(format!("Could not autosave: {e}"));
            }
            return;
        }
        self.jobs.spawn(JobKind::Export, "autosave".to_owned(), move |job| {
            if let Err(e) = session::write(&file, &g, &view) {
                job.send(Outcome::Exported(Err(format!("Could not autosave: {e}"))));
            }
        });
    }

    /// The window closes cleanly: autosave what changed and say so for the next start.
    pub fn on_close(&mut self) {
        self.autosave_if_due(true);
        // an offer not answered yet stays for the next start (the marker is left as it is)
        if let Some(a) = &self.autosave
            && self.restore_offer.is_none()
        {
            a.finish();
        }
    }

    /// Exports the graph (with the positions on screen) as JSON, as a job.
    pub fn export(&mut self, path: PathBuf) {
        self.store_positions();
        let g = Arc::clone(&self.graph);
        self.jobs.spawn(JobKind::Export, path.display().to_string(), move |job| {
            let result = zhitu::export::write_file(&g, zhitu::export::Format::Json, &path);
            job.send(Outcome::Exported(result.map(|()| path).map_err(|e| e.to_string())));
        });
    }

    /// Starts analysing the graph (communities, centrality) when it changed and no load is
    /// running; a newer graph supersedes an analysis still running.
    fn analyse_if_stale(&mut self) {
        let current = self.analysis.as_ref().is_some_and(|(v, _)| *v == self.graph_version);
        let running = self.analysis_job.is_some_and(|(_, v)| v == self.graph_version);
        let loading = self.jobs.running().iter().any(|j| matches!(j.kind, JobKind::Load { .. }));
        if current || running || loading || self.graph.node_count() == 0 {
            return;
        }
        if let Some((old, _)) = self.analysis_job.take() {
            self.jobs.cancel(old);
        }
        let g = Arc::clone(&self.graph);
        let (version, seed) = (self.graph_version, self.options.seed);
        let label = format!("analysis of {} nodes", g.node_count());
        let id = self.jobs.spawn(JobKind::Analysis, label, move |job| {
            let threads = zhitu::par::default_threads();
            if let Some(analysis) = zhitu::analyze::analyse_until(&g, seed, threads, job.cancel_flag()) {
                job.send(Outcome::Analysis { version, analysis: Box::new(analysis) });
            }
        });
        self.analysis_job = Some((id, version));
    }

    /// The articles' time axis (computed once per graph version).
    pub fn timeline_axis(&mut self) -> Arc<zhitu::scene::timeline::Timeline> {
        match &self.timeline_axis {
            Some((v, axis)) if *v == self.graph_version => Arc::clone(axis),
            _ => {
                let axis = Arc::new(zhitu::scene::timeline::Timeline::of(&self.graph));
                // articles arrived: the range keeps its dates, whatever the bins are now
                if let (Some((_, old)), Some(range)) = (&self.timeline_axis, self.viewer.timeline) {
                    self.viewer.timeline = old.carry(range, &axis);
                }
                self.timeline_axis = Some((self.graph_version, Arc::clone(&axis)));
                axis
            }
        }
    }

    /// The analysis of the graph as it is now, if it is done.
    #[must_use]
    pub fn current_analysis(&self) -> Option<(u64, Arc<zhitu::analyze::Analysis>)> {
        self.analysis.clone().filter(|(v, _)| *v == self.graph_version)
    }

    /// Rebuilds the scene if the graph or the filter changed, and gives it the positions if they
    /// moved.
    fn refresh_scene(&mut self) {
        self.analyse_if_stale();
        let mut filter = self.viewer.filter.clone();
        filter.kinds = self.settings.visible_kinds;
        filter.hidden_documents.extend(self.timeline_axis().hidden(self.viewer.timeline));
        let analysis = self.analysis.as_ref().filter(|(v, _)| *v == self.graph_version);
        let key = (self.graph_version, filter, self.viewer.appearance, analysis.map_or(u64::MAX, |(v, _)| *v));
        if self.scene_of.as_ref() != Some(&key) {
            self.scene = Scene::from_graph(&self.graph, &key.1);
            self.scene.set_appearance(key.2, analysis.map(|(_, a)| a.as_ref()));
            self.scene_of = Some(key);
            self.scene_positions = self.positions_version.wrapping_sub(1);
        }
        if self.scene_positions != self.positions_version {
            let positions = &self.positions;
            self.scene.set_positions(|n| positions.get(&n).map(|p| [p.x, p.y]));
            self.scene_positions = self.positions_version;
        }
    }

    /// After an edit, undo or redo: the selection and positions of nodes that are gone are
    /// dropped, a node that appeared is placed by the one it came from, and the layout settles.
    fn after_edit(&mut self, status: String) {
        let g = Arc::clone(&self.graph);
        self.positions.retain(|n, _| g.node(*n).is_some());
        let missing: Vec<NodeIndex> =
            g.nodes().filter(|(n, _)| !self.positions.contains_key(n)).map(|(n, _)| n).collect();
        for n in missing {
            // next to a neighbour, or where the view is (the layout stores it when it restarts)
            let near = g.neighbours(n).into_iter().find_map(|(o, _)| self.positions.get(&o).copied());
            let p = near.unwrap_or(self.viewer.view.centre.to_pos2()) + Vec2::new(12.0, 8.0);
            self.positions.insert(n, p);
        }
        self.viewer.pinned.retain(|n| g.node(*n).is_some());
        match self.viewer.selection {
            Some(Selection::Node(n)) if g.node(n).is_none() => self.viewer.selection = None,
            Some(Selection::Edge(e)) if g.edge(e).is_none() => self.viewer.selection = None,
            _ => {}
        }
        if self.viewer.hovered.is_some_and(|n| g.node(n).is_none()) {
            self.viewer.hovered = None;
        }
        self.viewer.path = None;
        self.viewer.edit = edits::EditForm::default();
        // an edit, undo or redo leaves the older edits as they were: only places past the log go
        self.stale_edits.retain(|s| s.index < g.edits().len());
        self.positions_version += 1;
        self.graph_version += 1;
        self.layout_stale = true;
        if !status.is_empty() {
            self.status = status;
        }
    }

    /// Nodes whose label or alias contains the search text, label matches first.
    #[must_use]
    pub fn search_matches(&self) -> Vec<NodeIndex> {
        let q = self.viewer.search.trim();
        if q.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(bool, usize, NodeIndex)> = self
            .graph
            .nodes()
            .filter(|(_, n)| n.label.contains(q) || n.aliases.iter().any(|a| a.contains(q)))
            .map(|(i, n)| (!n.label.contains(q), n.label.chars().count(), i))
            .collect();
        hits.sort();
        hits.into_iter().map(|(_, _, i)| i).collect()
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::Select(s) => self.viewer.selection = s,
            Action::Focus(n) => {
                self.viewer.selection = Some(Selection::Node(n));
                if let Some(kind) = self.graph.node(n).map(|node| kind_index(node.kind)) {
                    self.settings.visible_kinds[kind] = true;
                }
                if let Some(p) = self.positions.get(&n) {
                    self.viewer.view.centre = p.to_vec2();
                    self.viewer.view.follow = false;
                }
            }
            Action::Hover(n) => self.viewer.hovered = n,
            Action::SetView(v) => self.viewer.view = v,
            Action::Dialog(purpose) => self.open_dialog(purpose),
            Action::Load { paths, replace } => {
                self.prompt = None;
                self.load(paths, replace);
            }
            Action::Export(p) => {
                self.prompt = None;
                self.export(p);
            }
            Action::SaveSession(p) => {
                self.prompt = None;
                self.save_session(p);
            }
            Action::RestoreAutosave(restore) => {
                if let Some((path, _)) = self.restore_offer.take()
                    && restore
                {
                    self.load(vec![path], true);
                }
            }
            Action::FitView => self.viewer.view.follow = true,
            Action::Relayout => {
                self.viewer.pinned.clear();
                Arc::make_mut(&mut self.graph).clear_positions();
                self.positions.clear();
                self.positions_version += 1;
                self.frozen = false;
                self.viewer.view.follow = true;
                self.restart_layout();
            }
            Action::DismissErrors => self.errors.clear(),
            Action::CancelPrompt => self.prompt = None,
            Action::CancelLoads => {
                // what a cancelled job would still send is dropped: end its load here; Adds
                // waiting for a cancelled Open are dropped with it
                self.waiting_adds.clear();
                let loads: Vec<JobId> = self
                    .jobs
                    .running()
                    .iter()
                    .filter(|j| matches!(j.kind, JobKind::Load { .. }))
                    .map(|j| j.id)
                    .collect();
                for id in loads {
                    self.jobs.cancel(id);
                    self.finish_load(id, true);
                }
            }
            Action::Freeze(frozen) => {
                self.frozen = frozen;
                if frozen {
                    if let Some(id) = self.layout_job.take() {
                        self.jobs.cancel(id);
                    }
                    self.layout_phase = Phase::Settled;
                    "Layout frozen: new nodes settle around the map.".clone_into(&mut self.status);
                } else {
                    self.restart_layout();
                }
            }
            Action::FindPath(from, to) => {
                let csr = zhitu::analyze::Csr::of(&self.graph);
                let nodes = zhitu::analyze::shortest_path(&csr, from.index(), to.index())
                    .unwrap_or_default()
                    .into_iter()
                    .map(NodeIndex::new)
                    .collect();
                self.viewer.path = Some(PathResult { from, to, nodes });
                self.viewer.path_query.clear();
            }
            Action::MapLayout(on) => {
                self.viewer.map = on;
                self.frozen = false;
                Arc::make_mut(&mut self.graph).clear_positions();
                self.positions.clear();
                self.positions_version += 1;
                self.viewer.view.follow = true;
                let pins = if on { self.map_pins() } else { Vec::new() };
                self.restart_layout_with(pins);
            }
            Action::Edit(op) => {
                let op = *op;
                let note = std::mem::take(&mut self.viewer.edit.note);
                let what = zhitu::curate::describe(&op);
                match zhitu::curate::apply(Arc::make_mut(&mut self.graph), op, &note) {
                    Ok(()) => {
                        self.redo.clear();
                        // described as logged (a rename knows its old name once applied)
                        let done = self.graph.edits().last().map_or(what, |r| zhitu::curate::describe(&r.op));
                        self.after_edit(format!("Done: {done}. Undo with Ctrl+Z."));
                    }
                    Err(e) => self.errors.push(format!("Could not {what}: {e}")),
                }
            }
            Action::Undo => match zhitu::curate::undo(Arc::make_mut(&mut self.graph)) {
                Some(Ok(record)) => {
                    let what = zhitu::curate::describe(&record.op);
                    self.redo.push(record);
                    self.after_edit(format!("Undone: {what}."));
                }
                Some(Err((record, e))) => {
                    let what = zhitu::curate::describe(&record.op);
                    self.errors
                        .push(format!("Undid {what} from the log, but the graph had nothing left to revert: {e}"));
                    self.redo.push(record);
                    self.after_edit(String::new());
                }
                None => "Nothing to undo.".clone_into(&mut self.status),
            },
            Action::Unhide(index) => match zhitu::curate::unhide(Arc::make_mut(&mut self.graph), index) {
                Ok(record) => {
                    // the edits after it move up one place in the log
                    self.stale_edits.retain(|s| s.index != index);
                    for s in &mut self.stale_edits {
                        if s.index > index {
                            s.index -= 1;
                        }
                    }
                    let what = zhitu::curate::describe(&record.op);
                    self.after_edit(format!("Shown again: {}.", what.trim_start_matches("hide ")));
                }
                Err(e) => self.errors.push(format!("Could not show it again: {e}")),
            },
            Action::Redo => {
                let Some(record) = self.redo.pop() else {
                    "Nothing to redo.".clone_into(&mut self.status);
                    return;
                };
                let what = zhitu::curate::describe(&record.op);
                match zhitu::curate::redo(Arc::make_mut(&mut self.graph), record) {
                    Ok(()) => self.after_edit(format!("Redone: {what}.")),
                    Err(e) => self.errors.push(format!("Could not redo {what}: {e}")),
                }
            }
            Action::Pin(n, p) => {
                self.viewer.pinned.insert(n);
                self.positions.insert(n, p);
                self.positions_version += 1;
                Arc::make_mut(&mut self.graph).set_position(n, [f64::from(p.x), f64::from(p.y)]);
                let Some(i) = self.layout_nodes.iter().position(|&x| x == n) else { return };
                let running = self.layout_job.is_some_and(|id| self.jobs.running().iter().any(|j| j.id == id));
                if running {
                    self.layout_pins.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push((i, [p.x, p.y]));
                } else {
                    // the layout had settled: run it again around the dragged node
                    self.restart_layout_with(vec![(i, [p.x, p.y])]);
                }
            }
        }
    }

    /// Draws one frame; everything the window shows is built here.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        self.ctx = ui.ctx().clone();
        self.poll_jobs();
        self.relayout_if_stale();
        self.shortcuts(ui.ctx());
        self.dropped_files(ui.ctx());
        self.refresh_scene();
        self.autosave_if_due(false);

        egui::Panel::top("menu").show(ui, |ui| self.top_bar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        if self.viewer.show_filters {
            egui::Panel::left("filters").resizable(true).default_size(250.0).min_size(200.0).show(ui, |ui| {
                filters::show(self, ui);
            });
        }
        egui::Panel::right("details").resizable(true).default_size(380.0).min_size(260.0).show(ui, |ui| {
            panel::show(self, ui);
        });
        if self.viewer.show_history {
            let mut open = true;
            egui::Window::new("History of edits")
                .open(&mut open)
                .default_size([320.0, 220.0])
                .vscroll(true)
                .show(ui.ctx(), |ui| edits::history(self, ui));
            self.viewer.show_history &= open;
        }
        let mut actions = Vec::new();
        self.drawn = egui::CentralPanel::no_frame().show(ui, |ui| canvas::show(self, ui, &mut actions)).inner;
        // the canvas's camera comes first, so a Focus asked for in the same frame (search, the
        // side panel) wins over the canvas fitting the graph
        actions.append(&mut self.actions);
        for a in actions {
            self.apply(a);
        }
        if self.layout_phase == Phase::Running || !self.jobs.is_idle() || self.layout_stale {
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(50));
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let (open, export, find, escape, redo, undo) = ctx.input_mut(|i| {
            (
                i.consume_shortcut(&OPEN),
                i.consume_shortcut(&EXPORT),
                i.consume_shortcut(&FIND),
                i.key_pressed(Key::Escape),
                // the longer shortcut first: Ctrl+Shift+Z also matches Ctrl+Z
                i.consume_shortcut(&REDO),
                i.consume_shortcut(&UNDO),
            )
        });
        // typing in a text field keeps its own undo
        let typing = ctx.memory(|m| m.focused().is_some());
        if redo && !typing {
            self.actions.push(Action::Redo);
        } else if undo && !typing {
            self.actions.push(Action::Undo);
        }
        if open {
            self.actions.push(Action::Dialog(Purpose::Open));
        }
        if export {
            self.actions.push(Action::Dialog(Purpose::Export));
        }
        if find {
            self.viewer.focus_search = true;
        }
        if escape {
            self.actions.push(Action::Select(None));
        }
    }

    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        if !dropped.is_empty() {
            self.actions.push(Action::Load { paths: dropped, replace: false });
        }
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.add(egui::Button::new("Open…").shortcut_text(ui.ctx().format_shortcut(&OPEN))).clicked() {
                    self.actions.push(Action::Dialog(Purpose::Open));
                }
                if ui.button("Add files…").clicked() {
                    self.actions.push(Action::Dialog(Purpose::Add));
                }
                ui.add_enabled_ui(!self.settings.recent.is_empty(), |ui| {
                    ui.menu_button("Open recent", |ui| {
                        for path in &self.settings.recent {
                            if ui.button(path.display().to_string()).clicked() {
                                self.actions.push(Action::Load { paths: vec![path.clone()], replace: true });
                            }
                        }
                    });
                });
                if ui.add(egui::Button::new("Export JSON…").shortcut_text(ui.ctx().format_shortcut(&EXPORT))).clicked()
                {
                    self.actions.push(Action::Dialog(Purpose::Export));
                }
                if ui.button("Save session…").on_hover_text("The graph, its edits and this view, in one file").clicked()
                {
                    self.actions.push(Action::Dialog(Purpose::SaveSession));
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("Edit", |ui| {
                let undo = egui::Button::new("Undo").shortcut_text(ui.ctx().format_shortcut(&UNDO));
                if ui.add_enabled(!self.graph.edits().is_empty(), undo).clicked() {
                    self.actions.push(Action::Undo);
                }
                let redo = egui::Button::new("Redo").shortcut_text(ui.ctx().format_shortcut(&REDO));
                if ui.add_enabled(!self.redo.is_empty(), redo).clicked() {
                    self.actions.push(Action::Redo);
                }
                ui.separator();
                ui.checkbox(&mut self.viewer.show_history, "History of edits");
            });
            ui.menu_button("View", |ui| {
                if ui.button("Fit to view").clicked() {
                    self.actions.push(Action::FitView);
                }
                if ui.button("Lay out again").clicked() {
                    self.actions.push(Action::Relayout);
                }
                let mut frozen = self.frozen;
                if ui.checkbox(&mut frozen, "Freeze layout").changed() {
                    self.actions.push(Action::Freeze(frozen));
                }
                let mut map = self.viewer.map;
                if ui.checkbox(&mut map, "Map layout (places at their coordinates)").changed() {
                    self.actions.push(Action::MapLayout(map));
                }
                ui.separator();
                ui.checkbox(&mut self.viewer.show_filters, "Filters and focus panel");
            });
            ui.separator();
            let caption = ui.label("Search");
            let search = ui
                .add(
                    egui::TextEdit::singleline(&mut self.viewer.search)
                        .hint_text("names (Ctrl+F)")
                        .desired_width(180.0),
                )
                .labelled_by(caption.id);
            if std::mem::take(&mut self.viewer.focus_search) {
                search.request_focus();
            }
            if search.lost_focus()
                && ui.input(|i| i.key_pressed(Key::Enter))
                && let Some(&first) = self.search_matches().first()
            {
                self.actions.push(Action::Focus(first));
            }
            ui.separator();
            for kind in EntityKind::ALL {
                let i = kind_index(kind);
                let colour = canvas::kind_colour(kind);
                let (dot, _) = ui.allocate_exact_size(Vec2::splat(12.0), egui::Sense::hover());
                ui.painter().circle_filled(dot.center(), 5.0, colour);
                ui.checkbox(
                    &mut self.settings.visible_kinds[i],
                    format!("{} {}", zhitu::export::table::kind_label(kind), kind.label_zh()),
                );
            }
            if ui.button("Fit").on_hover_text("Fit the whole graph in view").clicked() {
                self.actions.push(Action::FitView);
            }
            ui.toggle_value(&mut self.viewer.show_filters, "Filters").on_hover_text("Filters, focus depth, articles");
        });
        if let Some(prompt) = &mut self.prompt {
            let mut go = false;
            let mut cancel = false;
            ui.horizontal(|ui| {
                let verb = prompt.purpose.verb();
                ui.label("No file chosen (or no file dialog on this system).");
                let caption = ui.label(format!("{verb} path:"));
                let field = ui
                    .add(egui::TextEdit::singleline(&mut prompt.text).hint_text("/path/to/file").desired_width(360.0))
                    .labelled_by(caption.id);
                go = ui.button(verb).clicked() || (field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)));
                cancel = ui.button("Cancel").clicked();
            });
            if go && !prompt.text.trim().is_empty() {
                let path = PathBuf::from(prompt.text.trim());
                self.actions.push(match prompt.purpose {
                    Purpose::Open => Action::Load { paths: vec![path], replace: true },
                    Purpose::Add => Action::Load { paths: vec![path], replace: false },
                    Purpose::Export => Action::Export(path),
                    Purpose::SaveSession => Action::SaveSession(path),
                });
            } else if cancel {
                self.actions.push(Action::CancelPrompt);
            }
        }
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        if let Some((_, when)) = &self.restore_offer {
            egui::Frame::new().fill(egui::Color32::from_rgb(255, 244, 206)).inner_margin(6.0).show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(format!("Zhitu did not close cleanly last time. Restore the autosaved graph{when}?"));
                    if ui.button("Restore").clicked() {
                        self.actions.push(Action::RestoreAutosave(true));
                    }
                    if ui.button("Discard").clicked() {
                        self.actions.push(Action::RestoreAutosave(false));
                    }
                });
            });
        }
        if !self.errors.is_empty() {
            egui::Frame::new().fill(egui::Color32::from_rgb(253, 236, 234)).inner_margin(6.0).show(ui, |ui| {
                for e in &self.errors {
                    ui.colored_label(egui::Color32::from_rgb(160, 20, 20), e);
                }
                if ui.button("Dismiss").clicked() {
                    self.actions.push(Action::DismissErrors);
                }
            });
        }
        ui.horizontal(|ui| {
            let layout = match (self.layout_phase, self.frozen) {
                (_, true) => "layout frozen",
                (Phase::Running, false) => "laying out…",
                (Phase::Settled, false) => "layout settled",
            };
            let (nodes, edges) = (self.graph.node_count(), self.graph.edge_count());
            let mut text = format!("{nodes} nodes · {edges} edges · {} article(s)", self.graph.documents().len());
            if (self.scene.nodes().len(), self.scene.edges().len()) != (nodes, edges) {
                let _ =
                    write!(text, " · showing {} nodes, {} edges", self.scene.nodes().len(), self.scene.edges().len());
            }
            let _ = write!(text, " · {layout}");
            ui.label(text);
            let loads: Vec<&JobInfo> =
                self.jobs.running().iter().filter(|j| matches!(j.kind, JobKind::Load { .. })).collect();
            if loads.is_empty() {
                if !self.status.is_empty() {
                    ui.separator();
                    ui.label(&self.status);
                }
            } else {
                for job in loads {
                    ui.separator();
                    ui.label(load_progress_text(job));
                    if let Some(p) = job.progress.filter(|p| p.total > 0) {
                        ui.add(egui::ProgressBar::new(p.done as f32 / p.total as f32).desired_width(160.0));
                    } else {
                        ui.spinner();
                    }
                }
                if ui.button("Cancel").on_hover_text("Stop reading; what has been merged stays").clicked() {
                    self.actions.push(Action::CancelLoads);
                }
            }
        });
    }

    pub(crate) fn push(&mut self, a: Action) {
        self.actions.push(a);
    }

    #[cfg(test)]
    pub(crate) fn position(&self, n: NodeIndex) -> Option<Pos2> {
        self.positions.get(&n).copied()
    }
}

/// The body of a load job: lists the inputs, reads and extracts them on the worker pool, and
/// sends the results in input order in batches, with progress, until done or cancelled.
fn read_files(job: &JobContext, extractor: &dyn Extractor, paths: &[PathBuf]) {
    let (files, errors) = pipeline::expand(paths);
    if !errors.is_empty() {
        job.send(Outcome::ListingErrors(errors));
    }
    job.send(Outcome::Progress(Progress { done: 0, total: files.len(), chars: 0, failed: 0 }));
    let mut batch = Vec::new();
    let mut last_sent = std::time::Instant::now();
    let options = BuildOptions { threads: zhitu::par::default_threads(), cancel: Some(job.cancel_flag()) };
    pipeline::load_stream(&files, extractor, options, |path, result, progress| {
        batch.push((path.display().to_string(), result));
        if batch.len() >= BATCH_FILES || last_sent.elapsed() >= BATCH_TIME || progress.done == progress.total {
            job.send(Outcome::Files(std::mem::take(&mut batch)));
            job.send(Outcome::Progress(*progress));
            last_sent = std::time::Instant::now();
        }
        std::ops::ControlFlow::Continue(())
    });
    if !batch.is_empty() {
        job.send(Outcome::Files(batch));
    }
}

/// The body of a layout job: seeds and runs the layout to the end, holding the pins that arrive,
/// and sends the positions at most every frame (and once settled). Stops when superseded or when
/// the window has gone.
fn run_layout(job: &JobContext, input: &LayoutInput, seed: u64, frozen: bool, pins: &std::sync::Mutex<Vec<Pin>>) {
    const FRAME: std::time::Duration = std::time::Duration::from_millis(16);
    let mut layout = ForceLayout::new(input, seed, Params::for_nodes(input.nodes.len()));
    if frozen {
        layout = layout.with_placed_pinned(input);
    }
    let mut last_sent: Option<std::time::Instant> = None;
    loop {
        for (i, at) in std::mem::take(&mut *pins.lock().unwrap_or_else(std::sync::PoisonError::into_inner)) {
            layout.pin(i, Some(at));
            layout.reheat();
        }
        let settled = layout.step() == Phase::Settled;
        if settled || last_sent.is_none_or(|t| t.elapsed() >= FRAME) {
            let delivered = job.send(Outcome::Positions { positions: layout.positions().to_vec(), settled });
            last_sent = Some(std::time::Instant::now());
            if !delivered {
                return;
            }
        }
        if settled || job.is_cancelled() {
            return;
        }
    }
}

/// "Reading 120/400 files · 85.2k chars/s · about 12 s left".
fn load_progress_text(job: &JobInfo) -> String {
    let Some(p) = job.progress.filter(|p| p.total > 0) else { return format!("Reading {}…", job.label) };
    let secs = job.started.elapsed().as_secs_f64().max(1e-3);
    let mut text = format!("Reading {}/{} files · {:.1}k chars/s", p.done, p.total, p.chars as f64 / secs / 1000.0);
    if p.done > 0 && p.done < p.total {
        let left = secs / p.done as f64 * (p.total - p.done) as f64;
        let _ = write!(text, " · about {left:.0} s left");
    }
    if p.failed > 0 {
        let _ = write!(text, " · {} failed", p.failed);
    }
    text
}

/// Fonts with Chinese glyphs and the light theme.
pub fn install_style(ctx: &egui::Context, system_fonts: bool) {
    ctx.set_fonts(fonts::definitions(system_fonts));
    ctx.set_visuals(egui::Visuals::light());
}

impl eframe::App for ZhituApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    fn on_exit(&mut self) {
        self.on_close();
    }
}

#[cfg(test)]
mod tests;
