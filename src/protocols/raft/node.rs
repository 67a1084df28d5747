//! One Raft server, rule for rule from the paper's Figure 2.

use super::msg::{Entry, RaftCmd, RaftMsg, RaftNote, RaftTimer};
use super::{RaftLog, RaftMonitor};
use crate::sim::{Ctx, NodeId, Protocol, SimTime, MS};

/// Timing and batching settings of a Raft cluster.
#[derive(Clone, Debug, PartialEq)]
pub struct RaftConfig {
    /// Shortest election timeout (§5.2 suggests 150 ms).
    pub election_min: SimTime,
    /// Longest election timeout (§5.2 suggests 300 ms).
    pub election_max: SimTime,
    /// How often an idle leader sends heartbeats; must be well below `election_min`.
    pub heartbeat: SimTime,
    /// Most entries carried by one AppendEntries.
    pub max_batch: usize,
    /// Figure 2's persistent state survives a crash (true). False is a "break it" mode:
    /// a restarted server forgets its term, its vote and its log, so it can vote twice in
    /// one term; the monitor catches the second leader or the lost commit.
    pub persist: bool,
}

impl Default for RaftConfig {
    fn default() -> Self {
        RaftConfig {
            election_min: 150 * MS,
            election_max: 300 * MS,
            heartbeat: 50 * MS,
            max_batch: 16,
            persist: true,
        }
    }
}

/// A server's role (Figure 4 of the paper). Servers start, and restart, as followers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Role {
    #[default]
    Follower,
    Candidate,
    Leader,
}

/// The state of one Raft server. Field groups follow Figure 2's "State" box.
#[derive(Clone, Debug)]
pub struct RaftNode {
    config: RaftConfig,
    hard: HardState,
    soft: Volatile,
}

/// Figure 2's "persistent state on all servers", updated on stable storage before
/// responding to RPCs: it survives a crash.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HardState {
    pub current_term: u64,
    pub voted_for: Option<NodeId>,
    pub log: RaftLog,
}

/// Figure 2's volatile state on all servers and on leaders: a crash resets all of it at
/// once (`on_crash` replaces it wholesale, so a field added here cannot be forgotten).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Volatile {
    pub commit_index: u64,
    pub role: Role,
    pub leader_hint: Option<NodeId>,
    /// Votes received in the current election (candidates).
    pub votes: Vec<NodeId>,
    /// For each server, the index of the next log entry to send (leaders).
    pub next_index: Vec<u64>,
    /// For each server, the highest log entry known to be replicated on it (leaders).
    pub match_index: Vec<u64>,
    /// For each server, the AppendEntries the leader awaits a reply to, if any: one
    /// replication stream per follower, as real implementations keep (etcd's "probe" and
    /// LogCabin's one outstanding request), so catching up is linear in the gap.
    pub in_flight: Vec<Option<InFlightAppend>>,
}

/// One AppendEntries a leader has sent and awaits the reply to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InFlightAppend {
    pub sent_at: SimTime,
    pub prev_log_index: u64,
    /// The last index it carries (`prev_log_index` for a bare heartbeat).
    pub last_index: u64,
}

impl RaftNode {
    /// A fresh server: term 0, empty log, follower.
    pub fn new(config: RaftConfig) -> Self {
        RaftNode {
            config,
            hard: HardState::default(),
            soft: Volatile::default(),
        }
    }

    /// A server that starts with a given persistent state (for scripted scenarios such
    /// as the paper's Figure 7).
    pub fn with_state(
        config: RaftConfig,
        term: u64,
        voted_for: Option<NodeId>,
        log: Vec<Entry>,
    ) -> Self {
        RaftNode {
            hard: HardState {
                current_term: term,
                voted_for,
                log: log.into(),
            },
            ..RaftNode::new(config)
        }
    }

    // ----- what the UI and the monitor read -------------------------------------------

    /// Figure 2's persistent state.
    pub fn hard_state(&self) -> &HardState {
        &self.hard
    }
    /// Figure 2's volatile state.
    pub fn volatile(&self) -> &Volatile {
        &self.soft
    }

