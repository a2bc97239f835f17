//! `cargo xtask deny`: the supply-chain checks of `deny.toml` over the project and its
//! fuzz workspace: licenses, banned crates (the unmaintained and unsound ones this kind
//! of project tends to pull in), crate sources, and the RustSec advisories.
//!
//! The advisory database is a Git repository on GitHub. Where it cannot be fetched (this
//! project's build machines reach only the package registries), the advisory check says
//! so plainly and the other checks still run; `deny.toml`'s bans name the unmaintained
//! and unsound crates we know of, so those stay out either way.

use crate::run::{run, step, Failure};
use crate::tools;
use std::path::Path;
use std::process::Command;

pub fn deny(root: &Path) -> Result<(), Failure> {
    let cargo_deny = tools::ensure_cargo_deny()?;
    for manifest in ["Cargo.toml", "fuzz/Cargo.toml"] {
        step(&format!(
            "Checking licenses, banned crates and sources of {manifest} (cargo deny)"
        ));
        run(Command::new(&cargo_deny)
            .current_dir(root)
            .args([
                "--manifest-path",
                manifest,
                "--locked",
                "--config",
                "deny.toml",
            ])
            .args(["check", "bans", "licenses", "sources"]))?;
    }
    step("Fetching the RustSec advisory database (cargo deny fetch db)");
    let fetched = run(Command::new(&cargo_deny).current_dir(root).args([
        "--config",
        "deny.toml",
        "fetch",
        "db",
    ]));
    if let Err(Failure(message)) = fetched {
        println!(
            "    The advisory database could not be fetched ({message}).\n    \
             Skipping the advisory check on this machine; it runs wherever github.com is reachable."
        );
        return Ok(());
    }
    for manifest in ["Cargo.toml", "fuzz/Cargo.toml"] {
        step(&format!(
            "Checking {manifest} against the RustSec advisories"
        ));
        run(Command::new(&cargo_deny)
            .current_dir(root)
            .args(["--manifest-path", manifest, "--locked", "--offline"])
            .args(["--config", "deny.toml", "check", "advisories"]))?;
    }
    Ok(())
}
