//! The page's introduction, its presets (each with what to watch for), and its headline
//! status figures.

use leptos::prelude::*;

use super::Tr;
use crate::ui::core::i18n::Key;
use crate::ui::state::Ctl;

/// A paragraph the style sheet may clamp to a few lines (on a phone, beside a wide stage,
/// in an embed), followed by a visible "more" control whenever its text does not fit, and
/// "less" once opened. A click on the text opens and closes it too.
#[component]
fn Clamped(
    class: &'static str,
    testid: &'static str,
    text: Signal<String>,
    #[prop(optional, into)] hidden: Signal<bool>,
) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let open = RwSignal::new(false);
    let overflows = RwSignal::new(false);
    let el = NodeRef::<leptos::html::P>::new();
    // Measured a frame after the text or the window changes (the clamp is the style
    // sheet's, at some widths only). The page may be gone by then: nothing to do.
    let measure = move || {
        request_animation_frame(move || {
            if let Some(p) = el.get_untracked() {
                let more = p.scroll_height() > p.client_height() + 1;
                if overflows.try_get_untracked().is_some_and(|o| o != more) {
                    overflows.set(more);
                }
            }
        })
    };
    Effect::new(move |_| {
        text.track();
        open.track();
        measure();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let toggle = move |_| open.update(|o| *o = !*o);
    // The control sits over the end of the clamped last line (no line of its own, so the
    // first screen keeps its room), and after the text once it is open.
    view! {
        <div class="clamped" class:open=move || open.get()>
            <p class=class class:hidden=move || hidden.get() class:open=move || open.get() data-testid=testid
                node_ref=el on:click=toggle>{move || text.get()}</p>
            <Show when=move || (overflows.get() || open.get()) && !hidden.get()>
                <button class="clamp-toggle" data-testid=format!("{testid}-more") aria-expanded=move || open.get().to_string()
                    on:click=toggle>
                    {move || crate::ui::core::i18n::t(ctl.lang.get(), if open.get() { Key::Less } else { Key::More })}
                </button>
            </Show>
        </div>
    }
}

#[component]
pub fn Intro() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let hidden = Signal::derive(move || ctl.scenario.with(|s| s.embed));
    let text = Signal::derive(move || {
        ctl.scenario
            .with(|s| s.page.spec().intro)
            .get(ctl.lang.get())
            .to_string()
    });
    view! { <Clamped class="intro" testid="intro" text hidden/> }
}

#[component]
pub fn PresetBar() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let page = Memo::new(move |_| ctl.scenario.with(|s| s.page));
    let spec = move || page.get().spec();
    let active = move || ctl.scenario.with(|s| s.preset);
    // The story may be clamped (see Clamped).
    let about = Signal::derive(move || {
        let lang = ctl.lang.get();
        active()
            .and_then(|slug| spec().preset(slug))
            .map_or(String::new(), |p| p.about.get(lang).to_string())
    });
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
                <Clamped class="about" testid="preset-about" text=about/>
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
