//! The `meg` binary: parse arguments, run the command, print errors, exit with their code.

use clap::Parser;

fn main() {
    let cli = meg::cli::Cli::parse();
    let code = match meg::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{e}");
            e.exit_code()
        }
    };
    std::process::exit(code);
}
