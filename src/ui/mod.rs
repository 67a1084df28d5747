//! The browser UI. `core` (shared, pure), `pages` (one folder per page) and `registry`
//! build everywhere so they are tested natively; the Leptos components and the app shell
//! build only for the browser.

pub mod core;
pub mod pages;
pub mod registry;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod clock;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub use app::start;