    pub fn role(&self) -> Role {
        self.soft.role
    }
    pub fn term(&self) -> u64 {
        self.hard.current_term
    }
    pub fn voted_for(&self) -> Option<NodeId> {
        self.hard.voted_for
    }
    /// The log; entry `i` (1-based, as in the paper) is `log()[i - 1]`.
    pub fn log(&self) -> &[Entry] {
        &self.hard.log
    }
    pub fn commit_index(&self) -> u64 {
        self.soft.commit_index
    }
    /// The leader this node last heard from in its current term.
    pub fn leader_hint(&self) -> Option<NodeId> {
        self.soft.leader_hint
    }
    /// Votes received (candidates and leaders, this term).
    pub fn votes(&self) -> &[NodeId] {
        &self.soft.votes
    }
    /// Leader only: `nextIndex[]`.
    pub fn next_index(&self) -> &[u64] {
        &self.soft.next_index
    }
    /// Leader only: `matchIndex[]`.
    pub fn match_index(&self) -> &[u64] {
        &self.soft.match_index
    }
    pub fn config(&self) -> &RaftConfig {
        &self.config
    }
    pub fn last_log_index(&self) -> u64 {
        self.hard.log.len() as u64
    }
    pub fn last_log_term(&self) -> u64 {
        self.hard.log.last().map_or(0, |e| e.term)
    }
    /// The term of entry `index` (0 for index 0, `None` past the end).
    pub fn term_at(&self, index: u64) -> Option<u64> {
        if index == 0 {
            Some(0)
        } else {
            self.hard.log.get(index as usize - 1).map(|e| e.term)
        }
    }

    // ----- transitions ------------------------------------------------------------------

    fn reset_election_timer(&self, cx: &mut Ctx<Self>) {
        cx.set_timer(
            RaftTimer::Election,
            self.config.election_min,
            self.config.election_max,
        );
    }

    /// "If RPC request or response contains term T > currentTerm: set currentTerm = T,
    /// convert to follower."
    fn step_down(&mut self, term: u64, from: NodeId, cx: &mut Ctx<Self>) {
        let was = self.soft.role;
        let was_leader = was == Role::Leader;
        self.hard.current_term = term;
        self.hard.voted_for = None;
        self.soft.role = Role::Follower;
        self.soft.leader_hint = None;
        self.soft.votes.clear();
        cx.note(RaftNote::SteppedDown {
            term,
            from,
            was: crate::sim::Aside(was),
        });
        if was_leader {
            cx.cancel_timer(RaftTimer::Heartbeat);
            self.reset_election_timer(cx);
        }
    }

    fn start_election(&mut self, cx: &mut Ctx<Self>) {
        self.hard.current_term += 1;
        self.soft.role = Role::Candidate;
        self.hard.voted_for = Some(cx.id);
        self.soft.votes = vec![cx.id];
        self.soft.leader_hint = None;
        cx.note(RaftNote::StartedElection {
            term: self.hard.current_term,
        });
        self.reset_election_timer(cx);
        let msg = RaftMsg::RequestVote {
            term: self.hard.current_term,
            last_log_index: self.last_log_index(),
            last_log_term: self.last_log_term(),
        };
        for p in cx.peers() {
            cx.send(p, msg.clone());
        }
        self.maybe_win(cx);
    }

    fn maybe_win(&mut self, cx: &mut Ctx<Self>) {
        if self.soft.role == Role::Candidate && self.soft.votes.len() * 2 > cx.cluster_size {
            self.become_leader(cx);
        }
    }

    fn become_leader(&mut self, cx: &mut Ctx<Self>) {
        self.soft.role = Role::Leader;
        self.soft.leader_hint = Some(cx.id);
        let n = cx.cluster_size;
        self.soft.next_index = vec![self.last_log_index() + 1; n];
        self.soft.match_index = vec![0; n];
        self.soft.match_index[cx.id] = self.last_log_index();
        self.soft.in_flight = vec![None; n];
        cx.note(RaftNote::BecameLeader {
            term: self.hard.current_term,
            votes: self.soft.votes.len(),
        });
        cx.cancel_timer(RaftTimer::Election);
        self.broadcast_append(cx);
    }

