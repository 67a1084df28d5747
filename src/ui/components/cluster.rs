//! The cluster drawn in SVG: nodes on a circle (role by colour AND shape AND label),
//! links that can be cut, messages flying by virtual time, crosses where messages died.

use std::f64::consts::PI;

use crate::decimal::{fixed, num, Fixed as F};

use leptos::prelude::*;

use super::hand_kept::{self, svg_element, Attr, Keyed, Root};
use crate::sim::NodeId;
use crate::ui::core::i18n::{t, Key};
use crate::ui::core::view::MsgVis;
use crate::ui::state::{Ctl, Selection};

const NODE_R: f64 = 30.0;
const RING_R: f64 = 39.0;

/// The drawing's shape: a square on narrow screens (a phone), a wide oval where the page
/// is wide, so the cluster, the logs and the narration share one screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Frame {
    Square,
    Wide,
}

impl Frame {
    /// The frame for a viewport this many CSS pixels wide.
    pub fn for_width(px: f64) -> Frame {
        if px >= 700.0 {
            Frame::Wide
        } else {
            Frame::Square
        }
    }
    /// viewBox width and height.
    fn size(self) -> (f64, f64) {
        match self {
            Frame::Square => (600.0, 600.0),
            Frame::Wide => (840.0, 440.0),
        }
    }
    /// Radii of the oval the nodes sit on (room left for the labels outside it).
    fn radii(self) -> (f64, f64) {
        match self {
            Frame::Square => (215.0, 215.0),
            Frame::Wide => (330.0, 148.0),
        }
    }
}

/// Where node `id` of `n` sits.
pub fn node_pos(id: NodeId, n: usize, f: Frame) -> (f64, f64) {
    let a = -PI / 2.0 + 2.0 * PI * id as f64 / n.max(1) as f64;
    let (w, h) = f.size();
    let (rx, ry) = f.radii();
    let (ux, uy) = super::polar(0.0, 0.0, 1.0, a);
    (w / 2.0 + rx * ux, h / 2.0 + ry * uy)
}

/// A point `p` of the way from `a` to `b`, shifted sideways so that a request and its
/// reply on the same link do not overlap.
fn along(a: NodeId, b: NodeId, n: usize, p: f64, f: Frame) -> (f64, f64) {
    let (x1, y1) = node_pos(a, n, f);
    let (x2, y2) = node_pos(b, n, f);
    let (dx, dy) = (x2 - x1, y2 - y1);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    // Start and end at the node's rim, not its centre.
    let inset = (NODE_R + 8.0) / len;
    let q = inset + p * (1.0 - 2.0 * inset);
    let side = if a < b { 7.0 } else { -7.0 };
    (x1 + dx * q - dy / len * side, y1 + dy * q + dx / len * side)
}

