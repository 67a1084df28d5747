//! The browser UI. Pure pieces (translations, URL parsing) build everywhere so they are
//! unit-tested natively; the Leptos components build only for the browser.

pub mod action_log;
pub mod adapters;
pub mod catalog;
pub mod i18n;
pub mod plain_trace;
pub mod scenario;
pub mod tours;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod clock;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub use app::start;
