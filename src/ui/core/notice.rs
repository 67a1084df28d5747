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
}
