//! The scenario a page runs, as it travels in the URL: `#/raft?seed=7&nodes=5&...`
//! (query-string parameters before the hash work too; the hash wins).
//!
//! Parsing never fails: a malformed value falls back to its default, an out-of-range one
//! is clamped, an unknown field is ignored, and each of these yields a [`Notice`] the page
//! shows to the reader. Page-specific settings and presets come from each page's [`PageSpec`].

use std::collections::BTreeMap;

use crate::decimal::num;

use crate::sim::{NetConfig, SimTime, MS};
use crate::ui::core::action::UiAction;
use crate::ui::core::i18n::Lang;
use crate::ui::core::notice::Notice;
use crate::ui::core::spec::{Chapter, ParamSpec, PresetSpec, Relation, JUMP_KEY, PAUSE_KEY};
use crate::ui::core::text::{Text, Tx};
use crate::ui::core::tours::Tour;

/// Everything a page declares: who it is, where it sits in the course, its settings, its
/// presets, its commands and tours, and the two rules scenario parsing needs from it.
/// A page's behaviour (building its run, its body) is its [`crate::ui::core::page::PageDef`].
#[derive(Clone, Copy, Debug)]
pub struct PageSpec {
    /// The URL name (`#/raft`).
    pub slug: &'static str,
    pub chapter: Chapter,
    /// The page's name in the navigation and on the home page.
    pub title: &'static Tx,
    /// One line on the home page: what the page teaches.
    pub blurb: &'static Tx,
    /// One paragraph introducing the protocol, on the page itself.
    pub intro: &'static Tx,
    /// A small picture for the home page: an SVG element, 120 × 80 user units.
    pub picture: &'static str,
    /// (min, max, default) of the `nodes` setting.
    pub nodes: (u64, u64, u64),
    /// What `nodes` counts on this page.
    pub nodes_label: Text,
    pub params: &'static [ParamSpec],
    pub presets: &'static [PresetSpec],
    /// Title of the per-node state strips (`None`: the page has none).
    pub strips: Option<Text>,
    /// Protocol command ids a link may carry (`x2request`).
    pub commands: &'static [&'static str],
    /// The page runs on the engine's network (latency and loss settings, faults).
    pub network: bool,
    /// The page draws the space-time diagram (up to 20 nodes).
    pub space_time: bool,
    /// The page's built-in tours.
    pub tours: fn() -> Vec<Tour>,
    /// What choosing the scenario's preset implies for its other settings.
    pub preset_settings: fn(&mut Scenario),
    /// How many nodes the run has (node numbers in links are checked against it).
    pub cluster_size: fn(&Scenario) -> usize,
    /// The oldest link format ([`LINK_VERSION`]) whose runs on this page replay as they
    /// did when the link was made; older links open with a notice (0: all of them).
    pub same_runs_since: u64,
    /// The page opens on its first preset (so something happens at once); a page whose
    /// free run is already the lesson (Raft elects by itself) opens in free play.
    pub opens_on_preset: bool,
    /// Its runs draw something at random (delays, losses, random words), so the settings
    /// offer the seed; a page whose runs are fixed by its inputs alone (a drawn history,
    /// a hash ring) does not.
    pub seeded: bool,
    /// A selected node offers the time faults: pause it (a GC pause) and jump its clock
    /// (sizes: the page's `pausems` and `jumpms` settings, else 300 ms and 100 ms).
    pub time_faults: bool,
    /// A shorter name for the header's navigation (`None`: the title).
    pub nav_title: Option<&'static Tx>,
}

/// The placeholder of [`PageSpec::DEFAULT`]'s texts (every page names itself; the
/// registry's tests catch one that does not: its texts would be untranslated).
const UNNAMED: Tx = super::text::tx("", "");

/// A page without built-in tours.
pub fn no_tours() -> Vec<Tour> {
    Vec::new()
}

/// A page whose run is its `nodes` setting's nodes.
pub fn nodes_only(sc: &Scenario) -> usize {
    sc.nodes
}

impl PageSpec {
    /// What a page need not state: a cluster on the network with the space-time diagram,
    /// opening on its first preset; no strips, commands, tours, preset settings or time
    /// faults; the title in the navigation. A page writes `..PageSpec::DEFAULT` after what
    /// it states.
    pub const DEFAULT: PageSpec = PageSpec {
        slug: "",
        chapter: Chapter::Consensus,
        title: &UNNAMED,
        blurb: &UNNAMED,
        intro: &UNNAMED,
        picture: "",
        nodes: (1, 1, 1),
        nodes_label: Text::Page(&UNNAMED),
        params: &[],
        presets: &[],
        strips: None,
        commands: &[],
        network: true,
        space_time: true,
        tours: no_tours,
        preset_settings: no_preset_settings,
        cluster_size: nodes_only,
        same_runs_since: 0,
        opens_on_preset: true,
        seeded: true,
        time_faults: false,
        nav_title: None,
    };

