//! What every page shares and no page owns: texts, the scenario and its URL, user actions
//! and their log, notices, tours, the per-frame view model and the rewindable runner.
//! Pure Rust (builds natively and is tested there); no page-specific code lives here, and
//! the modules depend on each other in one direction only (a test checks for cycles):
//!
//! `notice`, `action` → `i18n` → `text` → `spec` → `action_log`, `tours` → `scenario` →
//! `view` → `plain_trace` → `runner` → `page`.

pub mod action;
pub mod action_log;
pub mod i18n;
pub mod notice;
pub mod page;
pub mod plain_trace;
pub mod runner;
pub mod scenario;
pub mod scenario_file;
pub mod spec;
pub mod text;
pub mod tour_run;
pub mod tours;
pub mod view;
