# ui module: the terminal reader (the only module that includes curses).
noinst_LIBRARIES += src/ui/libui.a
src_ui_libui_a_SOURCES = \
	src/ui/ui.h src/ui/ui-int.h \
	src/ui/ui-add.c \
	src/ui/ui-cmd.c \
	src/ui/ui-cmdline.c \
	src/ui/ui-colour.c \
	src/ui/ui-draw.c \
	src/ui/ui-edit.c src/ui/ui-filter.c src/ui/ui-edit.h \
	src/ui/ui-hl.c \
	src/ui/ui-input.c \
	src/ui/ui-keys.c \
	src/ui/ui-links.c \
	src/ui/ui-list.c \
	src/ui/ui.c \
	src/ui/ui-poller.c \
	src/ui/ui-run.c \
	src/ui/ui-save.c \
	src/ui/ui-text.c src/ui/ui-text.h \
	src/ui/ui-shell.c \
	src/ui/ui-urls.c \
	src/ui/view-article.c src/ui/view-article-body.c \
	src/ui/view-article-int.h \
	src/ui/view-feeds.c \
	src/ui/view-help.c \
	src/ui/view-items.c \
	src/ui/view-pick.c
MODULE_LIBS += src/ui/libui.a

if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-ui
TESTS += tests/unit/test-ui
tests_unit_test_ui_SOURCES = tests/unit/test-ui.c
tests_unit_test_ui_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_unit_test_ui_LDADD = src/ui/libui.a src/conf/libconf.a src/filter/libfilter.a \
	src/html/libhtml.a src/util/libutil.a $(EXPAT_LIBS) \
	$(NCURSES_LIBS) $(CMOCKA_LIBS)
endif

# End-to-end: the real binary in tmux (tests/lib/tmux.sh).
TESTS += tests/e2e/ui-basic.sh tests/e2e/ui-nav.sh tests/e2e/ui-refresh.sh
TESTS += tests/e2e/ui-keys.sh
TESTS += tests/e2e/ui-tags.sh
# Links on their way to the browser: schemes, control characters.
TESTS += tests/e2e/ui-links.sh
TESTS += tests/e2e/ui-browser.sh
TESTS += tests/e2e/ui-warnings.sh
# Hardening: escape sequences from feeds never reach the terminal.
TESTS += tests/e2e/ui-hostile.sh
# The download queue in the reader: enqueue, the podcasts view.
src_ui_libui_a_SOURCES += src/ui/ui-podcast.c src/ui/view-podcasts.c
