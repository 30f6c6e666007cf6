//! A citation map: a cable, the cables it cites and those that cite it, a few hops each way,
//! laid out on a time axis for the page to draw.
//!
//! The neighbourhood is found breadth first, nearest hops first, and the search stops at the
//! hop where [`MapLimits::max_nodes`] is reached: the most-cited cable of a collection can have
//! hundreds of citers, and their citers are never looked for. Coordinates are in an abstract
//! box [`MAP_WIDTH`] wide: x is time, y a lane chosen so that nodes of one lane are at least
//! [`NODE_WIDTH`] apart. **Invariant: the map is a function of the index and its arguments**:
//! nodes are sorted by date then ID, edges by their nodes, so two calls draw the same picture.

use std::collections::{HashMap, HashSet};

use crate::entry::{date_of_day, days_since_epoch};
use crate::index::Index;

/// The width of a map's box, in its abstract unit.
pub const MAP_WIDTH: f32 = 800.0;

/// The width a node is drawn with: nodes of one lane are at least this far apart (centre to
/// centre), so labels like `08 USUNNEWYORK 1234` fit between them.
pub const NODE_WIDTH: f32 = 110.0;

/// The height of one lane; a map is as high as its lanes.
pub const LANE_HEIGHT: f32 = 36.0;

/// Room left at each side of the time axis, so the earliest and latest nodes fit in the box.
const MARGIN: f32 = NODE_WIDTH / 2.0 + 10.0;

/// The shortest stretch of time the axis shows (60 days, in minutes): nodes days apart are not
/// spread across the whole box, and nodes of one date sit in the middle.
const MIN_SPAN_MINUTES: i64 = 60 * 1440;

/// At most this many ticks on the axis.
const MAX_TICKS: i64 = 10;

/// How far a map reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapLimits {
    /// Hops followed each way: along "cites" (older cables) and along "cited by" (newer ones).
    /// At most 127 are followed.
    pub depth: u8,
    /// Nodes drawn at most, the cable itself included.
    pub max_nodes: usize,
}

impl Default for MapLimits {
    fn default() -> MapLimits {
        MapLimits {
            depth: 2,
            max_nodes: 40,
        }
    }
}

/// A cable's citation neighbourhood, laid out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CitationMap {
    /// The cables drawn, sorted by date then ID (undated ones at the middle of the axis).
    pub nodes: Vec<MapNode>,
    /// Who cites whom among the nodes, each pair once, sorted.
    pub edges: Vec<MapEdge>,
    /// The box's width: [`MAP_WIDTH`].
    pub width: f32,
    /// The box's height: lanes times [`LANE_HEIGHT`].
    pub height: f32,
    /// Years, or months when the axis spans less than three years, from left to right.
    pub axis: Vec<AxisTick>,
    /// Cables found within the depth but not drawn, for [`MapLimits::max_nodes`].
    pub left_out: usize,
    /// Whether `left_out` counts every cable not drawn. The search stops at the hop where the
    /// limit is met, so when that hop is nearer than the depth, farther cables are not counted
    /// and `left_out` is a lower bound.
    pub left_out_is_exact: bool,
}

/// One cable of a map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapNode {
    /// The canonical ID (`08OTTAWA372`); empty for a cable of the collection without one.
    pub id: String,
    /// The collection's cable; `None`: cited, but not in this collection.
    pub doc: Option<u32>,
    /// Minutes since the epoch: the cable's [`crate::Entry::date`], or, when `estimated`, the
    /// middle of its ID's year (`08STATE24735`: 2008-07-01); `None` when neither is known.
    pub date: Option<i64>,
    /// Whether `date` is an estimate from the ID's year rather than the cable's own date.
    pub estimated: bool,
    /// The centre's x: time, from left (older) to right.
    pub x: f32,
    /// The centre's y: the node's lane.
    pub y: f32,
    /// Hops from the cable the map is of: 0 that cable, -n cited by it through n hops (older),
    /// +n citing it through n hops (newer).
    pub hops: i8,
    /// A short label: `08 OTTAWA 372`, or the published ID for a cable without a canonical one.
    pub label: String,
}

