/*
 * Configuration: file locations (XDG), the config file with its option
 * table, the urls file, and OPML import/export. Errors come back as
 * "FILE:LINE: message" causes.
 */
#ifndef TIDINGS_CONF_CONF_H
#define TIDINGS_CONF_CONF_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Paths (conf-paths.c). */
struct conf_paths {
	char	*config;	/* $XDG_CONFIG_HOME/tidings/config or -C */
	char	*urls;		/* $XDG_CONFIG_HOME/tidings/urls or -u */
	char	*cache;		/* $XDG_DATA_HOME/tidings/cache.db or -c */
};

int	conf_paths_init(struct conf_paths *, const char *urls,
	    const char *cache, const char *config, char **cause);
void	conf_paths_fini(struct conf_paths *);
/* Create the directories above path (mode 0700), like mkdir -p. */
int	conf_paths_mkdir_parent(const char *path, char **cause);

/* Options (conf-options.c): one row each, indexed by enum conf_opt. */
enum conf_type {
	CONF_BOOL,
	CONF_INT,
	CONF_SIZE,	/* bytes; a K, M or G suffix multiplies */
	CONF_STRING,
	CONF_CHOICE	/* one of the row's choices */
};

enum conf_opt {
	CONF_MAX_CONNECTIONS,
	CONF_MAX_CONNECTIONS_PER_HOST,
	CONF_DOWNLOAD_MAX_SIZE,
	CONF_MAX_REDIRECTS,
	CONF_CONNECT_TIMEOUT,
	CONF_DOWNLOAD_TIMEOUT,
	CONF_LOW_SPEED_TIME,
	CONF_MAX_ITEMS,
	CONF_KEEP_ARTICLES_DAYS,
	CONF_KEEP_UNREAD,
	CONF_REFRESH_ON_STARTUP,
	CONF_RELOAD_TIME,
	CONF_PROXY,
	CONF_PROXY_AUTH,
	CONF_PROXY_TYPE,
	CONF_TLS_CA_FILE,
	CONF_BROWSER,
	CONF_SHOW_READ_FEEDS,
	CONF_FULLTEXT,
	/* Other modules add their rows here (and in conf-options.c). */
	CONF_NOPTS
};

struct conf_option {
	const char		*name;
	enum conf_type		 type;
	const char		*def;		/* in config-file syntax */
	int64_t			 min, max;	/* CONF_INT, CONF_SIZE */
	const char *const	*choices;	/* CONF_CHOICE, NULL-terminated */
	const char		*help;		/* N_() */
};

extern const struct conf_option	conf_options[CONF_NOPTS];

/* A bind-key, unbind-key or color line, kept for the UI to check. */
struct conf_cmd {
	char	**argv;		/* after the command name */
	int	  argc;
	char	 *file;
	int	  line;
};

struct conf_cmds {
	struct conf_cmd	*v;
	size_t		 n;
};

struct config {
	union {
		int64_t	 i;	/* CONF_BOOL, CONF_INT, CONF_SIZE, CONF_CHOICE
				 * (index into choices) */
		char	*s;	/* CONF_STRING */
	}			 val[CONF_NOPTS];
	struct conf_cmds	 bind_keys;
	struct conf_cmds	 unbind_keys;
	struct conf_cmds	 colors;
	struct conf_cmds	 feed_fulltext;	/* VALUE FEED... (checked) */
};

/* The values of `fulltext` (the order of its choices). */
enum conf_fulltext {
	CONF_FULLTEXT_NO,	/* only when asked for (r in the article) */
	CONF_FULLTEXT_AUTO,	/* when an article without its text is read */
	CONF_FULLTEXT_YES	/* every new article, at refresh time */
};

/* conf-file.c */
void		 conf_file_init(struct config *);	/* the defaults */
void		 conf_file_fini(struct config *);
/* Read a config file over the current values; a missing file is fine. */
int		 conf_file_load(struct config *, const char *path,
		    char **cause);
/* Set one option from text, as a config line would. */
int		 conf_file_set(struct config *, const char *name,
		    const char *value, char **cause);
int64_t		 conf_file_int(const struct config *, enum conf_opt);
const char	*conf_file_str(const struct config *, enum conf_opt);
/*
 * The fulltext setting of one feed: the `fulltext` option, overridden by
 * the last `feed-fulltext VALUE FEED...` line naming the feed's URL or one
 * of its tags (tags joined by '\t', may be NULL).
 */
enum conf_fulltext conf_file_fulltext(const struct config *, const char *url,
		    const char *tags);

/* The urls file (conf-urls.c). */
struct conf_url {
	char	 *url;
	char	**tags;
	size_t	  ntags;
	char	 *title;	/* "~title", or NULL */
	int	  line;
};

struct conf_urls {
	struct conf_url	*v;
	size_t		 n;
};

/* A missing file is an empty list. */
int	conf_urls_load(const char *path, struct conf_urls *, char **cause);
void	conf_urls_fini(struct conf_urls *);
void	conf_urls_add(struct conf_urls *, const char *url, char **tags,
	    size_t ntags, const char *title);
const struct conf_url *conf_urls_find(const struct conf_urls *,
	    const char *url);
/* Write one entry as a urls-file line (with the newline). */
void	conf_urls_write_line(FILE *, const struct conf_url *);
/* Tags joined by '\t' (for the cache), or "" . */
char	*conf_urls_tags_joined(const struct conf_url *);
/* Whether tidings fetches this URL (http, https, file, a path). */
int	conf_urls_fetchable(const char *url);

/* OPML (conf-opml.c). */
int	conf_opml_read(const char *path, struct conf_urls *, char **cause);
/*
 * Append the feeds of an OPML file not yet in the urls file, safely (a
 * temporary file renamed over the old one). *added gets how many.
 */
int	conf_opml_import(const char *opml, const char *urls_path,
	    size_t *added, char **cause);
void	conf_opml_write(FILE *, const struct conf_urls *);

/*
 * Words of one config or urls line (conf-token.c), as the config reader
 * splits them; for --import-newsboat, which checks Newsboat's lines.
 */
int	conf_token_split(const char *line, char ***argv, int *argc,
	    char **cause);
void	conf_token_free(char **, int);

#endif
