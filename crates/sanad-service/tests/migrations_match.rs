//! The two migration sets (`migrations/sqlite`, `migrations/postgres`) describe one schema. This
//! test applies each to a fresh database of its kind, reads back what the database made of it
//! (SQLite's pragmas and schema text, PostgreSQL's catalogs) and compares them table by table and
//! column by column: names, types, nullability, defaults, primary keys, UNIQUE, CHECK and
//! foreign-key constraints, and indexes with their columns, uniqueness and predicates. Any
//! difference fails the test unless it is one of the dialect differences listed below.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{fresh_db, Backend};
use sanad_service::Service;
use sqlx::Connection;

/// Column types that are the same column in the two dialects: (SQLite's declared type,
/// PostgreSQL's `data_type`, why).
const SAME_TYPES: &[(&str, &str, &str)] = &[
    (
        "INTEGER",
        "bigint",
        "SQLite's INTEGER is 64-bit, as BIGINT is; both are i64 in the rows",
    ),
    (
        "INTEGER",
        "boolean",
        "SQLite has no BOOLEAN: sqlx stores a bool there as INTEGER 0/1",
    ),
    ("TEXT", "text", "the same type"),
    ("BLOB", "bytea", "each dialect's byte string"),
];

/// Single columns whose types differ on purpose: (table, column, SQLite's, PostgreSQL's, why).
const SAME_COLUMN_TYPES: &[(&str, &str, &str, &str, &str)] = &[(
    "audit_head",
    "id",
    "INTEGER",
    "integer",
    "the head's one row is id 1 (CHECK id = 1), never read into Rust; a 32-bit key is enough",
)];

/// Column defaults that are the same default: (SQLite's, PostgreSQL's, why).
const SAME_DEFAULTS: &[(&str, &str, &str)] = &[
    ("1", "true", "a BOOLEAN's TRUE, as SQLite stores booleans"),
    ("0", "false", "a BOOLEAN's FALSE, as SQLite stores booleans"),
];

/// What the comparison leaves out or reads through, and why.
const NOT_COMPARED: &[(&str, &str)] = &[
    (
        "table _sqlx_migrations",
        "sqlx's own ledger, made by sqlx in each dialect, not by these migrations",
    ),
    (
        "names of primary keys and UNIQUE constraints",
        "SQLite calls their indexes sqlite_autoindex_<table>_<n>, PostgreSQL <table>_pkey and \
         <table>_<columns>_key: they are compared by their columns",
    ),
    (
        "nullability SQLite reports for a primary key column",
        "table_info calls a non-INTEGER PRIMARY KEY nullable (a SQLite quirk); PostgreSQL makes \
         it NOT NULL: both are read as NOT NULL",
    ),
    (
        "the spelling of CHECK expressions, index predicates and text defaults",
        "PostgreSQL stores them rewritten (`x = ANY (ARRAY[...])` for `x IN (...)`, `::text` \
         casts, extra parentheses): both are compared after the same normalization",
    ),
    (
        "text search's index",
        "SQLite's FTS5 table `requests_text` (and the tables FTS5 keeps it in) and PostgreSQL's \
         GIN index `requests_search_trgm` (pg_trgm) are each dialect's own text index over \
         requests.search_key (migration 0013)",
    ),
    (
        "triggers and their functions",
        "written per dialect on purpose: the append-only audit log (two SQLite triggers, one \
         PostgreSQL function), and PostgreSQL's change notification (SQLite desks poll the head)",
    ),
];

/// A table as either database describes it, in terms both share.
#[derive(Debug, Default, PartialEq, Eq)]
struct Table {
    columns: Vec<Column>,
    primary_key: Vec<String>,
    uniques: BTreeSet<Vec<String>>,
    checks: BTreeSet<String>,
    foreign_keys: BTreeSet<ForeignKey>,
    /// Indexes made by CREATE INDEX, by name (not those behind a key or UNIQUE constraint).
    indexes: BTreeMap<String, Index>,
}

