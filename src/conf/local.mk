# conf module: paths, config file and option table, key and colour
# tables, urls file, OPML.
noinst_LIBRARIES += src/conf/libconf.a
src_conf_libconf_a_SOURCES = \
	src/conf/conf.h src/conf/conf-int.h \
	src/conf/conf-colour.c \
	src/conf/conf-command.c \
	src/conf/conf-file.c \
	src/conf/conf-filter.c \
	src/conf/conf-keys.c \
	src/conf/conf-macro.c \
	src/conf/conf-newsboat.c \
	src/conf/conf-opml.c \
	src/conf/conf-options.c \
	src/conf/conf-paths.c \
	src/conf/conf-query.c \
	src/conf/conf-token.c \
	src/conf/conf-urls.c
MODULE_LIBS += src/conf/libconf.a

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-conf
TESTS += tests/unit/test-conf
tests_unit_test_conf_SOURCES = tests/unit/test-conf.c
tests_unit_test_conf_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_conf_LDADD = src/conf/libconf.a src/filter/libfilter.a src/html/libhtml.a \
	src/util/libutil.a $(EXPAT_LIBS) $(CMOCKA_LIBS)
endif
# feed-podcast-auto-enqueue lines.
src_conf_libconf_a_SOURCES += src/conf/conf-podcast.c
# highlight lines.
src_conf_libconf_a_SOURCES += src/conf/conf-highlight.c
