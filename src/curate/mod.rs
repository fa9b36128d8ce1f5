//! The analyst's corrections as commands over the graph: merge two nodes, split mentions off a
//! node, rename, change kind, hide a node or an edge, add an edge, mark an extracted relation
//! wrong. Each [`apply`] logs an [`EditRecord`] in the graph (written to the file's `edits`)
//! with what undoing it needs; [`undo`] reverts the newest, [`redo`] applies it again.
//!
//! Edits name nodes by identity key and spans by document fingerprint, never by index or id, so
//! they are re-applied by [`reapply`] whenever the graph changes — articles added, a file opened
//! or merged — and "these two are one person" stays true as articles arrive. Re-applying an
//! edit that already holds does nothing; an edit whose nodes are gone is reported (never dropped
//! in silence) and stays in the log.

// graph code names nodes and edges by letter (n, k, a, e …), as petgraph's own does
#![allow(clippy::many_single_char_names)]

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use petgraph::stable_graph::NodeIndex;

use crate::extract::EntityKind;
use crate::extract::identity::Key;
use crate::graph::model::{DocSpan, EdgeSnapshot, EditOp, EditRecord, NodeSnapshot};
use crate::graph::{KnowledgeGraph, SpanRef};
use crate::text::Span;

/// The attribute a hidden node or edge carries (in `extra`, so the file keeps it).
pub const HIDDEN: &str = "hidden";
/// The attribute of an edge the analyst added.
pub const ADDED_BY: &str = "added_by";

/// Why an edit cannot be made, or no longer applies.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CurateError {
    #[error("no node has the key {0}")]
    NoNode(String),
    #[error("{0} is not a valid identity key")]
    BadKey(String),
    #[error("a node cannot be merged with itself")]
    SameNode,
    #[error("no {relation} edge between {from} and {to}")]
    NoEdge { from: String, to: String, relation: String },
    #[error("none of the chosen mentions is on {0}")]
    NoMentions(String),
    #[error("the name is empty")]
    EmptyName,
    #[error("{0} names another node already")]
    KeyTaken(String),
    #[error("only a hidden node or edge can be shown again out of order; undo the later edits first")]
    OutOfOrder,
}

/// What applying an edit to the graph as it is did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Applied,
    /// The graph already says what the edit says.
    Holds,
}

/// An edit of the log that no longer applies to the graph, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    /// Its place in the graph's edit log.
    pub index: usize,
    pub reason: CurateError,
}

/// Makes an edit and logs it (with what undoing it needs). Nothing changes on error.
///
/// # Errors
/// The nodes, edge or mentions the edit names are not in the graph, or it would merge a node
/// with itself.
pub fn apply(g: &mut KnowledgeGraph, op: EditOp, note: &str) -> Result<(), CurateError> {
    let mut op = op;
    // a split makes a new entity: a key that names a node already would fold it in
    if let EditOp::Split { into, .. } = &op
        && Key::parse(into).and_then(|k| g.node_by_key(&k)).is_some()
    {
        return Err(CurateError::KeyTaken(into.clone()));
    }
    let log = g.edits().to_vec();
    apply_op(g, &log, &mut op, note)?;
    let record = EditRecord { time: crate::date::now_rfc3339(), op, note: note.trim().to_owned() };
    g.edits_mut().push(record);
    Ok(())
}

/// Reverts the newest edit and takes it off the log; returns it (for [`redo`]).
///
/// # Errors
/// The graph changed since in a way that leaves nothing to revert (the edit is still taken off
/// the log).
pub fn undo(g: &mut KnowledgeGraph) -> Option<Result<EditRecord, (EditRecord, CurateError)>> {
    let record = g.edits_mut().pop()?;
    let log = g.edits().to_vec();
    Some(match revert(g, &log, &record.op) {
        Ok(()) => Ok(record),
        Err(e) => Err((record, e)),
    })
}