fn hexagon(r: f64) -> String {
    (0..6)
        .map(|i| {
            let a = PI / 6.0 + PI / 3.0 * i as f64;
            let (x, y) = super::polar(0.0, 0.0, r, a);
            format!("{},{}", F(x, 1), F(y, 1))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
pub fn Cluster() -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let n = Memo::new(move |_| ctl.view.with(|v| v.nodes.len()));
    let page = move || ctl.scenario.with(|s| s.page);
    let frame = RwSignal::new(Frame::for_width(super::viewport().0));
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        frame.set(Frame::for_width(super::viewport().0))
    });
    on_cleanup(move || resize.remove());
    provide_context(frame);
    // Keys include the page, size and frame, so a new cluster gets fresh elements.
    let links = move || {
        let (n, p, f) = (n.get(), page(), frame.get());
        (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| (p, n, f, a, b)))
            .collect::<Vec<_>>()
    };
    let nodes = move || {
        let (n, p, f) = (n.get(), page(), frame.get());
        (0..n).map(|i| (p, n, f, i)).collect::<Vec<_>>()
    };
    let view_box = move || {
        let (w, h) = frame.get().size();
        format!("0 0 {w} {h}")
    };
    // Messages are kept by hand (see `hand_kept`): one effect per frame moves them.
    let msg_layer = NodeRef::<leptos::svg::G>::new();
    let drawn = StoredValue::new_local(Keyed::<u64, DrawnMsg>::default());
    let drawn_frame = StoredValue::new(None::<(usize, Frame)>);
    Effect::new(move |_| {
        let Some(layer) = msg_layer.get() else {
            return;
        };
        let f = frame.get();
        let hovered = ctl.hovered.get();
        let selected = ctl.selected.get();
        ctl.view.with(|v| {
            let n = v.nodes.len();
            drawn.update_value(|d| {
                // A new frame or cluster size moves every message: start afresh.
                if drawn_frame.get_value() != Some((n, f)) {
                    d.clear();
                    drawn_frame.set_value(Some((n, f)));
                }
                sync_messages(d, &layer, &v.msgs, n, f, hovered, selected)
            })
        });
    });
    let drop_ids = move || {
        ctl.view
            .with(|v| v.drops.iter().map(|d| d.id).collect::<Vec<_>>())
    };
    view! {
        <svg class="cluster" data-testid="cluster" viewBox=view_box role="img"
            data-frame=move || format!("{:?}", frame.get()).to_lowercase()
            on:click=move |_| ctl.selected.set(Selection::None)>
            <g class="links">
                <For each=links key=|k| *k children=move |(_, n, f, a, b)| view! { <Link n f a b/> }/>
            </g>
            <g class="drops">
                <For each=drop_ids key=|id| *id children=move |id| view! { <DropCross id/> }/>
            </g>
            <g class="nodes">
                <For each=nodes key=|k| *k children=move |(_, n, f, id)| view! { <NodeGlyph n f id/> }/>
            </g>
            <g class="messages" node_ref=msg_layer on:click=hand_kept::on_click(ctl)
                on:mouseover=hand_kept::on_over(ctl) on:mouseout=hand_kept::on_out(ctl)></g>
            <text class="clock-overlay" x="12" y="24" data-testid="clock">
                {move || format!("{} {}", t(ctl.lang.get(), Key::VirtualTime), super::secs(ctl.view.with(|v| v.now)))}
            </text>
        </svg>
    }
}

fn name_of(ctl: Ctl, id: NodeId) -> String {
    ctl.view
        .with_untracked(|v| v.nodes.get(id).map(|n| n.name.clone()).unwrap_or_default())
}

#[component]
fn Link(n: usize, f: Frame, a: NodeId, b: NodeId) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let (x1, y1) = node_pos(a, n, f);
    let (x2, y2) = node_pos(b, n, f);
    let cut = Memo::new(move |_| ctl.view.with(|v| v.cut.contains(&(a, b))));
    let selected = move || ctl.selected.get() == Selection::Link(a, b);
    let title = move || {
        format!(
            "{}–{}: {}",
            name_of(ctl, a),
            name_of(ctl, b),
            t(ctl.lang.get(), Key::ClickToToggleLink)
        )
    };
    view! {
        <g class="link" class:cut=move || cut.get() class:selected=selected
            data-testid=format!("link-{}-{}", a + 1, b + 1)
            data-state=move || if cut.get() { "cut" } else { "up" }
            on:click=move |ev| {
                ev.stop_propagation();
                ctl.selected.set(Selection::Link(a, b));
                ctl.toggle_link(a, b);
            }>
            <title>{title}</title>
            <line class="link-line" x1=fixed(x1, 1) y1=fixed(y1, 1) x2=fixed(x2, 1) y2=fixed(y2, 1)/>
            <line class="link-hit" x1=fixed(x1, 1) y1=fixed(y1, 1) x2=fixed(x2, 1) y2=fixed(y2, 1)/>
            <text class="cut-mark" x=fixed((x1 + x2) / 2.0, 1) y=fixed((y1 + y2) / 2.0 + 6.0, 1)>"✂"</text>
        </g>
    }
}

