//! The consistent-hash ring page: keys as dots on the ring coloured by owner, add or
//! remove nodes by click, the keys that move flashing, the count next to the expected 1/N
//! and next to what hash mod N would move, the load histogram and a key's preference list.

use leptos::html::Canvas;
use leptos::prelude::*;

use crate::decimal::Fixed as F;
use wasm_bindgen::JsCast;

use crate::protocols::hash_ring::membership::RingLayout;
use crate::protocols::hash_ring::{key_counts, key_hash, stats_of_counts};
use crate::ui::clock::now_ms;
use crate::ui::components::{polar, Tr};
use crate::ui::core::action::UiAction;
use crate::ui::core::text::{tr, Text};
use crate::ui::state::Ctl;

const SIZE: f64 = 600.0;
const PALETTE: [&str; 20] = [
    "#2563eb", "#dc2626", "#16a34a", "#ca8a04", "#7c3aed", "#0891b2", "#db2777", "#65a30d",
    "#ea580c", "#4f46e5", "#0d9488", "#be123c", "#a16207", "#9333ea", "#0284c7", "#c2410c",
    "#15803d", "#b91c1c", "#6d28d9", "#475569",
];

fn colour(node: u32) -> &'static str {
    PALETTE[node as usize % PALETTE.len()]
}

/// The colour of keys that just moved.
const MOVED: &str = "#0f172a";

/// Where a hash sits on the ring (radians; 0 at the top, clockwise).
fn ring_angle(h: u64) -> f64 {
    (h as f64 / u64::MAX as f64) * std::f64::consts::TAU - std::f64::consts::FRAC_PI_2
}

/// The ring, its virtual-node ticks and every key that did not move, one path per colour.
fn draw_static(
    cx: &web_sys::CanvasRenderingContext2d,
    s: &RingLayout,
    c: f64,
    r: f64,
    dot: f64,
    key_at: &dyn Fn(usize) -> (f64, f64),
) {
    cx.clear_rect(0.0, 0.0, SIZE, SIZE);
    cx.set_stroke_style_str("#cbd5e1");
    cx.set_line_width(2.0);
    cx.begin_path();
    let _ = cx.arc(c, c, r, 0.0, std::f64::consts::TAU);
    cx.stroke();
    let nodes = s.ring.nodes();
    for node in nodes {
        cx.begin_path();
        for (pos, _) in s.ring.points().iter().filter(|(_, n)| n == node) {
            let a = ring_angle(*pos);
            let (x1, y1) = polar(c, c, r + 6.0, a);
            let (x2, y2) = polar(c, c, r + 20.0, a);
            cx.move_to(x1, y1);
            cx.line_to(x2, y2);
        }
        cx.set_stroke_style_str(colour(*node));
        cx.stroke();
    }
    // Each node's name, outside the ring in the middle of the longest arc it owns.
    cx.set_font("bold 15px system-ui, sans-serif");
    cx.set_text_align("center");
    cx.set_text_baseline("middle");
    for (node, mid) in s.ring.label_points() {
        let (x, y) = polar(c, c, r + 36.0, ring_angle(mid));
        cx.set_fill_style_str(colour(node));
        let _ = cx.fill_text(&format!("N{node}"), x, y);
    }
    let stayed = (0..s.owners.len()).filter(|i| !s.moved_mask.get(*i).copied().unwrap_or(false));
    fill_keys_by_owner(cx, s, &mut stayed.into_iter(), dot, key_at);
}

/// Square dots of `size` for `keys`, one path and one fill per owner's colour.
fn fill_keys_by_owner(
    cx: &web_sys::CanvasRenderingContext2d,
    s: &RingLayout,
    keys: &mut dyn Iterator<Item = usize>,
    size: f64,
    key_at: &dyn Fn(usize) -> (f64, f64),
) {
    let nodes = s.ring.nodes();
    let mut paths: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for i in keys {
        if let Ok(j) = nodes.binary_search(&s.owners[i]) {
            paths[j].push(i);
        }
    }
    for (j, keys) in paths.iter().enumerate().filter(|(_, k)| !k.is_empty()) {
        cx.begin_path();
        for i in keys {
            let (x, y) = key_at(*i);
            cx.rect(x - size / 2.0, y - size / 2.0, size, size);
        }
        cx.set_fill_style_str(colour(nodes[j]));
        cx.fill();
    }
}

