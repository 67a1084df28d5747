//! A scenario as a file: what "Save scenario" writes and "Open scenario" reads (JSON
//! through serde). It holds exactly what a link holds, the settings as the link writes
//! them and the actions one link entry each; reading a file goes through the link's own
//! checks, so a bad file gets the same readable notices as a bad link, never a panic.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ui::core::notice::Notice;
use crate::ui::core::scenario::{percent_encode, query_pairs, Scenario, LINK_VERSION};

/// What a scenario file's `app` field says.
pub const APP: &str = "ds-playground";
/// The largest scenario file read (bytes): past it, a notice, not a frozen page.
pub const MAX_FILE: usize = 4 << 20;

/// The contents of a scenario file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioFile {
    pub app: String,
    /// The link format its settings and actions are written in.
    pub format: u64,
    /// The page's URL name (`raft`, `paxos`, ...).
    pub page: String,
    /// The settings as a link writes them (`seed`, `nodes`, `emin`, `tour`, ...).
    pub settings: BTreeMap<String, String>,
    /// The user's actions, one link entry each: `120000k1` is "at 120 ms, kill node 1".
    pub actions: Vec<String>,
}

/// The notice for a file that cannot be read, saying why.
fn bad_file(why: String) -> Notice {
    Notice::Malformed {
        field: "file".into(),
        value: why.chars().take(80).collect(),
    }
}

impl ScenarioFile {
    /// The file for `sc`.
    pub fn of(sc: &Scenario) -> ScenarioFile {
        let hash = sc.to_hash();
        let mut settings = BTreeMap::new();
        let mut actions = Vec::new();
        for (k, v) in query_pairs(&hash) {
            if k == "act" {
                actions.extend(v.split(',').filter(|a| !a.is_empty()).map(String::from));
            } else if k != "v" {
                settings.insert(k, v);
            }
        }
        ScenarioFile {
            app: APP.into(),
            format: LINK_VERSION,
            page: sc.page.slug().into(),
            settings,
            actions,
        }
    }

    /// The file as pretty JSON.
    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).unwrap_or_default();
        out.push('\n');
        out
    }

    /// A file of `bytes` (as the browser states its size, before reading it): refused
    /// when larger than any scenario file ([`MAX_FILE`]).
    pub fn check_size(bytes: f64) -> Result<(), Notice> {
        if bytes > MAX_FILE as f64 {
            return Err(bad_file(format!(
                "{} bytes (at most {MAX_FILE})",
                bytes as u64
            )));
        }
        Ok(())
    }

    /// Read a file; what cannot be read at all is one notice naming the problem.
    pub fn read(json: &str) -> Result<ScenarioFile, Notice> {
        let bad = bad_file;
        Self::check_size(json.len() as f64)?;
        let file: ScenarioFile = serde_json::from_str(json).map_err(|e| bad(e.to_string()))?;
        if file.app != APP {
            return Err(bad(format!("app “{}”", file.app)));
        }
        Ok(file)
    }

    /// The link this file stands for (read it with `Scenario::from_location`, which checks
    /// every value as it checks a link's).
    pub fn hash(&self) -> String {
        let mut q = format!("v={}", self.format);
        for (k, v) in &self.settings {
            q.push('&');
            q.push_str(&percent_encode(k));
            q.push('=');
            q.push_str(&percent_encode(v));
        }
        if !self.actions.is_empty() {
            q.push_str("&act=");
            let acts: Vec<String> = self.actions.iter().map(|a| percent_encode(a)).collect();
            q.push_str(&acts.join(","));
        }
        format!("#/{}?{q}", percent_encode(&self.page))
    }
}
