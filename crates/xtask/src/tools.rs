//! Finding, and installing when missing, the tools the tasks need: the wasm target,
//! Trunk, a wasm-bindgen CLI of exactly the locked version, wasm-opt, Node.js, and
//! Chromium with ChromeDriver.

use crate::run::{output, run, step, Failure};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Trunk 0.22 needs a newer rustc than 1.95; 0.21.14 is the newest that builds here.
const TRUNK_VERSION: &str = "0.21.14";
/// The cargo-fuzz release the fuzz targets were written for.
const CARGO_FUZZ_VERSION: &str = "0.13.2";
/// The cargo-deny release whose `deny.toml` format the project uses.
const CARGO_DENY_VERSION: &str = "0.20.2";

/// The binaryen release whose wasm-opt reads current rustc output (Trunk.toml names it too).
const BINARYEN_VERSION: &str = "132";

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string())
}

/// Where `cargo install` puts programs.
fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_default()
        .join("bin")
}

/// Where wasm-opt is installed for this project (an npm package, not a global install).
fn node_tools(root: &Path) -> PathBuf {
    root.join("target").join("tools")
}

/// Makes sure everything a site build needs is present; returns the PATH to build with.
pub fn ensure_build_tools(root: &Path) -> Result<OsString, Failure> {
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen(root)?;
    ensure_node()?;
    ensure_wasm_opt(root)?;
    let mut paths = vec![
        node_tools(root).join("node_modules").join(".bin"),
        cargo_bin(),
    ];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(paths).map_err(|e| Failure(format!("cannot build PATH: {e}")))
}

fn ensure_wasm_target() -> Result<(), Failure> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    step("Adding the WebAssembly target (rustup target add wasm32-unknown-unknown)");
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn installed_version(program: &Path, prefix: &str) -> Option<String> {
    let text = output(program.to_str()?, &["--version"])?;
    text.strip_prefix(prefix)
        .map(|v| v.split_whitespace().next().unwrap_or("").to_string())
}

fn find(program: &str) -> PathBuf {
    let local = cargo_bin().join(program);
    if local.exists() {
        local
    } else {
        PathBuf::from(program)
    }
}

fn ensure_trunk() -> Result<(), Failure> {
    if installed_version(&find("trunk"), "trunk ").as_deref() == Some(TRUNK_VERSION) {
        return Ok(());
    }
    step(&format!(
        "Installing Trunk {TRUNK_VERSION} (cargo install; about 13 minutes on 2 cores, once)"
    ));
    run(Command::new(cargo()).args(["install", "--locked", "trunk", "--version", TRUNK_VERSION]))
}

/// Makes sure the nightly toolchain and cargo-fuzz are present; returns the rustup
/// `cargo` to run `cargo +nightly fuzz` with.
pub fn ensure_fuzz_tools() -> Result<PathBuf, Failure> {
    let toolchains = output("rustup", &["toolchain", "list"]).unwrap_or_default();
    if !toolchains.lines().any(|l| l.starts_with("nightly")) {
        step("Installing the nightly toolchain for cargo-fuzz (rustup toolchain install nightly)");
        run(Command::new("rustup").args([
            "toolchain",
            "install",
            "nightly",
            "--profile",
            "minimal",
        ]))?;
    }
    ensure_cargo_tool(
        "cargo-fuzz",
        "cargo-fuzz ",
        CARGO_FUZZ_VERSION,
        "about 2 minutes",
    )?;
    let rustup_cargo = cargo_bin().join("cargo");
    Ok(if rustup_cargo.exists() {
        rustup_cargo
    } else {
        PathBuf::from("cargo")
    })
}

/// Makes sure cargo-deny is present; returns its path.
pub fn ensure_cargo_deny() -> Result<PathBuf, Failure> {
    ensure_cargo_tool(
        "cargo-deny",
        "cargo-deny ",
        CARGO_DENY_VERSION,
        "about 2 minutes",
    )?;
    Ok(find("cargo-deny"))
}

