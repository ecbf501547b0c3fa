//! Tells the window when the data changed anywhere (this desk, another desk, the command line),
//! so open lists refresh by themselves.

use tauri::ipc::Channel;

use super::{Answer, Desk};

/// Starts sending the audit sequence number of each change to `on_change`, replacing the
/// previous watcher. It stops at sign-out, or when the window is gone.
#[tauri::command]
pub async fn watch_changes(desk: Desk<'_>, on_change: Channel<i64>) -> Answer<()> {
    desk.actor()?;
    let mut feed = desk.service()?.watch_changes().await?;
    let task = tauri::async_runtime::spawn(async move {
        loop {
            match feed.next().await {
                Ok(seq) => {
                    if on_change.send(seq).is_err() {
                        break;
                    }
                }
                Err(error) => {
                    // The feed retries by itself on PostgreSQL; an error here is the SQLite file
                    // being unreadable, which every other call reports too.
                    eprintln!("sanad-desk: change feed: {error}");
                    tokio::time::sleep(std::time::Duration::from_secs(5)).await;
                }
            }
        }
    });
    desk.set_watcher(Some(task));
    Ok(())
}