/// A key's clockwise walk along the ring from its own position (a dark dot) to each of its
/// preference nodes' points (numbered 1, 2, … in the node's colour; 1 owns the key).
fn draw_walk(
    cx: &web_sys::CanvasRenderingContext2d,
    s: &RingLayout,
    h: u64,
    r: usize,
    c: f64,
    radius: f64,
) {
    let walk = s.ring.walk(h, r);
    let Some(&(last, _)) = walk.last() else {
        return;
    };
    let from = ring_angle(h);
    cx.set_stroke_style_str(MOVED);
    cx.set_line_width(4.0);
    cx.begin_path();
    let _ = cx.arc(c, c, radius, from, ring_angle(last));
    cx.stroke();
    cx.set_line_width(1.0);
    let (x, y) = polar(c, c, radius, from);
    cx.begin_path();
    let _ = cx.arc(x, y, 6.0, 0.0, std::f64::consts::TAU);
    cx.set_fill_style_str(MOVED);
    cx.fill();
    cx.set_stroke_style_str("#fff");
    cx.stroke();
    cx.set_font("bold 12px system-ui, sans-serif");
    cx.set_text_align("center");
    cx.set_text_baseline("middle");
    // The numbered stops sit inside the ring, clear of the keys, each tied to its point by
    // a line, and spread apart when the points are close (100 points per node are).
    let mut shown = f64::NEG_INFINITY;
    for (i, (pos, node)) in walk.iter().enumerate() {
        let at = ring_angle(*pos);
        // Unwrapped clockwise from the key, so "later" is always a larger angle.
        let mut a = from + (at - from).rem_euclid(std::f64::consts::TAU);
        a = a.max(shown + 0.16);
        shown = a;
        let (px, py) = polar(c, c, radius - 2.0, at);
        let (x, y) = polar(c, c, radius - 58.0, a);
        cx.begin_path();
        cx.move_to(px, py);
        cx.line_to(x, y);
        cx.set_stroke_style_str(colour(*node));
        cx.set_line_width(2.0);
        cx.stroke();
        cx.set_line_width(1.0);
        cx.begin_path();
        let _ = cx.arc(x, y, 10.0, 0.0, std::f64::consts::TAU);
        cx.set_fill_style_str(colour(*node));
        cx.fill();
        cx.set_stroke_style_str("#fff");
        cx.stroke();
        cx.set_fill_style_str("#fff");
        let _ = cx.fill_text(&(i + 1).to_string(), x, y);
    }
}

/// What the last change did, as the side panel tells it.
#[derive(Clone, Debug, PartialEq)]
struct Change {
    added: bool,
    moved: usize,
    mod_n: usize,
    nodes_after: usize,
}

