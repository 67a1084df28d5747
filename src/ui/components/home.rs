//! The home page (`#/`): every page of the registry grouped by the course notes' chapters,
//! each with its name, one line on what it teaches and its small picture; and the header
//! navigation, grouped the same way. Both come from the registry (the controller's
//! catalogue): a new page appears in them by its registry line alone.

use leptos::prelude::*;

use super::Tr;
use crate::ui::core::i18n::Key;
use crate::ui::core::scenario::Page;
use crate::ui::core::spec::Chapter;
use crate::ui::state::Ctl;

/// The registry's pages of `chapter`, in registry order.
fn pages_of(ctl: Ctl, chapter: Chapter) -> Vec<Page> {
    ctl.catalogue
        .pages()
        .into_iter()
        .filter(|p| p.spec().chapter == chapter)
        .collect()
}

fn chapter_id(c: Chapter) -> String {
    format!("{c:?}").to_ascii_lowercase()
}

#[component]
pub fn Home() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    view! {
        <main class="home" data-testid="home">
            <p class="intro"><Tr k=Key::HomeIntro/></p>
            <div class="chapters">
            {Chapter::ALL.into_iter().map(|c| {
                let pages = pages_of(ctl, c);
                let empty = pages.is_empty();
                view! {
                    <section class="chapter" data-testid=format!("chapter-{}", chapter_id(c))>
                        <h2><Tr k=c.title()/>{empty.then(|| view! { <small class="soon"> " · "<Tr k=Key::ComingSoon/></small> })}</h2>
                        <div class="cards">
                            {pages.into_iter().map(|p| {
                                let spec = p.spec();
                                view! {
                                    <div class="card-box">
                                        <a class="card" href=format!("#/{}", spec.slug) data-testid=format!("card-{}", spec.slug)
                                            on:pointerenter=move |_| ctl.prefetch(p) on:focus=move |_| ctl.prefetch(p)>
                                            <span class="picture" inner_html=spec.picture></span>
                                            <span class="card-text">
                                                <b><Tr k=spec.title/></b>
                                                <span class="blurb">{move || spec.blurb.get(ctl.lang.get())}</span>
                                            </span>
                                        </a>
                                        <CardLessons page=p/>
                                    </div>
                                }
                            }).collect_view()}
                        </div>
                        {c.upcoming().map(|k| view! { <p class="upcoming"><Tr k=k/></p> })}
                    </section>
                }
            }).collect_view()}
            </div>
        </main>
    }
}

/// What a teacher can open straight from a card: the page's presets and its tours, each a
/// link (folded, so the cards stay short).
#[component]
fn CardLessons(page: Page) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let spec = page.spec();
    let tours = (spec.tours)();
    let count = spec.presets.len() + tours.len();
    let lang = move || ctl.lang.get();
    (count > 0).then(|| view! {
        <details class="card-more" data-testid=format!("card-more-{}", spec.slug)
            on:toggle=move |_| ctl.prefetch(page)>
            <summary>
                {move || format!("{} · {} ({count})", crate::ui::core::i18n::t(lang(), Key::Presets), crate::ui::core::i18n::t(lang(), Key::Tours))}
            </summary>
            <span class="lesson-links">
                {spec.presets.iter().map(|p| view! {
                    <a href=format!("#/{}?preset={}", spec.slug, p.slug) data-testid=format!("lesson-{}-{}", spec.slug, p.slug)><Tr k=p.label/></a>
                }).collect_view()}
                {tours.into_iter().map(|t| view! {
                    <a class="tour-link" href=t.hash data-testid=format!("lesson-{}-tour-{}", spec.slug, t.slug)>"▶ "<Tr k=t.title/></a>
                }).collect_view()}
            </span>
        </details>
    })
}

/// The header navigation: the home link, then each chapter's pages as one group whose
/// label is the chapter's name (shown as a tooltip, and as a heading on wide screens).
#[component]
pub fn Navigation(#[prop(into)] page: Signal<Option<Page>>) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    view! {
        <nav class="protocols">
            <a href="#/" class:active=move || page.get().is_none() data-testid="nav-home"><Tr k=Key::Home/></a>
            {Chapter::ALL.into_iter().filter_map(|c| {
                let pages = pages_of(ctl, c);
                // Between phone and wide screens a chapter of many pages is one menu
                // (its name, and the open page's), so the header stays one line.
                let many = pages.len() > 2;
                let here = pages.clone();
                let open_title = move || here.iter().find(|p| page.get() == Some(**p)).map(|p| p.spec().nav_title.unwrap_or(p.spec().title));
                (!pages.is_empty()).then(|| view! {
                    <span class="nav-group" class:many=many data-testid=format!("nav-group-{}", chapter_id(c))
                        title=move || c.title().get(ctl.lang.get())>
                        {many.then(|| {
                            let open = open_title.clone();
                            let open2 = open_title.clone();
                            view! {
                                <button type="button" class="nav-chapter" class:active=move || open().is_some()
                                    data-testid=format!("nav-menu-{}", chapter_id(c))>
                                    // The open page's name, or the chapter's (a long name is
                                    // cut short, so the header stays one line).
                                    <span class="nav-name">{move || match open2() {
                                        Some(t) => view! { <Tr k=t/> }.into_any(),
                                        None => view! { <Tr k=c.short_title()/> }.into_any(),
                                    }}</span>
                                    " ▾"
                                </button>
                            }
                        })}
                        <span class="nav-links">
                            {pages.into_iter().map(|p| {
                                let spec = p.spec();
                                view! {
                                    <a class:active=move || page.get() == Some(p) href=format!("#/{}", spec.slug)
                                        data-testid=format!("nav-{}", spec.slug)
                                        on:pointerenter=move |_| ctl.prefetch(p) on:focus=move |_| ctl.prefetch(p)
                                        data-diagram=spec.space_time.to_string() title=move || spec.title.get(ctl.lang.get())>
                                        <Tr k=spec.nav_title.unwrap_or(spec.title)/></a>
                                }
                            }).collect_view()}
                        </span>
                    </span>
                })
            }).collect_view()}
        </nav>
    }
}
