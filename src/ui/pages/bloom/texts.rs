//! The bloom page's own words, in English and Chinese (the course notes' terms, see
//! shared/GLOSSARY.md).

use crate::protocols::bloom::play::BloomNote;
use crate::protocols::bloom::QueryOutcome;
use crate::ui::core::i18n::Lang;
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

// ----- words of this page shown in its drawing, inspector and status -----

pub const WORD: Tx = tx("Word", "单词");
pub const TOUR_TITLE: Tx = tx(
    "Bloom filter: “no” for sure, “yes” only maybe",
    "布隆过滤器：“不存在”是确定的，“存在”只是可能",
);
pub const TOUR1: Tx = tx(
    "The filter is a bit array of m bits, all 0, and k hash functions. Type a word in the box and press Insert: the k bits its hashes pick turn to 1.",
    "过滤器是一个 m 位的位数组，初始全为 0，外加 k 个哈希函数。在输入框里输入一个单词，按“插入”：它的哈希选中的 k 个位变成 1。",
);
pub const TOUR2: Tx = tx(
    "Now type a word you did not insert and press Query. If any of its k bits is still 0 the answer is a certain “no”: a bloom filter never gives a false negative.",
    "现在输入一个没有插入过的单词，按“查询”。只要它的 k 个位中有一个还是 0，答案就是确定的“不存在”：布隆过滤器不会漏判（没有假阴性）。",
);
pub const TOUR3: Tx = tx(
    "Fill it: press “Insert 20 random words” a few times, then “Query 1,000 absent words”. An absent word whose k bits are all 1 is a false positive; the measured rate follows (1 − e^(−kn/m))^k as n grows.",
    "把它填满：按几次“插入 20 个随机单词”，再按“查询 1000 个不存在的单词”。k 个位恰好全是 1 的不存在单词就是一次误判（假阳性）；随着 n 增大，实测误判率沿着 (1 − e^(−kn/m))^k 上升。",
);
pub const TOUR4: Tx = tx(
    "Cache penetration: requests for keys that do not exist miss the cache and reach the database every time. Press “Send 1,000 requests for missing keys”: with the filter in front only its false positives get through.",
    "缓存穿透：请求不存在的键，缓存每次都未命中，每个请求都打到数据库。按“发送 1000 个不存在的键的请求”：把过滤器放在前面，只有它误判的请求会漏过去。",
);
pub const INSERT: Tx = tx("Insert", "插入");
pub const QUERY: Tx = tx("Query", "查询");
pub const INSERT_RANDOM: Tx = tx("Insert 20 random words", "插入 20 个随机单词");
pub const MEASURE_FP: Tx = tx("Query 1,000 absent words", "查询 1000 个不存在的单词");
pub const OUTCOME_MISS: Tx = tx(
    "definite miss — a bit is 0, so it was never inserted",
    "一定不存在——有一位是 0，所以从未插入过",
);
pub const OUTCOME_HIT: Tx = tx(
    "hit — all bits are 1 and it was inserted",
    "命中——所有位都是 1，并且确实插入过",
);
pub const OUTCOME_FP: Tx = tx(
    "FALSE POSITIVE — all bits are 1 but it was never inserted",
    "误判（假阳性）——所有位都是 1，但从未插入过",
);
pub const BITS_SET: Tx = tx("bits set", "已置位");
pub const MEASURED_FP: Tx = tx("measured false-positive rate", "实测误判率");
pub const FORMULA_FP: Tx = tx("formula (1 − e^(−kn/m))^k", "公式 (1 − e^(−kn/m))^k");
pub const OPTIMAL_K: Tx = tx("optimal k = (m/n)·ln 2", "最优 k = (m/n)·ln 2");
pub const CACHE_PENETRATION: Tx = tx("Cache penetration", "缓存穿透");
pub const CACHE_PENETRATION_ABOUT: Tx = tx(
    "Attackers request keys that do not exist: the cache misses every time and each request reaches the database. Put this filter in front: only its false positives get through.",
    "攻击者请求根本不存在的键：缓存每次都未命中，每个请求都打到数据库。把这个布隆过滤器放在前面：只有它误判的请求会漏过去。",
);
pub const SEND_REQUESTS: Tx = tx(
    "Send 1,000 requests for missing keys",
    "发送 1000 个不存在的键的请求",
);
pub const DB_WITHOUT: Tx = tx(
    "database hits without the filter",
    "没有过滤器时的数据库访问",
);
pub const DB_WITH: Tx = tx("database hits with the filter", "有过滤器时的数据库访问");
pub const ITEMS: Tx = tx("items n", "元素个数 n");
pub const FILTER: Tx = tx("Filter", "过滤器");

/// The narration of what the filter did, in `lang`.
pub fn narrate(lang: Lang, note: &BloomNote) -> String {
    match (lang, note) {
        (Lang::En, BloomNote::Inserted { n }) => format!("inserted: {n} items in the filter"),
        (Lang::Zh, BloomNote::Inserted { n }) => format!("已插入：过滤器中共 {n} 个元素"),
        (_, BloomNote::Queried { outcome }) => {
            let t = match outcome {
                QueryOutcome::DefiniteMiss => &OUTCOME_MISS,
                QueryOutcome::TrueHit => &OUTCOME_HIT,
                QueryOutcome::FalsePositive => &OUTCOME_FP,
            };
            t.get(lang).to_string()
        }
        (
            Lang::En,
            BloomNote::Measured {
                false_positives,
                queries,
            },
        ) => {
            format!("measured {false_positives} false positives in {queries} queries")
        }
        (
            Lang::Zh,
            BloomNote::Measured {
                false_positives,
                queries,
            },
        ) => {
            format!("测得 {queries} 次查询中有 {false_positives} 次误判")
        }
        (Lang::En, BloomNote::Penetrated { without, with }) => {
            format!("cache penetration: {without} database hits without the filter, {with} with it")
        }
        (Lang::Zh, BloomNote::Penetrated { without, with }) => {
            format!("缓存穿透：不用过滤器时数据库被访问 {without} 次，用过滤器后 {with} 次")
        }
    }
}
