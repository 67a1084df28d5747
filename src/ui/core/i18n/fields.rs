//! Names of the fields messages carry that several pages share (a page's own field names
//! live in its texts, e.g. Raft's `prevLogIndex`). The inspector shows a message field by
//! field in the reader's language; the tests check every field name has its Chinese.

use crate::ui::core::i18n::text::{same, tx, Tx};

/// What a message carries, when its page lists no fields of its own.
pub const CARRIES: Tx = tx("carries", "内容");
pub const VALUE: Tx = tx("value", "值");
pub const VALUES: Tx = tx("values", "值（多个）");
pub const VERSION: Tx = tx("version", "版本号");
pub const TOKEN: Tx = tx("fencing token", "栅栏令牌");
pub const SEEN: Tx = tx("highest token seen", "已见过的最大令牌");
pub const TTL: Tx = same("TTL");
pub const REQUEST: Tx = tx("request no.", "请求编号");
pub const INDEX: Tx = tx("log index", "日志索引");
pub const OP: Tx = tx("operation", "操作");
pub const HINT: Tx = tx("hinted for", "提示（代为保存）");
pub const CLIENT: Tx = tx("client", "客户端");
pub const PERIOD: Tx = tx("lease period", "租约时长");
pub const LEFT: Tx = tx("time left", "剩余时间");
pub const WRITE: Tx = tx("write", "写入");
pub const ROUND: Tx = tx("round", "轮次");
pub const STAMP: Tx = tx("timestamp", "时间戳");
pub const ITEM: Tx = tx("item", "条目");
pub const EPOCH: Tx = tx("epoch", "轮次（epoch）");
pub const PREV: Tx = tx("previous index", "前一条索引");
pub const HWM: Tx = tx("high-water mark", "高水位线");
pub const LEN: Tx = tx("log length", "日志长度");
pub const OK: Tx = tx("accepted", "是否接受");
pub const GRANTED: Tx = tx("vote granted", "是否投票");
pub const ENTRY: Tx = tx("entry", "日志条目");
pub const LOG: Tx = tx("log", "日志");
pub const BEHIND: Tx = tx("clock behind by", "时钟落后");
pub const ID: Tx = same("ID");
pub const SEQUENCE: Tx = tx("sequence", "序列号");
pub const WORKER: Tx = tx("worker id", "机器 ID");
pub const STAMPED: Tx = tx("stamped by", "时间来源");
pub const INCARNATION: Tx = tx("incarnation (start no.)", "第几次启动");
pub const SEQ: Tx = tx("heartbeat no.", "心跳序号");
pub const ITEMS: Tx = tx("items", "条目（多个）");
pub const PREV_EPOCH: Tx = tx("previous entry's epoch", "前一条的轮次");
pub const LAST_EPOCH: Tx = tx("last entry's epoch", "最后一条的轮次");
pub const ENTRIES: Tx = tx("entries", "日志条目");
pub const HOLDER: Tx = tx("lease holder", "租约持有者");
pub const SIBLINGS: Tx = tx("siblings (value · version)", "冲突版本（值 · 版本号）");
pub const VALUE_VERSION: Tx = tx("value · version", "值 · 版本号");
pub const YES: Tx = tx("yes", "是");
pub const NO: Tx = tx("no", "否");

/// A yes-or-no value in `lang`.
pub fn yes_no(lang: crate::ui::core::i18n::Lang, b: bool) -> String {
    (if b { &YES } else { &NO }).get(lang).to_string()
}
