//! The `cckg` command: parses the command line, calls the library, prints, and maps
//! errors to exit codes (1: some input failed, 2: usage or fatal error).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args = <cli::Cli as clap::Parser>::parse();
    match cli::run(args) {
        Ok(code) => code,
        // A reader that stops early (`cckg query … | head`) is not an error.
        Err(error)
            if error
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("cckg: error: {error:#}");
            ExitCode::from(2)
        }
    }
}
