//! The page's introduction, its presets (each with what to watch for), and its headline
//! status figures.

use leptos::prelude::*;

use super::Tr;
use crate::ui::core::i18n::Key;
use crate::ui::state::Ctl;

#[component]
pub fn Intro() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let hidden = move || ctl.scenario.with(|s| s.embed);
    // Clamped to two lines on a phone and beside a wide stage; a click shows it whole.
    let open = RwSignal::new(false);
    view! {
        <p class="intro" class:hidden=hidden class:open=move || open.get() data-testid="intro"
            on:click=move |_| open.update(|o| *o = !*o)>
            {move || ctl.scenario.with(|s| s.page.spec().intro).get(ctl.lang.get())}
        </p>
    }
}

#[component]
pub fn PresetBar() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let page = Memo::new(move |_| ctl.scenario.with(|s| s.page));
    let spec = move || page.get().spec();
    let active = move || ctl.scenario.with(|s| s.preset);
    // On a phone the story is clamped to three lines; a tap shows it whole.
    let open = RwSignal::new(false);
    let about = move || {
        let lang = ctl.lang.get();
        active()
            .and_then(|slug| spec().preset(slug))
            .map(|p| p.about.get(lang))
    };
    move || {
        let presets = spec().presets;
        (!presets.is_empty()).then(|| view! {
            <section class="presets" data-testid="presets">
                <div class="preset-list">
                <span class="title"><Tr k=Key::Presets/></span>
                {presets.iter().map(|p| {
                    let slug = p.slug;
                    view! {
                        <button class:active=move || active() == Some(slug) data-testid=format!("preset-{slug}")
                            on:click=move |_| ctl.choose_preset(Some(slug))><Tr k=p.label/></button>
                    }
                }).collect_view()}
                <button class:active=move || active().is_none() data-testid="preset-free"
                    on:click=move |_| ctl.choose_preset(None)><Tr k=Key::FreePlay/></button>
                </div>
                <p class="about" class:open=move || open.get() data-testid="preset-about" on:click=move |_| open.update(|o| *o = !*o)>{about}</p>
            </section>
        })
    }
}

#[component]
pub fn StatusBar() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let status = Memo::new(move |_| ctl.view.with(|v| v.status.clone()));
    view! {
        <div class="status-bar">
            {move || status.get().into_iter().map(|s| view! {
                <span class="status" class:alarm=s.alarm data-testid=format!("status-{}", s.key)>
                    <small>{s.label}</small><b>{s.value}</b>
                </span>
            }).collect_view()}
        </div>
    }
}