/// Shows a hidden node or edge again: reverts the hide at `index` of the log, whatever came
/// after it (a hide touches nothing else), and takes it off the log.
///
/// # Errors
/// The edit at `index` is not a hide, or there is none.
pub fn unhide(g: &mut KnowledgeGraph, index: usize) -> Result<EditRecord, CurateError> {
    let is_hide =
        g.edits().get(index).is_some_and(|r| matches!(r.op, EditOp::HideNode { .. } | EditOp::HideEdge { .. }));
    if !is_hide {
        return Err(CurateError::OutOfOrder);
    }
    let record = g.edits_mut().remove(index);
    let log = g.edits().to_vec();
    revert(g, &log, &record.op)?;
    Ok(record)
}

/// Applies an undone edit again (with a fresh time) and logs it.
///
/// # Errors
/// As [`apply`].
pub fn redo(g: &mut KnowledgeGraph, record: EditRecord) -> Result<(), CurateError> {
    let mut op = record.op;
    // what undoing it needs is recorded afresh
    match &mut op {
        EditOp::Merge { absorbed, .. } => *absorbed = None,
        EditOp::MarkWrong { removed, .. } => *removed = None,
        EditOp::Rename { from, .. } => from.clear(),
        EditOp::Retype { from, .. } => *from = None,
        _ => {}
    }
    apply(g, op, &record.note)
}

/// Applies every logged edit again, oldest first, to a graph that changed (articles added, a
/// file merged): what already holds stays, what new articles undid is redone. Returns the edits
/// that no longer apply.
pub fn reapply(g: &mut KnowledgeGraph) -> Vec<Stale> {
    let mut log = std::mem::take(g.edits_mut());
    let mut stale = Vec::new();
    for index in 0..log.len() {
        let (before, rest) = log.split_at(index);
        let later = &rest[1..];
        let mut op = rest[0].op.clone();
        if superseded(&op, later) {
            continue;
        }
        // keys resolve through the merges made before this edit only
        match apply_op(g, before, &mut op, &rest[0].note) {
            Ok(_) => log[index].op = op,
            // a later edit changed what this one named (merged it away, took the edge out): it
            // had its effect before that
            Err(_) if touched_later(&rest[0].op, later) => {}
            Err(reason) => stale.push(Stale { index, reason }),
        }
    }
    *g.edits_mut() = log;
    stale
}

/// Whether a later edit takes this one back: a merge whose absorbed entity is split off again,
/// a split whose new entity is merged back.
fn superseded(op: &EditOp, later: &[EditRecord]) -> bool {
    match op {
        EditOp::Merge { absorb, .. } => {
            later.iter().any(|r| matches!(&r.op, EditOp::Split { into, .. } if into == absorb))
        }
        EditOp::Split { into, .. } => {
            later.iter().any(|r| matches!(&r.op, EditOp::Merge { absorb, .. } if absorb == into))
        }
        _ => false,
    }
}

/// Whether a later edit names a key this one names.
fn touched_later(op: &EditOp, later: &[EditRecord]) -> bool {
    let keys = op.keys();
    later.iter().any(|r| r.op.keys().iter().any(|k| keys.contains(k)))
}

/// A short description of an edit for the history list (`merge 高昌 into 高昌礼`).
#[must_use]
pub fn describe(op: &EditOp) -> String {
    let name = |k: &str| Key::parse(k).map_or_else(|| k.to_owned(), |key| display_name(&key));
    match op {
        EditOp::Merge { keep, absorb, absorbed } => {
            let what = absorbed.as_ref().map_or_else(|| name(absorb), |s| s.label.clone());
            format!("merge {what} into {}", name(keep))
        }
        EditOp::Split { node, label, mentions, .. } => {
            format!("split {} mention(s) of {} off as {label}", mentions.len(), name(node))
        }
        EditOp::Rename { label, from, .. } => format!("rename {from} to {label}"),
        EditOp::Retype { node, to, .. } => format!("make {} a {}", name(node), to.as_str()),
        EditOp::HideNode { node } => format!("hide {}", name(node)),
        EditOp::HideEdge { source, target, relation } => {
            format!("hide {} —{relation}— {}", name(source), name(target))
        }
        EditOp::AddEdge { source, target, relation, .. } => {
            format!("add {} —{relation}— {}", name(source), name(target))
        }
        EditOp::MarkWrong { source, target, relation, .. } => {
            format!("mark {} —{relation}— {} wrong", name(source), name(target))
        }
    }
}

