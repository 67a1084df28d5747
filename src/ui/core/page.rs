//! The one trait every page implements. The registry ([`crate::ui::registry`]) lists the
//! pages; the home page, the navigation, link parsing and the tests iterate that list.

use super::runner::PageSim;
use super::scenario::{PageSpec, Scenario};

/// A page of the app: its declaration ([`PageSpec`]: settings, presets, texts, chapter)
/// and its behaviour (how a scenario becomes a run, and, for pages that are not a cluster
/// of nodes, what it draws instead).
pub trait PageDef: Sync + 'static {
    /// What the page declares.
    fn spec(&self) -> &'static PageSpec;
    /// A run of `sc` at time 0: the protocol's nodes, settings and preset script (the
    /// registry then loads the user's actions and advances to the start time).
    fn build(&self, sc: &Scenario) -> Box<dyn PageSim>;
    /// The page's own body instead of the shared cluster layout (data-structure pages).
    #[cfg(target_arch = "wasm32")]
    fn body(&self) -> Option<leptos::prelude::AnyView> {
        None
    }
    /// The page's own drawing under the cluster, beside the shared layout (the failure
    /// detectors' heartbeat and φ plot), fed by the adapter's [`crate::ui::core::view::PageData`].
    #[cfg(target_arch = "wasm32")]
    fn drawing(&self) -> Option<leptos::prelude::AnyView> {
        None
    }
    /// Panels below the shared layout (the page's experiments).
    #[cfg(target_arch = "wasm32")]
    fn extras(&self) -> Option<leptos::prelude::AnyView> {
        None
    }
}