    /// The heartbeat: every follower hears from the leader — those with nothing in flight,
    /// and those whose request has waited a whole interval (presumed lost) — while a
    /// request still fresh is left to its reply.
    fn broadcast_append(&mut self, cx: &mut Ctx<Self>) {
        for p in cx.peers() {
            let fresh =
                self.soft.in_flight[p].is_some_and(|f| cx.now - f.sent_at < self.config.heartbeat);
            if !fresh {
                self.send_append(p, cx);
            }
        }
        cx.set_timer(
            RaftTimer::Heartbeat,
            self.config.heartbeat,
            self.config.heartbeat,
        );
    }

    fn send_append(&mut self, to: NodeId, cx: &mut Ctx<Self>) {
        let prev_log_index = self.soft.next_index[to].saturating_sub(1);
        let start = prev_log_index as usize;
        let end = (start + self.config.max_batch).min(self.hard.log.len());
        self.soft.in_flight[to] = Some(InFlightAppend {
            sent_at: cx.now,
            prev_log_index,
            last_index: end.max(start) as u64,
        });
        cx.send(
            to,
            RaftMsg::AppendEntries {
                term: self.hard.current_term,
                prev_log_index,
                prev_log_term: self.term_at(prev_log_index).unwrap_or(0),
                entries: self.hard.log[start..end].to_vec(),
                leader_commit: self.soft.commit_index,
            },
        );
    }

    /// "If there exists an N such that N > commitIndex, a majority of matchIndex[i] ≥ N,
    /// and log[N].term == currentTerm: set commitIndex = N." The largest N a majority holds
    /// is the majority-th largest matchIndex; the leader's current-term entries are the
    /// end of its log, so if that N is not of the current term no smaller one is (§5.4.2:
    /// older entries are committed only indirectly). One look per reply, not a rescan.
    fn advance_commit(&mut self, cx: &mut Ctx<Self>) {
        let mut m = self.soft.match_index.clone();
        m.sort_unstable_by(|a, b| b.cmp(a));
        let n = m[cx.cluster_size / 2];
        if n > self.soft.commit_index && self.term_at(n) == Some(self.hard.current_term) {
            self.soft.commit_index = n;
            cx.note(RaftNote::Committed { index: n });
        }
    }

    fn client_request(&mut self, cmd: u64, cx: &mut Ctx<Self>) {
        match self.soft.role {
            Role::Leader => {
                self.hard.log.push(Entry {
                    term: self.hard.current_term,
                    cmd,
                });
                let index = self.last_log_index();
                self.soft.match_index[cx.id] = index;
                cx.note(RaftNote::AcceptedRequest { cmd, index });
                // Followers with a request in flight get the entry when its reply comes.
                for p in cx.peers() {
                    if self.soft.in_flight[p].is_none() {
                        self.send_append(p, cx);
                    }
                }
                self.advance_commit(cx);
            }
            _ => match self.soft.leader_hint {
                Some(leader) if leader != cx.id => {
                    cx.note(RaftNote::RedirectedRequest { cmd, leader });
                    cx.send(leader, RaftMsg::Redirect { cmd });
                }
                _ => cx.note(RaftNote::RejectedRequest { cmd }),
            },
        }
    }

    fn on_request_vote(
        &mut self,
        from: NodeId,
        term: u64,
        last_log_index: u64,
        last_log_term: u64,
        cx: &mut Ctx<Self>,
    ) {
        let up_to_date = last_log_term > self.last_log_term()
            || (last_log_term == self.last_log_term() && last_log_index >= self.last_log_index());
        let free = self.hard.voted_for.is_none() || self.hard.voted_for == Some(from);
        let granted = term == self.hard.current_term && free && up_to_date;
        if granted {
            self.hard.voted_for = Some(from);
            self.reset_election_timer(cx);
            cx.note(RaftNote::GrantedVote { term, to: from });
        } else if term == self.hard.current_term {
            match self.hard.voted_for {
                Some(v) if v != from => cx.note(RaftNote::RefusedVoteAlreadyVoted {
                    term,
                    to: from,
                    voted_for: v,
                }),
                _ => cx.note(RaftNote::RefusedVoteLog { term, to: from }),
            }
        }
        cx.send(
            from,
            RaftMsg::Vote {
                term: self.hard.current_term,
                granted,
            },
        );
    }

