/*
 * The cache schema as a list of forward migrations; db.h documents the
 * columns. Never edit a shipped step: append a new one and bump
 * DB_SCHEMA_VERSION.
 */
#include "db/db-int.h"

const char *const db_schema_migrations[] = {
	/* 0 -> 1 */
	"CREATE TABLE feeds ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL UNIQUE,"
	"  location TEXT,"
	"  position INTEGER NOT NULL DEFAULT -1,"
	"  tags TEXT NOT NULL DEFAULT '',"
	"  custom_title TEXT,"
	"  title TEXT,"
	"  site_link TEXT,"
	"  etag TEXT,"
	"  last_modified TEXT,"
	"  last_fetch INTEGER NOT NULL DEFAULT 0,"
	"  last_status INTEGER NOT NULL DEFAULT 0,"
	"  last_error TEXT,"
	"  next_fetch INTEGER NOT NULL DEFAULT 0"
	");"
	"CREATE TABLE items ("
	"  id INTEGER PRIMARY KEY,"
	"  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	"  ident TEXT NOT NULL,"
	"  guid TEXT,"
	"  title TEXT,"
	"  link TEXT,"
	"  author TEXT,"
	"  published INTEGER,"
	"  updated INTEGER,"
	"  date INTEGER NOT NULL,"
	"  summary TEXT,"
	"  content TEXT,"
	"  categories TEXT,"
	"  enclosures TEXT,"
	"  comments TEXT,"
	"  read INTEGER NOT NULL DEFAULT 0,"
	"  starred INTEGER NOT NULL DEFAULT 0,"
	"  first_seen INTEGER NOT NULL,"
	"  hash INTEGER NOT NULL,"
	"  indexed INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (feed_id, ident)"
	");"
	"CREATE INDEX items_feed_date ON items(feed_id, date);"
	"CREATE INDEX items_date ON items(date);"
	"CREATE INDEX items_unread ON items(feed_id) WHERE read = 0;"
	"CREATE INDEX items_unindexed ON items(id) WHERE indexed = 0;"
	"CREATE TABLE items_gone ("
	"  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	"  ident TEXT NOT NULL,"
	"  gone_at INTEGER NOT NULL,"
	"  PRIMARY KEY (feed_id, ident)"
	") WITHOUT ROWID;"
	"CREATE VIRTUAL TABLE items_fts USING fts5("
	"  title, author, text, content='', tokenize='unicode61 remove_diacritics 2'"
	");",
	/*
	 * 1 -> 2: the items waiting for the index move to a table of their
	 * own, so that indexing an item no longer rewrites its whole row.
	 */
	"CREATE TABLE fts_pending (id INTEGER PRIMARY KEY);"
	"INSERT INTO fts_pending SELECT id FROM items WHERE indexed = 0;"
	"DROP INDEX items_unindexed;"
	"ALTER TABLE items DROP COLUMN indexed;",
	/*
	 * 2 -> 3 (the reader): per-feed counts kept by triggers, so that the
	 * feed list costs the same at a thousand items or a million, and an
	 * index for the starred list.
	 */
	"CREATE TABLE feed_counts ("
	"  feed_id INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,"
	"  total INTEGER NOT NULL DEFAULT 0,"
	"  unread INTEGER NOT NULL DEFAULT 0,"
	"  starred INTEGER NOT NULL DEFAULT 0"
	");"
	"INSERT INTO feed_counts(feed_id, total, unread, starred)"
	"  SELECT feed_id, count(*), sum(read = 0), sum(starred = 1)"
	"  FROM items GROUP BY feed_id;"
	"CREATE TRIGGER items_count_insert AFTER INSERT ON items BEGIN"
	"  INSERT OR IGNORE INTO feed_counts(feed_id) VALUES (NEW.feed_id);"
	"  UPDATE feed_counts SET total = total + 1,"
	"    unread = unread + (NEW.read = 0), starred = starred + (NEW.starred = 1)"
	"    WHERE feed_id = NEW.feed_id;"
	"END;"
	"CREATE TRIGGER items_count_delete AFTER DELETE ON items BEGIN"
	"  UPDATE feed_counts SET total = total - 1,"
	"    unread = unread - (OLD.read = 0), starred = starred - (OLD.starred = 1)"
	"    WHERE feed_id = OLD.feed_id;"
	"END;"
	"CREATE TRIGGER items_count_update AFTER UPDATE OF read, starred, feed_id"
	"  ON items BEGIN"
	"  UPDATE feed_counts SET total = total - 1,"
	"    unread = unread - (OLD.read = 0), starred = starred - (OLD.starred = 1)"
	"    WHERE feed_id = OLD.feed_id;"
	"  INSERT OR IGNORE INTO feed_counts(feed_id) VALUES (NEW.feed_id);"
	"  UPDATE feed_counts SET total = total + 1,"
	"    unread = unread + (NEW.read = 0), starred = starred + (NEW.starred = 1)"
	"    WHERE feed_id = NEW.feed_id;"
	"END;"
	"CREATE INDEX items_starred ON items(date) WHERE starred = 1;",
	/*
	 * 3 -> 4 (full text): the article extracted from an item's web page,
	 * or why that failed, in a table of its own so that the lists, which
	 * read items, never page through whole articles.
	 */
	"CREATE TABLE fulltext ("
	"  id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,"
	"  fetched_at INTEGER NOT NULL,"
	"  html TEXT,"
	"  error TEXT"
	");",
	/*
	 * 4 -> 5: a failed fetch of a page that may succeed later (the
	 * network, the server) says when to try again.
	 */
	"ALTER TABLE fulltext ADD COLUMN retry_at INTEGER;",
	/*
	 * 5 -> 6: when a feed left the urls file, so that it is deleted
	 * once it has been gone long enough (db-prune.c).
	 */
	"ALTER TABLE feeds ADD COLUMN removed_at INTEGER;"
	"UPDATE feeds SET removed_at = CAST(strftime('%s', 'now') AS INTEGER)"
	"  WHERE position < 0;",
	/* 6 -> 7: the download queue (db-schema-podcast.c). */
	db_schema_podcast,
	/* 7 -> 8: syncing with a server (db-sync.c). */
	db_sync_schema,
	/*
	 * 8 -> 9: the index's vocabulary, for words found inside terms
	 * (db-terms.c), filled once from the index itself; the chunks hold
	 * 4,096 terms each.
	 */
	"CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;"
	"CREATE TABLE search_vocab (id INTEGER PRIMARY KEY,"
	"  terms TEXT NOT NULL);"
	"CREATE VIRTUAL TABLE temp.db_schema_vocab USING"
	"  fts5vocab(main, items_fts, 'row');"
	"INSERT INTO search_terms SELECT term FROM temp.db_schema_vocab"
	"  WHERE term NOT GLOB '*' || char(10) || '*';"
	"DROP TABLE temp.db_schema_vocab;"
	"INSERT INTO search_vocab(terms) SELECT group_concat(term, char(10))"
	"  FROM (SELECT term, (row_number() OVER (ORDER BY term) - 1) / 4096"
	"  AS g FROM search_terms) GROUP BY g ORDER BY g;",
	/*
	 * 9 -> 10: the index keeps which column a term is in, not where in
	 * it (detail=column): about half the CPU of indexing and a fraction
	 * of the size; quoted phrases are checked against the text instead
	 * (db-phrase.c). Every article waits to be indexed again, which the
	 * next refreshes do in batches; the vocabulary stays as it is.
	 */
	"DROP TABLE items_fts;"
	"CREATE VIRTUAL TABLE items_fts USING fts5("
	"  title, author, text, content='', detail=column,"
	"  tokenize='unicode61 remove_diacritics 2'"
	");"
	"INSERT OR IGNORE INTO fts_pending SELECT id FROM items;",
};
const int db_schema_nmigrations =
    sizeof db_schema_migrations / sizeof db_schema_migrations[0];