    pub fn param(&self, key: &str) -> Option<&'static ParamSpec> {
        self.params.iter().find(|p| p.key == key)
    }
    pub fn preset(&self, slug: &str) -> Option<&'static PresetSpec> {
        self.presets.iter().find(|p| p.slug == slug)
    }
}

/// Presets that need nothing beyond their script.
pub fn no_preset_settings(_: &mut Scenario) {}

/// The run has as many nodes as the `nodes` setting says.
pub fn nodes_setting(sc: &Scenario) -> usize {
    sc.nodes
}

/// A page, by its spec (the registry lists them all). Compared by slug.
#[derive(Clone, Copy)]
pub struct Page(pub &'static PageSpec);

impl Page {
    pub fn spec(self) -> &'static PageSpec {
        self.0
    }
    pub fn slug(self) -> &'static str {
        self.0.slug
    }
}

impl PartialEq for Page {
    fn eq(&self, other: &Page) -> bool {
        self.0.slug == other.0.slug
    }
}
impl Eq for Page {}

impl std::hash::Hash for Page {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.0.slug.hash(h)
    }
}

impl std::fmt::Debug for Page {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Page({})", self.0.slug)
    }
}

/// Everything needed to rebuild a run and its view.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub page: Page,
    pub seed: u64,
    /// What this counts depends on the page (cluster size, acceptors, participants).
    pub nodes: usize,
    /// Playback speed multiplier, `0.1..=10`.
    pub speed: f64,
    /// The interface language, if the link fixes one.
    pub lang: Option<Lang>,
    /// Chrome-less mode for iframes.
    pub embed: bool,
    pub latency_min_ms: u64,
    pub latency_max_ms: u64,
    /// Message loss in percent, `0..=90`.
    pub loss_pct: u64,
    /// Messages delivered twice, in percent, `0..=90` (see [`NetConfig::duplicate`]).
    pub dup_pct: u64,
    /// The page's own settings that differ from their defaults.
    pub params: BTreeMap<&'static str, u64>,
    /// A preset's slug: its scripted actions run from time 0.
    pub preset: Option<&'static str>,
    /// The user's actions to replay (`act=`), with their virtual times.
    pub actions: Vec<(SimTime, UiAction)>,
    /// Embeds: open at this virtual time (ms).
    pub start_ms: u64,
    /// Embeds: start playing at once (default) or paused.
    pub autoplay: bool,
    /// Embeds: show the controls (default) or only the picture.
    pub controls: bool,
    /// A guided tour: a built-in slug or a teacher's own steps (see [`crate::ui::core::tours`]).
    pub tour: Option<String>,
    /// The link format this scenario was read from (`v=`; 0 for links made before links
    /// carried a version). Links are written at [`LINK_VERSION`].
    pub link_version: u64,
}

/// A session that outgrew what a link holds (see [`crate::ui::core::action_log::LINK_BUDGET`]):
/// its link carries the first `kept` of its `total` actions and opens at `until_ms`, the
/// last moment at which the link's run is still the session's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinkCut {
    pub kept: usize,
    pub total: usize,
    pub until_ms: u64,
}

impl Scenario {
    /// Take from a session's `log` what a link carries: the actions up to the first that
    /// does not fit (only those are copied), and then open at the last moment before it
    /// (which the link reproduces exactly). `None` when the whole session fits.
    pub fn set_link_actions(&mut self, log: &[(SimTime, UiAction)]) -> Option<LinkCut> {
        use crate::ui::core::action_log::{link_prefix, MAX_TIME_MS};
        let total = log.len();
        let kept = link_prefix(log);
        self.actions = log[..kept].to_vec();
        if kept == total {
            return None;
        }
        // The first action left out happens at `at`; every moment strictly before it is
        // the same in both runs.
        let at = log[kept].0;
        let until_ms = (at.saturating_sub(1) / MS).min(MAX_TIME_MS);
        self.start_ms = until_ms;
        Some(LinkCut {
            kept,
            total,
            until_ms,
        })
    }
}

