//! The history editor: one lane per client, each operation a bar from invocation to
//! response; drag along a lane to draw one, click to select it; the history as text
//! beside it. Every edit is a command on the page's run (logged, linked, rewound); a
//! text that is not a history is refused here with the reason, and nothing is sent.

use leptos::prelude::*;

use super::adapter::client_name;
use super::texts as tx;
use crate::decimal::{fixed, num};
use crate::protocols::consistency::text::{format, parse, TextError, MAX_CLIENTS};
use crate::protocols::consistency::{History, Op, Operation, Recorded};
use crate::sim::MS;
use crate::ui::core::action::UiAction;
use crate::ui::core::text::{tr, Text};
use crate::ui::state::Ctl;

/// The drawing's width in its own units on a wide screen; a narrow one gets fewer units
/// (about one per pixel), so lanes and labels keep their size under a finger.
const W_MAX: f64 = 960.0;
const W_MIN: f64 = 340.0;

/// The drawing's width (its own units) for a screen `screen_px` wide.
fn width_for(screen_px: f64) -> f64 {
    (screen_px - 40.0).clamp(W_MIN, W_MAX).round()
}
const LEFT: f64 = 36.0;
const LANE: f64 = 44.0;
const TOP: f64 = 24.0;

/// The drawing's time span (ms): the history's end plus room to draw after it.
fn span_ms(h: &History) -> u64 {
    let end = h
        .ops
        .iter()
        .map(|o| o.respond.unwrap_or(o.invoke) / MS + 40)
        .max()
        .unwrap_or(0);
    end.max(120).div_ceil(20) * 20
}

fn x_of(t_ms: f64, span: u64, w: f64) -> f64 {
    LEFT + t_ms / span as f64 * (w - LEFT - 12.0)
}

fn t_of(x: f64, span: u64, w: f64) -> u64 {
    let t = ((x - LEFT) / (w - LEFT - 12.0) * span as f64).max(0.0);
    (t / 5.0).round() as u64 * 5
}

fn label(o: &Operation) -> String {
    match o.op {
        Op::Write(v) => format!("w({v})"),
        Op::Read(Some(v)) => format!("r→{v}"),
        Op::Read(None) => "r→?".into(),
    }
}

