//! `sanad`: the Sanad Desk command line, a thin caller of the service API.
//! Exit codes: 0 done, 2 invalid input, 3 not permitted, 4 conflict, 5 not found, 1 anything else.

mod args;
mod commands;
mod output;

use std::process::ExitCode;

use clap::Parser;
use sanad_i18n::{Lang, Localizer};
use sanad_service::Error;

use crate::args::Cli;

/// An error the command line raises itself, before or beside the service.
#[derive(Debug)]
pub enum CliError {
    Service(Error),
    /// A message of the command line's own, with its arguments and exit code.
    Usage {
        message_id: &'static str,
        args: Vec<(&'static str, String)>,
    },
    /// The answer is printed already (a bulk decision's per-request result); only the exit
    /// status is left to give.
    Exit(u8),
}

impl From<Error> for CliError {
    fn from(e: Error) -> Self {
        CliError::Service(e)
    }
}

fn exit_code(e: &CliError) -> u8 {
    match e {
        CliError::Usage { .. } => 2,
        CliError::Exit(code) => *code,
        CliError::Service(e) => match e {
            Error::Invalid { .. } => 2,
            Error::NotPermitted { .. } | Error::AuthenticationFailed => 3,
            Error::Conflict { .. } => 4,
            Error::NotFound { .. } => 5,
            Error::DatabaseFile {
                problem: sanad_service::DatabaseFileProblem::NoDatabase,
                ..
            } => 5,
            Error::Storage(_) | Error::ConnectionLost { .. } | Error::DatabaseFile { .. } => 1,
        },
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = Lang::parse(&cli.lang).unwrap_or_default();
    let l10n = Localizer::new(lang);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(commands::run(&cli, &l10n)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if !matches!(e, CliError::Exit(_)) {
                output::print_error(&l10n, &e, cli.json);
            }
            ExitCode::from(exit_code(&e))
        }
    }
}