/// What a node's glyph draws, kept in a memo so the glyph redraws only when one changes:
/// role, state, shape, tone, term, badge, label and name.
type GlyphFields = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<u64>,
    String,
    String,
    String,
);

#[component]
fn NodeGlyph(n: usize, f: Frame, id: NodeId) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let (x, y) = node_pos(id, n, f);
    let node = Memo::new(move |_| {
        ctl.view.with(|v| {
            v.nodes.get(id).map(|nv| {
                (
                    nv.role,
                    nv.state,
                    nv.shape.attr(),
                    nv.tone,
                    nv.term,
                    nv.badge.clone(),
                    nv.label.clone(),
                    nv.name.clone(),
                )
            })
        })
    });
    let field = move |f: fn(&GlyphFields) -> String| {
        move || node.with(|n| n.as_ref().map(f).unwrap_or_default())
    };
    let ring = move || {
        let left = ctl.view.with(|v| v.nodes.get(id).and_then(|nv| nv.ring));
        let c = 2.0 * PI * RING_R;
        match left {
            Some(f) => format!("{} {}", F(c * f, 1), F(c, 1)),
            None => format!("0 {}", F(c, 1)),
        }
    };
    let has_ring = move || {
        ctl.view
            .with(|v| v.nodes.get(id).is_some_and(|nv| nv.ring.is_some()))
    };
    let selected = move || ctl.selected.get() == Selection::Node(id);
    // Labels go on the outer side: above nodes in the upper half, below the others, so
    // messages leaving a node towards the centre never cover them.
    let label_y = if y < f.size().1 / 2.0 - 1.0 {
        -(RING_R + 9.0)
    } else {
        RING_R + 18.0
    };
    view! {
        // One class string: a dynamic `class` beside `class:x` toggles would drop the
        // toggles whenever the tone changes (a candidate turning follower lost its ring).
        <g class=move || format!(
                "node tone-{}{}{}",
                node.with(|n| n.as_ref().map_or("grey", |n| n.3)),
                if selected() { " selected" } else { "" },
                if has_ring() { " timed" } else { "" },
            )
            data-testid=format!("node-{}", id + 1)
            data-node=field(|n| n.7.clone())
            data-role=field(|n| n.0.to_string())
            data-state=field(|n| n.1.to_string())
            data-shape=field(|n| n.2.to_string())
            data-term=move || node.with(|n| n.as_ref().and_then(|n| n.4).map(|t| t.to_string()))
            transform=format!("translate({},{})", F(x, 1), F(y, 1))
            on:click=move |ev| {
                ev.stop_propagation();
                ctl.selected.set(Selection::Node(id));
            }>
            <circle class="ring-bg" r=num(RING_R)/>
            <circle class="ring" r=num(RING_R) stroke-dasharray=ring transform="rotate(-90)"/>
            <circle class="shape shape-circle" r=num(NODE_R)/>
            <rect class="shape shape-diamond" x=num(-NODE_R * 0.8) y=num(-NODE_R * 0.8) width=num(NODE_R * 1.6) height=num(NODE_R * 1.6) transform="rotate(45)"/>
            <polygon class="shape shape-hexagon" points=hexagon(NODE_R + 3.0)/>
            <rect class="shape shape-square" x=num(-NODE_R * 0.85) y=num(-NODE_R * 0.85) width=num(NODE_R * 1.7) height=num(NODE_R * 1.7) rx="4"/>
            <path class="crash-x" d="M-14,-14 L14,14 M14,-14 L-14,14"/>
            <text class="node-name" y="-3">{field(|n| n.7.clone())}</text>
            <text class="node-term" y="14">{field(|n| n.5.clone())}</text>
            <text class="node-role" y=num(label_y)>{field(|n| n.6.clone())}</text>
        </g>
    }
}

/// A message drawn in the cluster: a badge moving along its link.
struct DrawnMsg {
    group: web_sys::Element,
    title: web_sys::Element,
    badge: web_sys::Element,
    at: Attr,
    class: Attr,
    /// The kind (`data-kind`), which also picks the badge.
    kind: Attr,
    tip: String,
}

