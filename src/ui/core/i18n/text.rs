//! Fixed strings in both languages. The app's common words live in [`super::i18n`]'s
//! tables; a page's own words are [`Tx`] constants in its page folder (`texts.rs`), so a
//! page brings its texts with it. A [`Tx`] without both languages does not compile, and a
//! test over the registry checks that none is empty or left untranslated.

use super::{t, Key, Lang};

/// One of a page's own texts, in English and Chinese.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Tx {
    pub en: &'static str,
    pub zh: &'static str,
    /// Declared to read the same in both languages ([`same`]): the tests accept its
    /// Chinese without Chinese characters.
    pub same: bool,
}

/// A text in both languages.
pub const fn tx(en: &'static str, zh: &'static str) -> Tx {
    Tx {
        en,
        zh,
        same: false,
    }
}

/// A name Chinese course notes also write as it is (Raft, 2PC, CanCommit, nextIndex):
/// the same text in both languages, declared so rather than left untranslated.
pub const fn same(text: &'static str) -> Tx {
    Tx {
        en: text,
        zh: text,
        same: true,
    }
}

impl Tx {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }
}

/// Any fixed string: one of the app's common words, or a page's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Text {
    Key(Key),
    Page(&'static Tx),
}

impl Text {
    /// The text in `lang`.
    /// Declared to read the same in both languages (see [`same`]).
    pub fn reads_the_same(self) -> bool {
        matches!(self, Text::Page(t) if t.same)
    }
    pub fn get(self, lang: Lang) -> &'static str {
        match self {
            Text::Key(k) => t(lang, k),
            Text::Page(x) => x.get(lang),
        }
    }
}

impl From<Key> for Text {
    fn from(k: Key) -> Text {
        Text::Key(k)
    }
}

impl From<&'static Tx> for Text {
    fn from(x: &'static Tx) -> Text {
        Text::Page(x)
    }
}

/// Whether `s` has Chinese characters (a copied English string in the zh column is a bug).
pub fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// `text` in `lang`, whether a common word or a page's own.
pub fn tr(lang: Lang, text: impl Into<Text>) -> &'static str {
    text.into().get(lang)
}
