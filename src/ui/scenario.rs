//! The scenario a page runs, as it travels in the URL: `#/raft?seed=7&nodes=5&...`
//! (query-string parameters before the hash work too; the hash wins).
//!
//! Parsing never fails: a malformed value falls back to its default, an out-of-range one
//! is clamped, an unknown field is ignored, and each of these yields a [`Notice`] the page
//! shows to the reader.

use crate::protocols::raft::RaftConfig;
use crate::sim::{NetConfig, MS};
use crate::ui::i18n::Lang;

/// The pages of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Raft,
}

impl Page {
    pub fn slug(self) -> &'static str {
        match self {
            Page::Raft => "raft",
        }
    }
}

/// Everything needed to rebuild a run and its view.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub page: Page,
    pub seed: u64,
    pub nodes: usize,
    /// Playback speed multiplier, `0.1..=10`.
    pub speed: f64,
    /// The interface language, if the link fixes one.
    pub lang: Option<Lang>,
    /// Chrome-less mode for iframes.
    pub embed: bool,
    pub election_min_ms: u64,
    pub election_max_ms: u64,
    pub heartbeat_ms: u64,
    pub latency_min_ms: u64,
    pub latency_max_ms: u64,
    /// Message loss in percent, `0..=90`.
    pub loss_pct: u64,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            page: Page::Raft,
            seed: 1,
            nodes: 5,
            speed: 1.0,
            lang: None,
            embed: false,
            election_min_ms: 150,
            election_max_ms: 300,
            heartbeat_ms: 50,
            latency_min_ms: 20,
            latency_max_ms: 40,
            loss_pct: 0,
        }
    }
}

/// Something in a link that could not be used as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Malformed { field: String, value: String },
    Clamped { field: String, value: String, to: String },
    UnknownField { field: String },
    UnknownPage { page: String },
}

/// Limits of each numeric setting (inclusive).
pub mod limits {
    pub const NODES: (u64, u64) = (3, 9);
    pub const ELECTION_MS: (u64, u64) = (20, 10_000);
    pub const HEARTBEAT_MS: (u64, u64) = (5, 5_000);
    pub const LATENCY_MS: (u64, u64) = (1, 2_000);
    pub const LOSS_PCT: (u64, u64) = (0, 90);
    pub const SPEED: (f64, f64) = (0.1, 10.0);
}

fn clamp_u64(field: &str, v: u64, (lo, hi): (u64, u64), notices: &mut Vec<Notice>) -> u64 {
    let c = v.clamp(lo, hi);
    if c != v {
        notices.push(Notice::Clamped { field: field.into(), value: v.to_string(), to: c.to_string() });
    }
    c
}

/// Undo `%xx` escapes and `+` (lossy on invalid UTF-8).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
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

/// Shorten what we echo back from a hostile link.
fn shown(v: &str) -> String {
    let mut s: String = v.chars().take(40).collect();
    if v.chars().count() > 40 {
        s.push('…');
    }
    s
}

impl Scenario {
    /// Read a scenario from the page's `location.search` and `location.hash`.
    pub fn from_location(search: &str, hash: &str) -> (Scenario, Vec<Notice>) {
        let mut sc = Scenario::default();
        let mut notices = Vec::new();
        let hash = hash.trim_start_matches('#');
        let (path, hash_query) = match hash.split_once('?') {
            Some((p, q)) => (p, q),
            None => (hash, ""),
        };
        let page = path.trim_matches('/');
        match page {
            "" | "raft" => sc.page = Page::Raft,
            other => notices.push(Notice::UnknownPage { page: shown(&percent_decode(other)) }),
        }
        let search = search.trim_start_matches('?');
        for pair in search.split('&').chain(hash_query.split('&')) {
            if pair.is_empty() {
                continue;
            }
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            sc.set(&percent_decode(k), &percent_decode(v), &mut notices);
        }
        notices.extend(sc.normalize());
        (sc, notices)
    }