/// A citation between two nodes: `from` cites `to` (indices into [`CitationMap::nodes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MapEdge {
    /// The citing node.
    pub from: usize,
    /// The cited node.
    pub to: usize,
}

/// A mark on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisTick {
    /// Where it is, within `0..=width`.
    pub x: f32,
    /// `2008`, or `Mar 2008` on a short axis.
    pub label: String,
}

/// A cable found by the search, before it is laid out.
#[derive(Debug, Clone)]
struct Found {
    id: String,
    doc: Option<u32>,
    hops: i8,
}

impl Found {
    /// What tells cables apart: the canonical ID, or the cable number for one without an ID.
    fn key(&self) -> String {
        match (&self.id, self.doc) {
            (id, _) if !id.is_empty() => id.clone(),
            (_, Some(doc)) => format!("#{doc}"),
            (_, None) => String::new(),
        }
    }
}

/// The citation map of cable `doc`: it, what it cites and what cites it, up to `limits.depth`
/// hops each way, laid out. Empty for a cable number the index does not have.
pub fn neighbourhood(index: &Index, doc: u32, limits: MapLimits) -> CitationMap {
    let Some(entry) = index.entry(doc) else {
        return CitationMap::default();
    };
    let central = Found {
        id: entry.id.clone().unwrap_or_default(),
        doc: Some(doc),
        hops: 0,
    };
    let central_date = node_date(index, &central).0;
    let search = search(index, central, central_date, limits);
    lay_out(index, search)
}

/// What the breadth-first search found.
struct Search {
    found: Vec<Found>,
    left_out: usize,
    left_out_is_exact: bool,
}

/// Breadth first from `central`, both ways, a hop at a time, until the depth or the limit.
fn search(index: &Index, central: Found, central_date: Option<i64>, limits: MapLimits) -> Search {
    let depth = limits.depth.min(127) as i8;
    let max_nodes = limits.max_nodes.max(1);
    let mut seen: HashSet<String> = HashSet::new();
    seen.insert(central.key());
    let mut found = vec![central];
    let mut older: Vec<usize> = vec![0];
    let mut newer: Vec<usize> = vec![0];
    for hop in 1..=depth {
        let (cited, citing) = next_hop(index, &found, &older, &newer, hop, &mut seen);
        if cited.is_empty() && citing.is_empty() {
            break;
        }
        let room = max_nodes.saturating_sub(found.len());
        let n_candidates = cited.len() + citing.len();
        let (cited, citing) = nearest(index, cited, citing, central_date, room);
        older = (found.len()..found.len() + cited.len()).collect();
        newer = (found.len() + cited.len()..found.len() + cited.len() + citing.len()).collect();
        found.extend(cited);
        found.extend(citing);
        if n_candidates > room {
            return Search {
                found,
                left_out: n_candidates - room,
                left_out_is_exact: hop == depth,
            };
        }
    }
    Search {
        found,
        left_out: 0,
        left_out_is_exact: true,
    }
}

/// The cables one hop beyond the last: those the `older` nodes cite (hops `-hop`) and those
/// citing the `newer` nodes (hops `hop`), each not `seen` before, each once.
fn next_hop(
    index: &Index,
    found: &[Found],
    older: &[usize],
    newer: &[usize],
    hop: i8,
    seen: &mut HashSet<String>,
) -> (Vec<Found>, Vec<Found>) {
    let mut cited = Vec::new();
    for doc in older.iter().filter_map(|&idx| found.get(idx)?.doc) {
        for citation in index.cites(doc) {
            let node = Found {
                id: citation.id,
                doc: citation.doc,
                hops: -hop,
            };
            if seen.insert(node.key()) {
                cited.push(node);
            }
        }
    }
    let mut citing = Vec::new();
    for id in newer
        .iter()
        .filter_map(|&idx| found.get(idx).map(|node| &node.id))
    {
        if id.is_empty() {
            continue;
        }
        for citation in index.cited_by(id) {
            let node = Found {
                id: index
                    .entry(citation.doc)
                    .and_then(|entry| entry.id.clone())
                    .unwrap_or_default(),
                doc: Some(citation.doc),
                hops: hop,
            };
            if seen.insert(node.key()) {
                citing.push(node);
            }
        }
    }
    (cited, citing)
}

