//! Mounts the app in the browser; nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    ds_playground::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This binary is the browser app: build and serve it with `trunk serve` (see README.md).");
}