#[component]
pub fn RingPage() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    // The layout comes from the run (the page's adapter), so joins and leaves are
    // actions: in the log, in the link, undone by rewind. It changes only when the
    // membership does.
    let layout = Memo::new(move |_| ctl.view.with(|v| v.data.clone()));
    let changed_at = RwSignal::new(-10_000.0f64);
    let tick = RwSignal::new(0u64);
    let animate = move || {
        changed_at.set(now_ms());
        fn frame(changed_at: RwSignal<f64>, tick: RwSignal<u64>) {
            request_animation_frame(move || {
                // The page may be gone (the reader navigated away mid-animation): its
                // signals are disposed, and the animation ends with it.
                let Some(since) = changed_at.try_get_untracked() else {
                    return;
                };
                tick.update(|t| *t += 1);
                if now_ms() - since < 2_000.0 {
                    frame(changed_at, tick);
                }
            });
        }
        frame(changed_at, tick);
    };
    // A new layout after a change: the moved keys flash for two seconds.
    Effect::new(move |prev: Option<usize>| {
        let generation = layout.with(|d| d.as_ref().map_or(0, |d| d.generation()));
        let changed = layout.with(|d| {
            d.as_ref()
                .and_then(|d| d.get::<RingLayout>())
                .is_some_and(|l| l.last.is_some())
        });
        if prev.is_some_and(|p| p != generation) && changed {
            animate();
        }
        generation
    });
    let members = move || {
        layout.with(|d| {
            d.as_ref()
                .and_then(|d| d.get::<RingLayout>())
                .map_or_else(Vec::new, |l| l.ring.nodes().to_vec())
        })
    };
    let add = move |_| {
        if members().len() < 20 {
            ctl.act(UiAction::Command(0, "join"));
        }
    };
    let remove = move |id: u32| {
        if members().len() > 1 {
            ctl.act(UiAction::Command(id as usize, "leave"));
        }
    };
    let canvas = NodeRef::<Canvas>::new();
    // The key whose walk and preference list are shown.
    let pref_key = RwSignal::new(super::SHOWN_KEY);
    // Each key's direction on the ring (unit vector): fixed by its hash, so worked out
    // once per key count rather than on every frame of the move animation.
    let dirs = StoredValue::new(Vec::<(f64, f64)>::new());
    // What does not move during the animation (ring, virtual-node ticks, the keys that
    // stayed) is drawn once per change on an offscreen canvas; a frame copies it and draws
    // only the moved keys on top. Paths are batched per colour.
    let layer = StoredValue::new_local(None::<(u64, web_sys::HtmlCanvasElement)>);
    let context = |el: &web_sys::HtmlCanvasElement| {
        el.get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    };
    Effect::new(move |_| {
        tick.get();
        let walk_key = key_hash(pref_key.get());
        let replicas = ctl.scenario.with(|s| s.param(&super::REPLICAS) as usize);
        let Some(el) = canvas.get() else { return };
        let Some(cx) = context(&el) else { return };
        let age = now_ms() - changed_at.get_untracked();
        let animating = age < 2_000.0;
        let pulse = if animating {
            1.0 + 1.5 * js_sys::Math::sin(age / 120.0).abs()
        } else {
            1.0
        };
        layout.with(|d| {
            let Some(data) = d.as_ref() else { return };
            let Some(s) = data.get::<RingLayout>() else {
                return;
            };
            let generation = data.generation() as u64;
            let (c, r) = (SIZE / 2.0, 250.0);
            if dirs.with_value(|d| d.len()) != s.hashes.len() {
                dirs.set_value(
                    s.hashes
                        .iter()
                        .map(|h| polar(0.0, 0.0, 1.0, ring_angle(*h)))
                        .collect(),
                );
            }
            let dirs = dirs.read_value();
            let key_at = |i: usize| {
                let (dx, dy) = dirs[i];
                let rr = r - 8.0 - (i % 7) as f64 * 5.0;
                (c + rr * dx, c + rr * dy)
            };
            let dot = if s.hashes.len() > 20_000 { 1.0 } else { 2.0 };
            if layer.with_value(|l| l.as_ref().map(|l| l.0)) != Some(generation) {
                let fresh = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.create_element("canvas").ok())
                    .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok());
                if let Some(off) = fresh {
                    off.set_width(SIZE as u32);
                    off.set_height(SIZE as u32);
                    if let Some(ox) = context(&off) {
                        draw_static(&ox, s, c, r, dot, &key_at);
                    }
                    layer.set_value(Some((generation, off)));
                }
            }
            cx.clear_rect(0.0, 0.0, SIZE, SIZE);
            layer.with_value(|l| {
                if let Some((_, off)) = l {
                    let _ = cx.draw_image_with_html_canvas_element(off, 0.0, 0.0);
                }
            });
            // The moved keys: dark and pulsing while the animation runs, then in their
            // new owner's colour.
            let size = if animating { dot * 1.6 * pulse } else { dot };
            let moved_keys = s.moved_mask.iter().enumerate().filter(|(_, m)| **m);
            if animating {
                cx.begin_path();
                for (i, _) in moved_keys {
                    let (x, y) = key_at(i);
                    cx.rect(x - size / 2.0, y - size / 2.0, size, size);
                }
                cx.set_fill_style_str(MOVED);
                cx.fill();
            } else {
                fill_keys_by_owner(&cx, s, &mut moved_keys.map(|(i, _)| i), size, &key_at);
            }
            draw_walk(&cx, s, walk_key, replicas, c, r);
        });
    });
    let lang = move || ctl.lang.get();
    // One pass over the keys (cheap enough to run for each part of the page that reads it).
    let stats = move || {
        layout.with(|d| {
            d.as_ref().and_then(|d| d.get::<RingLayout>()).map(|s| {
                let nodes = s.ring.nodes().to_vec();
                let per_node = key_counts(&s.owners, &nodes);
                let (mean, max_over_mean, sd) = stats_of_counts(&per_node);
                let counts: Vec<(u32, usize)> = nodes.iter().copied().zip(per_node).collect();
                (
                    nodes,
                    mean,
                    max_over_mean,
                    sd,
                    counts,
                    s.last.as_ref().map(|c| Change {
                        added: c.added,
                        moved: s.moved,
                        mod_n: s.mod_n,
                        nodes_after: s.ring.nodes().len(),
                    }),
                    s.hashes.len(),
                )
            })
        })
    };
    let pref = move || {
        let r = ctl.scenario.with(|s| s.param(&super::REPLICAS) as usize);
        layout.with(|d| {
            d.as_ref().and_then(|d| d.get::<RingLayout>()).map(|s| {
                let h = key_hash(pref_key.get());
                let list = s.ring.preference_list(h, r);
                let mut after = s.ring.clone();
                if let Some(first) = list.first() {
                    if after.nodes().len() > 1 {
                        after.remove(*first);
                    }
                }
                (list, after.preference_list(h, r))
            })
        })
    };
    let names = |l: &[u32]| {
        l.iter()
            .map(|n| format!("N{n}"))
            .collect::<Vec<_>>()
            .join(" → ")
    };
    view! {
        <div class="ring-page" data-testid="ring-page">
            <div class="stage">
                <section class="cluster-panel">
                    <canvas class="crowd" node_ref=canvas width="600" height="600" data-testid="ring-canvas"></canvas>
                </section>
                <aside class="side">
                    <section>
                        <h2><Tr k=Text::Page(&super::texts::PHYSICAL_NODE_LIST)/></h2>
                        <p class="hint"><Tr k=Text::Page(&super::texts::REMOVE_NODE)/></p>
                        <div class="actions">
                            {move || stats().map(|(nodes, ..)| nodes.into_iter().map(|n| view! {
                                <button class="chip-node" style=format!("border-color:{};color:{}", colour(n), colour(n))
                                    data-testid=format!("ring-node-{n}") on:click=move |_| remove(n)>{format!("N{n} ✕")}</button>
                            }).collect_view())}
                            <button class="primary" data-testid="ring-add" on:click=add><Tr k=Text::Page(&super::texts::ADD_NODE)/></button>
                        </div>
                    </section>
                    <section data-testid="ring-change">
                        <h2><Tr k=Text::Page(&super::texts::MOVED_KEYS)/></h2>
                        {move || stats().and_then(|(.., last, keys)| last.map(|c| {
                            let l = lang();
                            let pct = |m: usize| 100.0 * m as f64 / keys as f64;
                            let expected = 100.0 / (c.nodes_after.max(1) + if c.added { 0 } else { 1 }) as f64;
                            view! {
                                <p class="big"><b data-testid="ring-moved">{c.moved}</b>{format!(" ({} %) · {} {} %", F(pct(c.moved), 1), tr(l, Text::Page(&super::texts::EXPECTED_MOVED)), F(expected, 1))}</p>
                                <div class="bars">
                                    <div class="bar"><span>{tr(l, Text::Page(&super::texts::CONSISTENT_HASHING))}</span><i style=format!("width:{}%", F(pct(c.moved), 1))></i></div>
                                    <div class="bar modn"><span>{tr(l, Text::Page(&super::texts::MOD_N))}</span><i style=format!("width:{}%", F(pct(c.mod_n), 1))></i></div>
                                </div>
                                <p>{tr(l, Text::Page(&super::texts::MOD_N_MOVED))}" "<b data-testid="ring-modn-moved">{c.mod_n}</b>{format!(" ({} %)", F(pct(c.mod_n), 1))}</p>
                            }
                        }))}
                        <Show when=move || layout.with(|d| d.as_ref().and_then(|d| d.get::<RingLayout>()).is_some_and(|s| s.last.is_none()))>
                            <p class="hint" data-testid="ring-change-hint"><Tr k=Text::Page(&super::texts::RING_CHANGE_HINT)/></p>
                        </Show>
                    </section>
                    <section>
                        <h2><Tr k=Text::Page(&super::texts::PREFERENCE_LIST)/></h2>
                        <label class="field"><span><Tr k=Text::Page(&super::texts::KEY_INDEX)/></span>
                            <input type="number" min="0" data-testid="ring-key" prop:value=move || pref_key.get().to_string()
                                on:change=move |ev| {
                                    if let Ok(v) = event_target_value(&ev).parse::<usize>() {
                                        pref_key.set(v);
                                    }
                                }/>
                        </label>
                        {move || pref().map(|(list, after)| view! {
                            <p data-testid="ring-pref">{names(&list)}</p>
                            <p class="hint">{tr(lang(), Text::Page(&super::texts::AFTER_LEAVE))}": "{names(&after)}</p>
                        })}
                    </section>
                </aside>
            </div>
            <section class="logs">
                <h2><Tr k=Text::Page(&super::texts::LOAD_PER_NODE)/></h2>
                {move || stats().map(|(_, mean, mom, sd, counts, ..)| {
                    let l = lang();
                    let max = counts.iter().map(|c| c.1).max().unwrap_or(1).max(1) as f64;
                    view! {
                        <p data-testid="ring-stats">{format!("{} {} · {} {} · {} {}", tr(l, Text::Page(&super::texts::MEAN_LOAD)), F(mean, 0), tr(l, Text::Page(&super::texts::MAX_OVER_MEAN)), F(mom, 2), tr(l, Text::Page(&super::texts::STD_DEV)), F(sd, 1))}</p>
                        <div class="histogram">
                            {counts.into_iter().map(|(n, c)| view! {
                                <div class="hbar" title=format!("N{n}: {c}")>
                                    <i style=format!("height:{}%;background:{}", F(100.0 * c as f64 / max, 1), colour(n))></i>
                                    <small>{format!("N{n}")}</small>
                                </div>
                            }).collect_view()}
                            <div class="mean-line" style=format!("bottom:calc({}% * 0.85 + 18px)", F(100.0 * mean / max, 1))></div>
                        </div>
                    }
                })}
            </section>
        </div>
    }
}
