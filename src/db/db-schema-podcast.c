/*
 * The schema step of the download queue (enclosures fetched by tidings
 * --download), kept apart from the other steps so that its place in
 * db_schema_migrations[] can move without touching its SQL. db.h
 * documents the columns.
 */
#include "db/db-int.h"

const char db_schema_podcast[] =
	"CREATE TABLE downloads ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT NOT NULL UNIQUE,"
	"  item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,"
	"  file TEXT NOT NULL UNIQUE,"
	"  state INTEGER NOT NULL DEFAULT 0,"
	"  bytes INTEGER NOT NULL DEFAULT 0,"
	"  size INTEGER NOT NULL DEFAULT -1,"
	"  error TEXT,"
	"  added INTEGER NOT NULL"
	");"
	"CREATE INDEX downloads_item ON downloads(item_id);";