/// At most `room` of the candidates, taken from the two sides in turn so neither crowds the
/// other out, each side nearest in time to the central cable first (ties by ID).
fn nearest(
    index: &Index,
    mut cited: Vec<Found>,
    mut citing: Vec<Found>,
    central_date: Option<i64>,
    room: usize,
) -> (Vec<Found>, Vec<Found>) {
    if cited.len() + citing.len() <= room {
        return (cited, citing);
    }
    let distance = |node: &Found| match (node_date(index, node).0, central_date) {
        (Some(date), Some(central)) => date.abs_diff(central),
        _ => u64::MAX,
    };
    for side in [&mut cited, &mut citing] {
        side.sort_by_cached_key(|node| (distance(node), node.key()));
    }
    let mut n_cited = 0;
    let mut n_citing = 0;
    while n_cited + n_citing < room {
        let cited_left = n_cited < cited.len();
        let citing_left = n_citing < citing.len();
        if cited_left && (n_cited <= n_citing || !citing_left) {
            n_cited += 1;
        } else if citing_left {
            n_citing += 1;
        } else {
            break;
        }
    }
    cited.truncate(n_cited);
    citing.truncate(n_citing);
    (cited, citing)
}

/// A node's date and whether it is an estimate: the cable's own, else the middle of its ID's
/// year.
fn node_date(index: &Index, node: &Found) -> (Option<i64>, bool) {
    let own = node
        .doc
        .and_then(|doc| index.entry(doc))
        .and_then(|entry| entry.date);
    match own {
        Some(date) => (Some(date), false),
        None => {
            let estimate = year_of_id(&node.id).map(|year| days_since_epoch(year, 7, 1) * 1440);
            (estimate, estimate.is_some())
        }
    }
}

/// The year of a canonical ID's two-digit prefix: `08` is 2008, `66` is 1966 (cables run from
/// the 1960s to 2010, so 50 and later are read in the 1900s).
fn year_of_id(id: &str) -> Option<i64> {
    let digits = id.get(..2)?;
    if !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let year: i64 = digits.parse().ok()?;
    Some(if year >= 50 { 1900 + year } else { 2000 + year })
}

/// `08 OTTAWA 372` for `08OTTAWA372`: year, station and serial apart.
fn label_of(id: &str) -> Option<String> {
    let year = id.get(..2)?;
    let rest = id.get(2..)?;
    let station = rest.trim_end_matches(|ch: char| ch.is_ascii_digit());
    let serial = rest.get(station.len()..)?;
    if station.is_empty() || serial.is_empty() {
        return None;
    }
    Some(format!("{year} {station} {serial}"))
}

/// The time axis: the minutes shown at the box's left and right edges.
#[derive(Debug, Clone, Copy)]
struct Axis {
    start: i64,
    end: i64,
}

impl Axis {
    /// The axis for the dates given: from the earliest to the latest, at least
    /// [`MIN_SPAN_MINUTES`] long, with the margins' time added at both sides.
    fn spanning(dates: impl Iterator<Item = i64>) -> Option<Axis> {
        let (mut earliest, mut latest) = (i64::MAX, i64::MIN);
        for date in dates {
            earliest = earliest.min(date);
            latest = latest.max(date);
        }
        if earliest > latest {
            return None;
        }
        let widen = (MIN_SPAN_MINUTES - (latest - earliest)).max(0);
        earliest -= widen / 2;
        latest += widen - widen / 2;
        let per_unit = (latest - earliest) as f64 / f64::from(MAP_WIDTH - 2.0 * MARGIN);
        let margin = (f64::from(MARGIN) * per_unit) as i64;
        Some(Axis {
            start: earliest - margin,
            end: latest + margin,
        })
    }