    /// AppendEntries' receiver (Figure 2): one parameter per argument of the RPC.
    #[allow(clippy::too_many_arguments)]
    fn on_append(
        &mut self,
        from: NodeId,
        term: u64,
        prev_log_index: u64,
        prev_log_term: u64,
        entries: Vec<Entry>,
        leader_commit: u64,
        cx: &mut Ctx<Self>,
    ) {
        let reply = |success: bool, match_index: u64, term: u64| RaftMsg::AppendReply {
            term,
            success,
            match_index,
            prev_log_index,
        };
        if term < self.hard.current_term {
            cx.send(from, reply(false, 0, self.hard.current_term));
            return;
        }
        // A current-term AppendEntries comes from the legitimate leader.
        self.soft.role = Role::Follower;
        self.soft.votes.clear();
        self.soft.leader_hint = Some(from);
        self.reset_election_timer(cx);
        if self.term_at(prev_log_index) != Some(prev_log_term) {
            cx.note(RaftNote::RejectedAppend { prev_log_index });
            // The length of its log rides along as a hint (§5.3's optimisation, simplified):
            // a follower missing entries is sent them from its end, not one step at a time.
            cx.send(
                from,
                reply(false, self.last_log_index(), self.hard.current_term),
            );
            return;
        }
        let count = entries.len();
        let mut appended = 0;
        for (offset, e) in entries.into_iter().enumerate() {
            let index = prev_log_index + 1 + offset as u64;
            match self.term_at(index) {
                Some(t) if t == e.term => continue,
                Some(_) => {
                    // "If an existing entry conflicts with a new one, delete the existing
                    // entry and all that follow it."
                    self.hard.log.truncate(index as usize - 1);
                    cx.note(RaftNote::TruncatedLog { from_index: index });
                }
                None => {}
            }
            self.hard.log.push(e);
            appended += 1;
        }
        let last_new = prev_log_index + count as u64;
        if appended > 0 {
            cx.note(RaftNote::AppendedEntries {
                count: appended,
                last_index: self.last_log_index(),
            });
        }
        if leader_commit > self.soft.commit_index {
            let new_commit = leader_commit.min(last_new);
            if new_commit > self.soft.commit_index {
                self.soft.commit_index = new_commit;
                cx.note(RaftNote::Committed { index: new_commit });
            }
        }
        cx.send(from, reply(true, last_new, self.hard.current_term));
    }

    fn on_append_reply(
        &mut self,
        from: NodeId,
        success: bool,
        match_index: u64,
        prev_log_index: u64,
        cx: &mut Ctx<Self>,
    ) {
        // The reply to the request in flight ends it; a late or duplicated reply to an
        // older one still teaches matchIndex, but starts nothing (one stream per follower).
        let answers = self.soft.in_flight[from].is_some_and(|f| {
            f.prev_log_index == prev_log_index && (!success || f.last_index == match_index)
        });
        if answers {
            self.soft.in_flight[from] = None;
        }
        if success {
            if match_index > self.soft.match_index[from] {
                self.soft.match_index[from] = match_index;
            }
            self.soft.next_index[from] = self.soft.next_index[from].max(match_index + 1);
            self.advance_commit(cx);
            if answers && self.soft.next_index[from] <= self.last_log_index() {
                self.send_append(from, cx); // more to send
            }
        } else {
            // "If AppendEntries fails because of log inconsistency: decrement nextIndex and
            // retry", down to the follower's own length at once if it is shorter. Echoing
            // prevLogIndex keeps a late duplicate from decrementing twice.
            let next = prev_log_index
                .min(match_index + 1)
                .max(1)
                .max(self.soft.match_index[from] + 1);
            let backed_off = next < self.soft.next_index[from];
            if backed_off {
                self.soft.next_index[from] = next;
                cx.note(RaftNote::BackedOff {
                    follower: from,
                    next_index: next,
                });
            }
            // Retry at once only when nextIndex moved. A refusal that teaches nothing (a
            // follower that forgot what matchIndex says it holds: the "no persistence"
            // break) waits for the heartbeat: retried at once, each duplicated refusal
            // would start another stream, and the streams would multiply.
            if answers && backed_off {
                self.send_append(from, cx);
            }
        }
    }
}

