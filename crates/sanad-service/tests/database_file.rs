//! The embedded database never silently goes elsewhere (issue 12): a desk whose file was deleted,
//! moved away, replaced or made read-only refuses the next write (and read) with the path named,
//! writes nothing anywhere, tells its change feed, and carries on when the file is back.
//! SQLite only: a PostgreSQL database has no file at the desk.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::*;
use sanad_service::{DatabaseFileProblem, DeskSignal, Error, NewOrganization, Service};

fn file_of(url: &str) -> PathBuf {
    PathBuf::from(url.strip_prefix("sqlite://").expect("an SQLite URL"))
}

fn org(name: &str) -> NewOrganization {
    NewOrganization {
        name: name.into(),
        kind: "agency".into(),
        national_id: None,
    }
}

/// The file and its `-wal` and `-shm` companions.
fn companions(file: &Path) -> Vec<PathBuf> {
    ["", "-wal", "-shm"]
        .iter()
        .map(|s| PathBuf::from(format!("{}{s}", file.display())))
        .collect()
}

fn assert_refused<T: std::fmt::Debug>(
    result: Result<T, Error>,
    expected: DatabaseFileProblem,
    file: &Path,
) {
    match result {
        Err(Error::DatabaseFile { problem, path }) => {
            assert_eq!(problem, expected);
            assert_eq!(Path::new(&path), file, "the message names the file's path");
        }
        other => panic!("expected {expected:?}, got {other:?}"),
    }
}

async fn org_names(svc: &Service, office: &Office) -> Vec<String> {
    svc.list_organizations(&office.clerk, "")
        .await
        .expect("list")
        .into_iter()
        .map(|o| o.name)
        .collect()
}

#[tokio::test]
async fn a_deleted_file_refuses_work_and_nothing_is_created_in_its_place() {
    let office = Office::new(Backend::Sqlite).await;
    let file = file_of(office.url());
    office
        .svc
        .add_organization(&office.admin, org("پیش از پاک شدن"))
        .await
        .expect("saved while the file is there");
    for f in companions(&file) {
        let _ = std::fs::remove_file(f);
    }
    assert_refused(
        office
            .svc
            .add_organization(&office.admin, org("پس از پاک شدن"))
            .await,
        DatabaseFileProblem::Missing,
        &file,
    );
    // Reads are refused too: they would show a file nobody can see any more.
    assert_refused(
        office.svc.list_organizations(&office.clerk, "").await,
        DatabaseFileProblem::Missing,
        &file,
    );
    // Signing in writes (the audit entry): refused, not a wrong password.
    assert_refused(
        office.svc.login("clerk", PASSWORD).await,
        DatabaseFileProblem::Missing,
        &file,
    );
    assert!(!file.exists(), "no new database was made at the path");
}

#[tokio::test]
async fn a_file_moved_away_refuses_work_until_it_is_moved_back() {
    let office = Office::new(Backend::Sqlite).await;
    let file = file_of(office.url());
    let away = file.with_file_name("moved.db");
    std::fs::rename(&file, &away).expect("move away");
    assert_refused(
        office
            .svc
            .add_organization(&office.admin, org("در نبود پرونده"))
            .await,
        DatabaseFileProblem::Missing,
        &file,
    );
    assert!(!file.exists(), "nothing was written at the path");
    std::fs::rename(&away, &file).expect("move back");
    office
        .svc
        .add_organization(&office.admin, org("پس از بازگشت پرونده"))
        .await
        .expect("works again once the file is back");
    office.svc.close().await;

    // What was saved is in the file itself, and what was refused is nowhere.
    let reopened = Service::connect(office.url()).await.expect("reopen");
    let names = org_names(&reopened, &office).await;
    assert!(
        names.iter().any(|n| n == "پس از بازگشت پرونده"),
        "{names:?}"
    );
    assert!(!names.iter().any(|n| n == "در نبود پرونده"), "{names:?}");
}

#[tokio::test]
async fn a_replaced_file_is_refused() {
    let office = Office::new(Backend::Sqlite).await;
    let file = file_of(office.url());
    // A copy put in its place (the same content, another file): not the one the desk opened.
    let copy = file.with_file_name("copy.db");
    std::fs::copy(&file, &copy).expect("copy");
    std::fs::remove_file(&file).expect("remove");
    std::fs::rename(&copy, &file).expect("put the copy in place");
    assert_refused(
        office
            .svc
            .add_organization(&office.admin, org("روی رونوشت"))
            .await,
        DatabaseFileProblem::Replaced,
        &file,
    );
}

#[cfg(unix)]
#[tokio::test]
async fn a_read_only_file_is_told_as_read_only_not_as_a_lost_connection() {
    use std::os::unix::fs::PermissionsExt;
    let office = Office::new(Backend::Sqlite).await;
    let file = file_of(office.url());
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    assert_refused(
        office
            .svc
            .add_organization(&office.admin, org("روی پروندهٔ فقط‌خواندنی"))
            .await,
        DatabaseFileProblem::ReadOnly,
        &file,
    );
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    office
        .svc
        .add_organization(&office.admin, org("پس از اجازهٔ نوشتن"))
        .await
        .expect("writable again");
}

#[tokio::test]
async fn the_change_feed_tells_the_desk_at_once_and_when_the_file_is_back() {
    let office = Office::new(Backend::Sqlite).await;
    let file = file_of(office.url());
    let mut feed = office.svc.watch_changes(&office.clerk).await.expect("feed");
    let away = file.with_file_name("moved.db");
    std::fs::rename(&file, &away).expect("move away");
    let patience = Duration::from_secs(30);
    match tokio::time::timeout(patience, feed.next())
        .await
        .expect("told")
    {
        DeskSignal::FileProblem { message_id, path } => {
            assert_eq!(message_id, "error-database-file-missing");
            assert_eq!(Path::new(&path), file);
        }
        other => panic!("expected the file's problem, got {other:?}"),
    }
    std::fs::rename(&away, &file).expect("move back");
    match tokio::time::timeout(patience, feed.next())
        .await
        .expect("told")
    {
        DeskSignal::Restored { .. } => {}
        other => panic!("expected the database back, got {other:?}"),
    }
}
