//! The browser UI. Pure pieces (translations, URL parsing) build everywhere so they are
//! unit-tested natively; the Leptos components build only for the browser.

pub mod i18n;
pub mod raft_view;
pub mod scenario;

#[cfg(target_arch = "wasm32")]
mod web;
#[cfg(target_arch = "wasm32")]
pub use web::start;
