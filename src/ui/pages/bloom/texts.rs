//! The bloom page's own words, in English and Chinese (the course notes' terms, see
//! shared/GLOSSARY.md).

use crate::ui::core::text::{tx, Tx};

pub const TITLE: Tx = tx("Bloom filter", "布隆过滤器");
pub const INTRO: Tx = tx(
    "A bloom filter answers “definitely not present” or “maybe present” with m bits and k hash functions: never a false negative, sometimes a false positive, at a rate the formula (1 − e^(−kn/m))^k predicts.",
    "布隆过滤器用 m 位的位数组和 k 个哈希函数回答“一定不存在”或“可能存在”：不会漏报，偶尔误判（假阳性），误判率与公式 (1 − e^(−kn/m))^k 吻合。",
);
pub const BITS: Tx = tx("Bits m", "位数组大小 m");
pub const HASH_FUNCTIONS: Tx = tx("Hash functions k", "哈希函数个数 k");
pub const BLURB: Tx = tx(
    "Bloom filter: no false negatives, a false-positive rate the formula predicts, cache penetration stopped.",
    "布隆过滤器：不会漏报，误判率与公式吻合，挡住缓存穿透。",
);

/// The page's small picture on the home page.
pub const PICTURE: &str = r##"<svg viewBox="0 0 120 80"><g stroke="#94a3b8" fill="#fff"><rect x="6" y="44" width="12" height="16"/><rect x="18" y="44" width="12" height="16" fill="#4f46e5"/><rect x="30" y="44" width="12" height="16"/><rect x="42" y="44" width="12" height="16"/><rect x="54" y="44" width="12" height="16" fill="#4f46e5"/><rect x="66" y="44" width="12" height="16"/><rect x="78" y="44" width="12" height="16" fill="#4f46e5"/><rect x="90" y="44" width="12" height="16"/><rect x="102" y="44" width="12" height="16"/></g><text x="60" y="22" font-size="13" text-anchor="middle" fill="#0f172a">"apple"</text><g stroke="#4f46e5" stroke-width="1.2"><line x1="56" y1="26" x2="24" y2="42"/><line x1="60" y1="26" x2="60" y2="42"/><line x1="64" y1="26" x2="84" y2="42"/></g></svg>"##;
