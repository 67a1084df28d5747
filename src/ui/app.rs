//! The app shell: panic hook, language, URL scenario, page routing, embed mode.

use leptos::prelude::*;

use super::catalog::{Kind, Page};
use super::components::bloom::BloomPage;
use super::components::ring::RingPage;
use super::components::{banners::Notices, Tr};
use super::i18n::{t, Key, Lang};
use super::pages::protocol::ProtocolPage;
use super::scenario::Scenario;
use super::state::Ctl;

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
    let ctl = Ctl::new(scenario, notices, lang);
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
        let (sc, notices) = Scenario::from_location("", &hash);
        if sc.page != ctl.scenario.get_untracked().page && hash.split_once('?').is_none() {
            // A bare "#/paxos" from the navigation: keep speed, language, embedding.
            ctl.set_page(sc.page);
        } else if ctl.share_hash(sc.embed) != hash {
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

    view! {
        <div class="app" class:embed=embed>
            {(!embed).then(|| view! {
                <header class="topbar">
                    <div class="brand">
                        <h1><Tr k=Key::AppTitle/></h1>
                        <p class="tagline"><Tr k=Key::AppTagline/></p>
                    </div>
                    <nav class="protocols">
                        {Page::ALL.into_iter().map(|p| {
                            let spec = p.spec();
                            view! {
                                <a class:active=move || page() == p href=format!("#/{}", spec.slug)
                                    data-testid=format!("nav-{}", spec.slug)><Tr k=spec.nav/></a>
                            }
                        }).collect_view()}
                    </nav>
                    <button class="lang" data-testid="lang-toggle" on:click=toggle_lang><Tr k=Key::LangToggle/></button>
                </header>
            })}
            <Notices/>
            {move || match page().spec().kind {
                Kind::Cluster | Kind::Crowd => view! { <ProtocolPage/> }.into_any(),
                Kind::Ring => view! {
                    <DataPage><RingPage/><super::components::sweep::SweepPanel kind=crate::lab::sweep::SweepKind::RingSpread/></DataPage>
                }.into_any(),
                Kind::Bloom => view! {
                    <DataPage><BloomPage/><super::components::sweep::SweepPanel kind=crate::lab::sweep::SweepKind::BloomFalsePositives/></DataPage>
                }.into_any(),
            }}
        </div>
    }
}

/// The frame of the data-structure pages: introduction, notices, settings.
#[component]
fn DataPage(children: Children) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let slug = move || ctl.scenario.with(|s| s.page.slug());
    view! {
        <main class="page" data-testid=move || format!("page-{}", slug())>
            <super::components::presets::Intro/>
            {children()}
            <super::components::controls::Settings/>
        </main>
    }
}
