/*
 * tidings --download: every enclosure in the queue, at most max-downloads
 * at once. Silent for cron; on a terminal, a line with each running file
 * and the total, and a line per file as it ends. A failure names the URL
 * on stderr and leaves the file queued for the next run.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "conf/conf.h"
#include "db/db.h"
#include "main-modes.h"
#include "net/net.h"
#include "podcast/podcast.h"
#include "poll/poll.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

struct download_tty {
	int	tty;
	int	drawn;
	size_t	cols;
};

/* A size for people: 512B, 12K, 3.4M, 1.2G. */
static void
download_size(struct buf *b, int64_t n)
{
	if (n < 0)
		buf_adds(b, "?");
	else if (n < 1024)
		buf_printf(b, "%lldB", (long long)n);
	else if (n < 1024 * 1024)
		buf_printf(b, "%lldK", (long long)(n / 1024));
	else if (n < (int64_t)1024 * 1024 * 1024)
		buf_printf(b, "%.1fM", (double)n / (1024 * 1024));
	else
		buf_printf(b, "%.1fG", (double)n / (1024 * 1024 * 1024));
}

/* The file's own name, fit for a terminal. */
static char *
download_name(const struct podcast_file *f)
{
	const char	*slash = strrchr(f->p->file, '/');
	const char	*name = slash != NULL ? slash + 1 : f->p->file;

	return (sanitize_text(name, strlen(name), 0));
}

static void
download_clear(struct download_tty *t)
{
	if (t->drawn) {
		fputs("\r\033[K", stdout);
		fflush(stdout);
		t->drawn = 0;
	}
}

/* One line: the total, then each running file. */
static void
download_line(struct download_tty *t, const struct podcast_progress *pg)
{
	struct buf	 b;
	int64_t		 bytes = 0, size = 0;
	size_t		 i, len;
	char		*name;

	for (i = 0; i < pg->nfiles; i++) {
		bytes += pg->files[i].bytes;
		if (size >= 0 && pg->files[i].size >= 0)
			size += pg->files[i].size;
		else
			size = -1;
	}
	buf_init(&b, 0);
	buf_printf(&b, ngettext("Downloading: %zu/%zu file",
	    "Downloading: %zu/%zu files", pg->nfiles),
	    pg->done + pg->failed, pg->nfiles);
	buf_adds(&b, ", ");
	download_size(&b, bytes);
	buf_adds(&b, "/");
	download_size(&b, size);
	for (i = 0; i < pg->nfiles; i++) {
		const struct podcast_file *f = &pg->files[i];

		if (!f->running)
			continue;
		name = download_name(f);
		buf_printf(&b, " | %s ", name);
		free(name);
		if (f->size > 0)
			buf_printf(&b, "%d%%", (int)(f->bytes * 100 / f->size));
		else
			download_size(&b, f->bytes);
	}
	buf_addc(&b, '\0');
	/* Cut to the width, on a character boundary. */
	len = strlen(buf_str(&b));
	if (t->cols > 1 && len > t->cols - 1) {
		len = t->cols - 1;
		while (len > 0 && ((unsigned char)buf_str(&b)[len] & 0xc0) ==
		    0x80)
			len--;
	}
	fputs("\r\033[K", stdout);
	fwrite(buf_str(&b), 1, len, stdout);
	fflush(stdout);
	t->drawn = 1;
	buf_fini(&b);
}

static void
download_progress(void *arg, const struct podcast_progress *pg)
{
	struct download_tty		*t = arg;
	const struct podcast_file	*f;
	char				*why, *name;

	if (pg->finished) {
		f = &pg->files[pg->changed];
		download_clear(t);
		if (f->done < 0) {
			why = sanitize_text(f->error != NULL ? f->error : "?",
			    strlen(f->error != NULL ? f->error : "?"), 0);
			name = sanitize_text(f->p->url, strlen(f->p->url), 0);
			fprintf(stderr, "%s: %s: %s\n", PACKAGE, name, why);
			free(why);
			free(name);
		} else if (t->tty) {
			name = download_name(f);
			printf(_("%s: done\n"), name);
			free(name);
		}
	}
	if (t->tty)
		download_line(t, pg);
}

int
cmd_download(const struct cmd_opts *co)
{
	struct conf_paths	 paths;
	struct config		 conf;
	struct net_limits	 limits;
	struct podcast_opts	 po;
	struct podcast_stats	 st;
	struct download_tty	 t;
	struct winsize		 ws;
	struct db		*db = NULL;
	char			*cause = NULL;
	int			 ex;

	if ((ex = cmd_setup_config(co, &paths, &conf)) != 0)
		return (ex);
	if (conf_paths_mkdir_parent(paths.cache, &cause) != 0 ||
	    db_open(paths.cache, &db, &cause) != DB_OK) {
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		ex = EXIT_CACHE;
		goto out;
	}
	memset(&t, 0, sizeof t);
	t.tty = isatty(STDOUT_FILENO);
	t.cols = 80;
	if (t.tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		t.cols = ws.ws_col;
	poll_limits_get(&conf, &limits);
	memset(&po, 0, sizeof po);
	po.config = &conf;
	po.limits = &limits;
	po.progress = download_progress;
	po.arg = &t;
	if (podcast_fetch_run(db, &po, &st, &cause) != 0) {
		download_clear(&t);
		fprintf(stderr, "%s: %s\n", PACKAGE, cause);
		ex = EXIT_PARTIAL;
		goto out;
	}
	download_clear(&t);
	if (t.tty && st.files == 0)
		puts(_("Nothing to download."));
	ex = st.failed > 0 ? EXIT_PARTIAL : EXIT_OK;
out:
	free(cause);
	if (db != NULL)
		db_close(db);
	conf_file_fini(&conf);
	conf_paths_fini(&paths);
	return (ex);
}
