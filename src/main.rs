//! The `zhitu` binary: the command line, and the desktop window (feature `gui`).

mod cli;
#[cfg(feature = "gui")]
mod ui;

fn main() -> std::process::ExitCode {
    cli::main()
}
