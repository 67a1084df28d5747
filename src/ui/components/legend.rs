//! What the shapes and colours mean on this page.

use leptos::prelude::*;

use super::Tr;
use crate::ui::core::i18n::Key;
use crate::ui::state::Ctl;

#[component]
pub fn Legend() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    view! {
        <div class="legend" data-testid="legend">
            <strong><Tr k=Key::Legend/></strong>
            {move || ctl.legend.with(|l| view! {
                <ul class="roles">
                    {l.roles.iter().map(|(shape, tone, label)| view! {
                        <li><span class=format!("sym tone-{tone}")>{shape.symbol()}</span>{label.clone()}</li>
                    }).collect_view()}
                </ul>
                <ul class="kinds">
                    {l.kinds.iter().map(|(class, badge, label)| view! {
                        <li><span class=format!("badge {class}")>{*badge}</span>{label.clone()}</li>
                    }).collect_view()}
                    {l.copies.clone().map(|label| view! {
                        <li data-testid="legend-copy"><span class="badge copy"></span>{label}</li>
                    })}
                </ul>
                {(!l.notation.is_empty()).then(|| view! {
                    <ul class="notation" data-testid="legend-notation">
                        {l.notation.iter().map(|(example, meaning)| view! {
                            <li><code>{*example}</code>{meaning.clone()}</li>
                        }).collect_view()}
                    </ul>
                })}
            })}
        </div>
    }
}