/// The link format written today. Bump it when a change alters what a seed draws or how
/// an action replays on some page, and raise that page's [`PageSpec::same_runs_since`] to
/// it: that page's older links then open with a notice that their run may differ, never
/// silently. Format 2: gossip's synchronous rounds and unbiased peer choice; Raft's one
/// replication stream per follower.
pub const LINK_VERSION: u64 = 2;

impl Scenario {
    /// The defaults of `page`.
    pub fn new(page: Page) -> Scenario {
        let mut sc = Scenario {
            page,
            seed: 1,
            nodes: page.spec().nodes.2 as usize,
            speed: 1.0,
            lang: None,
            embed: false,
            latency_min_ms: 20,
            latency_max_ms: 40,
            loss_pct: 0,
            dup_pct: 0,
            params: BTreeMap::new(),
            // Pages with presets open on their first one (the happy path), so something
            // happens as soon as the page loads; `preset=free` opts out.
            preset: page
                .spec()
                .presets
                .first()
                .filter(|_| page.spec().opens_on_preset)
                .map(|p| p.slug),
            actions: Vec::new(),
            start_ms: 0,
            autoplay: true,
            controls: true,
            tour: None,
            link_version: LINK_VERSION,
        };
        sc.apply_preset_settings();
        sc
    }

    /// Give the settings the current preset needs (fixed latency, cluster shape).
    pub fn apply_preset_settings(&mut self) {
        (self.spec().preset_settings)(self);
    }

    /// How many nodes this scenario's run has.
    pub fn cluster_size(&self) -> usize {
        (self.spec().cluster_size)(self)
    }
}

/// The longest tour a link may carry (characters); a longer one is refused with a notice.
pub const MAX_TOUR: usize = 4_000;

/// The URL value for "no preset".
pub const FREE_PLAY: &str = "free";

/// Limits of the settings every page has (inclusive).
pub mod limits {
    /// The virtual time a link may open at (see [`crate::ui::core::action_log::MAX_TIME_MS`]).
    pub const TIME_MS: (u64, u64) = (0, crate::ui::core::action_log::MAX_TIME_MS);
    pub const LATENCY_MS: (u64, u64) = crate::ui::core::action_log::LATENCY_MS;
    pub const LOSS_PCT: (u64, u64) = crate::ui::core::action_log::LOSS_PCT;
    pub const DUP_PCT: (u64, u64) = crate::ui::core::action_log::DUP_PCT;
    pub const SPEED: (f64, f64) = (0.1, 10.0);
}

fn clamp_u64(field: &str, v: u64, (lo, hi): (u64, u64), notices: &mut Vec<Notice>) -> u64 {
    let c = v.clamp(lo, hi.max(lo));
    if c != v {
        notices.push(Notice::Clamped {
            field: field.into(),
            value: v.to_string(),
            to: c.to_string(),
        });
    }
    c
}

/// Undo `%xx` escapes and `+` (lossy on invalid UTF-8).
/// The `key=value` pairs of a query string, decoded.
fn decode_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

