//! Starts the explorer in the browser.

fn main() {
    insight_explorer::start();
}