    /// Where `date` is on the box's width.
    fn x(self, date: i64) -> f32 {
        let fraction = (date - self.start) as f64 / (self.end - self.start).max(1) as f64;
        (fraction * f64::from(MAP_WIDTH)).clamp(0.0, f64::from(MAP_WIDTH)) as f32
    }

    /// The minutes at the middle of the box.
    fn middle(self) -> i64 {
        self.start + (self.end - self.start) / 2
    }

    /// Ticks at the start of every year (every few years on a long axis), or of every month
    /// (every few months) when the axis spans less than three years.
    fn ticks(self) -> Vec<AxisTick> {
        let (start_year, start_month, _) = date_of_day(self.start.div_euclid(1440));
        let (end_year, end_month, _) = date_of_day(self.end.div_euclid(1440));
        let first_month = start_year * 12 + i64::from(start_month) - 1;
        let last_month = end_year * 12 + i64::from(end_month) - 1;
        let short = last_month - first_month < 36;
        let steps: &[i64] = if short {
            &[1, 2, 3, 6, 12]
        } else {
            &[12, 24, 60, 120, 240, 600]
        };
        let span = last_month - first_month + 1;
        let step = steps
            .iter()
            .copied()
            .find(|&step| span / step < MAX_TICKS)
            .unwrap_or(1200);
        let mut ticks = Vec::new();
        let mut month = first_month + (step - first_month.rem_euclid(step)) % step;
        while month <= last_month {
            let (year, month_of_year) = (month.div_euclid(12), month.rem_euclid(12));
            let date = days_since_epoch(year, month_of_year as u8 + 1, 1) * 1440;
            if (self.start..=self.end).contains(&date) {
                let label = if short {
                    format!("{} {year}", month_name(month_of_year))
                } else {
                    year.to_string()
                };
                ticks.push(AxisTick {
                    x: self.x(date),
                    label,
                });
            }
            month += step;
        }
        ticks
    }
}

/// `Jan` for 0 … `Dec` for 11.
fn month_name(month: i64) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    usize::try_from(month)
        .ok()
        .and_then(|month| NAMES.get(month))
        .copied()
        .unwrap_or("")
}

/// The found cables dated, placed on the axis and in lanes, and their citations among them.
fn lay_out(index: &Index, search: Search) -> CitationMap {
    let dated: Vec<(Found, Option<i64>, bool)> = search
        .found
        .into_iter()
        .map(|node| {
            let (date, estimated) = node_date(index, &node);
            (node, date, estimated)
        })
        .collect();
    let axis = Axis::spanning(dated.iter().filter_map(|(_, date, _)| *date));
    let middle = axis.map_or(0, Axis::middle);
    let mut order: Vec<usize> = (0..dated.len()).collect();
    order.sort_by_cached_key(|&idx| {
        dated
            .get(idx)
            .map(|(node, date, _)| (date.unwrap_or(middle), node.key()))
    });
    let mut nodes: Vec<MapNode> = order
        .iter()
        .filter_map(|&idx| dated.get(idx))
        .map(|(node, date, estimated)| MapNode {
            label: label_of(&node.id).unwrap_or_else(|| fallback_label(index, node)),
            id: node.id.clone(),
            doc: node.doc,
            date: *date,
            estimated: *estimated,
            x: axis.map_or(MAP_WIDTH / 2.0, |axis| axis.x(date.unwrap_or(middle))),
            y: 0.0,
            hops: node.hops,
        })
        .collect();
    let n_lanes = assign_lanes(&mut nodes);
    let edges = edges(index, &nodes);
    CitationMap {
        nodes,
        edges,
        width: MAP_WIDTH,
        height: n_lanes as f32 * LANE_HEIGHT,
        axis: axis.map(Axis::ticks).unwrap_or_default(),
        left_out: search.left_out,
        left_out_is_exact: search.left_out_is_exact,
    }
}

/// The label of a cable without a canonical ID: its published ID, else its number.
fn fallback_label(index: &Index, node: &Found) -> String {
    node.doc
        .and_then(|doc| index.entry(doc))
        .map(|entry| entry.published_id.clone())
        .filter(|published| !published.is_empty())
        .unwrap_or_else(|| match node.doc {
            Some(doc) => format!("cable {doc}"),
            None => node.id.clone(),
        })
}