/// The name part of a key (`person:王淳@…` → 王淳).
fn display_name(key: &Key) -> String {
    match key {
        Key::Person { name, .. } => name.clone(),
        other => other.to_string().split_once(':').map_or_else(String::new, |(_, v)| v.to_owned()),
    }
}

/// The key of a new entity split off `like`: a person keeps the anchor (body, role or
/// document), anything else is keyed as extraction would key it (a person by `doc`, the id of
/// the document of its first mention).
#[must_use]
pub fn key_for_split(like: &Key, kind: EntityKind, label: &str, doc: &str) -> Key {
    match like {
        Key::Person { anchor, .. } if kind == EntityKind::Person => {
            Key::Person { name: label.to_owned(), anchor: anchor.clone() }
        }
        _ => Key::derive(kind, label, &BTreeMap::new(), doc),
    }
}

/// The node a key names: the node with that key or, for a key a logged merge absorbed, the
/// node that merge kept (followed through later merges).
fn node_of(g: &KnowledgeGraph, log: &[EditRecord], key: &str) -> Result<NodeIndex, CurateError> {
    let mut key = key.to_owned();
    // each step follows a different merge: at most the log's length
    for _ in 0..=log.len() {
        let parsed = Key::parse(&key).ok_or_else(|| CurateError::BadKey(key.clone()))?;
        if let Some(n) = g.node_by_key(&parsed) {
            return Ok(n);
        }
        let kept = log.iter().rev().find_map(|r| match &r.op {
            EditOp::Merge { keep, absorb, .. } if *absorb == key => Some(keep.clone()),
            _ => None,
        });
        match kept {
            Some(k) => key = k,
            None => break,
        }
    }
    Err(CurateError::NoNode(key))
}

fn key_string(g: &KnowledgeGraph, n: NodeIndex) -> String {
    g.node(n).map(|node| node.key.to_string()).unwrap_or_default()
}

fn to_doc_spans(g: &KnowledgeGraph, spans: &[SpanRef]) -> Vec<DocSpan> {
    spans
        .iter()
        .filter_map(|s| g.fingerprint(s.doc).map(|doc| DocSpan { doc, start: s.span.start, end: s.span.end }))
        .collect()
}

/// The spans of documents this graph has (the others are skipped).
fn to_span_refs(g: &KnowledgeGraph, spans: &[DocSpan]) -> Vec<SpanRef> {
    spans
        .iter()
        .filter_map(|s| {
            let doc = g.document_by_fingerprint(&s.doc)?;
            // a span from a file is checked like the file's own spans
            let len = g.documents()[doc].char_len;
            (s.start < s.end && s.end <= len).then(|| SpanRef { doc, span: Span::new(s.start, s.end) })
        })
        .collect()
}

