//! Tells the window when the data changed anywhere (this desk, another desk, the command line),
//! so open lists refresh by themselves.

use sanad_service::DeskSignal;
use tauri::ipc::Channel;

use super::{Answer, Desk};

/// Starts sending each change, and the database's loss and return, to `on_change`, replacing
/// the previous watcher. It stops at sign-out, or when the window is gone.
#[tauri::command]
pub async fn watch_changes(desk: Desk<'_>, on_change: Channel<DeskSignal>) -> Answer<()> {
    let mut feed = desk.service()?.watch_changes(&desk.actor()?).await?;
    let task = tauri::async_runtime::spawn(async move {
        loop {
            let signal = feed.next().await;
            match &signal {
                DeskSignal::Lost => log::warn!("the database is away; waiting for it"),
                DeskSignal::FileProblem { message_id, path } => {
                    log::error!("the database file at {path} is not usable ({message_id}); refusing work until it is back")
                }
                DeskSignal::Restored { .. } => log::info!("the database is back"),
                DeskSignal::Changed { .. } => {}
            }
            if on_change.send(signal).is_err() {
                break;
            }
        }
    });
    desk.set_watcher(Some(task));
    Ok(())
}