impl Protocol for RaftNode {
    type Msg = RaftMsg;
    type Timer = RaftTimer;
    type Cmd = RaftCmd;
    type Note = RaftNote;
    type Monitor = RaftMonitor;

    fn on_start(&mut self, cx: &mut Ctx<Self>) {
        self.soft.role = Role::Follower;
        cx.note(RaftNote::Booted {
            term: self.hard.current_term,
            log_len: self.last_log_index(),
        });
        self.reset_election_timer(cx);
    }

    fn on_msg(&mut self, from: NodeId, msg: RaftMsg, cx: &mut Ctx<Self>) {
        if let Some(term) = msg.term() {
            if term > self.hard.current_term {
                self.step_down(term, from, cx);
            }
        }
        match msg {
            RaftMsg::RequestVote {
                term,
                last_log_index,
                last_log_term,
            } => self.on_request_vote(from, term, last_log_index, last_log_term, cx),
            RaftMsg::Vote { term, granted } => {
                if self.soft.role == Role::Candidate
                    && term == self.hard.current_term
                    && granted
                    && !self.soft.votes.contains(&from)
                {
                    self.soft.votes.push(from);
                    self.maybe_win(cx);
                }
            }
            RaftMsg::AppendEntries {
                term,
                prev_log_index,
                prev_log_term,
                entries,
                leader_commit,
            } => self.on_append(
                from,
                term,
                prev_log_index,
                prev_log_term,
                entries,
                leader_commit,
                cx,
            ),
            RaftMsg::AppendReply {
                term,
                success,
                match_index,
                prev_log_index,
            } => {
                if self.soft.role == Role::Leader && term == self.hard.current_term {
                    self.on_append_reply(from, success, match_index, prev_log_index, cx);
                }
            }
            RaftMsg::Redirect { cmd } => self.client_request(cmd, cx),
        }
    }

    fn on_timer(&mut self, timer: RaftTimer, cx: &mut Ctx<Self>) {
        match (timer, self.soft.role) {
            (RaftTimer::Election, Role::Follower | Role::Candidate) => self.start_election(cx),
            (RaftTimer::Heartbeat, Role::Leader) => self.broadcast_append(cx),
            _ => {}
        }
    }

    fn on_cmd(&mut self, cmd: RaftCmd, cx: &mut Ctx<Self>) {
        match cmd {
            RaftCmd::ClientRequest(v) => self.client_request(v, cx),
            RaftCmd::ForceTimeout => {
                if self.soft.role != Role::Leader {
                    self.start_election(cx);
                }
            }
        }
    }

    /// A client may send any node a request; a teacher may force any election timeout.
    fn offered_commands(&self, serial: u64) -> Vec<RaftCmd> {
        vec![RaftCmd::ClientRequest(serial), RaftCmd::ForceTimeout]
    }

    /// Figure 2: the persistent state survives; all volatile state is lost.
    fn on_crash(&mut self) {
        self.soft = Volatile::default();
        if !self.config.persist {
            self.hard = HardState::default();
        }
    }
}

/// Hooks for tests that need states the protocol would never reach on its own (to prove
/// the monitor catches them).
#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    pub fn force_leader(node: &mut RaftNode, term: u64) {
        node.hard.current_term = term;
        node.soft.role = Role::Leader;
    }

    pub fn set_commit(node: &mut RaftNode, index: u64) {
        node.soft.commit_index = index;
    }

    /// Replace the log wholesale (a corruption no rule of Figure 2 makes).
    pub fn set_log(node: &mut RaftNode, log: Vec<Entry>) {
        node.hard.log = log.into();
    }
}
