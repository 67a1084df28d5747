//! Fixed strings in both languages: [`Tx`] (a page's own) and [`Text`] (any fixed string).
//! Defined beside the common tables in [`super::i18n`]; named here for pages.

pub use super::i18n::text::{has_cjk, same, tr, tx, Text, Tx};
