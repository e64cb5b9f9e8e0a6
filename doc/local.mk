# Documentation and packaging: manual pages, completions, the tables
# check that keeps them in step with the code (tests/e2e/man-sync.py).
dist_man_MANS += doc/tidings.1 doc/tidings-config.5
EXTRA_DIST += doc/local.mk

# Prints the option, action, key and colour tables from the code.
check_PROGRAMS += tests/dump-tables
tests_dump_tables_SOURCES = tests/dump-tables.c
tests_dump_tables_LDADD = src/conf/libconf.a src/filter/libfilter.a src/html/libhtml.a \
	src/util/libutil.a $(EXPAT_LIBS) $(LTLIBINTL)
TESTS += tests/e2e/man-sync.py

# contrib/ (already in the tarball through EXTRA_DIST): completions, the
# systemd user units, the desktop entry, the example config and themes.
bashcompdir = $(datadir)/bash-completion/completions
bashcomp_DATA = contrib/completion/bash/tidings
zshcompdir = $(datadir)/zsh/site-functions
zshcomp_DATA = contrib/completion/zsh/_tidings
systemduserdir = $(prefix)/lib/systemd/user
systemduser_DATA = contrib/systemd/tidings-refresh.service \
	contrib/systemd/tidings-refresh.timer
desktopdir = $(datadir)/applications
desktop_DATA = contrib/tidings.desktop
doc_DATA = README contrib/config.example contrib/cron.example
themesdir = $(docdir)/themes
themes_DATA = contrib/themes/mono-light.conf \
	contrib/themes/solarized-dark.conf

# Translations: the reader in German and Brazilian Portuguese, in tmux.
TESTS += tests/e2e/ui-i18n.sh

# The test driver is copied in by ./bootstrap; the tarball needs it too.
EXTRA_DIST += build-aux/tap-driver.sh

# Migration from Newsboat, against Debian's newsboat.
TESTS += tests/e2e/newsboat-import.sh

# EXTRA_DIST names whole directories, which automake copies from the build
# tree when it has one of that name: leave out test results and caches.
# (A prerequisite, not a recipe, so that another fragment's dist-hook
# recipe can live beside it.)
dist-hook: dist-drop-test-results
dist-drop-test-results:
	rm -rf $(distdir)/tests/e2e/*.log $(distdir)/tests/e2e/*.trs \
	    $(distdir)/tests/lib/__pycache__ $(distdir)/tests/e2e/__pycache__
.PHONY: dist-drop-test-results
