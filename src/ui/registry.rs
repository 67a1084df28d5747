//! The one list of pages. The home page, the navigation, link parsing and the tests that
//! must cover every page iterate it; adding a page is one line here (and its folder under
//! [`crate::ui::pages`], whose `mod.rs` declares its code with
//! [`page_chunk!`](crate::page_chunk)).
//!
//! The list holds each page's declaration ([`PageSpec`]) and a loader for its code. In the
//! browser the code is a chunk of its own: the first download is the shell (this list, the
//! texts, the engine, the shared components) and the page a link names is fetched beside
//! it; the other pages are fetched when the reader opens them (see [`load`]).

use crate::sim::MS;
use crate::ui::core::notice::Notice;
use crate::ui::core::page::{Catalogue, PageCode, PageEntry};
use crate::ui::core::runner::PageSim;
use crate::ui::core::scenario::{Page, PageSpec, Scenario};
use crate::ui::pages;

/// A registry line: the page's declaration and its loader.
macro_rules! page {
    ($p:ident) => {
        PageEntry {
            spec: &pages::$p::SPEC,
            load: {
                #[cfg(target_arch = "wasm32")]
                fn load() -> crate::ui::core::page::Loading {
                    Box::pin(pages::$p::load_def())
                }
                #[cfg(not(target_arch = "wasm32"))]
                use pages::$p::load_def as load;
                load
            },
        }
    };
}

/// Every page, in the order of the course notes' chapters; the first is the default.
pub static PAGES: &[PageEntry] = &[
    page!(raft),
    page!(paxos),
    page!(two_pc),
    page!(three_pc),
    page!(primary_secondary),
    page!(quorum),
    page!(cap),
    page!(consistency_models),
    page!(gossip),
    page!(ring),
    page!(bloom),
    page!(lease),
    page!(lock),
    page!(redlock),
    page!(snowflake),
    page!(failure_detector),
];

/// Every page's handle.
pub fn pages() -> Vec<Page> {
    PAGES.iter().map(|e| Page(e.spec)).collect()
}

/// The page with this URL name.
pub fn page(slug: &str) -> Option<Page> {
    PAGES
        .iter()
        .find(|e| e.spec.slug == slug)
        .map(|e| Page(e.spec))
}

/// The default page (the first).
pub fn default_page() -> Page {
    Page(PAGES[0].spec)
}

fn index(page: Page) -> Option<usize> {
    PAGES
        .iter()
        .position(|e| std::ptr::eq::<PageSpec>(e.spec, page.spec()))
}

/// A page's code, if it is here: natively always; in the browser once [`load`] fetched it.
pub fn loaded(page: Page) -> Option<PageCode> {
    let i = index(page)?;
    #[cfg(not(target_arch = "wasm32"))]
    {
        Some((PAGES[i].load)())
    }
    #[cfg(target_arch = "wasm32")]
    {
        chunks::LOADED.with(|l| l.borrow().get(i).copied().flatten())
    }
}

/// Fetch a page's code (its chunk; at once when it is already here). A failed fetch is
/// not remembered: the next call tries again.
#[cfg(target_arch = "wasm32")]
pub async fn load(page: Page) -> Result<PageCode, crate::ui::core::page::ChunkError> {
    use crate::ui::core::page::ChunkError;
    if let Some(def) = loaded(page) {
        return Ok(def);
    }
    let i = index(page).ok_or(ChunkError)?;
    let code = (PAGES[i].load)().await?;
    chunks::LOADED.with(|l| {
        let mut l = l.borrow_mut();
        l.resize(PAGES.len(), None);
        l[i] = Some(code);
    });
    Ok(code)
}

#[cfg(target_arch = "wasm32")]
mod chunks {
    use crate::ui::core::page::PageCode;
    use std::cell::RefCell;

    thread_local! {
        /// The pages whose code has arrived, by their place in [`super::PAGES`].
        pub static LOADED: RefCell<Vec<Option<PageCode>>> = const { RefCell::new(Vec::new()) };
    }
}

/// A running page for `sc`: its protocol, settings, preset script and the user's logged
/// actions (replayed as the clock reaches them), advanced to its start time. Natively
/// every page's code is here; see [`built_at_zero`] for the browser.
#[cfg(not(target_arch = "wasm32"))]
pub fn build(sc: &Scenario) -> Box<dyn PageSim> {
    at_start(build_at_zero(sc), sc)
}

/// `sim` run to the scenario's start time.
fn at_start(mut sim: Box<dyn PageSim>, sc: &Scenario) -> Box<dyn PageSim> {
    if sc.start_ms > 0 {
        sim.run_until(sc.start_ms.saturating_mul(MS));
    }
    sim
}

/// The run of `sc` at time 0 with its actions loaded (natively, where every page's code
/// is linked in).
#[cfg(not(target_arch = "wasm32"))]
pub fn build_at_zero(sc: &Scenario) -> Box<dyn PageSim> {
    built_at_zero(sc).expect("natively every page's code is linked in")
}

/// The run of `sc` at time 0 with its actions loaded, if the page's code is here; the page
/// brings it to `sc.start_ms` a slice per frame.
pub fn built_at_zero(sc: &Scenario) -> Option<Box<dyn PageSim>> {
    CATALOGUE.built_at_zero(sc)
}

/// The registry as the controller sees it (the app shell hands it over).
pub struct Registry;

/// The one registry.
pub static CATALOGUE: Registry = Registry;

impl Catalogue for Registry {
    fn pages(&self) -> Vec<Page> {
        pages()
    }
    fn loaded(&self, page: Page) -> Option<PageCode> {
        loaded(page)
    }
    #[cfg(target_arch = "wasm32")]
    fn load(&self, page: Page) -> crate::ui::core::page::Loading {
        Box::pin(load(page))
    }
}

/// The run of `sc` at its start time, fetching the page's code first if need be (the
/// browser's benchmark hooks).
#[cfg(target_arch = "wasm32")]
pub async fn build_loaded(sc: &Scenario) -> Option<Box<dyn PageSim>> {
    load(sc.page).await.ok()?;
    Some(at_start(built_at_zero(sc)?, sc))
}

impl Scenario {
    /// Read a scenario from the page's `location.search` and `location.hash`, among the
    /// registry's pages (see [`Scenario::parse`]).
    pub fn from_location(search: &str, hash: &str) -> (Scenario, Vec<Notice>) {
        CATALOGUE.parse_link(search, hash)
    }
}

impl Default for Scenario {
    /// The default page with its defaults.
    fn default() -> Self {
        Scenario::new(default_page())
    }
}
