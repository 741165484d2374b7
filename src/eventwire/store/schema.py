"""The DuckDB store's tables, in one place. Table and column names are a contract for query, API and engines.

Layout (docs/store.md has the long version):

- `meta`      key/value: `format` ('eventwire-store'), `schema_version`, `created_by` (eventwire version).
- `runs`      one row per ingest run: inputs, engine, workers, counts, status.
- `articles`  one row per distinct article text (`content_hash` is unique: the idempotence key).
- `mentions`  one row per article-level event, i.e. every `Event` that `code_article` returned, flattened
              (every field, actors, location and evidence), plus `event_id`: the deduplicated event it
              reports.
              `mention_id` is the article-level `Event.event_id`.
- `events`    one row per deduplicated event: the flattened fields of its first mention (the representative;
              `events.event_id` == that mention's `mention_id`), plus `mention_count`, `article_count` and
              `source_count` (distinct non-null publishers) over all its mentions.
- `errors`    every input that could not be read or coded: path, code, reason; one row per distinct failure,
              with when it was first and last seen.

Dates: `date` columns are DATE. `events.date`/`mentions.date` is the event day; `date_precision` says whether
the text gave the day, only the month or only the year (then the date is the first day of it).
"""

from __future__ import annotations

# The store's file when none is named. Here, not in connection.py, so that the CLI, which every command and
# every spawned worker imports, gets it without importing DuckDB (~60 ms of `eventwire code` start-up).
DEFAULT_DB = "eventwire.duckdb"

# Bump on any change to the DDL below, and add the step from the previous version in migrations.py.
SCHEMA_VERSION = 1
STORE_FORMAT = "eventwire-store"

# The flattened Event: (column, DuckDB type). Shared by `mentions` and `events` so the two never drift.
ACTOR_FIELDS = ("text", "name", "code", "country", "sector", "start", "end", "basis")
ACTOR_TYPES = {"start": "INTEGER", "end": "INTEGER"}

EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "VARCHAR NOT NULL"),
    ("sentence", "INTEGER NOT NULL"),
    ("date", "DATE"),
    ("date_basis", "VARCHAR"),
    ("date_precision", "VARCHAR"),
    *((f"source_{f}", ACTOR_TYPES.get(f, "VARCHAR")) for f in ACTOR_FIELDS),
    *((f"target_{f}", ACTOR_TYPES.get(f, "VARCHAR")) for f in ACTOR_FIELDS),
    ("cameo", "VARCHAR NOT NULL"),  # a string: '042' keeps its leading zero
    ("cameo_name", "VARCHAR"),
    ("plover", "VARCHAR"),
    ("plover_mode", "VARCHAR"),
    ("plover_context", "VARCHAR[]"),
    ("quad_class", "INTEGER"),
    ("goldstein", "DOUBLE"),
    ("location_name", "VARCHAR"),
    ("location_country", "VARCHAR"),
    ("location_admin1", "VARCHAR"),
    ("location_lat", "DOUBLE"),
    ("location_lon", "DOUBLE"),
    ("location_geonameid", "BIGINT"),
    ("location_basis", "VARCHAR"),
    ("evidence_start", "INTEGER"),
    ("evidence_end", "INTEGER"),
    ("evidence_text", "VARCHAR"),
    ("evidence_trigger", "VARCHAR"),
    ("evidence_trigger_start", "INTEGER"),
    ("evidence_trigger_end", "INTEGER"),
    ("attribution", "VARCHAR"),
    ("publisher", "VARCHAR"),
    ("url", "VARCHAR"),
    ("confidence", "DOUBLE"),
    ("rule", "VARCHAR"),
)
EVENT_COLUMN_NAMES = tuple(name for name, _ in EVENT_COLUMNS)


def _columns_sql(columns: tuple[tuple[str, str], ...]) -> str:
    # "end" is a keyword in SQL: quote every name so columns read exactly as the Event fields.
    return ",\n    ".join(f'"{name}" {sqltype}' for name, sqltype in columns)


DDL: tuple[str, ...] = (
    """CREATE TABLE meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
)""",
    """CREATE TABLE runs (
    run_id INTEGER PRIMARY KEY,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    status VARCHAR NOT NULL,            -- running | done | failed (a killed run stays 'running')
    inputs VARCHAR[],
    engine VARCHAR,
    workers INTEGER,
    eventwire_version VARCHAR,
    articles_read INTEGER DEFAULT 0,    -- articles the readers produced
    articles_new INTEGER DEFAULT 0,     -- stored by this run
    articles_skipped INTEGER DEFAULT 0, -- already in the store (same content hash)
    mentions_new INTEGER DEFAULT 0,
    events_new INTEGER DEFAULT 0,       -- new deduplicated events
    errors INTEGER DEFAULT 0
)""",
    """CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL UNIQUE,  -- sha256 of the text: same text twice is stored once
    url VARCHAR,
    title VARCHAR,
    publisher VARCHAR,
    date DATE,                             -- publication date
    text VARCHAR NOT NULL,
    source_path VARCHAR,
    ingested_at TIMESTAMP NOT NULL,
    run_id INTEGER,
    event_count INTEGER NOT NULL           -- article-level events (mentions) coded from it
)""",
    f"""CREATE TABLE mentions (
    mention_id VARCHAR NOT NULL,           -- Event.event_id of the article-level event
    event_id VARCHAR NOT NULL,             -- the deduplicated event (events.event_id)
    {_columns_sql(EVENT_COLUMNS)},
    run_id INTEGER
)""",
    f"""CREATE TABLE events (
    event_id VARCHAR NOT NULL,
    {_columns_sql(EVENT_COLUMNS)},
    mention_count INTEGER NOT NULL,
    article_count INTEGER NOT NULL,
    source_count INTEGER NOT NULL,         -- distinct non-null publishers among the mentions
    first_seen TIMESTAMP NOT NULL,
    last_seen TIMESTAMP NOT NULL
)""",
    """CREATE TABLE errors (
    path VARCHAR NOT NULL,                 -- file, file:line, or article id for coding failures
    code VARCHAR NOT NULL,                 -- the EventwireError code, e.g. E013
    error VARCHAR NOT NULL,                -- the error class name, e.g. EncodingInputError
    reason VARCHAR NOT NULL,
    first_seen TIMESTAMP NOT NULL,
    last_seen TIMESTAMP NOT NULL,
    run_id INTEGER,                        -- the last run that saw it
    occurrences INTEGER NOT NULL
)""",
)

TABLES = ("meta", "runs", "articles", "mentions", "events", "errors")
