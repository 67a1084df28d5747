//! The measured curve beside the theory curve (gossip: infected nodes per round).

use leptos::prelude::*;

use crate::decimal::{num, Fixed as F, Num};

use super::Tr;
use crate::ui::core::i18n::{t, Key};
use crate::ui::state::Ctl;

const W: f64 = 340.0;
const H: f64 = 200.0;

fn path(values: &[f64], max: f64, rounds: usize) -> String {
    let x = |r: usize| 30.0 + (W - 40.0) * r as f64 / rounds.max(1) as f64;
    let y = |v: f64| H - 24.0 - (H - 40.0) * (v / max.max(1.0)).clamp(0.0, 1.0);
    values
        .iter()
        .enumerate()
        .map(|(r, v)| {
            format!(
                "{}{},{}",
                if r == 0 { "M" } else { " L" },
                F(x(r), 1),
                F(y(*v), 1)
            )
        })
        .collect()
}

#[component]
pub fn SpreadChart() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let chart = Memo::new(move |_| ctl.view.with(|v| v.chart.clone()));
    view! {
        <section class="chart">
            <h2><Tr k=Key::InfectedOverTime/></h2>
            {move || chart.get().map(|c| {
                let rounds = c.theory.len().max(c.measured.len()).saturating_sub(1);
                let lang = ctl.lang.get();
                view! {
                    <svg data-testid="spread-chart" viewBox=format!("0 0 {} {}", Num(W), Num(H)) data-measured=num(c.measured.last().copied().unwrap_or(0.0))>
                        <line x1="30" y1=num(H - 24.0) x2=num(W - 10.0) y2=num(H - 24.0) stroke="#cbd5e1"/>
                        <line x1="30" y1="16" x2="30" y2=num(H - 24.0) stroke="#cbd5e1"/>
                        <text x="26" y="20" text-anchor="end" font-size="10">{num(c.max)}</text>
                        <text x=num(W - 10.0) y=num(H - 8.0) text-anchor="end" font-size="10">{format!("{} {rounds}", t(lang, Key::Round))}</text>
                        {(!c.theory.is_empty()).then(|| view! {
                            <path data-testid="theory-curve" d=path(&c.theory, c.max, rounds) fill="none" stroke="#94a3b8" stroke-width="2" stroke-dasharray="5 4"/>
                            <text x="40" y="44" font-size="11" fill="#64748b">{format!("- - {}", t(lang, Key::Theory))}</text>
                        })}
                        <path d=path(&c.measured, c.max, rounds) fill="none" stroke="#dc2626" stroke-width="2.5"/>
                        <text x="40" y="30" font-size="11" fill="#dc2626">{t(lang, Key::Measured)}</text>
                    </svg>
                }
            })}
        </section>
    }
}
