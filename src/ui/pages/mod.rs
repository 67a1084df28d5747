//! One folder per page: its adapter (how the protocol looks, its narration and commands),
//! its texts (en + zh), its page definition ([`crate::ui::core::page::PageDef`]) and, where
//! it has one, its own body. A page is added here and in [`crate::ui::registry`].

pub mod bloom;
pub mod cap;
pub mod consistency_models;
pub mod failure_detector;
pub mod gossip;
pub mod lease;
pub mod lock;
pub mod paxos;
pub mod primary_secondary;
pub mod quorum;
pub mod raft;
pub mod redlock;
pub mod ring;
pub mod snowflake;
pub mod three_pc;
pub mod two_pc;

/// Declares a page's code as a split point: `page_chunk!(chunk_name, PageType)` at the end
/// of the page's `mod.rs` gives `load_def`, which in the browser lives in the chunk
/// `chunk_name` with everything only it reaches (the protocol, the adapter, the page's
/// components, and with the other pages the shared layout it names) and is fetched on its
/// first call; natively it is an ordinary function. Nothing outside the page's folder may
/// name the page's items but the registry (`tests/layers.rs`), or they are pulled back into
/// the shell every visitor downloads.
#[macro_export]
macro_rules! page_chunk {
    ($chunk:ident, $def:expr) => {
        /// The page's code (in the browser, its own chunk, fetched when the page opens).
        #[cfg(target_arch = "wasm32")]
        #[::leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn load_def() -> ::core::result::Result<
            $crate::ui::core::page::PageCode,
            $crate::ui::core::page::ChunkError,
        > {
            ::core::result::Result::Ok($crate::ui::core::page::PageCode {
                def: &$def,
                view: $crate::ui::components::page_view::page_view,
            })
        }
        /// The page's code.
        #[cfg(not(target_arch = "wasm32"))]
        pub fn load_def() -> $crate::ui::core::page::PageCode {
            $crate::ui::core::page::PageCode { def: &$def }
        }
    };
}
