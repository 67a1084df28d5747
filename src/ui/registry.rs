//! The one list of pages. The home page, the navigation, link parsing and the tests that
//! must cover every page iterate it; adding a page is one line here (and its folder under
//! [`crate::ui::pages`]).

use crate::sim::MS;
use crate::ui::core::notice::Notice;
use crate::ui::core::page::PageDef;
use crate::ui::core::runner::PageSim;
use crate::ui::core::scenario::{Page, Scenario};
use crate::ui::pages;

/// Every page, in the order of the course notes' chapters; the first is the default.
pub static PAGES: &[&dyn PageDef] = &[
    &pages::raft::RaftPage,
    &pages::paxos::PaxosPage,
    &pages::two_pc::TwoPcPage,
    &pages::three_pc::ThreePcPage,
    &pages::primary_secondary::PrimarySecondaryPage,
    &pages::quorum::QuorumPage,
    &pages::cap::CapPage,
    &pages::consistency_models::ConsistencyModelsPage,
    &pages::gossip::GossipPage,
    &pages::ring::RingPage,
    &pages::bloom::BloomPage,
    &pages::lease::LeasePage,
    &pages::lock::LockPage,
    &pages::redlock::RedlockPage,
    &pages::snowflake::SnowflakePage,
    &pages::failure_detector::FailureDetectorPage,
];

/// Every page's handle.
pub fn pages() -> Vec<Page> {
    PAGES.iter().map(|d| Page(d.spec())).collect()
}

/// The page with this URL name.
pub fn page(slug: &str) -> Option<Page> {
    PAGES
        .iter()
        .find(|d| d.spec().slug == slug)
        .map(|d| Page(d.spec()))
}

/// The default page (the first).
pub fn default_page() -> Page {
    Page(PAGES[0].spec())
}

/// A page's definition.
pub fn def(page: Page) -> &'static dyn PageDef {
    *PAGES
        .iter()
        .find(|d| d.spec().slug == page.slug())
        .expect("every page handle comes from the registry")
}

/// A running page for `sc`: its protocol, settings, preset script and the user's logged
/// actions (replayed as the clock reaches them), advanced to its start time.
pub fn build(sc: &Scenario) -> Box<dyn PageSim> {
    let mut sim = build_at_zero(sc);
    if sc.start_ms > 0 {
        sim.run_until(sc.start_ms.saturating_mul(MS));
    }
    sim
}

/// The run of `sc` at time 0 with its actions loaded; the page brings it to `sc.start_ms`
/// a slice per frame.
pub fn build_at_zero(sc: &Scenario) -> Box<dyn PageSim> {
    let mut sim = def(sc.page).build(sc);
    sim.load_log(sc.actions.clone());
    sim
}

impl Scenario {
    /// Read a scenario from the page's `location.search` and `location.hash`, among the
    /// registry's pages (see [`Scenario::parse`]).
    pub fn from_location(search: &str, hash: &str) -> (Scenario, Vec<Notice>) {
        Scenario::parse(&pages(), search, hash)
    }
}

impl Default for Scenario {
    /// The default page with its defaults.
    fn default() -> Self {
        Scenario::new(default_page())
    }
}