/// Applies an edit to the graph as it is, filling in what undoing it needs.
fn apply_op(g: &mut KnowledgeGraph, log: &[EditRecord], op: &mut EditOp, note: &str) -> Result<Outcome, CurateError> {
    match op {
        EditOp::Merge { keep, absorb, absorbed } => merge(g, log, keep, absorb, absorbed, note),
        EditOp::Split { node, into, label, mentions } => split(g, log, node, into, label, mentions),
        EditOp::Rename { node, label, from } => {
            let n = node_of(g, log, node)?;
            let label = label.trim().to_owned();
            if label.is_empty() {
                return Err(CurateError::EmptyName);
            }
            let Some(entry) = g.node_mut(n) else { return Err(CurateError::NoNode(node.clone())) };
            if entry.label == label {
                return Ok(Outcome::Holds);
            }
            from.clone_from(&entry.label);
            let old = std::mem::replace(&mut entry.label, label.clone());
            entry.aliases.retain(|a| *a != label);
            if !entry.aliases.contains(&old) {
                entry.aliases.push(old);
            }
            Ok(Outcome::Applied)
        }
        EditOp::Retype { node, to, from } => {
            let n = node_of(g, log, node)?;
            let Some(entry) = g.node_mut(n) else { return Err(CurateError::NoNode(node.clone())) };
            if entry.kind == *to {
                return Ok(Outcome::Holds);
            }
            *from = Some(std::mem::replace(&mut entry.kind, *to));
            Ok(Outcome::Applied)
        }
        EditOp::HideNode { node } => {
            let n = node_of(g, log, node)?;
            let Some(entry) = g.node_mut(n) else { return Err(CurateError::NoNode(node.clone())) };
            Ok(set_flag(&mut entry.extra, HIDDEN))
        }
        EditOp::HideEdge { source, target, relation } => {
            let e = edge_of(g, log, source, target, relation)?;
            let Some(edge) = g.edge_mut(e) else { return Err(no_edge(source, target, relation)) };
            Ok(set_flag(&mut edge.extra, HIDDEN))
        }
        EditOp::AddEdge { source, target, relation, label } => {
            let (a, b) = (node_of(g, log, source)?, node_of(g, log, target)?);
            if a == b {
                return Err(CurateError::SameNode);
            }
            if g.find_edge(a, b, relation).is_some() {
                return Ok(Outcome::Holds);
            }
            let e = g.put_edge(a, b, relation, label, Vec::new());
            if let Some(edge) = g.edge_mut(e) {
                edge.extra.insert(ADDED_BY.into(), serde_json::json!("analyst"));
                if !note.trim().is_empty() {
                    edge.extra.insert("note".into(), serde_json::json!(note.trim()));
                }
            }
            Ok(Outcome::Applied)
        }
        EditOp::MarkWrong { source, target, relation, removed } => {
            let (a, b) = (node_of(g, log, source)?, node_of(g, log, target)?);
            let Some(e) = g.find_edge(a, b, relation) else { return Ok(Outcome::Holds) };
            let Some((from, _, edge)) = g.remove_edge(e) else { return Ok(Outcome::Holds) };
            let mut evidence = to_doc_spans(g, &edge.evidence);
            // taken out again after new articles brought it back: undo restores all of it
            if let Some(old) = removed.take() {
                evidence.extend(old.evidence);
                evidence.sort();
                evidence.dedup();
            }
            *removed = Some(EdgeSnapshot {
                other: target.clone(),
                outgoing: from == a,
                relation: edge.kind,
                label: edge.label,
                evidence,
                added: Vec::new(),
                created: false,
                extra: edge.extra,
            });
            Ok(Outcome::Applied)
        }
    }
}

fn set_flag(extra: &mut BTreeMap<String, serde_json::Value>, flag: &str) -> Outcome {
    if extra.get(flag) == Some(&serde_json::Value::Bool(true)) {
        Outcome::Holds
    } else {
        extra.insert(flag.to_owned(), serde_json::Value::Bool(true));
        Outcome::Applied
    }
}

fn no_edge(source: &str, target: &str, relation: &str) -> CurateError {
    CurateError::NoEdge { from: source.to_owned(), to: target.to_owned(), relation: relation.to_owned() }
}

fn edge_of(
    g: &KnowledgeGraph,
    log: &[EditRecord],
    source: &str,
    target: &str,
    relation: &str,
) -> Result<petgraph::stable_graph::EdgeIndex, CurateError> {
    let (a, b) = (node_of(g, log, source)?, node_of(g, log, target)?);
    g.find_edge(a, b, relation).or_else(|| g.find_edge(b, a, relation)).ok_or_else(|| no_edge(source, target, relation))
}

