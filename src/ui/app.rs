//! The app shell: panic hook, language, URL scenario, page routing, embed mode.

use leptos::prelude::*;

use super::components::home::{Home, Navigation};
use super::components::{banners::Notices, Tr};
use super::registry;
use super::state::{Code, Ctl};
use crate::ui::core::i18n::{t, Key, Lang};
use crate::ui::core::scenario::Scenario;

/// Entry point called by `main` in the browser.
pub fn start() {
    install_panic_hook();
    leptos::mount::mount_to_body(App);
}

/// A panic logs to the console and puts a readable message in the page (in both
/// languages: the hook cannot know which one the reader chose).
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        // The message and place go to the console (for a bug report).
        web_sys::console::error_1(&info.to_string().into());
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let (Ok(div), Some(body)) = (doc.create_element("div"), doc.body()) {
            div.set_class_name("panic");
            let _ = div.set_attribute("data-testid", "panic");
            div.set_text_content(Some(&format!(
                "{} / {}",
                t(Lang::En, Key::PanicMessage),
                t(Lang::Zh, Key::PanicMessage)
            )));
            let _ = body.prepend_with_node_1(&div);
        }
    }));
}

fn browser_lang() -> Lang {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .and_then(|l| Lang::from_tag(&l))
        .unwrap_or(Lang::En)
}

/// Whether a location hash names no page (`""`, `#`, `#/`): the home page.
fn is_home(hash: &str) -> bool {
    let path = hash.trim_start_matches('#');
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    path.trim_matches('/').is_empty()
}

#[component]
pub fn App() -> impl IntoView {
    let loc = web_sys::window().map(|w| w.location());
    let search = loc
        .as_ref()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    let hash = loc.as_ref().and_then(|l| l.hash().ok()).unwrap_or_default();
    let (scenario, notices) = Scenario::from_location(&search, &hash);
    let lang = scenario.lang.unwrap_or_else(browser_lang);
    let embed = scenario.embed;
    // A bare address (or `#/`) opens the home page; a link that names a page, that page.
    let home = is_home(&hash) && search.trim_start_matches('?').is_empty();
    let ctl = Ctl::new(&registry::CATALOGUE, scenario, notices, lang, home);
    provide_context(ctl);
    super::clock::start(ctl);

    // Keep <html lang> and the title in step with the chosen language.
    Effect::new(move |_| {
        let l = ctl.lang.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(t(l, Key::AppTitle));
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", if l == Lang::Zh { "zh-CN" } else { "en" });
            }
        }
    });

    let toggle_lang = move |_| ctl.set_lang(ctl.lang.get_untracked().other());

    // Navigation by hash (links, back button, a pasted URL): rebuild from the new scenario.
    let nav = window_event_listener(leptos::ev::hashchange, move |_| {
        let loc = web_sys::window().map(|w| w.location());
        let hash = loc.as_ref().and_then(|l| l.hash().ok()).unwrap_or_default();
        if is_home(&hash) {
            ctl.go_home();
            return;
        }
        let (sc, notices) = Scenario::from_location("", &hash);
        let was_home = ctl.home.get_untracked();
        if (was_home || sc.page != ctl.scenario.get_untracked().page)
            && hash.split_once('?').is_none()
        {
            // A bare "#/paxos" from the navigation: keep speed, language, embedding.
            ctl.set_page(sc.page);
        } else if was_home || ctl.share_hash(sc.embed) != hash {
            // A link that names a language switches to it; one that does not keeps the
            // reader's choice.
            let link_lang = sc.lang;
            ctl.load(
                Scenario {
                    lang: link_lang.or(ctl.scenario.get_untracked().lang),
                    ..sc
                },
                notices,
            );
            if let Some(l) = link_lang.filter(|l| *l != ctl.lang.get_untracked()) {
                ctl.set_lang(l);
            }
        }
    });
    on_cleanup(move || nav.remove());
    // The page's content is rebuilt only when the page itself changes, not on every
    // setting (which would wipe component state and remove inputs mid-event).
    let page_memo = Memo::new(move |_| ctl.scenario.with(|s| s.page));
    let page = move || page_memo.get();
    let home = move || ctl.home.get();

    view! {
        <div class="app" class:embed=embed class:on-page=move || !home()>
            {(!embed).then(|| view! {
                <header class="topbar">
                    <div class="brand">
                        <h1><a href="#/" data-testid="nav-home-title"><Tr k=Key::AppTitle/></a></h1>
                        <p class="tagline"><Tr k=Key::AppTagline/></p>
                    </div>
                    <Navigation page=Signal::derive(move || (!home()).then(page))/>
                    <button class="lang" data-testid="lang-toggle" on:click=toggle_lang><Tr k=Key::LangToggle/></button>
                </header>
            })}
            <Notices/>
            {move || if home() {
                view! { <Home/> }.into_any()
            } else {
                // Built in this closure's own reactive scope once the page's code is here
                // (a view built elsewhere, in a Suspense, was disposed under it on leaving).
                // (`ctl.code` changes only when the code arrives or its fetch fails.)
                match (registry::loaded(page()), ctl.code.get()) {
                    (Some(code), _) => (code.view)(code.def),
                    (None, code) => view! { <PageFetching failed=code == Code::Failed/> }.into_any(),
                }
            }}
        </div>
    }
}

/// Where a page stands while its code is on its way, or after its fetch failed (with a
/// button that tries again; the scenario stays in the address bar meanwhile).
#[component]
fn PageFetching(failed: bool) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let slug = move || ctl.scenario.with(|s| s.page.slug());
    view! {
        <main class="page-fetching" data-testid="page-fetching" data-page=slug>
            {if failed {
                view! {
                    <p class="fetch-failed" data-testid="page-fetch-failed"><Tr k=Key::PageFetchFailed/></p>
                    <button data-testid="page-fetch-retry" on:click=move |_| ctl.rebuild()><Tr k=Key::TryAgain/></button>
                }.into_any()
            } else {
                view! { <p class="fetching"><Tr k=Key::PageFetching/></p> }.into_any()
            }}
        </main>
    }
}
