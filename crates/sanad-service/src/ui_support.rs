//! What the desktop app needs beyond the operations every caller shares: whether the database
//! still waits for its first administrator (the app's first-run screen). Nothing here reveals
//! more than `init_admin` itself would: the answer is only "has anyone been created yet".
//!
//! Public functions: `Service::needs_first_admin`. Their SQL: `store/ops/users.rs`.

use sanad_core::Result;

use crate::store::on_store;
use crate::Service;

impl Service {
    /// True while the database has no users at all, i.e. until [`Service::init_admin`] has run.
    /// Asked before anyone signs in, so it takes no actor.
    pub async fn needs_first_admin(&self) -> Result<bool> {
        let count = on_store!(&self.store, ops, pool => ops::user_count(pool).await)?;
        Ok(count == 0)
    }
}

#[cfg(test)]
mod tests {
    use crate::Service;

    #[tokio::test]
    async fn needs_first_admin_until_init_admin_runs() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("desk.db").display());
        let service = Service::connect(&url).await.expect("opens");
        assert!(service.needs_first_admin().await.expect("asks"));
        service
            .init_admin("admin", "مسئول", "admin-password-1")
            .await
            .expect("creates the admin");
        assert!(!service.needs_first_admin().await.expect("asks"));
    }
}