/// Merges the node `absorb` names into the node `keep` names; when `absorb` names `keep`
/// already (merged before), holds.
fn merge(
    g: &mut KnowledgeGraph,
    log: &[EditRecord],
    keep: &str,
    absorb: &str,
    absorbed: &mut Option<NodeSnapshot>,
    note: &str,
) -> Result<Outcome, CurateError> {
    let k = node_of(g, log, keep)?;
    let absorb_key = Key::parse(absorb).ok_or_else(|| CurateError::BadKey(absorb.to_owned()))?;
    let Some(a) = g.node_by_key(&absorb_key) else {
        // nothing (new) to absorb: merged already
        return Ok(Outcome::Holds);
    };
    if a == k {
        return Err(CurateError::SameNode);
    }
    let keep_key = key_string(g, k);
    let other_keys: BTreeMap<NodeIndex, String> = g
        .neighbours(a)
        .into_iter()
        .map(|(other, _)| (other, if other == k { keep_key.clone() } else { key_string(g, other) }))
        .collect();
    let Some(removed) = g.remove_node(a) else { return Err(CurateError::NoNode(absorb.to_owned())) };
    let gone = removed.node;
    let Some(kept) = g.node(k) else { return Err(CurateError::NoNode(keep.to_owned())) };
    let added_aliases: Vec<String> =
        std::iter::once(gone.label.clone()).chain(gone.aliases.iter().cloned()).filter(|x| !kept.is_named(x)).collect();
    let kept_key = kept.key.clone();
    let kept_reason = kept.attrs.get("merged_because").cloned();
    let mut snapshot = NodeSnapshot {
        label: gone.label.clone(),
        kind: gone.kind,
        aliases: gone.aliases.clone(),
        attrs: gone.attrs.clone(),
        mentions: to_doc_spans(g, &gone.mentions),
        edges: Vec::new(),
        added_aliases: added_aliases.clone(),
        kept_reason,
    };
    let mut attrs = gone.attrs;
    attrs.remove("merged_because");
    g.put_node(kept_key, &gone.label, gone.kind, gone.aliases, attrs, gone.mentions);
    if let Some(kept) = g.node_mut(k) {
        let why = if note.trim().is_empty() {
            "the analyst merged them".to_owned()
        } else {
            format!("the analyst: {}", note.trim())
        };
        kept.attrs.insert("merged_because".into(), serde_json::json!(why));
    }
    for (other, outgoing, edge) in removed.edges {
        let (x, y) = if outgoing { (k, other) } else { (other, k) };
        let existing = if other == k { None } else { g.find_edge(x, y, &edge.kind) };
        let had: Vec<SpanRef> =
            existing.and_then(|e| g.edge(e)).map(|(_, _, e)| e.evidence.clone()).unwrap_or_default();
        let added: Vec<SpanRef> = edge.evidence.iter().copied().filter(|s| !had.contains(s)).collect();
        snapshot.edges.push(EdgeSnapshot {
            other: other_keys.get(&other).cloned().unwrap_or_default(),
            outgoing,
            relation: edge.kind.clone(),
            label: edge.label.clone(),
            evidence: to_doc_spans(g, &edge.evidence),
            added: to_doc_spans(g, &added),
            created: existing.is_none() && other != k,
            extra: edge.extra.clone(),
        });
        if other == k {
            continue; // an edge between the two would be a loop
        }
        let e = g.put_edge(x, y, &edge.kind, &edge.label, edge.evidence);
        if existing.is_none()
            && let Some(new) = g.edge_mut(e)
        {
            new.extra.clone_from(&edge.extra);
        }
    }
    // absorbed again after new articles brought it back: undo gives back all of it
    if let Some(old) = absorbed.take() {
        snapshot.mentions.extend(old.mentions);
        snapshot.mentions.sort();
        snapshot.mentions.dedup();
        for e in old.edges {
            if !snapshot.edges.contains(&e) {
                snapshot.edges.push(e);
            }
        }
        for alias in old.added_aliases {
            if !snapshot.added_aliases.contains(&alias) {
                snapshot.added_aliases.push(alias);
            }
        }
    }
    *absorbed = Some(snapshot);
    Ok(Outcome::Applied)
}

