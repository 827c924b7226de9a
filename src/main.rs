use std::process::ExitCode;

fn main() -> ExitCode {
    dealbench::cli::run()
}
