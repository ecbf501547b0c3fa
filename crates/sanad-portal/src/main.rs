//! `sanad-portal`: serves the portal on `--listen` (default 127.0.0.1:8088) over the database
//! `sanad` uses (`--db URL` or `SANAD_DB`, else the desk's embedded default), opened as a desk
//! opens it (the keychain's key or password, encryption). It never creates a database.

use std::net::SocketAddr;

use clap::Parser;
use sanad_portal::{router, PortalConfig, PortalState};
use sanad_service::{default_database_url, Service};

#[derive(Parser)]
#[command(
    name = "sanad-portal",
    version,
    about = "Sanad Desk's web portal for agencies"
)]
struct Args {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8088")]
    listen: SocketAddr,
    /// Database URL: sqlite://PATH or postgres://USER@HOST/DB (default: the desk's own file).
    #[arg(long, env = "SANAD_DB")]
    db: Option<String>,
    /// Behind the office's reverse proxy: trust its X-Forwarded-For and treat requests as HTTPS.
    #[arg(long)]
    trust_forwarded: bool,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    match run(Args::parse()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("sanad-portal: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), String> {
    let l10n = sanad_i18n::Localizer::new(sanad_i18n::Lang::Fa);
    let shown = |e: sanad_service::Error| l10n.message(e.message_id(), &e.args());
    let url = match args.db {
        Some(url) => url,
        None => default_database_url().map_err(shown)?,
    };
    // Never a new, empty office: a mistyped path stops here.
    sanad_service::require_database(&url).map_err(shown)?;
    let service = Service::open(&url).await.map_err(shown)?;
    let config = PortalConfig {
        trust_forwarded: args.trust_forwarded,
        // Plain HTTP is only acceptable on the machine itself.
        secure_cookies: args.trust_forwarded || !args.listen.ip().is_loopback(),
    };
    let app = router(PortalState::new(service.clone(), config));
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| format!("{}: {e}", args.listen))?;
    tracing::info!(listen = %args.listen, "sanad-portal serving");
    let served = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await;
    service.close().await;
    served.map_err(|e| e.to_string())
}