impl Root for DrawnMsg {
    fn root(&self) -> &web_sys::Element {
        &self.group
    }
}

impl DrawnMsg {
    /// The group (testid `msg-ID`, its kind in `data-kind`) with a tooltip, a disc and
    /// the kind's badge.
    /// (`spare`: a hidden one to show `m` instead.)
    fn make(spare: Option<DrawnMsg>, m: &MsgVis) -> Option<DrawnMsg> {
        let d = match spare {
            Some(d) => d,
            None => {
                let group = svg_element("g", "msg")?;
                let title = svg_element("title", "")?;
                let disc = svg_element("circle", "")?;
                let badge = svg_element("text", "")?;
                let _ = disc.set_attribute("r", "11");
                let _ = badge.set_attribute("y", "4");
                for part in [&title, &disc, &badge] {
                    let _ = group.append_child(part);
                }
                DrawnMsg {
                    group,
                    title,
                    badge,
                    at: Attr::default(),
                    class: Attr::default(),
                    kind: Attr::default(),
                    tip: String::new(),
                }
            }
        };
        let _ = d
            .group
            .set_attribute("data-testid", &format!("msg-{}", m.id));
        let _ = d.group.set_attribute("data-msg", &m.id.to_string());
        Some(d)
    }
}

/// Make the layer show `msgs`: new ones made, gone ones removed, the rest moved.
fn sync_messages(
    d: &mut Keyed<u64, DrawnMsg>,
    layer: &web_sys::Element,
    msgs: &[MsgVis],
    n: usize,
    f: Frame,
    hovered: Option<u64>,
    selected: Selection,
) {
    let mut ids: Vec<u64> = msgs.iter().map(|m| m.id).collect();
    ids.sort_unstable();
    d.retain(|id| ids.binary_search(id).is_ok());
    for m in msgs {
        let Some((dm, _)) = d.get_or_make(layer, m.id, |spare| DrawnMsg::make(spare, m)) else {
            continue;
        };
        if dm.kind.get() != m.class {
            hand_kept::set_text(&dm.badge, m.badge);
            dm.kind.set(&dm.group, "data-kind", m.class.to_string());
        }
        let (x, y) = along(m.from, m.to, n, m.progress, f);
        dm.at.set(
            &dm.group,
            "transform",
            format!("translate({},{})", F(x, 1), F(y, 1)),
        );
        let class = format!(
            "msg {}{}{}{}{}",
            m.class,
            if m.doomed { " doomed" } else { "" },
            if m.copy { " copy" } else { "" },
            if hovered == Some(m.id) {
                " hovered"
            } else {
                ""
            },
            if selected == Selection::Msg(m.id) {
                " selected"
            } else {
                ""
            },
        );
        dm.class.set(&dm.group, "class", class);
        // The tooltip is written when the pointer is on the message: a recycled badge
        // rewriting its text every frame cost layout for a tooltip nobody was reading.
        if hovered == Some(m.id) && dm.tip != m.title {
            hand_kept::set_text(&dm.title, &m.title);
            dm.tip = m.title.clone();
        }
    }
    d.hide_spares();
}

#[component]
fn DropCross(id: u64) -> impl IntoView {
    let ctl = expect_context::<Ctl>();
    let frame = expect_context::<RwSignal<Frame>>();
    let at = move || {
        let f = frame.get();
        ctl.view.with(|v| {
            let n = v.nodes.len();
            v.drops
                .iter()
                .find(|d| d.id == id)
                .map(|d| (along(d.from, d.to, n, d.progress, f), d.age))
        })
    };
    view! {
        <g class="drop" data-testid=format!("drop-{id}")
            transform=move || at().map(|((x, y), _)| format!("translate({},{})", F(x, 1), F(y, 1))).unwrap_or_default()
            opacity=move || at().map(|(_, age)| fixed((1.0 - age).max(0.0), 2)).unwrap_or_default()>
            <path d="M-8,-8 L8,8 M8,-8 L-8,8"/>
        </g>
    }
}
