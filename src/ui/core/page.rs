//! The one trait every page implements, and how the registry ([`crate::ui::registry`])
//! lists a page: its declaration ([`PageSpec`]), which the shell always has, and its code,
//! which in the browser is a chunk of its own, fetched when the page first opens (each
//! page declares it with [`page_chunk!`](crate::page_chunk)). The home page, the navigation, link parsing and the
//! tests iterate that list.

use super::runner::PageSim;
use super::scenario::{Page, PageSpec, Scenario};

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

/// A page's code could not be fetched (in the browser: its chunk did not arrive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkError;

#[cfg(target_arch = "wasm32")]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// What a page's code hands out once it is here: the page's definition and, in the
/// browser, the function that draws a page (the shared protocol layout, or the frame
/// around a page's own body). The chunk names that function, so the layout's widgets are
/// fetched with the first page, not with the shell (the home page needs none of them).
#[derive(Clone, Copy)]
pub struct PageCode {
    pub def: &'static dyn PageDef,
    #[cfg(target_arch = "wasm32")]
    pub view: fn(&'static dyn PageDef) -> leptos::prelude::AnyView,
}

/// The page's code on its way: in the browser, the fetch of its chunk.
#[cfg(target_arch = "wasm32")]
pub type Loading =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<PageCode, ChunkError>>>>;

/// How the registry reaches a page's code. Natively every page is linked in; in the
/// browser the call fetches the page's chunk (once) and then answers at once.
#[cfg(target_arch = "wasm32")]
pub type Loader = fn() -> Loading;
#[cfg(not(target_arch = "wasm32"))]
pub type Loader = fn() -> PageCode;

/// The pages the controller can open, and their code. The registry implements it and the
/// app shell hands it to the controller: the registry names every page, pages compose the
/// shared components, and those drive the controller, so nothing below the shell may name
/// the registry (`tests/layers.rs`).
pub trait Catalogue: Sync + 'static {
    /// Every page, in order; the first is the default.
    fn pages(&self) -> Vec<Page>;
    /// A page's code, if it is here: natively always; in the browser once fetched.
    fn loaded(&self, page: Page) -> Option<PageCode>;
    /// Fetch a page's code (its chunk; at once when it is here already).
    #[cfg(target_arch = "wasm32")]
    fn load(&self, page: Page) -> Loading;
    /// The run of `sc` at time 0 with its actions loaded, if the page's code is here; the
    /// page brings it to `sc.start_ms` a slice per frame.
    fn built_at_zero(&self, sc: &Scenario) -> Option<Box<dyn PageSim>> {
        let mut sim = self.loaded(sc.page)?.def.build(sc);
        sim.load_log(sc.actions.clone());
        Some(sim)
    }
    /// A link's scenario (its `location.search` and `location.hash`) among these pages,
    /// with the notices its bad parts earned.
    fn parse_link(&self, search: &str, hash: &str) -> (Scenario, Vec<super::notice::Notice>) {
        Scenario::parse(&self.pages(), search, hash)
    }
}

/// A page as the registry lists it.
pub struct PageEntry {
    /// What the page declares: in the shell, for the home page, the navigation and links.
    pub spec: &'static PageSpec,
    /// Its code (protocol, adapter, body): see [`Loader`].
    pub load: Loader,
}
