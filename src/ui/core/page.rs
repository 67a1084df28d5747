//! The one trait every page implements, and how the registry ([`crate::ui::registry`])
//! lists a page: its declaration ([`PageSpec`]), which the shell always has, and its code,
//! which in the browser is a chunk of its own, fetched when the page first opens (see
//! [`page_chunk!`](crate::page_chunk)). The home page, the navigation, link parsing and the
//! tests iterate that list.

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

/// A page's code could not be fetched (in the browser: its chunk did not arrive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkError;

#[cfg(target_arch = "wasm32")]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

/// The page's code on its way: in the browser, the fetch of its chunk.
#[cfg(target_arch = "wasm32")]
pub type Loading =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<&'static dyn PageDef, ChunkError>>>>;

/// How the registry reaches a page's code. Natively every page is linked in; in the
/// browser the call fetches the page's chunk (once) and then answers at once.
#[cfg(target_arch = "wasm32")]
pub type Loader = fn() -> Loading;
#[cfg(not(target_arch = "wasm32"))]
pub type Loader = fn() -> &'static dyn PageDef;

/// A page as the registry lists it.
pub struct PageEntry {
    /// What the page declares: in the shell, for the home page, the navigation and links.
    pub spec: &'static PageSpec,
    /// Its code (protocol, adapter, body): see [`Loader`].
    pub load: Loader,
}

/// Declares a page's code as a split point: `page_chunk!(chunk_name, PageType)` in the
/// page's `mod.rs` gives `load_def`, which in the browser lives in the chunk `chunk_name`
/// with everything only it reaches (the protocol, the adapter, the page's components) and
/// is fetched on its first call; natively it is an ordinary function. The shell must name
/// the page's type nowhere else, or the page's code is pulled back into the first download.
#[macro_export]
macro_rules! page_chunk {
    ($chunk:ident, $def:expr) => {
        /// The page's code (in the browser, its own chunk, fetched when the page opens).
        #[cfg(target_arch = "wasm32")]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn load_def() -> ::core::result::Result<
            &'static dyn $crate::ui::core::page::PageDef,
            $crate::ui::core::page::ChunkError,
        > {
            ::core::result::Result::Ok(&$def)
        }
        /// The page's code.
        #[cfg(not(target_arch = "wasm32"))]
        pub fn load_def() -> &'static dyn $crate::ui::core::page::PageDef {
            &$def
        }
    };
}
