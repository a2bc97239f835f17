//! Running commands and announcing steps.

use std::process::Command;

/// Why a task stopped, in words for the person running it.
#[derive(Debug)]
pub struct Failure(pub String);

/// Prints a step heading.
pub fn step(what: &str) {
    println!("\n==> {what}");
}

/// Runs a command with inherited output; fails with the command line when it fails.
pub fn run(command: &mut Command) -> Result<(), Failure> {
    let line = describe(command);
    println!("    $ {line}");
    match command.status() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(Failure(format!("`{line}` failed ({status})"))),
        Err(error) => Err(Failure(format!("could not start `{line}`: {error}"))),
    }
}

/// Runs a command quietly and returns its standard output, or `None` if it cannot run
/// or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn describe(command: &Command) -> String {
    let mut parts = vec![command.get_program().to_string_lossy().into_owned()];
    parts.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}
