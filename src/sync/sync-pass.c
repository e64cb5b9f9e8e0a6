/*
 * The sync password: written in the config, the first line of a file, or
 * the first line a command of the user's own prints (sh -c, as the user
 * wrote it in their config; nothing received ever runs). The password
 * never goes on a command line: the command gets it from wherever it
 * keeps it and hands it back through a pipe; it runs once a process.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sync/sync.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Longest password line read. */
#define SYNC_PASS_MAX	4096

/* The first line of f, without its newline; NULL at once if empty. */
static char *
sync_pass_line(FILE *f)
{
	char	buf[SYNC_PASS_MAX];
	size_t	len;

	if (fgets(buf, sizeof buf, f) == NULL)
		return (NULL);
	len = strcspn(buf, "\r\n");
	buf[len] = '\0';
	return (len > 0 ? xstrdup(buf) : NULL);
}

static char *
sync_pass_file(const char *path, char **cause)
{
	const char	*home = getenv("HOME");
	char		*full, *pw;
	FILE		*f;

	if (strncmp(path, "~/", 2) == 0 && home != NULL)
		full = xasprintf("%s%s", home, path + 1);
	else
		full = xstrdup(path);
	if ((f = fopen(full, "r")) == NULL) {
		*cause = xasprintf("ttrss-passwordfile: %s: %s", full,
		    strerror(errno));
		free(full);
		return (NULL);
	}
	pw = sync_pass_line(f);
	fclose(f);
	if (pw == NULL)
		*cause = xasprintf(_("ttrss-passwordfile: %s: no password on "
		    "its first line"), full);
	free(full);
	return (pw);
}

static char *
sync_pass_eval(const char *cmd, char **cause)
{
	pid_t	 pid;
	int	 fds[2], status;
	char	*pw = NULL;
	FILE	*f;

	if (pipe(fds) != 0) {
		*cause = xasprintf("ttrss-passwordeval: %s", strerror(errno));
		return (NULL);
	}
	switch (pid = fork()) {
	case -1:
		*cause = xasprintf("ttrss-passwordeval: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return (NULL);
	case 0:
		close(fds[0]);
		if (dup2(fds[1], STDOUT_FILENO) == -1)
			_exit(127);
		close(fds[1]);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	if ((f = fdopen(fds[0], "r")) == NULL) {
		close(fds[0]);
		waitpid(pid, &status, 0);
		*cause = xasprintf("ttrss-passwordeval: %s", strerror(errno));
		return (NULL);
	}
	pw = sync_pass_line(f);
	/* The rest of its output is not ours to wait for. */
	fclose(f);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	if (pw == NULL) {
		/* The command's words stay out: it may hold a secret. */
		*cause = xstrdup(_("ttrss-passwordeval: the command printed "
		    "no password"));
	}
	return (pw);
}

/* The command's answer, kept for the process: it runs once, not at every
 * sync (it may ask for a passphrase). */
static pthread_mutex_t	 sync_pass_mu = PTHREAD_MUTEX_INITIALIZER;
static char		*sync_pass_cmd;
static char		*sync_pass_got;

char *
sync_pass_get(const char *password, const char *file, const char *eval,
    char **cause)
{
	char	*pw = NULL;

	if (eval != NULL && *eval != '\0') {
		pthread_mutex_lock(&sync_pass_mu);
		if (sync_pass_got != NULL && strcmp(sync_pass_cmd, eval) == 0)
			pw = xstrdup(sync_pass_got);
		else if ((pw = sync_pass_eval(eval, cause)) != NULL) {
			free(sync_pass_cmd);
			free(sync_pass_got);
			sync_pass_cmd = xstrdup(eval);
			sync_pass_got = xstrdup(pw);
		}
		pthread_mutex_unlock(&sync_pass_mu);
		return (pw);
	}
	if (file != NULL && *file != '\0')
		return (sync_pass_file(file, cause));
	if (password != NULL && *password != '\0')
		return (xstrdup(password));
	*cause = xstrdup(_("no password for the sync server (ttrss-password, "
	    "ttrss-passwordfile or ttrss-passwordeval)"));
	return (NULL);
}
