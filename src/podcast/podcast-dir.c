/*
 * download-path: the option (~/ for the home directory), else the XDG
 * download directory (xdg-user-dirs: $XDG_DOWNLOAD_DIR, or its line in
 * user-dirs.dirs) with tidings/ under it, else ~/Downloads/tidings.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf/conf.h"
#include "podcast/podcast.h"
#include "util/xmalloc.h"

/*
 * XDG_DOWNLOAD_DIR from user-dirs.dirs, whose lines are written by
 * xdg-user-dirs-update as XDG_NAME_DIR="$HOME/path" or "/path".
 */
static char *
podcast_dir_user_dirs(const char *home)
{
	const char	*cfg = getenv("XDG_CONFIG_HOME");
	char		*path, line[4096], *v, *end, *out = NULL;
	FILE		*f;

	path = cfg != NULL && *cfg == '/' ? xasprintf("%s/user-dirs.dirs",
	    cfg) : xasprintf("%s/.config/user-dirs.dirs", home);
	f = fopen(path, "r");
	free(path);
	if (f == NULL)
		return (NULL);
	while (out == NULL && fgets(line, sizeof line, f) != NULL) {
		if (strncmp(line, "XDG_DOWNLOAD_DIR=\"", 18) != 0)
			continue;
		v = line + 18;
		if ((end = strchr(v, '"')) == NULL)
			continue;
		*end = '\0';
		if (strncmp(v, "$HOME", 5) == 0 && (v[5] == '/' ||
		    v[5] == '\0'))
			out = xasprintf("%s%s", home, v + 5);
		else if (*v == '/')
			out = xstrdup(v);
	}
	fclose(f);
	return (out);
}

char *
podcast_dir(const struct config *c, int *is_default)
{
	const char	*opt = conf_file_str(c, CONF_DOWNLOAD_PATH);
	const char	*home = getenv("HOME"), *env;
	char		*base, *out;
	size_t		 len;

	if (home == NULL || *home == '\0')
		home = "/";
	*is_default = 0;
	if (opt != NULL && *opt != '\0') {
		out = strncmp(opt, "~/", 2) == 0 ? xasprintf("%s%s", home,
		    opt + 1) : xstrdup(opt);
		/* "DIR/" and "DIR" are one directory. */
		len = strlen(out);
		while (len > 1 && out[len - 1] == '/')
			out[--len] = '\0';
		return (out);
	}
	*is_default = 1;
	if ((env = getenv("XDG_DOWNLOAD_DIR")) != NULL && *env == '/')
		base = xstrdup(env);
	else if ((base = podcast_dir_user_dirs(home)) == NULL)
		base = xasprintf("%s/Downloads", home);
	out = xasprintf("%s/tidings", base);
	free(base);
	return (out);
}
