use std::process::ExitCode;

fn main() -> ExitCode {
    xeploai::cli::main()
}
