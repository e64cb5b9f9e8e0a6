/*
 * What main() hands to each command-line mode. Each mode lives in its own
 * src/cmd-*.c file and returns the process exit status (DESIGN.md).
 */
#ifndef TIDINGS_MAIN_MODES_H
#define TIDINGS_MAIN_MODES_H

/* Exit statuses (DESIGN.md "Command line"). */
#define EXIT_OK		0
#define EXIT_PARTIAL	1	/* some feeds failed; --parse: not a feed */
#define EXIT_USAGE	2	/* usage or config error */
#define EXIT_CACHE	3	/* cache unusable */

struct cmd_opts {
	const char	*urls_path;	/* -u, or NULL for the default */
	const char	*cache_path;	/* -c */
	const char	*config_path;	/* -C */
	const char	*arg;		/* the mode's own argument */
	const char *const *words;	/* --add: the words after the URL */
	int		 nwords;
};

int	cmd_parse(const struct cmd_opts *);
int	cmd_extract(const struct cmd_opts *);
int	cmd_refresh(const struct cmd_opts *);
int	cmd_import(const struct cmd_opts *);
int	cmd_export(const struct cmd_opts *);
int	cmd_newsboat(const struct cmd_opts *);
int	cmd_add(const struct cmd_opts *);
int	cmd_download(const struct cmd_opts *);
int	cmd_podcasts(const struct cmd_opts *);

struct conf_paths;
struct config;
/* cmd-setup.c: paths and config for the modes that read them; 0 or an
 * exit status. */
void	cmd_setup_warnings(const struct config *);
int	cmd_setup_urls_writable(const struct config *, const char *what);
int	cmd_setup_config(const struct cmd_opts *, struct conf_paths *,
	    struct config *);
int	cmd_ui(const struct cmd_opts *);

#endif
