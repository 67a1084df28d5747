//! What could not be used as written: a link's bad field, a clamped value, a skipped action.

/// Something in a link that could not be used as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Malformed {
        field: String,
        value: String,
    },
    Clamped {
        field: String,
        value: String,
        to: String,
    },
    UnknownField {
        field: String,
    },
    UnknownPage {
        page: String,
    },
    /// The link's format (`v=`) is newer than this app, or older than the runs it can
    /// replay exactly: the run may differ from the one the link was made from.
    LinkVersion {
        found: String,
        newer: bool,
    },
    /// More notices than a page shows: how many were left out.
    More {
        count: usize,
    },
    /// The link's moment (`t=`) is too far at its settings: the run stopped short of it,
    /// at `at` (both as the page writes times).
    StoppedShort {
        target: String,
        at: String,
    },
}

/// The most notices a page lists for one link (a hostile link can hold thousands).
pub const MAX_NOTICES: usize = 10;

impl Notice {
    /// `notices`, the first [`MAX_NOTICES`] of them and then how many more there were.
    pub fn capped(mut notices: Vec<Notice>) -> Vec<Notice> {
        if notices.len() > MAX_NOTICES {
            let count = notices.len() - MAX_NOTICES;
            notices.truncate(MAX_NOTICES);
            notices.push(Notice::More { count });
        }
        notices
    }
}