/// Moves the chosen mentions of `node` to the entity `into`, with the evidence of edges that
/// only those mentions' sentences support.
fn split(
    g: &mut KnowledgeGraph,
    log: &[EditRecord],
    node: &str,
    into: &str,
    label: &str,
    mentions: &[DocSpan],
) -> Result<Outcome, CurateError> {
    let n = node_of(g, log, node)?;
    let into_key = Key::parse(into).ok_or_else(|| CurateError::BadKey(into.to_owned()))?;
    if label.trim().is_empty() {
        return Err(CurateError::EmptyName);
    }
    if g.node_by_key(&into_key) == Some(n) {
        return Err(CurateError::KeyTaken(into.to_owned()));
    }
    let chosen = to_span_refs(g, mentions);
    let Some(current) = g.node(n) else { return Err(CurateError::NoNode(node.to_owned())) };
    let moving: Vec<SpanRef> = current.mentions.iter().copied().filter(|m| chosen.contains(m)).collect();
    if moving.is_empty() {
        return if g.node_by_key(&into_key).is_some() {
            Ok(Outcome::Holds)
        } else {
            Err(CurateError::NoMentions(node.to_owned()))
        };
    }
    let kind = current.kind;
    let staying: Vec<SpanRef> = current.mentions.iter().copied().filter(|m| !moving.contains(m)).collect();
    // a sentence with a moving mention and no staying one belongs to the new entity
    let sentence = |g: &KnowledgeGraph, s: &SpanRef| g.documents()[s.doc].sentence_around(s.span);
    let moved_sentences: Vec<(usize, Span)> = moving.iter().map(|m| (m.doc, sentence(g, m))).collect();
    let kept_sentences: Vec<(usize, Span)> = staying.iter().map(|m| (m.doc, sentence(g, m))).collect();
    let goes = |g: &KnowledgeGraph, s: &SpanRef| {
        let at = (s.doc, sentence(g, s));
        moved_sentences.contains(&at) && !kept_sentences.contains(&at)
    };
    let edges: Vec<(NodeIndex, bool, petgraph::stable_graph::EdgeIndex)> = g
        .neighbours(n)
        .into_iter()
        .filter_map(|(other, e)| g.edge(e).map(|(from, _, _)| (other, from == n, e)))
        .collect();
    if let Some(node) = g.node_mut(n) {
        node.mentions = staying;
    }
    let m = g.put_node(into_key, label.trim(), kind, Vec::new(), BTreeMap::new(), moving);
    for (other, outgoing, e) in edges {
        let Some((_, _, edge)) = g.edge(e) else { continue };
        let evidence: Vec<SpanRef> = edge.evidence.iter().copied().filter(|s| goes(g, s)).collect();
        if evidence.is_empty() {
            continue;
        }
        let (kind, label) = (edge.kind.clone(), edge.label.clone());
        g.remove_evidence(e, &evidence);
        let (x, y) = if outgoing { (m, other) } else { (other, m) };
        g.put_edge(x, y, &kind, &label, evidence);
    }
    Ok(Outcome::Applied)
}

