//! Share a run: the link that replays it exactly, and an iframe line for course pages.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::experiments::{download, text_url};
use super::Tr;
use crate::ui::core::i18n::Key;
use crate::ui::core::scenario_file::ScenarioFile;
use crate::ui::state::Ctl;

/// Read the chosen file as text and open the scenario it holds; a file that cannot be
/// read is a notice (the current run stays as it is).
fn open_file(ctl: Ctl, input: &web_sys::HtmlInputElement) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    // Too big to be a scenario: refused before a byte of it is read into the app.
    if let Err(notice) = ScenarioFile::check_size(file.size()) {
        ctl.notices.set(vec![notice]);
        input.set_value("");
        return;
    }
    let Ok(reader) = web_sys::FileReader::new() else {
        return;
    };
    let r = reader.clone();
    let onload = Closure::<dyn FnMut()>::new(move || {
        let text = r
            .result()
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        match ScenarioFile::read(&text) {
            Ok(f) => {
                let (sc, notices) = ctl.catalogue.parse_link("", &f.hash());
                ctl.load(sc, notices);
            }
            Err(notice) => ctl.notices.set(vec![notice]),
        }
    });
    reader.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    let _ = reader.read_as_text(&file);
    // Choosing the same file again must fire `change` again.
    input.set_value("");
}

/// The page's address without its hash (works under any sub-path).
fn base_url() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Best-effort copy to the clipboard; the text is also shown for manual copying.
fn copy(text: &str) {
    let Some(w) = web_sys::window() else { return };
    let promise = w.navigator().clipboard().write_text(text);
    // A refused permission must not become an unhandled rejection.
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {});
    let _ = promise.catch(&ignore);
    ignore.forget();
}

#[component]
pub fn SharePanel() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let shown = RwSignal::new(String::new());
    let copied = RwSignal::new(false);
    // What to copy: the link from the start, the link at this moment, or the embed.
    #[derive(Clone, Copy)]
    enum What {
        Link,
        LinkNow,
        Embed,
    }
    let share = move |what: What| {
        let hash = match what {
            What::Link => ctl.share_hash(false),
            What::LinkNow => ctl.share_hash_now(),
            What::Embed => ctl.share_hash(true),
        };
        let url = format!("{}{hash}", base_url());
        let text = if matches!(what, What::Embed) {
            format!(
                r#"<iframe src="{url}" width="100%" height="720" style="border:0" loading="lazy" title="Distributed Systems Playground"></iframe>"#
            )
        } else {
            url
        };
        copy(&text);
        shown.set(text);
        copied.set(true);
        // "Copied" fades after a few seconds; the text stays for copying by hand.
        gloo_timers::callback::Timeout::new(3_000, move || copied.set(false)).forget();
    };
    view! {
        <section class="share">
            <span class="title"><Tr k=Key::Share/></span>
            <button data-testid="btn-copy-link" on:click=move |_| share(What::Link)><Tr k=Key::CopyLink/></button>
            <button data-testid="btn-copy-link-now" on:click=move |_| share(What::LinkNow)><Tr k=Key::CopyLinkNow/></button>
            <button data-testid="btn-copy-embed" on:click=move |_| share(What::Embed)><Tr k=Key::CopyEmbed/></button>
            <button data-testid="btn-save-scenario" on:click=move |_| {
                let json = ScenarioFile::of(&ctl.share_scenario(false)).to_json();
                download("scenario.json", &text_url("application/json", &json));
            }><Tr k=Key::SaveScenario/></button>
            <label class="file-button">
                <Tr k=Key::OpenScenario/>
                <input type="file" accept=".json,application/json" data-testid="open-scenario"
                    on:change=move |ev| {
                        if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            open_file(ctl, &el);
                        }
                    }/>
            </label>
            <span class="hint" data-testid="copied" class:hidden=move || !copied.get()><Tr k=Key::Copied/></span>
            <Show when=move || !shown.with(String::is_empty)>
                <input class="share-text" data-testid="share-text" readonly prop:value=move || shown.get()
                    on:focus=move |ev| {
                        if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            el.select();
                        }
                    }/>
            </Show>
        </section>
    }
}
