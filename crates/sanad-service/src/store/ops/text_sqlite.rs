//! Text search's index on the embedded backend: the FTS5 trigram index `requests_text`
//! (migration 0013). A word of three letters or more is looked up there first; when it is in few
//! requests the search reads just those, and when it is in many it walks the newest requests as
//! before (a page fills at once).

use sanad_core::Result;

use super::Pool;
use crate::store::storage;

/// The rowids of requests whose search key contains `key`, when there are at most `cap`;
/// `None` when there are more, or the key is too short for trigrams.
pub async fn text_matches(pool: &Pool, key: &str, cap: i64) -> Result<Option<Vec<i64>>> {
    if key.chars().count() < 3 {
        return Ok(None);
    }
    // One phrase: its trigrams in a row, so the key matches as a substring, as LIKE did.
    let phrase = format!("\"{}\"", key.replace('"', "\"\""));
    let rowids: Vec<i64> =
        sqlx::query_scalar("SELECT rowid FROM requests_text WHERE requests_text MATCH $1 LIMIT $2")
            .bind(phrase)
            .bind(cap + 1)
            .fetch_all(pool)
            .await
            .map_err(storage)?;
    Ok((rowids.len() as i64 <= cap).then_some(rowids))
}