    fn set(&mut self, key: &str, value: &str, notices: &mut Vec<Notice>) {
        let malformed = |notices: &mut Vec<Notice>| notices.push(Notice::Malformed { field: shown(key), value: shown(value) });
        let int = |notices: &mut Vec<Notice>| -> Option<u64> {
            let v = value.trim().parse::<u64>().ok();
            if v.is_none() {
                malformed(notices);
            }
            v
        };
        match key {
            "seed" => {
                if let Some(v) = int(notices) {
                    self.seed = v;
                }
            }
            "nodes" => {
                if let Some(v) = int(notices) {
                    self.nodes = v.min(1_000) as usize;
                }
            }
            "speed" => match value.trim().parse::<f64>() {
                Ok(v) if v.is_finite() => self.speed = v,
                _ => malformed(notices),
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
            "emin" => {
                if let Some(v) = int(notices) {
                    self.election_min_ms = v;
                }
            }
            "emax" => {
                if let Some(v) = int(notices) {
                    self.election_max_ms = v;
                }
            }
            "hb" => {
                if let Some(v) = int(notices) {
                    self.heartbeat_ms = v;
                }
            }
            "lmin" => {
                if let Some(v) = int(notices) {
                    self.latency_min_ms = v;
                }
            }
            "lmax" => {
                if let Some(v) = int(notices) {
                    self.latency_max_ms = v;
                }
            }
            "loss" => {
                if let Some(v) = int(notices) {
                    self.loss_pct = v;
                }
            }
            other => notices.push(Notice::UnknownField { field: shown(other) }),
        }
    }

    /// Bring every setting into its range and make related settings agree (the election
    /// timeout range is ordered, heartbeats are shorter than the shortest timeout).
    /// Returns what had to change.
    pub fn normalize(&mut self) -> Vec<Notice> {
        let mut n = Vec::new();
        self.nodes = clamp_u64("nodes", self.nodes as u64, limits::NODES, &mut n) as usize;
        self.election_min_ms = clamp_u64("emin", self.election_min_ms, limits::ELECTION_MS, &mut n);
        self.election_max_ms = clamp_u64("emax", self.election_max_ms, (self.election_min_ms, limits::ELECTION_MS.1), &mut n);
        let hb_max = (self.election_min_ms / 2).max(limits::HEARTBEAT_MS.0);
        self.heartbeat_ms = clamp_u64("hb", self.heartbeat_ms, (limits::HEARTBEAT_MS.0, hb_max.min(limits::HEARTBEAT_MS.1)), &mut n);
        self.latency_min_ms = clamp_u64("lmin", self.latency_min_ms, limits::LATENCY_MS, &mut n);
        self.latency_max_ms = clamp_u64("lmax", self.latency_max_ms, (self.latency_min_ms, limits::LATENCY_MS.1), &mut n);
        self.loss_pct = clamp_u64("loss", self.loss_pct, limits::LOSS_PCT, &mut n);
        let (lo, hi) = limits::SPEED;
        let s = self.speed.clamp(lo, hi);
        if s != self.speed {
            n.push(Notice::Clamped { field: "speed".into(), value: format!("{}", self.speed), to: format!("{s}") });
            self.speed = s;
        }
        n
    }

    /// The URL hash for this scenario (`#/raft?seed=…`); only non-default settings beyond
    /// seed and node count are written.
    pub fn to_hash(&self) -> String {
        let d = Scenario::default();
        let mut q = format!("seed={}&nodes={}", self.seed, self.nodes);
        let mut push = |k: &str, v: String| {
            q.push('&');
            q.push_str(k);
            q.push('=');
            q.push_str(&v);
        };
        if self.speed != d.speed {
            push("speed", format!("{}", (self.speed * 100.0).round() / 100.0));
        }
        if let Some(l) = self.lang {
            push("lang", l.code().into());
        }
        if self.embed {
            push("embed", "1".into());
        }
        for (k, v, dv) in [
            ("emin", self.election_min_ms, d.election_min_ms),
            ("emax", self.election_max_ms, d.election_max_ms),
            ("hb", self.heartbeat_ms, d.heartbeat_ms),
            ("lmin", self.latency_min_ms, d.latency_min_ms),
            ("lmax", self.latency_max_ms, d.latency_max_ms),
            ("loss", self.loss_pct, d.loss_pct),
        ] {
            if v != dv {
                push(k, v.to_string());
            }
        }
        format!("#/{}?{}", self.page.slug(), q)
    }

    /// The protocol settings this scenario asks for.
    pub fn raft_config(&self) -> RaftConfig {
        RaftConfig {
            election_min: self.election_min_ms * MS,
            election_max: self.election_max_ms * MS,
            heartbeat: self.heartbeat_ms * MS,
            ..RaftConfig::default()
        }
    }

    /// The network settings this scenario asks for.
    pub fn net_config(&self) -> NetConfig {
        NetConfig { latency_min: self.latency_min_ms * MS, latency_max: self.latency_max_ms * MS, loss: self.loss_pct as f64 / 100.0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_hash_and_search_with_the_hash_winning() {
        let (sc, n) = Scenario::from_location("?seed=3&nodes=7", "#/raft?seed=9&lang=zh");
        assert!(n.is_empty(), "{n:?}");
        assert_eq!((sc.seed, sc.nodes, sc.lang), (9, 7, Some(Lang::Zh)));
    }

    #[test]
    fn bad_values_fall_back_and_out_of_range_values_clamp_with_notices() {
        let (sc, n) = Scenario::from_location("", "#/raft?seed=abc&nodes=100&speed=50&loss=-3&emin=300&emax=100&bogus=1");
        assert_eq!(sc.seed, 1);
        assert_eq!(sc.nodes, 9);
        assert_eq!(sc.speed, 10.0);
        assert_eq!(sc.loss_pct, 0);
        assert!(sc.election_max_ms >= sc.election_min_ms);
        assert!(n.contains(&Notice::Malformed { field: "seed".into(), value: "abc".into() }));
        assert!(n.contains(&Notice::Clamped { field: "nodes".into(), value: "100".into(), to: "9".into() }));
        assert!(n.contains(&Notice::Malformed { field: "loss".into(), value: "-3".into() }));
        assert!(n.contains(&Notice::UnknownField { field: "bogus".into() }));
        assert!(n.iter().any(|x| matches!(x, Notice::Clamped { field, .. } if field == "emax")));
    }

    #[test]
    fn unknown_page_falls_back_to_raft() {
        let (sc, n) = Scenario::from_location("", "#/nonsense");
        assert_eq!(sc.page, Page::Raft);
        assert_eq!(n, vec![Notice::UnknownPage { page: "nonsense".into() }]);
    }

    #[test]
    fn heartbeat_stays_below_the_election_timeout() {
        let (sc, n) = Scenario::from_location("", "#/raft?emin=100&emax=200&hb=400");
        assert!(sc.heartbeat_ms <= 50);
        assert_eq!(n.len(), 1);
    }

    #[test]
    fn hash_round_trips() {
        let sc = Scenario { seed: 77, nodes: 9, speed: 2.5, lang: Some(Lang::En), embed: true, loss_pct: 10, latency_max_ms: 80, ..Scenario::default() };
        let (back, n) = Scenario::from_location("", &sc.to_hash());
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(back, sc);
    }

    #[test]
    fn random_garbage_never_panics() {
        let mut rng = crate::sim::SimRng::new(5);
        let alphabet = b"#/?&=%+-.0123456789abcdefghijklmnopqrstuvwxyz\xc3\xa9 emin nodes seed";
        for _ in 0..20_000 {
            let len = rng.index(60);
            let bytes: Vec<u8> = (0..len).map(|_| alphabet[rng.index(alphabet.len())]).collect();
            let s = String::from_utf8_lossy(&bytes);
            let (sc, _) = Scenario::from_location(&s, &s);
            assert!((3..=9).contains(&sc.nodes));
            assert!(sc.election_min_ms <= sc.election_max_ms);
        }
    }
}
