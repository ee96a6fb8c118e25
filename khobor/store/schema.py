"""The store's schema as numbered migrations (docs/store.md). A migration is applied once, in its own
transaction, and `meta.schema_version` records the last one applied; never edit a released migration,
add a new one."""
from __future__ import annotations

MIGRATIONS: list[tuple[int, str]] = [
    (1, """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE articles (
  id            INTEGER PRIMARY KEY,
  doc_id        TEXT NOT NULL,             -- khobor content id of the normalized text
  content_hash  TEXT NOT NULL UNIQUE,      -- SHA-256 of the normalized text: one copy of each text
  raw_hash      TEXT NOT NULL,             -- SHA-256 of the text as read: known before analysis
  url           TEXT UNIQUE,               -- one copy of each URL
  title         TEXT,
  published     TEXT,                      -- YYYY-MM-DD
  outlet        TEXT,
  source        TEXT,                      -- wire agency or outlet credited in the text (canonical)
  category      TEXT,
  dateline      TEXT,                      -- place of the dateline (canonical)
  keywords      TEXT,                      -- JSON list
  summary       TEXT,                      -- the summary sentences, joined
  chars         INTEGER NOT NULL,
  origin        TEXT,                      -- file and position it was read from
  minhash       BLOB NOT NULL,             -- 64 little-endian uint32 MinHash values
  cluster_id    INTEGER,                   -- id of the first article of its near-duplicate cluster
  ingested_at   TEXT NOT NULL,
  text          TEXT NOT NULL,             -- the normalized text all offsets refer to
  document      BLOB NOT NULL              -- zlib-compressed khobor.document/1 JSON
);
CREATE INDEX articles_raw_hash ON articles(raw_hash);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_cluster ON articles(cluster_id);

CREATE TABLE entities (
  id        INTEGER PRIMARY KEY,
  kb_id     TEXT NOT NULL UNIQUE,          -- Wikidata QID or khobor id
  canonical TEXT,
  label     TEXT NOT NULL,
  country   TEXT
);

CREATE TABLE mentions (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  entity_id  INTEGER NOT NULL REFERENCES entities(id),
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  text       TEXT NOT NULL,
  key        TEXT NOT NULL,                -- lemma search keys of the mention's words
  sentence   INTEGER NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity_id, article_id);
CREATE INDEX mentions_article ON mentions(article_id);

CREATE TABLE quotes (
  id                INTEGER PRIMARY KEY,
  article_id        INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  speaker           TEXT,
  speaker_entity_id INTEGER REFERENCES entities(id),
  cue               TEXT,
  start             INTEGER NOT NULL,
  end               INTEGER NOT NULL,
  text              TEXT NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id);

CREATE TABLE events (
  id                  INTEGER PRIMARY KEY,
  article_id          INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  event_key           TEXT NOT NULL,       -- date|actor|type|recipient: the same event in other articles
  sentence            INTEGER NOT NULL,
  date                TEXT,
  type                TEXT NOT NULL,
  mode                TEXT,
  cameo               TEXT NOT NULL,
  root                TEXT NOT NULL,
  quad_class          INTEGER,
  goldstein           REAL,
  actor_name          TEXT,
  actor_code          TEXT,
  actor_country       TEXT,
  actor_entity_id     INTEGER REFERENCES entities(id),
  actor_text          TEXT,
  recipient_name      TEXT,
  recipient_code      TEXT,
  recipient_country   TEXT,
  recipient_entity_id INTEGER REFERENCES entities(id),
  recipient_text      TEXT,
  location            TEXT,
  evidence_start      INTEGER,
  evidence_end        INTEGER,
  evidence            TEXT,
  confidence          REAL
);
CREATE INDEX events_key ON events(event_key);
CREATE INDEX events_article ON events(article_id);

CREATE TABLE lsh_bands (
  band       INTEGER NOT NULL,
  hash       INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (band, hash, article_id)
) WITHOUT ROWID;

CREATE TABLE problems (                  -- one row per distinct problem; `at` is when it was last seen
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  origin  TEXT NOT NULL,
  code    TEXT NOT NULL,
  message TEXT NOT NULL,
  UNIQUE (origin, code, message)
);

-- rowid = articles.id; search keys of lemmas (title, body), label-prefixed words of names in Bengali
-- and English (entities) and filter tokens (facets): searchindex.index_row. Contentless: only the index.
CREATE VIRTUAL TABLE article_fts USING fts5(title, body, entities, facets, tokenize = 'ascii', content = '');

-- GDELT-style event records: the mentions of one event (same day, actor, type, recipient) merged
CREATE VIEW merged_events AS
SELECT e.event_key AS event_key, MIN(e.id) AS id, e.date AS date,
       MIN(e.actor_name) AS actor_name, MIN(e.actor_code) AS actor_code, MIN(e.actor_country) AS actor_country,
       MIN(e.recipient_name) AS recipient_name, MIN(e.recipient_code) AS recipient_code,
       MIN(e.recipient_country) AS recipient_country,
       e.type AS type, MIN(e.mode) AS mode, MIN(e.cameo) AS cameo, MIN(e.root) AS root,
       MIN(e.quad_class) AS quad_class, AVG(e.goldstein) AS goldstein,
       COUNT(*) AS num_mentions,
       COUNT(DISTINCT COALESCE(a.source, a.outlet, a.id)) AS num_sources,
       COUNT(DISTINCT e.article_id) AS num_articles,
       MIN(e.location) AS location,
       (SELECT a2.url FROM events e2 JOIN articles a2 ON a2.id = e2.article_id
         WHERE e2.event_key = e.event_key ORDER BY e2.id LIMIT 1) AS source_url
FROM events e JOIN articles a ON a.id = e.article_id
GROUP BY e.event_key;
"""),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]
