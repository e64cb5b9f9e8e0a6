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
};
const int db_schema_nmigrations =
    sizeof db_schema_migrations / sizeof db_schema_migrations[0];
