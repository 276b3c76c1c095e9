fn main() {
    #[cfg(target_arch = "wasm32")]
    planbord::ui::start();
}