/// Undoes an applied edit with what it recorded.
fn revert(g: &mut KnowledgeGraph, log: &[EditRecord], op: &EditOp) -> Result<(), CurateError> {
    match op {
        EditOp::Merge { keep, absorb, absorbed } => {
            let Some(snap) = absorbed else { return Ok(()) };
            unmerge(g, log, keep, absorb, snap)
        }
        EditOp::Split { node, into, .. } => {
            let n = node_of(g, log, node)?;
            let m = node_of(g, log, into)?;
            if m == n {
                return Ok(());
            }
            let node_key = key_string(g, n);
            let label = g.node(m).map(|x| x.label.clone()).unwrap_or_default();
            let had_name = g.node(n).is_some_and(|x| x.is_named(&label));
            let reason = g.node(n).and_then(|x| x.attrs.get("merged_because").cloned());
            // everything the split-off node has goes back (as a merge would do it)
            merge(g, log, &node_key, into, &mut None, "")?;
            // it was the analyst's split, not a merge: no new name or reason, no key redirected
            if let Some(node) = g.node_mut(n) {
                match reason {
                    Some(r) => node.attrs.insert("merged_because".into(), r),
                    None => node.attrs.remove("merged_because"),
                };
                if !had_name {
                    node.aliases.retain(|a| *a != label);
                }
            }
            Ok(())
        }
        EditOp::Rename { node, label, from } => {
            let n = node_of(g, log, node)?;
            if let Some(entry) = g.node_mut(n)
                && entry.label == *label
                && !from.is_empty()
            {
                entry.label.clone_from(from);
                entry.aliases.retain(|a| a != from);
            }
            Ok(())
        }
        EditOp::Retype { node, from, .. } => {
            let n = node_of(g, log, node)?;
            if let (Some(node), Some(from)) = (g.node_mut(n), from) {
                node.kind = *from;
            }
            Ok(())
        }
        EditOp::HideNode { node } => {
            let n = node_of(g, log, node)?;
            if let Some(node) = g.node_mut(n) {
                node.extra.remove(HIDDEN);
            }
            Ok(())
        }
        EditOp::HideEdge { source, target, relation } => {
            let e = edge_of(g, log, source, target, relation)?;
            if let Some(edge) = g.edge_mut(e) {
                edge.extra.remove(HIDDEN);
            }
            Ok(())
        }
        EditOp::AddEdge { source, target, relation, .. } => {
            let e = edge_of(g, log, source, target, relation)?;
            let added = g.edge(e).is_some_and(|(_, _, edge)| edge.extra.contains_key(ADDED_BY));
            if added {
                if g.edge(e).is_some_and(|(_, _, edge)| edge.evidence.is_empty()) {
                    g.remove_edge(e);
                } else if let Some(edge) = g.edge_mut(e) {
                    edge.extra.remove(ADDED_BY);
                    edge.extra.remove("note");
                }
            }
            Ok(())
        }
        EditOp::MarkWrong { source, target, removed, .. } => {
            let Some(snap) = removed else { return Ok(()) };
            let (a, b) = (node_of(g, log, source)?, node_of(g, log, target)?);
            let (x, y) = if snap.outgoing { (a, b) } else { (b, a) };
            let evidence = to_span_refs(g, &snap.evidence);
            let e = g.put_edge(x, y, &snap.relation, &snap.label, evidence);
            if let Some(edge) = g.edge_mut(e) {
                edge.extra.clone_from(&snap.extra);
            }
            Ok(())
        }
    }
}

/// Gives a merged node back its own node: its mentions, names and edges leave the kept node.
fn unmerge(
    g: &mut KnowledgeGraph,
    log: &[EditRecord],
    keep: &str,
    absorb: &str,
    snap: &NodeSnapshot,
) -> Result<(), CurateError> {
    let k = node_of(g, log, keep)?;
    let absorb_key = Key::parse(absorb).ok_or_else(|| CurateError::BadKey(absorb.to_owned()))?;
    let mentions = to_span_refs(g, &snap.mentions);
    if let Some(kept) = g.node_mut(k) {
        kept.mentions.retain(|m| !mentions.contains(m));
        kept.aliases.retain(|a| !snap.added_aliases.contains(a));
        match &snap.kept_reason {
            Some(r) => kept.attrs.insert("merged_because".into(), r.clone()),
            None => kept.attrs.remove("merged_because"),
        };
    }
    let a = g.put_node(absorb_key, &snap.label, snap.kind, snap.aliases.clone(), snap.attrs.clone(), mentions);
    let keep_key = key_string(g, k);
    for e in &snap.edges {
        let other = if e.other == keep_key || e.other == keep {
            Some(k)
        } else {
            Key::parse(&e.other).and_then(|key| g.node_by_key(&key))
        };
        let Some(other) = other else { continue };
        if other != k {
            // the kept node's edge loses what the merge gave it, and goes if the merge made it
            let (x, y) = if e.outgoing { (k, other) } else { (other, k) };
            if let Some(edge) = g.find_edge(x, y, &e.relation) {
                if e.created {
                    g.remove_edge(edge);
                } else {
                    g.remove_evidence(edge, &to_span_refs(g, &e.added));
                }
            }
        }
        let (x, y) = if e.outgoing { (a, other) } else { (other, a) };
        let edge = g.put_edge(x, y, &e.relation, &e.label, to_span_refs(g, &e.evidence));
        if let Some(restored) = g.edge_mut(edge) {
            restored.extra.clone_from(&e.extra);
        }
    }
    Ok(())
}