/// Puts each node (sorted by x) in the first lane whose last node is at least [`NODE_WIDTH`]
/// to its left, then swaps the central cable's lane into the middle, and sets every `y`.
/// Returns how many lanes there are (at least one).
fn assign_lanes(nodes: &mut [MapNode]) -> usize {
    let mut lane_ends: Vec<f32> = Vec::new();
    let mut lanes: Vec<usize> = Vec::with_capacity(nodes.len());
    for node in nodes.iter() {
        let lane = lane_ends
            .iter()
            .position(|&end| end + NODE_WIDTH <= node.x)
            .unwrap_or(lane_ends.len());
        match lane_ends.get_mut(lane) {
            Some(end) => *end = node.x,
            None => lane_ends.push(node.x),
        }
        lanes.push(lane);
    }
    let n_lanes = lane_ends.len().max(1);
    let middle = (n_lanes - 1) / 2;
    let central = nodes
        .iter()
        .position(|node| node.hops == 0)
        .and_then(|idx| lanes.get(idx))
        .copied()
        .unwrap_or(middle);
    for (node, &lane) in nodes.iter_mut().zip(&lanes) {
        let lane = match lane {
            lane if lane == central => middle,
            lane if lane == middle => central,
            lane => lane,
        };
        node.y = (lane as f32 + 0.5) * LANE_HEIGHT;
    }
    n_lanes
}

