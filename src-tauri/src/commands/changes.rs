//! Tells the window when the data changed anywhere (this desk, another desk, the command line),
//! so open lists refresh by themselves.

use sanad_service::DeskSignal;
use tauri::ipc::Channel;

use super::{Answer, Desk};

/// Starts sending each change, and the database's loss and return, to `on_change`, replacing
/// the previous watcher. It stops at sign-out, or when the window is gone.
#[tauri::command]
pub async fn watch_changes(desk: Desk<'_>, on_change: Channel<DeskSignal>) -> Answer<()> {
    desk.actor()?;
    let mut feed = desk.service()?.watch_changes().await?;
    let task = tauri::async_runtime::spawn(async move {
        loop {
            if on_change.send(feed.next().await).is_err() {
                break;
            }
        }
    });
    desk.set_watcher(Some(task));
    Ok(())
}
