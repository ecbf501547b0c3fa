//! Text search's index on the office backend: the pg_trgm GIN index `requests_search_trgm`
//! (migration 0013), which the planner uses for `search_key LIKE` by itself when the word is
//! rare. Nothing to look up first.

use sanad_core::Result;

use super::Pool;

pub async fn text_matches(_pool: &Pool, _key: &str, _cap: i64) -> Result<Option<Vec<i64>>> {
    Ok(None)
}
