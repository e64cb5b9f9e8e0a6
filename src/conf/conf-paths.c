/* Where tidings keeps its files: the XDG base directories, or -u/-c/-C. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "conf/conf.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* $var if set and absolute (the XDG spec ignores relative ones), else
 * $HOME/fallback. */
static char *
conf_paths_base(const char *var, const char *fallback, char **cause)
{
	const char	*v, *home;

	if ((v = getenv(var)) != NULL && *v == '/')
		return (xstrdup(v));
	if ((home = getenv("HOME")) == NULL || *home == '\0') {
		*cause = xasprintf(_("neither %s nor HOME is set"), var);
		return (NULL);
	}
	return (xasprintf("%s/%s", home, fallback));
}

int
conf_paths_init(struct conf_paths *p, const char *urls, const char *cache,
    const char *config, char **cause)
{
	char	*cfg = NULL, *data = NULL;

	memset(p, 0, sizeof *p);
	if (urls == NULL || config == NULL) {
		if ((cfg = conf_paths_base("XDG_CONFIG_HOME", ".config",
		    cause)) == NULL)
			return (-1);
	}
	if (cache == NULL) {
		if ((data = conf_paths_base("XDG_DATA_HOME", ".local/share",
		    cause)) == NULL) {
			free(cfg);
			return (-1);
		}
	}
	p->urls = urls != NULL ? xstrdup(urls) :
	    xasprintf("%s/tidings/urls", cfg);
	p->config = config != NULL ? xstrdup(config) :
	    xasprintf("%s/tidings/config", cfg);
	p->cache = cache != NULL ? xstrdup(cache) :
	    xasprintf("%s/tidings/cache.db", data);
	free(cfg);
	free(data);
	return (0);
}

void
conf_paths_fini(struct conf_paths *p)
{
	free(p->config);
	free(p->urls);
	free(p->cache);
	memset(p, 0, sizeof *p);
}

int
conf_paths_mkdir_parent(const char *path, char **cause)
{
	char	*dir, *s;

	dir = xstrdup(path);
	if ((s = strrchr(dir, '/')) == NULL || s == dir) {
		free(dir);
		return (0);
	}
	*s = '\0';
	for (s = dir + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			*cause = xasprintf("%s: %s", dir, strerror(errno));
			free(dir);
			return (-1);
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(dir);
	return (0);
}