#[derive(Debug, PartialEq, Eq)]
struct Column {
    name: String,
    /// As the dialect names it; compared through [`SAME_TYPES`].
    data_type: String,
    not_null: bool,
    default: Option<String>,
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct ForeignKey {
    columns: Vec<String>,
    table: String,
    references: Vec<String>,
    on_update: String,
    on_delete: String,
}

/// SQLite's `foreign_key_list`: id, referenced table, referenced column, column, actions.
type ForeignKeyRow = (i64, String, Option<String>, String, String, String);
/// PostgreSQL's `pg_constraint`: kind, columns, referenced table and columns, actions, text.
type ConstraintRow = (
    String,
    Vec<String>,
    Option<String>,
    Option<Vec<String>>,
    String,
    String,
    String,
);

#[derive(Debug, PartialEq, Eq)]
struct Index {
    columns: Vec<String>,
    unique: bool,
    predicate: Option<String>,
}

#[tokio::test]
async fn both_migration_sets_make_the_same_schema() {
    let sqlite = migrated(Backend::Sqlite).await;
    let postgres = migrated(Backend::Postgres).await;
    let sqlite_schema = sqlite_schema(&sqlite.url).await;
    let postgres_schema = postgres_schema(&postgres.url).await;
    let differences = differences(&sqlite_schema, &postgres_schema);
    assert!(
        differences.is_empty(),
        "the SQLite and PostgreSQL migrations differ ({} difference(s)); change both sets, or \
         list a meant dialect difference in this test with its reason:\n  {}",
        differences.len(),
        differences.join("\n  ")
    );
    // The comparison saw something: every table, and each kind of thing it compares.
    assert!(sqlite_schema.len() >= 15, "{:?}", sqlite_schema.keys());
    let requests = &sqlite_schema["requests"];
    assert!(requests.indexes.contains_key("requests_queue"));
    assert!(!requests.foreign_keys.is_empty() && !requests.checks.is_empty());
    assert!(!sqlite_schema["users"].uniques.is_empty());
    assert!(!NOT_COMPARED.is_empty());
}

/// A fresh database with its migrations applied, as a desk opens it.
async fn migrated(backend: Backend) -> common::TestDb {
    let db = fresh_db(backend).await;
    let svc = Service::connect(&db.url)
        .await
        .expect("connect and migrate");
    svc.close().await;
    db
}

/// Every difference, one line each, in table then column order.
fn differences(
    sqlite: &BTreeMap<String, Table>,
    postgres: &BTreeMap<String, Table>,
) -> Vec<String> {
    let mut out = Vec::new();
    for name in sqlite.keys().filter(|t| !postgres.contains_key(*t)) {
        out.push(format!("table {name}: only in SQLite"));
    }
    for name in postgres.keys().filter(|t| !sqlite.contains_key(*t)) {
        out.push(format!("table {name}: only in PostgreSQL"));
    }
    for (name, s) in sqlite {
        let Some(p) = postgres.get(name) else {
            continue;
        };
        compare_columns(name, &s.columns, &p.columns, &mut out);
        if s.primary_key != p.primary_key {
            out.push(format!(
                "table {name}: primary key {:?} in SQLite, {:?} in PostgreSQL",
                s.primary_key, p.primary_key
            ));
        }
        set_difference(name, "UNIQUE", &s.uniques, &p.uniques, &mut out);
        set_difference(name, "CHECK", &s.checks, &p.checks, &mut out);
        set_difference(
            name,
            "foreign key",
            &s.foreign_keys,
            &p.foreign_keys,
            &mut out,
        );
        for (index, si) in &s.indexes {
            match p.indexes.get(index) {
                None => out.push(format!("table {name}: index {index} only in SQLite")),
                Some(pi) if pi != si => out.push(format!(
                    "table {name}: index {index} is {si:?} in SQLite, {pi:?} in PostgreSQL"
                )),
                Some(_) => {}
            }
        }
        // The text index is each dialect's own (see NOT_COMPARED).
        let own = |i: &&String| !s.indexes.contains_key(*i) && i.as_str() != "requests_search_trgm";
        for index in p.indexes.keys().filter(own) {
            out.push(format!("table {name}: index {index} only in PostgreSQL"));
        }
    }
    out
}

fn compare_columns(table: &str, sqlite: &[Column], postgres: &[Column], out: &mut Vec<String>) {
    let names = |cs: &[Column]| cs.iter().map(|c| c.name.clone()).collect::<Vec<_>>();
    if names(sqlite) != names(postgres) {
        out.push(format!(
            "table {table}: columns {:?} in SQLite, {:?} in PostgreSQL",
            names(sqlite),
            names(postgres)
        ));
    }
    for s in sqlite {
        let Some(p) = postgres.iter().find(|p| p.name == s.name) else {
            continue;
        };
        let column = format!("column {table}.{}", s.name);
        let same_type = SAME_TYPES
            .iter()
            .any(|(st, pt, _)| *st == s.data_type && *pt == p.data_type)
            || SAME_COLUMN_TYPES.iter().any(|(t, c, st, pt, _)| {
                (*t, *c, *st, *pt) == (table, s.name.as_str(), &s.data_type, &p.data_type)
            });
        if !same_type {
            out.push(format!(
                "{column}: type {} in SQLite, {} in PostgreSQL",
                s.data_type, p.data_type
            ));
        }
        if s.not_null != p.not_null {
            out.push(format!(
                "{column}: {} in SQLite, {} in PostgreSQL",
                nullability(s.not_null),
                nullability(p.not_null)
            ));
        }
        let same_default = match (&s.default, &p.default) {
            (None, None) => true,
            (Some(sd), Some(pd)) => {
                expression(sd) == expression(pd)
                    || SAME_DEFAULTS
                        .iter()
                        .any(|(a, b, _)| *a == sd.as_str() && *b == pd.as_str())
            }
            _ => false,
        };
        if !same_default {
            out.push(format!(
                "{column}: default {:?} in SQLite, {:?} in PostgreSQL",
                s.default, p.default
            ));
        }
    }
}

fn nullability(not_null: bool) -> &'static str {
    if not_null {
        "NOT NULL"
    } else {
        "nullable"
    }
}