#[component]
pub fn HistoryEditor() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let history = Memo::new(move |_| {
        ctl.view.with(|v| {
            v.data
                .as_ref()
                .and_then(|d| d.get::<Recorded>())
                .map(|r| r.history.clone())
                .unwrap_or_default()
        })
    });
    let write = RwSignal::new(true);
    let value = RwSignal::new(1u64);
    let selected = RwSignal::new(None::<usize>);
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<TextError>);
    // (lane, start x, current x) while a bar is being drawn.
    let drawing = RwSignal::new(None::<(usize, f64, f64)>);
    Effect::new(move |_| {
        let h = history.get();
        text.set(format(&h));
        error.set(None);
        if selected.get_untracked().is_some_and(|i| i >= h.ops.len()) {
            selected.set(None);
        }
    });
    let lang = move || ctl.lang.get();
    let pt = move |x: &'static crate::ui::core::text::Tx| {
        move || tr(ctl.lang.get(), Text::Page(x)).to_string()
    };
    // Send a history (checked first: a refused one stays here with its reason).
    let send_text = move |t: String| match parse(&t) {
        Ok(_) => {
            error.set(None);
            ctl.act(UiAction::Input(0, "set", t));
        }
        Err(e) => error.set(Some(e)),
    };
    let send = move |h: History| send_text(format(&h));
    let lanes = move || {
        let used = history.with(|h| h.ops.iter().map(|o| o.client + 1).max().unwrap_or(0));
        (used + 1).clamp(3, MAX_CLIENTS)
    };
    let height = move || TOP + lanes() as f64 * LANE + 8.0;
    let width = RwSignal::new(width_for(crate::ui::components::viewport().0));
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        width.set(width_for(crate::ui::components::viewport().0))
    });
    on_cleanup(move || resize.remove());
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let to_svg_x = move |client_x: i32| {
        svg_ref.get().map_or(0.0, |s| {
            let r = s.get_bounding_client_rect();
            (client_x as f64 - r.left()) * width.get_untracked() / r.width().max(1.0)
        })
    };
    let lane_at = move |client_y: i32| {
        svg_ref.get().and_then(|s| {
            let r = s.get_bounding_client_rect();
            let y = (client_y as f64 - r.top()) * height() / r.height().max(1.0);
            let lane = ((y - TOP) / LANE).floor();
            (lane >= 0.0 && (lane as usize) < lanes()).then_some(lane as usize)
        })
    };
    let on_down = move |ev: leptos::ev::PointerEvent| {
        if let Some(lane) = lane_at(ev.client_y()) {
            let x = to_svg_x(ev.client_x());
            drawing.set(Some((lane, x, x)));
        }
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        if let Some((lane, x0, _)) = drawing.get_untracked() {
            drawing.set(Some((lane, x0, to_svg_x(ev.client_x()))));
        }
    };
    let on_up = move |_: leptos::ev::PointerEvent| {
        let Some((lane, x0, x1)) = drawing.get_untracked() else {
            return;
        };
        drawing.set(None);
        let span = history.with_untracked(span_ms);
        let w = width.get_untracked();
        let (a, b) = (t_of(x0.min(x1), span, w), t_of(x0.max(x1), span, w));
        if b < a + 5 {
            return; // a click, not a drag
        }
        let mut h = history.get_untracked();
        let op = if write.get_untracked() {
            Op::Write(value.get_untracked())
        } else {
            Op::Read(Some(value.get_untracked()))
        };
        h.ops.push(Operation {
            client: lane,
            op,
            invoke: a * MS,
            respond: Some(b * MS),
        });
        h.ops.sort_by_key(|o| (o.invoke, o.client));
        send(h);
    };
    let bars = move || {
        let w = width.get();
        let h = history.get();
        let span = span_ms(&h);
        let witness = ctl.witness.get();
        let sel = selected.get();
        h.ops
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let (x0, x1) = (x_of((o.invoke / MS) as f64, span, w), o.respond.map_or(w - 12.0, |r| x_of((r / MS) as f64, span, w)));
                let y = TOP + o.client as f64 * LANE + 10.0;
                let class = format!(
                    "h-op {}{}{}{}",
                    if matches!(o.op, Op::Write(_)) { "h-write" } else { "h-read" },
                    if o.respond.is_none() { " h-open" } else { "" },
                    if sel == Some(i) { " selected" } else { "" },
                    if witness.contains(&(i as u64)) { " witness" } else { "" },
                );
                view! {
                    <g class=class data-testid=format!("hop-{i}")
                        on:pointerdown=move |ev| { ev.stop_propagation(); selected.set(Some(i)); }>
                        <rect x=fixed(x0, 1) y=fixed(y, 1) width=fixed((x1 - x0).max(4.0), 1) height="22" rx="4"/>
                        <text x=fixed(x0 + 4.0, 1) y=fixed(y + 15.0, 1)>{label(o)}</text>
                    </g>
                }
            })
            .collect_view()
    };
    let axis = move || {
        let w = width.get();
        let span = history.with(span_ms);
        let step = if span <= 200 {
            20
        } else if span <= 1_000 {
            100
        } else {
            1_000
        };
        (0..=span / step)
            // (the last tick would sit under the axis's name)
            .filter(|k| x_of((k * step) as f64, span, w) < w - 90.0)
            .map(|k| {
                let t = k * step;
                let x = x_of(t as f64, span, w);
                view! {
                    <line class="st-grid" x1=fixed(x, 1) y1=num(TOP - 4.0) x2=fixed(x, 1) y2=fixed(height(), 1)/>
                    <text class="st-tick" x=fixed(x + 2.0, 1) y="12" style="text-anchor:start">{t.to_string()}</text>
                }
            })
            .collect_view()
    };
    let lane_lines = move || {
        let w = width.get();
        (0..lanes())
            .map(|c| {
                let y = TOP + c as f64 * LANE + 21.0;
                view! {
                    <line class="st-lane" x1=num(LEFT) y1=fixed(y, 1) x2=num(w - 8.0) y2=fixed(y, 1)/>
                    <text class="st-name" x="14" y=fixed(y + 4.0, 1)>{client_name(c)}</text>
                }
            })
            .collect_view()
    };
    let preview = move || {
        drawing.get().map(|(lane, x0, x1)| {
            let y = TOP + lane as f64 * LANE + 10.0;
            view! { <rect class="h-preview" x=fixed(x0.min(x1), 1) y=fixed(y, 1) width=fixed((x1 - x0).abs(), 1) height="22" rx="4"/> }
        })
    };
    let delete = move |_| {
        if let Some(i) = selected.get_untracked() {
            let mut h = history.get_untracked();
            if i < h.ops.len() {
                h.ops.remove(i);
                selected.set(None);
                send(h);
            }
        }
    };
    let err_text = move || error.get().map(|e| super::texts::error(lang(), &e));
    view! {
        <section class="history-editor" data-testid="history-editor">
            <div class="h-tools">
                <span class="hint">{pt(&tx::KIND)}</span>
                <button class:active=move || write.get() data-testid="draw-write" on:click=move |_| write.set(true)>{pt(&tx::WRITE)}</button>
                <button class:active=move || !write.get() data-testid="draw-read" on:click=move |_| write.set(false)>{pt(&tx::READ)}</button>
                <label class="field inline"><span>{pt(&tx::VALUE)}</span>
                    <input type="number" min="0" max="999" data-testid="draw-value" prop:value=move || value.get().to_string()
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).trim().parse::<u64>() {
                                value.set(v.min(999));
                            }
                        }/>
                </label>
                <button data-testid="delete-op" disabled=move || selected.get().is_none() on:click=delete>{pt(&tx::DELETE)}</button>
                <button data-testid="clear-history" on:click=move |_| send(History::default())>{pt(&tx::CLEAR)}</button>
            </div>
            <p class="hint">{pt(&tx::DRAG_HINT)}</p>
            <svg node_ref=svg_ref class="history-drawing" data-testid="history-drawing"
                viewBox=move || format!("0 0 {} {}", num(width.get()), fixed(height(), 1))
                on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up
                on:pointerleave=move |_| drawing.set(None)>
                <text class="st-tick" x=move || num(width.get() - 8.0) y=fixed(TOP - 10.0, 1) style="text-anchor:end">{pt(&tx::TIME_MS)}</text>
                {axis}
                {lane_lines}
                {bars}
                {preview}
            </svg>
            <div class="h-text">
                <textarea data-testid="history-text" rows="2" prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                <button class="primary" data-testid="apply-text" on:click=move |_| send_text(text.get_untracked())>{pt(&tx::APPLY)}</button>
            </div>
            {move || err_text().map(|e| view! { <p class="notices" data-testid="history-error">{e}</p> })}
        </section>
    }
}