/// Every citation from a node of the collection to another node, each pair once, sorted.
fn edges(index: &Index, nodes: &[MapNode]) -> Vec<MapEdge> {
    let by_id: HashMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .filter(|(_, node)| !node.id.is_empty())
        .map(|(idx, node)| (node.id.as_str(), idx))
        .collect();
    let mut edges = Vec::new();
    for (from, node) in nodes.iter().enumerate() {
        let Some(doc) = node.doc else {
            continue;
        };
        for cited in index.cites(doc) {
            if let Some(&to) = by_id.get(cited.id.as_str()) {
                if to != from {
                    edges.push(MapEdge { from, to });
                }
            }
        }
    }
    edges.sort_unstable();
    edges.dedup();
    edges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::Doc;
    use crate::segment::SegmentBuilder;

    const MONTHS: [&str; 12] = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ];

    /// A cable of `station` (an embassy) numbered `serial`, sent on `day`/`month`/`year` (two
    /// digits), whose REF block cites `refs` (written `08 OTTAWA 200` or `STATE 2`).
    fn cable(
        station: &str,
        serial: u32,
        (year, month, day): (u32, usize, u32),
        refs: &[&str],
    ) -> String {
        let month_name = MONTHS.get(month - 1).copied().unwrap_or("JAN");
        let mut text = format!(
            "O {day:02}1200Z {month_name} {year:02}\nFM AMEMBASSY {station}\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 1\n\nC O N F I D E N T I A L {station} {serial:06}\n\nSUBJECT: CABLE {serial}\n\n"
        );
        for (idx, reference) in refs.iter().enumerate() {
            let letter = char::from(b'A' + idx as u8);
            let lead = if idx == 0 { "REF: " } else { "     " };
            text.push_str(&format!("{lead}{letter}. {reference}\n"));
        }
        text.push_str("\n1. (C) Text.\n");
        text
    }

    fn index_of(texts: &[String]) -> Index {
        let mut segment = SegmentBuilder::new();
        for (idx, text) in texts.iter().enumerate() {
            segment.push(Doc::read(idx as u32 + 1, text.clone()));
        }
        Index::build(vec![segment.finish()])
    }

    /// A: OTTAWA 100 (Jan) cites STATE 1 (missing); B: OTTAWA 200 (Feb) cites A; C: PARIS 300
    /// (Mar 14, the central cable) cites B and STATE 2 (missing); D: PARIS 400 (Apr) cites C;
    /// E: OTTAWA 500 (May) cites D and C; F: PARIS 600 (Jun) cites E.
    fn chain() -> Vec<String> {
        vec![
            cable("OTTAWA", 100, (8, 1, 10), &["STATE 1"]),
            cable("OTTAWA", 200, (8, 2, 10), &["OTTAWA 100"]),
            cable("PARIS", 300, (8, 3, 14), &["OTTAWA 200", "STATE 2"]),
            cable("PARIS", 400, (8, 4, 1), &["PARIS 300"]),
            cable("OTTAWA", 500, (8, 5, 1), &["PARIS 400", "PARIS 300"]),
            cable("PARIS", 600, (8, 6, 1), &["OTTAWA 500"]),
        ]
    }

    fn map_of(texts: &[String], central: &str, depth: u8, max_nodes: usize) -> CitationMap {
        let index = index_of(texts);
        let doc = index
            .docs_with_id(central)
            .first()
            .copied()
            .unwrap_or(u32::MAX);
        neighbourhood(&index, doc, MapLimits { depth, max_nodes })
    }

    /// The nodes as (ID, hops), sorted by ID.
    fn ids_and_hops(map: &CitationMap) -> Vec<(String, i8)> {
        let mut nodes: Vec<(String, i8)> = map
            .nodes
            .iter()
            .map(|node| (node.id.clone(), node.hops))
            .collect();
        nodes.sort();
        nodes
    }

    /// The edges as (citing ID, cited ID), sorted.
    fn edge_ids(map: &CitationMap) -> Vec<(String, String)> {
        let mut edges: Vec<(String, String)> = map
            .edges
            .iter()
            .map(|edge| {
                (
                    map.nodes[edge.from].id.clone(),
                    map.nodes[edge.to].id.clone(),
                )
            })
            .collect();
        edges.sort();
        edges
    }

    fn pairs(expect: &[(&str, i8)]) -> Vec<(String, i8)> {
        expect
            .iter()
            .map(|&(id, hops)| (id.to_string(), hops))
            .collect()
    }

    #[test]
    fn each_hop_of_depth_reaches_one_cable_further_each_way() {
        let one = map_of(&chain(), "08PARIS300", 1, 40);
        assert_eq!(
            ids_and_hops(&one),
            pairs(&[
                ("08OTTAWA200", -1),
                ("08OTTAWA500", 1),
                ("08PARIS300", 0),
                ("08PARIS400", 1),
                ("08STATE2", -1)
            ])
        );
        let two = map_of(&chain(), "08PARIS300", 2, 40);
        assert_eq!(
            ids_and_hops(&two),
            pairs(&[
                ("08OTTAWA100", -2),
                ("08OTTAWA200", -1),
                ("08OTTAWA500", 1),
                ("08PARIS300", 0),
                ("08PARIS400", 1),
                ("08PARIS600", 2),
                ("08STATE2", -1)
            ])
        );
        let three = map_of(&chain(), "08PARIS300", 3, 40);
        assert_eq!(three.nodes.len(), 8);
        assert!(three
            .nodes
            .iter()
            .any(|node| node.id == "08STATE1" && node.hops == -3));
        let none = map_of(&chain(), "08PARIS300", 0, 40);
        assert_eq!(ids_and_hops(&none), pairs(&[("08PARIS300", 0)]));
        assert!(none.edges.is_empty());
        assert_eq!((two.left_out, two.left_out_is_exact), (0, true));
    }

    #[test]
    fn every_citation_among_the_nodes_is_an_edge_once() {
        let map = map_of(&chain(), "08PARIS300", 2, 40);
        let expect: Vec<(String, String)> = [
            ("08OTTAWA200", "08OTTAWA100"),
            ("08OTTAWA500", "08PARIS300"),
            ("08OTTAWA500", "08PARIS400"),
            ("08PARIS300", "08OTTAWA200"),
            ("08PARIS300", "08STATE2"),
            ("08PARIS400", "08PARIS300"),
            ("08PARIS600", "08OTTAWA500"),
        ]
        .iter()
        .map(|&(from, to)| (from.to_string(), to.to_string()))
        .collect();
        assert_eq!(edge_ids(&map), expect);
        // A cable citing another twice (REF and text) still makes one edge.
        let mut texts = chain();
        texts.push(cable(
            "ROME",
            700,
            (8, 3, 20),
            &["PARIS 300", "08 PARIS 300"],
        ));
        let map = map_of(&texts, "08PARIS300", 1, 40);
        let from_rome = edge_ids(&map)
            .into_iter()
            .filter(|(from, _)| from == "08ROME700")
            .count();
        assert_eq!(from_rome, 1);
    }

    #[test]
    fn the_nearest_cables_are_kept_and_the_rest_counted_when_over_max_nodes() {
        // Hop 1 has four candidates for two places: one each way, nearest in time.
        let map = map_of(&chain(), "08PARIS300", 2, 3);
        assert_eq!(
            ids_and_hops(&map),
            pairs(&[("08OTTAWA200", -1), ("08PARIS300", 0), ("08PARIS400", 1)])
        );
        assert_eq!((map.left_out, map.left_out_is_exact), (2, false));
        // Hop 1 fits exactly; both cables of hop 2 are left out, and that is all of them.
        let map = map_of(&chain(), "08PARIS300", 2, 5);
        assert_eq!(map.nodes.len(), 5);
        assert_eq!((map.left_out, map.left_out_is_exact), (2, true));
    }

    #[test]
    fn cited_cables_outside_the_collection_have_no_doc_and_an_estimated_date() {
        let map = map_of(&chain(), "08PARIS300", 1, 40);
        let missing = map.nodes.iter().find(|node| node.id == "08STATE2");
        let missing =
            missing.map(|node| (node.doc, node.date, node.estimated, node.label.as_str()));
        assert_eq!(
            missing,
            Some((
                None,
                Some(days_since_epoch(2008, 7, 1) * 1440),
                true,
                "08 STATE 2"
            ))
        );
        for node in map.nodes.iter().filter(|node| node.id != "08STATE2") {
            assert!(node.doc.is_some() && !node.estimated, "{node:?}");
        }
        assert_eq!(year_of_id("66MOSCOW1"), Some(1966));
        assert_eq!(year_of_id("10STATE1"), Some(2010));
        assert_eq!(year_of_id("X"), None);
    }

    #[test]
    fn nodes_are_placed_by_date_and_never_overlap_in_a_lane() {
        // Twenty citers within a week of the central cable crowd one stretch of the axis.
        let mut texts = chain();
        for serial in 0..20 {
            texts.push(cable(
                "ROME",
                1000 + serial,
                (8, 3, 15 + serial % 7),
                &["PARIS 300"],
            ));
        }
        let map = map_of(&texts, "08PARIS300", 2, 40);
        assert_eq!(map.nodes.len(), 27);
        let mut by_lane: HashMap<u32, Vec<f32>> = HashMap::new();
        for node in &map.nodes {
            assert!((0.0..=map.width).contains(&node.x), "{node:?}");
            assert!((0.0..=map.height).contains(&node.y), "{node:?}");
            by_lane.entry(node.y.to_bits()).or_default().push(node.x);
        }
        for xs in by_lane.values() {
            for pair in xs.windows(2) {
                assert!(pair[0] + NODE_WIDTH <= pair[1], "{xs:?}");
            }
        }
        let n_lanes = (map.height / LANE_HEIGHT) as usize;
        assert_eq!(by_lane.len(), n_lanes);
        let central = map
            .nodes
            .iter()
            .find(|node| node.hops == 0)
            .map(|node| node.y);
        assert_eq!(
            central,
            Some(((n_lanes - 1) / 2) as f32 * LANE_HEIGHT + LANE_HEIGHT / 2.0)
        );
        // Sorted by date, x grows with the date.
        for pair in map.nodes.windows(2) {
            assert!(pair[0].date <= pair[1].date && pair[0].x <= pair[1].x);
        }
        let first = map.nodes.first().map(|node| node.x).unwrap_or_default();
        let last = map.nodes.last().map(|node| node.x).unwrap_or_default();
        assert!(
            first >= NODE_WIDTH / 2.0 && last <= MAP_WIDTH - NODE_WIDTH / 2.0,
            "{first} {last}"
        );
    }

    #[test]
    fn a_cable_with_hundreds_of_citers_stops_at_the_first_hop() {
        // 300 cables cite the central one, and each of them is cited by another.
        let mut texts = vec![cable("PARIS", 1, (8, 3, 1), &[])];
        for serial in 0..300 {
            let day = 1 + serial % 28;
            texts.push(cable("ROME", 1000 + serial, (8, 4, day), &["PARIS 1"]));
            let citer = format!("ROME {}", 1000 + serial);
            texts.push(cable("BERN", 1000 + serial, (8, 5, day), &[&citer]));
        }
        let index = index_of(&texts);
        let started = std::time::Instant::now();
        let map = neighbourhood(&index, 0, MapLimits::default());
        eprintln!("a map of a cable cited by 300: {:?}", started.elapsed());
        assert_eq!(map.nodes.len(), 40);
        assert!(map
            .nodes
            .iter()
            .all(|node| node.hops == 0 || node.hops == 1));
        assert_eq!((map.left_out, map.left_out_is_exact), (261, false));
        // The nearest in time are kept: the 39 citers of April 1 to 4 (11 a day).
        let latest = map.nodes.iter().filter_map(|node| node.date).max();
        assert_eq!(latest, Some(days_since_epoch(2008, 4, 4) * 1440 + 12 * 60));
    }

    #[test]
    fn a_lone_cable_is_centred() {
        let map = map_of(&chain()[..1], "08OTTAWA100", 0, 40);
        assert_eq!(map.nodes.len(), 1);
        assert_eq!(map.nodes[0].x, MAP_WIDTH / 2.0);
        assert_eq!(map.height, LANE_HEIGHT);
        let index = index_of(&chain());
        assert_eq!(
            neighbourhood(&index, 99, MapLimits::default()),
            CitationMap::default()
        );
    }

    #[test]
    fn axis_ticks_are_in_the_box_in_order_in_months_or_years() {
        let short = map_of(&chain(), "08PARIS300", 2, 40);
        let long_texts = vec![
            cable("PARIS", 1, (2, 5, 1), &[]),
            cable("PARIS", 2, (8, 5, 1), &["02 PARIS 1"]),
        ];
        let long = map_of(&long_texts, "08PARIS2", 2, 40);
        for map in [&short, &long] {
            assert!(!map.axis.is_empty());
            for tick in &map.axis {
                assert!((0.0..=map.width).contains(&tick.x), "{tick:?}");
            }
            for pair in map.axis.windows(2) {
                assert!(pair[0].x < pair[1].x, "{:?}", map.axis);
            }
            assert!(map.axis.len() <= MAX_TICKS as usize + 1);
        }
        assert!(
            short.axis.iter().any(|tick| tick.label == "Mar 2008"),
            "{:?}",
            short.axis
        );
        assert!(
            long.axis.iter().any(|tick| tick.label == "2004"),
            "{:?}",
            long.axis
        );
        assert!(
            long.axis.iter().all(|tick| tick.label.len() == 4),
            "{:?}",
            long.axis
        );
    }

    #[test]
    fn the_same_cables_in_another_order_give_the_same_map() {
        let texts = chain();
        let mut reversed = texts.clone();
        reversed.reverse();
        let forward = map_of(&texts, "08PARIS300", 2, 4);
        let backward = map_of(&reversed, "08PARIS300", 2, 4);
        let drawn = |map: &CitationMap| -> Vec<(String, i8, u32, u32, String)> {
            map.nodes
                .iter()
                .map(|node| {
                    (
                        node.id.clone(),
                        node.hops,
                        node.x.to_bits(),
                        node.y.to_bits(),
                        node.label.clone(),
                    )
                })
                .collect()
        };
        assert_eq!(drawn(&forward), drawn(&backward));
        assert_eq!(forward.edges, backward.edges);
        assert_eq!(forward.axis, backward.axis);
        assert_eq!(forward, map_of(&texts, "08PARIS300", 2, 4));
    }
}