fn set_difference<T: Ord + std::fmt::Debug>(
    table: &str,
    what: &str,
    sqlite: &BTreeSet<T>,
    postgres: &BTreeSet<T>,
    out: &mut Vec<String>,
) {
    for item in sqlite.difference(postgres) {
        out.push(format!("table {table}: {what} {item:?} only in SQLite"));
    }
    for item in postgres.difference(sqlite) {
        out.push(format!("table {table}: {what} {item:?} only in PostgreSQL"));
    }
}

/// An expression as both dialects can be compared on: PostgreSQL's `x = ANY (ARRAY[a, b])`
/// read as `x IN (a, b)`, casts to text dropped, then without parentheses, spaces or case; and
/// `x IN ('a')` read as `x = 'a'`, as PostgreSQL stores a list of one.
fn expression(text: &str) -> String {
    let flat = text
        .replace("::text", "")
        .replace("= ANY (ARRAY[", " IN (")
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '[' | ']'))
        .collect::<String>()
        .to_lowercase();
    if let Some((column, value)) = flat.split_once("in'") {
        let single = !value.contains(',') && value.ends_with('\'');
        if single && column.chars().all(|c| c.is_alphanumeric() || c == '_') {
            return format!("{column}='{value}");
        }
    }
    flat
}

/// The text inside each `CHECK (…)` of a CREATE TABLE statement.
fn checks_in(sql: &str) -> BTreeSet<String> {
    let upper = sql.to_uppercase();
    let mut out = BTreeSet::new();
    let mut from = 0;
    while let Some(at) = upper[from..].find("CHECK") {
        let start = from + at + "CHECK".len();
        from = start;
        let Some(open) = sql[start..].find('(').map(|i| start + i) else {
            break;
        };
        if !sql[start..open].trim().is_empty() {
            continue;
        }
        let mut depth = 0;
        for (i, c) in sql[open..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        out.insert(expression(&sql[open + 1..open + i]));
                        from = open + i;
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    out
}

async fn sqlite_schema(url: &str) -> BTreeMap<String, Table> {
    let mut conn = sqlx::SqliteConnection::connect(url)
        .await
        .expect("open the SQLite file");
    let tables: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name NOT LIKE 'requests\\_text%' ESCAPE '\\' \
         AND name <> '_sqlx_migrations' ORDER BY name",
    )
    .fetch_all(&mut conn)
    .await
    .expect("tables");
    let mut schema = BTreeMap::new();
    for (name, sql) in tables {
        let mut table = Table {
            checks: checks_in(&sql),
            ..Table::default()
        };
        let columns: Vec<(String, String, bool, Option<String>, i64)> = sqlx::query_as(
            "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info($1) ORDER BY cid",
        )
        .bind(&name)
        .fetch_all(&mut conn)
        .await
        .expect("columns");
        let mut key: Vec<(i64, String)> = Vec::new();
        for (column, data_type, not_null, default, pk) in columns {
            if pk > 0 {
                key.push((pk, column.clone()));
            }
            table.columns.push(Column {
                name: column,
                data_type,
                // SQLite reports a non-INTEGER primary key as nullable (see NOT_COMPARED).
                not_null: not_null || pk > 0,
                default,
            });
        }
        key.sort();
        table.primary_key = key.into_iter().map(|(_, c)| c).collect();
        let indexes: Vec<(String, bool, String, bool)> =
            sqlx::query_as("SELECT name, \"unique\", origin, partial FROM pragma_index_list($1)")
                .bind(&name)
                .fetch_all(&mut conn)
                .await
                .expect("indexes");
        for (index, unique, origin, partial) in indexes {
            let columns: Vec<String> =
                sqlx::query_scalar("SELECT name FROM pragma_index_info($1) ORDER BY seqno")
                    .bind(&index)
                    .fetch_all(&mut conn)
                    .await
                    .expect("index columns");
            match origin.as_str() {
                "pk" => {}
                "u" => {
                    table.uniques.insert(columns);
                }
                _ => {
                    let predicate = if partial {
                        let sql: String =
                            sqlx::query_scalar("SELECT sql FROM sqlite_master WHERE name = $1")
                                .bind(&index)
                                .fetch_one(&mut conn)
                                .await
                                .expect("index sql");
                        let upper = sql.to_uppercase();
                        upper.rfind(" WHERE ").map(|at| expression(&sql[at + 7..]))
                    } else {
                        None
                    };
                    table.indexes.insert(
                        index,
                        Index {
                            columns,
                            unique,
                            predicate,
                        },
                    );
                }
            }
        }
        let keys: Vec<ForeignKeyRow> = sqlx::query_as(
            "SELECT id, \"table\", \"to\", \"from\", on_update, on_delete \
             FROM pragma_foreign_key_list($1) ORDER BY id, seq",
        )
        .bind(&name)
        .fetch_all(&mut conn)
        .await
        .expect("foreign keys");
        let mut grouped: BTreeMap<i64, ForeignKey> = BTreeMap::new();
        for (id, target, to, from, on_update, on_delete) in keys {
            let key = grouped.entry(id).or_insert_with(|| ForeignKey {
                columns: Vec::new(),
                table: target,
                references: Vec::new(),
                on_update,
                on_delete,
            });
            key.columns.push(from);
            key.references.push(to.unwrap_or_default());
        }
        table.foreign_keys = grouped.into_values().collect();
        schema.insert(name, table);
    }
    conn.close().await.expect("close");
    schema
}

async fn postgres_schema(url: &str) -> BTreeMap<String, Table> {
    let mut conn = sqlx::PgConnection::connect(url)
        .await
        .expect("connect to the PostgreSQL database");
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables \
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' \
         AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut conn)
    .await
    .expect("tables");
    let mut schema = BTreeMap::new();
    for name in tables {
        let mut table = Table::default();
        let columns: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
            "SELECT column_name::text, data_type::text, is_nullable::text, column_default::text \
             FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
        )
        .bind(&name)
        .fetch_all(&mut conn)
        .await
        .expect("columns");
        for (column, data_type, nullable, default) in columns {
            table.columns.push(Column {
                name: column,
                data_type,
                not_null: nullable == "NO",
                default,
            });
        }
        // Primary keys, UNIQUE, CHECK and foreign keys (PostgreSQL 18 also lists NOT NULL here,
        // which the columns already say).
        let constraints: Vec<ConstraintRow> =
            sqlx::query_as(
                "SELECT c.contype::text, \
                   ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o) \
                         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o), \
                   f.relname::text, \
                   CASE WHEN c.contype = 'f' THEN ARRAY(SELECT a.attname::text \
                         FROM unnest(c.confkey) WITH ORDINALITY k(n, o) \
                         JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) END, \
                   c.confupdtype::text, c.confdeltype::text, pg_get_constraintdef(c.oid) \
                 FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid \
                 LEFT JOIN pg_class f ON f.oid = c.confrelid \
                 WHERE t.relname = $1 AND c.contype IN ('p', 'u', 'c', 'f') \
                 AND t.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())",
            )
            .bind(&name)
            .fetch_all(&mut conn)
            .await
            .expect("constraints");
        for (kind, columns, target, references, on_update, on_delete, definition) in constraints {
            match kind.as_str() {
                "p" => table.primary_key = columns,
                "u" => {
                    table.uniques.insert(columns);
                }
                "c" => {
                    let body = definition.trim_start_matches("CHECK").trim();
                    table.checks.insert(expression(body));
                }
                _ => {
                    table.foreign_keys.insert(ForeignKey {
                        columns,
                        table: target.unwrap_or_default(),
                        references: references.unwrap_or_default(),
                        on_update: referential_action(&on_update),
                        on_delete: referential_action(&on_delete),
                    });
                }
            }
        }
        let indexes: Vec<(String, Vec<String>, bool, Option<String>)> = sqlx::query_as(
            "SELECT i.relname::text, \
               ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o) \
                     JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n ORDER BY k.o), \
               x.indisunique, pg_get_expr(x.indpred, x.indrelid) \
             FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid \
             JOIN pg_class t ON t.oid = x.indrelid \
             WHERE t.relname = $1 \
             AND t.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) \
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid \
                             AND c.conrelid = x.indrelid AND c.contype IN ('p', 'u'))",
        )
        .bind(&name)
        .fetch_all(&mut conn)
        .await
        .expect("indexes");
        for (index, columns, unique, predicate) in indexes {
            table.indexes.insert(
                index,
                Index {
                    columns,
                    unique,
                    predicate: predicate.as_deref().map(expression),
                },
            );
        }
        schema.insert(name, table);
    }
    conn.close().await.expect("close");
    schema
}

/// PostgreSQL's one-letter referential action, as SQLite's pragma spells it.
fn referential_action(code: &str) -> String {
    match code {
        "a" => "NO ACTION",
        "r" => "RESTRICT",
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        other => other,
    }
    .to_owned()
}