/// Installs `krate` at `version` with `cargo install --locked` unless that version is
/// already there (its `--version` output starts with `prefix`).
fn ensure_cargo_tool(krate: &str, prefix: &str, version: &str, time: &str) -> Result<(), Failure> {
    if installed_version(&find(krate), prefix).as_deref() == Some(version) {
        return Ok(());
    }
    step(&format!(
        "Installing {krate} {version} (cargo install; {time}, once)"
    ));
    run(Command::new(cargo()).args(["install", "--locked", krate, "--version", version]))
}

/// The `wasm-bindgen` version in Cargo.lock; the CLI must match it exactly.
fn locked_wasm_bindgen(root: &Path) -> Result<String, Failure> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| Failure(format!("cannot read Cargo.lock: {e}")))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_string());
            }
        }
    }
    Err(Failure("Cargo.lock has no wasm-bindgen entry".to_string()))
}

fn ensure_wasm_bindgen(root: &Path) -> Result<(), Failure> {
    let wanted = locked_wasm_bindgen(root)?;
    if installed_version(&find("wasm-bindgen"), "wasm-bindgen ").as_deref() == Some(wanted.as_str())
    {
        return Ok(());
    }
    step(&format!(
        "Installing wasm-bindgen-cli {wanted}, the version in Cargo.lock (about 4 minutes, once)"
    ));
    // `--locked` fails for this crate on this registry (a pinned dependency is missing).
    run(Command::new(cargo()).args([
        "install",
        "--force",
        "wasm-bindgen-cli",
        "--version",
        &wanted,
    ]))
}

fn ensure_wasm_opt(root: &Path) -> Result<(), Failure> {
    let tools = node_tools(root);
    let wasm_opt = tools.join("node_modules").join(".bin").join("wasm-opt");
    let version = wasm_opt
        .to_str()
        .and_then(|p| output(p, &["--version"]))
        .unwrap_or_default();
    if version.contains(&format!("version {BINARYEN_VERSION}")) {
        return Ok(());
    }
    step(&format!(
        "Installing wasm-opt from npm's binaryen@{BINARYEN_VERSION} into {}",
        tools.display()
    ));
    std::fs::create_dir_all(&tools)
        .map_err(|e| Failure(format!("cannot create {}: {e}", tools.display())))?;
    run(Command::new("npm")
        .args([
            "install",
            "--no-audit",
            "--no-fund",
            "--no-save",
            "--prefix",
        ])
        .arg(&tools)
        .arg(format!("binaryen@{BINARYEN_VERSION}")))
}

/// Node.js runs wasm-opt (binaryen's npm build) and the end-to-end tests.
pub fn ensure_node() -> Result<(), Failure> {
    if output("node", &["--version"]).is_some() && output("npm", &["--version"]).is_some() {
        return Ok(());
    }
    step("Installing Node.js and npm (Debian packages)");
    apt_install(&["nodejs", "npm"])
}

/// The browser and its WebDriver.
pub struct Browser {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
}

pub fn ensure_browser() -> Result<Browser, Failure> {
    let chromium = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| "/usr/bin/chromium".into());
    let chromedriver = std::env::var_os("CHROMEDRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| "/usr/bin/chromedriver".into());
    if !chromium.exists() || !chromedriver.exists() {
        step("Installing Chromium and ChromeDriver for browser tests (Debian packages)");
        apt_install(&["chromium", "chromium-driver"])?;
    }
    Ok(Browser {
        chromium,
        chromedriver,
    })
}

pub fn apt_install(packages: &[&str]) -> Result<(), Failure> {
    let is_root = output("id", &["-u"]).as_deref() == Some("0");
    let sudo = if is_root { None } else { Some("sudo") };
    if output("apt-get", &["--version"]).is_none()
        || (!is_root && output("sudo", &["-n", "true"]).is_none())
    {
        return Err(Failure(format!(
            "please install {} with your system's package manager (as root on Debian: apt-get install -y {})",
            packages.join(", "),
            packages.join(" ")
        )));
    }
    let apt = |args: &[&str]| {
        let mut command = match sudo {
            Some(sudo) => {
                let mut c = Command::new(sudo);
                c.arg("apt-get");
                c
            }
            None => Command::new("apt-get"),
        };
        command.env("DEBIAN_FRONTEND", "noninteractive").args(args);
        run(&mut command)
    };
    apt(&["update"])?;
    let mut args = vec!["install", "-y"];
    args.extend_from_slice(packages);
    apt(&args)
}
