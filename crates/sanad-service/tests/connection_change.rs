//! Who may point a desk at another database: before sign-in only while there is nothing to sign
//! in to; once signed in, the administrator alone.

mod common;

use common::*;
use sanad_service::{Error, Service};

on_both_backends!(
    only_the_admin_or_an_empty_desk_changes_the_database,
    |backend| async move {
        let db = fresh_db(backend).await;
        let svc = Service::connect(&db.url).await.expect("connect");
        // A new, empty database, or one that did not open: the first-run screen may change it.
        assert!(Service::check_connection_change(Some(&svc), None)
            .await
            .is_ok());
        assert!(Service::check_connection_change(None, None).await.is_ok());
        svc.close().await;

        let svc = Service::connect(&db.url).await.expect("reconnect");
        let office = Office::populate(svc, db).await;
        let refused = |r: sanad_core::Result<()>| matches!(r, Err(Error::NotPermitted { .. }));
        assert!(refused(
            Service::check_connection_change(Some(&office.svc), None).await
        ));
        assert!(refused(
            Service::check_connection_change(Some(&office.svc), Some(&office.clerk)).await
        ));
        assert!(
            Service::check_connection_change(Some(&office.svc), Some(&office.admin))
                .await
                .is_ok()
        );
    }
);
