//! A guided tour as it plays: the browser's controller and the tests drive a run through
//! the same steps (see [`super::tours`] for what a tour is).

use crate::sim::{SimTime, MS};
use crate::ui::core::action::UiAction;
use crate::ui::core::i18n::Lang;
use crate::ui::core::runner::PageSim;
use crate::ui::core::tours::{satisfied, Step};
use crate::ui::core::view::SimView;

/// How often, in virtual time, a step waiting for a state looks at the page again.
pub const CUE_EVERY: SimTime = MS;

/// A guided tour in progress.
#[derive(Clone, Debug, PartialEq)]
pub struct TourRun {
    pub steps: Vec<Step>,
    pub idx: usize,
    /// The current step's text is on screen (the run paused for it).
    pub shown: bool,
    /// When the current step pauses the run.
    pub due: SimTime,
    /// Roles when the step was shown, and how long the action log was.
    roles: Vec<&'static str>,
    log_mark: usize,
    pub done: bool,
    /// Past the step's time, playing on until the state its text describes (see
    /// [`Step::when`]).
    pub waiting: bool,
}

impl TourRun {
    /// A tour of `steps` starting at `now` (none without steps).
    pub fn start(steps: Vec<Step>, now: SimTime) -> Option<TourRun> {
        let due = now + steps.first()?.wait_ms * MS;
        Some(TourRun {
            steps,
            idx: 0,
            shown: false,
            due,
            roles: vec![],
            log_mark: 0,
            done: false,
            waiting: false,
        })
    }

    /// The step on screen or coming next (none once the tour is over).
    pub fn current(&self) -> Option<&Step> {
        self.steps.get(self.idx).filter(|_| !self.done)
    }

    /// Play `sim` on to `target` (a frame's worth of virtual time), stopping exactly where
    /// the current step is due, or, when its text describes a state, where that state first
    /// shows (looking every [`CUE_EVERY`]). True when the step is ready: the caller pauses
    /// and calls [`TourRun::show`].
    pub fn play(
        &mut self,
        sim: &mut dyn PageSim,
        target: SimTime,
        lang: Lang,
        linger: SimTime,
    ) -> bool {
        let Some(cue) = self.current().filter(|_| !self.shown).map(Step::waits_for) else {
            sim.run_until(target);
            return false;
        };
        if sim.now() < self.due {
            sim.run_until(self.due.min(target));
            if sim.now() < self.due {
                return false;
            }
        }
        let Some(cue) = cue else {
            return true;
        };
        loop {
            if cue.holds(&sim.view(lang, linger)) {
                return true;
            }
            if sim.now() >= target {
                self.waiting = true;
                return false;
            }
            sim.run_until((sim.now() + CUE_EVERY).min(target));
        }
    }

    /// The current step is on screen now (`view` is the run as it shows, `log_len` the
    /// length of the action log): what the student does from here on answers it.
    pub fn show(&mut self, view: &SimView, log_len: usize) {
        self.shown = true;
        self.roles = view.nodes.iter().map(|n| n.role).collect();
        self.log_mark = log_len;
    }

    /// Go on to the next step at `now` (Continue, or the student did what it asked).
    pub fn next(&mut self, now: SimTime) {
        self.idx += 1;
        self.shown = false;
        self.waiting = false;
        match self.steps.get(self.idx) {
            Some(s) => self.due = now + s.wait_ms * MS,
            None => self.done = true,
        }
    }

    /// Whether the actions in `log` since the step showed do what it asks.
    pub fn answered(&self, log: &[(SimTime, UiAction)]) -> bool {
        let Some(expect) = self
            .current()
            .filter(|_| self.shown)
            .and_then(|s| s.expect.as_ref())
        else {
            return false;
        };
        let new: Vec<UiAction> = log
            .iter()
            .skip(self.log_mark)
            .map(|(_, a)| a.clone())
            .collect();
        satisfied(expect, &self.roles, &new)
    }
}