/// The decoded `key=value` pairs of a link's hash (`#/raft?seed=3&...`).
pub(crate) fn query_pairs(hash: &str) -> Vec<(String, String)> {
    let hash = hash.trim_start_matches('#');
    decode_pairs(hash.split_once('?').map_or("", |(_, q)| q))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escape what a URL query value cannot hold as is (for teachers' tour texts).
pub(crate) fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'|' => {
                out.push(b as char)
            }
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Shorten what we echo back from a hostile link.
fn shown(v: &str) -> String {
    let mut s: String = v.chars().take(40).collect();
    if v.chars().count() > 40 {
        s.push('…');
    }
    s
}

impl Scenario {
    /// How long a dropped message's mark stays on the drawing: two of the slowest hops.
    pub fn drop_linger(&self) -> SimTime {
        (self.latency_max_ms * 2).max(20) * MS
    }

    /// This page's spec.
    pub fn spec(&self) -> &'static PageSpec {
        self.page.spec()
    }

    /// A page setting's value (its default when unset).
    /// How long the inspector's "pause" stops a node and how far "clock ±" steps its
    /// clock, in µs (see [`PageSpec::time_faults`]).
    pub fn time_fault_sizes(&self) -> (SimTime, i64) {
        let or = |key: &str, default: u64| match self.spec().param(key) {
            Some(p) => self.param(p).max(1),
            None => default,
        };
        (
            or(PAUSE_KEY, 300) * crate::sim::MS,
            (or(JUMP_KEY, 100) * crate::sim::MS) as i64,
        )
    }

    pub fn param(&self, p: &ParamSpec) -> u64 {
        self.declared(p);
        self.params.get(p.key).copied().unwrap_or(p.default)
    }

    /// Set a page setting; call [`Scenario::normalize`] after. The value is kept even when
    /// it equals the catalog default: a preset may imply another value, and the link must
    /// say which one the user chose.
    pub fn set_param(&mut self, p: &ParamSpec, v: u64) {
        self.declared(p);
        // A setting at its default is not kept: two scenarios that read the same are equal.
        if v == p.default {
            self.params.remove(p.key);
        } else {
            self.params.insert(p.key, v);
        }
    }

    /// A setting read or written must be one this page declares (a page's adapter reading
    /// another page's constant is a mistake the tests catch).
    fn declared(&self, p: &ParamSpec) {
        debug_assert!(
            self.spec().param(p.key) == Some(p),
            "the {} page has no setting {:?}",
            self.page.slug(),
            p.key
        );
    }

    /// A preset's network: one-way latency in `min..=max`, no loss (presets whose
    /// crashes must land between two given messages).
    pub fn set_lossless_latency(&mut self, min: SimTime, max: SimTime) {
        self.latency_min_ms = min / MS;
        self.latency_max_ms = max / MS;
        self.loss_pct = 0;
        self.dup_pct = 0;
    }

    /// Read a scenario from the page's `location.search` and `location.hash`, among
    /// `pages` (the registry's list; the first is the default page).
    pub fn parse(pages: &[Page], search: &str, hash: &str) -> (Scenario, Vec<Notice>) {
        let mut notices = Vec::new();
        let hash = hash.trim_start_matches('#');
        let (path, hash_query) = hash.split_once('?').unwrap_or((hash, ""));
        let slug = path.trim_matches('/');
        let page = match slug {
            "" => pages[0],
            s => pages
                .iter()
                .copied()
                .find(|p| p.slug() == s)
                .unwrap_or_else(|| {
                    notices.push(Notice::UnknownPage {
                        page: shown(&percent_decode(s)),
                    });
                    pages[0]
                }),
        };
        let mut sc = Scenario {
            link_version: 0,
            ..Scenario::new(page)
        };
        let search = search.trim_start_matches('?');
        let pairs: Vec<(String, String)> = decode_pairs(search)
            .into_iter()
            .chain(decode_pairs(hash_query))
            .collect();
        // The preset first (it brings its own settings), then everything the link states
        // explicitly, which wins over the preset's settings.
        for (k, v) in pairs.iter().filter(|(k, _)| k == "preset") {
            sc.set(k, v, &mut notices);
            sc.apply_preset_settings();
        }
        for (k, v) in pairs.iter().filter(|(k, _)| k != "preset" && k != "act") {
            sc.set(k, v, &mut notices);
        }
        // A link that pins a run — one the app wrote (it carries its format, `v=`) or one
        // with recorded actions — from a format whose runs on this page differ from
        // today's. A hand-written link such as `#/gossip?preset=mongering&seed=3` asks for
        // a lesson, not a recorded run, and opens quietly.
        let pins_a_run = (pairs.iter())
            .any(|(k, v)| k == "act" || (k == "v" && v.trim().parse::<u64>().is_ok()));
        if pins_a_run && sc.link_version < page.spec().same_runs_since {
            notices.push(Notice::LinkVersion {
                found: sc.link_version.to_string(),
                newer: false,
            });
        }
        // Actions last: their node numbers are checked against the final cluster size.
        notices.extend(sc.normalize());
        let size = sc.cluster_size();
        for (_, v) in pairs.iter().filter(|(k, _)| k == "act") {
            let (log, bad) = crate::ui::core::action_log::decode(v, size, sc.spec().commands);
            sc.actions = log;
            notices.extend(bad);
        }
        (sc, Notice::capped(notices))
    }

    fn set(&mut self, key: &str, value: &str, notices: &mut Vec<Notice>) {
        let malformed = |notices: &mut Vec<Notice>| {
            notices.push(Notice::Malformed {
                field: shown(key),
                value: shown(value),
            })
        };
        let int = |notices: &mut Vec<Notice>| -> Option<u64> {
            let v = value.trim().parse::<u64>().ok();
            if v.is_none() {
                malformed(notices);
            }
            v
        };
        match key {
            "seed" => self.seed = int(notices).unwrap_or(self.seed),
            "v" => match value.trim().parse::<u64>() {
                Ok(v) if v > LINK_VERSION => {
                    notices.push(Notice::LinkVersion {
                        found: v.to_string(),
                        newer: true,
                    });
                    self.link_version = v;
                }
                Ok(v) => self.link_version = v,
                Err(_) => malformed(notices),
            },
            // Kept as asked (normalize clamps it to the page's range and says so).
            "nodes" => {
                self.nodes = int(notices).map_or(self.nodes, |v| v.min(usize::MAX as u64) as usize)
            }
            "speed" => match crate::decimal::parse(value) {
                Some(v) => self.speed = v,
                None => malformed(notices),
            },
            "lang" => match Lang::from_tag(value) {
                Some(l) => self.lang = Some(l),
                None => malformed(notices),
            },
            "embed" => match value {
                "1" | "true" | "" => self.embed = true,
                "0" | "false" => self.embed = false,
                _ => malformed(notices),
            },
            "lmin" => self.latency_min_ms = int(notices).unwrap_or(self.latency_min_ms),
            "lmax" => self.latency_max_ms = int(notices).unwrap_or(self.latency_max_ms),
            "loss" => self.loss_pct = int(notices).unwrap_or(self.loss_pct),
            "dup" => self.dup_pct = int(notices).unwrap_or(self.dup_pct),
            "t" => {
                self.start_ms =
                    int(notices).map_or(0, |t| clamp_u64("t", t, limits::TIME_MS, notices))
            }
            // A tour is kept whole or refused with a notice, never cut.
            "tour" if value.chars().count() > MAX_TOUR => notices.push(Notice::Clamped {
                field: "tour".into(),
                value: format!("{} characters", value.chars().count()),
                to: format!("none (at most {MAX_TOUR})"),
            }),
            "tour" => {
                let spec = self.spec();
                let (steps, bad) =
                    crate::ui::core::tours::parse(value, &(spec.tours)(), spec.commands);
                if !steps.is_empty() {
                    // A teacher's tour is kept as the steps that were used (a copied link
                    // then reopens without the same complaints); a built-in slug parses
                    // with nothing skipped, so it stays a slug.
                    self.tour = Some(if bad.is_empty() {
                        value.to_string()
                    } else {
                        crate::ui::core::tours::encode(&steps)
                    });
                }
                notices.extend(bad);
            }
            "autoplay" => match value {
                "1" | "true" => self.autoplay = true,
                "0" | "false" => self.autoplay = false,
                _ => malformed(notices),
            },
            "controls" => match value {
                "1" | "true" => self.controls = true,
                "0" | "false" => self.controls = false,
                _ => malformed(notices),
            },
            "preset" => match self.spec().preset(value) {
                Some(p) => self.preset = Some(p.slug),
                None if value == FREE_PLAY => self.preset = None,
                None => malformed(notices),
            },
            other => match self.spec().param(other) {
                Some(p) => {
                    if let Some(v) = int(notices) {
                        self.params.insert(p.key, v);
                    }
                }
                None => notices.push(Notice::UnknownField {
                    field: shown(other),
                }),
            },
        }
    }

    /// Bring every setting into its range and make related settings agree. Returns what
    /// had to change.
    pub fn normalize(&mut self) -> Vec<Notice> {
        let mut n = Vec::new();
        let spec = self.spec();
        let (lo, hi, _) = spec.nodes;
        self.nodes = clamp_u64("nodes", self.nodes as u64, (lo, hi), &mut n) as usize;
        for p in spec.params {
            let Some(&v) = self.params.get(p.key) else {
                continue;
            };
            let (mut lo, mut hi) = (p.min, p.max);
            match p.relation {
                Relation::AtLeast(other) => lo = lo.max(self.param(other)),
                Relation::AtMostHalf(other) => hi = hi.min((self.param(other) / 2).max(p.min)),
                Relation::AtMost(other) => hi = hi.min(self.param(other).max(p.min)),
                Relation::AtMostNodes => hi = hi.min((self.nodes as u64).max(p.min)),
                Relation::None => {}
            }
            let c = clamp_u64(p.key, v, (lo, hi), &mut n);
            self.set_param(p, c);
        }
        // A default that breaks a relation with a changed setting must move too.
        for p in spec.params {
            if self.params.contains_key(p.key) {
                continue;
            }
            let v = p.default;
            let ok = match p.relation {
                Relation::AtLeast(other) => v >= self.param(other),
                Relation::AtMostHalf(other) => v <= (self.param(other) / 2).max(p.min),
                Relation::AtMost(other) => v <= self.param(other).max(p.min),
                Relation::AtMostNodes => v <= (self.nodes as u64).max(p.min),
                Relation::None => true,
            };
            if !ok {
                let to = match p.relation {
                    Relation::AtLeast(other) => self.param(other),
                    Relation::AtMostHalf(other) => (self.param(other) / 2).max(p.min),
                    Relation::AtMost(other) => self.param(other).max(p.min),
                    Relation::AtMostNodes => (self.nodes as u64).max(p.min),
                    Relation::None => v,
                };
                n.push(Notice::Clamped {
                    field: p.key.into(),
                    value: v.to_string(),
                    to: to.to_string(),
                });
                self.set_param(p, to);
            }
        }
        self.latency_min_ms = clamp_u64("lmin", self.latency_min_ms, limits::LATENCY_MS, &mut n);
        self.latency_max_ms = clamp_u64(
            "lmax",
            self.latency_max_ms,
            (self.latency_min_ms, limits::LATENCY_MS.1),
            &mut n,
        );
        self.loss_pct = clamp_u64("loss", self.loss_pct, limits::LOSS_PCT, &mut n);
        self.dup_pct = clamp_u64("dup", self.dup_pct, limits::DUP_PCT, &mut n);
        let (lo, hi) = limits::SPEED;
        let s = self.speed.clamp(lo, hi);
        if s != self.speed {
            n.push(Notice::Clamped {
                field: "speed".into(),
                value: num(self.speed),
                to: num(s),
            });
            self.speed = s;
        }
        n
    }

    /// The URL hash for this scenario (`#/raft?seed=…`): seed and node count always,
    /// everything else only where it differs from the default.
    pub fn to_hash(&self) -> String {
        // What reading the link gives without these values: the page's defaults with this
        // scenario's preset applied (so a value the preset would change is always written).
        let mut d = Scenario::new(self.page);
        d.preset = self.preset;
        d.apply_preset_settings();
        let mut q = format!("v={LINK_VERSION}&seed={}&nodes={}", self.seed, self.nodes);
        let mut push = |k: &str, v: String| {
            q.push('&');
            q.push_str(k);
            q.push('=');
            q.push_str(&v);
        };
        if self.preset != Scenario::new(self.page).preset {
            push("preset", self.preset.unwrap_or(FREE_PLAY).into());
        }
        if self.speed != d.speed {
            push("speed", num((self.speed * 100.0).round() / 100.0));
        }
        if let Some(l) = self.lang {
            push("lang", l.code().into());
        }
        if self.embed {
            push("embed", "1".into());
        }
        if self.start_ms != d.start_ms {
            push("t", self.start_ms.to_string());
        }
        if !self.autoplay {
            push("autoplay", "0".into());
        }
        if !self.controls {
            push("controls", "0".into());
        }
        for (k, v, dv) in [
            ("lmin", self.latency_min_ms, d.latency_min_ms),
            ("lmax", self.latency_max_ms, d.latency_max_ms),
            ("loss", self.loss_pct, d.loss_pct),
            ("dup", self.dup_pct, d.dup_pct),
        ] {
            if v != dv {
                push(k, v.to_string());
            }
        }
        for p in self.spec().params {
            let v = self.param(p);
            if v != d.param(p) {
                push(p.key, v.to_string());
            }
        }
        if let Some(tour) = &self.tour {
            push("tour", percent_encode(tour));
        }
        if !self.actions.is_empty() {
            push("act", crate::ui::core::action_log::encode(&self.actions));
        }
        format!("#/{}?{}", self.page.slug(), q)
    }

    /// The network settings this scenario asks for.
    pub fn net_config(&self) -> NetConfig {
        NetConfig {
            latency_min: self.latency_min_ms * MS,
            latency_max: self.latency_max_ms * MS,
            loss: self.loss_pct as f64 / 100.0,
            duplicate: self.dup_pct as f64 / 100.0,
        }
    }

    /// Settings that shape the world at time 0 (changing one restarts the run, so that a
    /// link always replays exactly); speed, language and embedding are not among them.
    /// The page's settings by their effective values (a setting left at its default and
    /// one set to it are the same run).
    pub fn world_key(&self) -> (Page, u64, usize, Vec<u64>, Option<&'static str>, NetConfig) {
        (
            self.page,
            self.seed,
            self.nodes,
            self.spec().params.iter().map(|p| self.param(p)).collect(),
            self.preset,
            self.net_config(),
        )
    }
}
