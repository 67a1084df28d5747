//! The writer: it writes the next number to the server, at a fixed period or by click.

use super::msg::{LeaseMsg, LeaseNote, LeaseTimer};
use super::node::{LeaseConfig, LeaseNode, SERVER};
use crate::sim::{Ctx, RecentLog, SimTime};

/// A write and when (true time) the server confirmed it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WriteRec {
    pub id: u64,
    pub sent: SimTime,
    pub done: Option<SimTime>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Writer {
    /// Its writes, the newest ([`RecentLog`]'s default).
    writes: RecentLog<WriteRec>,
    /// How many the server confirmed.
    confirmed: usize,
}

impl Writer {
    pub fn writes(&self) -> &RecentLog<WriteRec> {
        &self.writes
    }
    /// Writes the server confirmed.
    pub fn confirmed(&self) -> usize {
        self.confirmed
    }
    pub fn start(&mut self, cfg: &LeaseConfig, cx: &mut Ctx<LeaseNode>) {
        if let Some(p) = cfg.write_every {
            cx.set_timer(LeaseTimer::NextWrite, p, p);
        }
    }
    /// Write the next number (1, 2, 3 ...).
    pub fn write(&mut self, cx: &mut Ctx<LeaseNode>) {
        let id = self.writes.len() as u64 + 1;
        self.writes.push_unmarked(WriteRec {
            id,
            sent: cx.now,
            done: None,
        });
        cx.send(SERVER, LeaseMsg::Write { id, value: id });
        cx.note(LeaseNote::Writes { id });
    }
    pub fn on_timer(&mut self, cfg: &LeaseConfig, timer: LeaseTimer, cx: &mut Ctx<LeaseNode>) {
        if timer == LeaseTimer::NextWrite {
            self.write(cx);
            self.start(cfg, cx);
        }
    }
    pub fn on_msg(&mut self, msg: LeaseMsg, cx: &mut Ctx<LeaseNode>) {
        if let LeaseMsg::Written { id, .. } = msg {
            if let Some(w) = self.writes.recent_mut().rev().find(|w| w.id == id) {
                if w.done.is_none() {
                    w.done = Some(cx.now);
                    self.confirmed += 1;
                }
            }
        }
    }
}
