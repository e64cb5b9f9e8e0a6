# db module: fill in when it has sources.
# The reader's queries (ui branch).
noinst_LIBRARIES += src/db/libdbview.a
src_db_libdbview_a_SOURCES = src/db/db-view.c src/db/db-view.h \
	src/db/db-view-int.h src/db/db-view-items.c
MODULE_LIBS += src/db/libdbview.a
