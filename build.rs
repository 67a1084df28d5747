//! The browser binary is linked with its relocations kept (`--emit-relocs`): the split
//! step (`tools/wasm-split-bindgen`) reads them to cut the wasm into the shell and one chunk
//! per page. A link argument of the wasm binary alone, so no dependency is rebuilt for it.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=ds-playground=--emit-relocs");
    }
}
