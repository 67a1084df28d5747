//! Hundreds of nodes on a `<canvas>` (an SVG element per node and message would drop
//! below 60 fps past ~1,000 moving elements): nodes on a sunflower disk, coloured by state,
//! messages as dots moving along their way; a click selects the nearest node.

use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::state::{Ctl, Selection};

/// Drawing coordinates (layout); the backing store is `PIXELS` square.
const SIZE: f64 = 600.0;
/// The canvas's pixel size: every redraw is copied to the compositor, so fewer pixels
/// cost less per frame (measured: the copy dominated the frame in software compositing).
const PIXELS: f64 = 450.0;
/// The canvas is opaque; this is the panel's background.
const BACKGROUND: &str = "#ffffff";

/// Sunflower (golden-angle) layout: even density for any `n`.
pub fn crowd_pos(i: usize, n: usize) -> (f64, f64) {
    let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    let r = 270.0 * ((i as f64 + 0.5) / n.max(1) as f64).sqrt();
    let a = i as f64 * golden;
    super::polar(SIZE / 2.0, SIZE / 2.0, r, a)
}

fn tone_colour(tone: &str) -> &'static str {
    match tone {
        "red" => "#dc2626",
        "violet" => "#7c3aed",
        "blue" => "#3b82f6",
        "green" => "#16a34a",
        "amber" => "#f59e0b",
        _ => "#94a3b8",
    }
}

fn msg_colour(class: &str) -> &'static str {
    match class {
        "msg-g-push" => "#dc2626",
        "msg-g-pull" => "#2563eb",
        "msg-g-reply" => "#0e7490",
        "msg-g-sync" => "#16a34a",
        _ => "#94a3b8",
    }
}

#[component]
pub fn Crowd() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let canvas = NodeRef::<Canvas>::new();
    // The drawing context is looked up once, not every frame. It is opaque (`alpha:
    // false`): the compositor copies it without blending, and every frame paints the
    // background anyway.
    let context = move || -> Option<web_sys::CanvasRenderingContext2d> {
        let el = canvas.get()?;
        let opts = js_sys::Object::new();
        js_sys::Reflect::set(&opts, &"alpha".into(), &false.into()).ok()?;
        let cx = el
            .get_context_with_context_options("2d", &opts)
            .ok()
            .flatten()?
            .dyn_into::<web_sys::CanvasRenderingContext2d>()
            .ok()?;
        // Draw in layout units; the backing store is smaller.
        cx.scale(PIXELS / SIZE, PIXELS / SIZE).ok()?;
        Some(cx)
    };
    let cached = StoredValue::new_local(None::<web_sys::CanvasRenderingContext2d>);
    Effect::new(move |_| {
        if cached.with_value(|c| c.is_none()) {
            cached.set_value(context());
        }
        let Some(cx) = cached.get_value() else { return };
        let selected = ctl.selected.get();
        ctl.view.with(|v| {
            let n = v.nodes.len();
            cx.set_fill_style_str(BACKGROUND);
            cx.fill_rect(0.0, 0.0, SIZE, SIZE);
            let r = (150.0 / (n.max(1) as f64).sqrt()).clamp(3.0, 14.0);
            // One path and one fill per colour: a few calls across the wasm boundary per
            // frame instead of four per node.
            for tone in ["blue", "red", "violet", "green", "amber", "grey"] {
                cx.begin_path();
                let mut any = false;
                for node in v.nodes.iter().filter(|nd| nd.tone == tone) {
                    let (x, y) = crowd_pos(node.id, n);
                    cx.move_to(x + r, y);
                    let _ = cx.arc(x, y, r, 0.0, std::f64::consts::TAU);
                    any = true;
                }
                if any {
                    cx.set_fill_style_str(tone_colour(tone));
                    cx.fill();
                }
            }
            cx.set_stroke_style_str("#475569");
            cx.set_line_width(1.5);
            cx.begin_path();
            for node in v.nodes.iter().filter(|nd| nd.crashed) {
                let (x, y) = crowd_pos(node.id, n);
                cx.move_to(x - r, y - r);
                cx.line_to(x + r, y + r);
                cx.move_to(x + r, y - r);
                cx.line_to(x - r, y + r);
            }
            cx.stroke();
            if let Selection::Node(id) = selected {
                if id < n {
                    let (x, y) = crowd_pos(id, n);
                    cx.set_stroke_style_str("#0f172a");
                    cx.set_line_width(3.0);
                    cx.begin_path();
                    let _ = cx.arc(x, y, r + 4.0, 0.0, std::f64::consts::TAU);
                    cx.stroke();
                }
            }
            for class in [
                "msg-g-push",
                "msg-g-ack",
                "msg-g-pull",
                "msg-g-reply",
                "msg-g-sync",
            ] {
                cx.begin_path();
                let mut any = false;
                for m in v.msgs.iter().filter(|m| m.class == class) {
                    let (x1, y1) = crowd_pos(m.from, n);
                    let (x2, y2) = crowd_pos(m.to, n);
                    let (x, y) = (x1 + (x2 - x1) * m.progress, y1 + (y2 - y1) * m.progress);
                    cx.rect(x - 1.5, y - 1.5, 3.0, 3.0);
                    any = true;
                }
                if any {
                    cx.set_fill_style_str(msg_colour(class));
                    cx.fill();
                }
            }
        });
    });
    let infected = move || {
        ctl.view
            .with(|v| v.nodes.iter().filter(|n| n.role == "infected").count())
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(el) = canvas.get() else { return };
        // The drawing is the largest centred square in the element's box.
        let rect = el.get_bounding_client_rect();
        let side = rect.width().min(rect.height()).max(1.0);
        let (left, top) = (
            rect.left() + (rect.width() - side) / 2.0,
            rect.top() + (rect.height() - side) / 2.0,
        );
        let scale = SIZE / side;
        let (px, py) = (
            (ev.client_x() as f64 - left) * scale,
            (ev.client_y() as f64 - top) * scale,
        );
        let n = ctl.view.with_untracked(|v| v.nodes.len());
        let nearest = (0..n).min_by(|&a, &b| {
            let d = |i| {
                let (x, y) = crowd_pos(i, n);
                (x - px).powi(2) + (y - py).powi(2)
            };
            d(a).total_cmp(&d(b))
        });
        if let Some(i) = nearest {
            ctl.selected.set(Selection::Node(i));
        }
    };
    view! {
        <canvas class="crowd" node_ref=canvas width=PIXELS as u32 height=PIXELS as u32 data-testid="crowd"
            data-nodes=move || ctl.view.with(|v| v.nodes.len()).to_string()
            data-infected=move || infected().to_string()
            data-messages=move || ctl.view.with(|v| v.msgs.len()).to_string()
            on:click=on_click></canvas>
        <p class="clock-line" data-testid="clock">{move || super::secs(ctl.view.with(|v| v.now))}</p>
    }
}
