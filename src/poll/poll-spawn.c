/*
 * A command of the user's own through /bin/sh -c, fed a buffer on stdin,
 * its stdout collected (with a ceiling) and its stderr kept for the error.
 * It runs in a process group of its own, killed with it at the timeout,
 * on cancel or past the size limit. Called from the refresh's fetching
 * thread while others run, hence posix_spawn and SIGPIPE blocked in this
 * thread only. Kept apart from poll.h, whose POLL_ERR signal.h also
 * defines.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "poll/poll-spawn.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

extern char **environ;

/* What of stderr goes into the error. */
#define POLL_SPAWN_STDERR_MAX	1024

static long long
poll_spawn_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

/* The child's stdin from in (or /dev/null), stdout and stderr to us. */
static int
poll_spawn_spawn(const char *cmd, int use_in, int fin[2], int fout[2],
    int ferr[2], pid_t *pid, char **cause)
{
	posix_spawn_file_actions_t	 fa;
	posix_spawnattr_t		 at;
	sigset_t			 none, dfl;
	char				*argv[] = { "sh", "-c", (char *)cmd,
					    NULL };
	int				 e;

	posix_spawn_file_actions_init(&fa);
	if (use_in)
		posix_spawn_file_actions_adddup2(&fa, fin[0], 0);
	else
		posix_spawn_file_actions_addopen(&fa, 0, "/dev/null",
		    O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fout[1], 1);
	posix_spawn_file_actions_adddup2(&fa, ferr[1], 2);
	posix_spawnattr_init(&at);
	sigemptyset(&none);
	sigemptyset(&dfl);
	sigaddset(&dfl, SIGPIPE);
	sigaddset(&dfl, SIGINT);
	sigaddset(&dfl, SIGTSTP);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setsigdefault(&at, &dfl);
	/* A group of its own: a timeout kills what it started too. */
	posix_spawnattr_setpgroup(&at, 0);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP |
	    POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	e = posix_spawn(pid, "/bin/sh", &fa, &at, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	if (e != 0) {
		*cause = xasprintf(_("cannot run the command: %s"),
		    strerror(e));
		return (-1);
	}
	return (0);
}

/* What went wrong, with what the command said on stderr. */
static char *
poll_spawn_why(const char *what, const struct buf *err)
{
	char	*said, *msg;
	size_t	 n = err->len;

	while (n > 0 && (err->data[n - 1] == '\n' || err->data[n - 1] == ' '))
		n--;
	if (n == 0)
		return (xstrdup(what));
	said = sanitize_text(err->data, n, 0);
	msg = xasprintf("%s: %s", what, said);
	free(said);
	return (msg);
}

int
poll_spawn_run(const char *cmd, const void *in, size_t inlen, int use_in,
    int64_t max_size, long timeout, volatile int *cancel, struct buf *out,
    char **cause)
{
	struct pollfd	 pfd[3];
	struct buf	 err;
	sigset_t	 pipe_set, old;
	struct timespec	 zero = { 0, 0 };
	char		 chunk[65536], *what = NULL;
	int		 fin[2] = { -1, -1 }, fout[2] = { -1, -1 };
	int		 ferr[2] = { -1, -1 }, status = 0, rc = -1, i;
	size_t		 sent = 0;
	long long	 deadline;
	ssize_t		 r;
	pid_t		 pid = -1;

	buf_init(&err, 0);
	if ((use_in && pipe2(fin, O_CLOEXEC) != 0) ||
	    pipe2(fout, O_CLOEXEC) != 0 || pipe2(ferr, O_CLOEXEC) != 0) {
		*cause = xasprintf("pipe: %s", strerror(errno));
		goto out;
	}
	if (poll_spawn_spawn(cmd, use_in, fin, fout, ferr, &pid, cause) != 0)
		goto out;
	close(fout[1]);
	close(ferr[1]);
	fout[1] = ferr[1] = -1;
	if (use_in) {
		close(fin[0]);
		fin[0] = -1;
		fcntl(fin[1], F_SETFL, O_NONBLOCK);
	}
	fcntl(fout[0], F_SETFL, O_NONBLOCK);
	fcntl(ferr[0], F_SETFL, O_NONBLOCK);
	/* A command that stops reading its stdin must not kill us. */
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
	deadline = poll_spawn_ms() + timeout * 1000;
	while (fout[0] != -1 || ferr[0] != -1) {
		if (cancel != NULL && *cancel) {
			what = xstrdup(_("cancelled"));
			break;
		}
		if (poll_spawn_ms() >= deadline) {
			what = xasprintf(_("the command took longer than %ld "
			    "seconds (download-timeout)"), timeout);
			break;
		}
		if (use_in && fin[1] != -1 && sent == inlen) {
			close(fin[1]);
			fin[1] = -1;
		}
		pfd[0].fd = fout[0];
		pfd[1].fd = ferr[0];
		pfd[2].fd = use_in ? fin[1] : -1;
		pfd[0].events = pfd[1].events = POLLIN;
		pfd[2].events = POLLOUT;
		if (poll(pfd, 3, 200) == -1 && errno != EINTR)
			break;
		if (pfd[2].fd != -1 && (pfd[2].revents & (POLLOUT | POLLERR |
		    POLLHUP))) {
			r = write(fin[1], (const char *)in + sent,
			    inlen - sent > sizeof chunk ? sizeof chunk :
			    inlen - sent);
			if (r > 0)
				sent += (size_t)r;
			else if (r == -1 && errno != EAGAIN && errno != EINTR) {
				/* It has read what it wants. */
				sigtimedwait(&pipe_set, NULL, &zero);
				close(fin[1]);
				fin[1] = -1;
				sent = inlen;
			}
		}
		for (i = 0; i < 2; i++) {
			if (pfd[i].fd == -1 ||
			    !(pfd[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			r = read(pfd[i].fd, chunk, sizeof chunk);
			if (r == -1 && (errno == EAGAIN || errno == EINTR))
				continue;
			if (r <= 0) {
				close(pfd[i].fd);
				if (i == 0)
					fout[0] = -1;
				else
					ferr[0] = -1;
				continue;
			}
			if (i == 1) {
				if (err.len < POLL_SPAWN_STDERR_MAX)
					buf_add(&err, chunk, (size_t)r);
				continue;
			}
			if (max_size > 0 &&
			    (int64_t)(out->len + (size_t)r) > max_size) {
				what = xasprintf(_("the command's output is "
				    "larger than %lld bytes "
				    "(download-max-size)"),
				    (long long)max_size);
				break;
			}
			buf_add(out, chunk, (size_t)r);
		}
		if (what != NULL)
			break;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	/* Output closed: give it until the deadline to exit. */
	while (what == NULL) {
		r = waitpid(pid, &status, WNOHANG);
		if (r == pid)
			break;
		if (r == -1 && errno != EINTR) {
			what = xasprintf("waitpid: %s", strerror(errno));
			break;
		}
		if (poll_spawn_ms() >= deadline) {
			what = xasprintf(_("the command took longer than %ld "
			    "seconds (download-timeout)"), timeout);
			break;
		}
		if (cancel != NULL && *cancel) {
			what = xstrdup(_("cancelled"));
			break;
		}
		poll(NULL, 0, 20);
	}
	if (what != NULL) {
		kill(-pid, SIGKILL);
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
		*cause = poll_spawn_why(what, &err);
		goto out;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
		what = xasprintf(_("the command exited with status %d"),
		    WEXITSTATUS(status));
		*cause = poll_spawn_why(what, &err);
		goto out;
	}
	if (WIFSIGNALED(status)) {
		what = xasprintf(_("the command was killed by signal %d"),
		    WTERMSIG(status));
		*cause = poll_spawn_why(what, &err);
		goto out;
	}
	rc = 0;
out:
	free(what);
	buf_fini(&err);
	for (i = 0; i < 2; i++) {
		if (fin[i] != -1)
			close(fin[i]);
		if (fout[i] != -1)
			close(fout[i]);
		if (ferr[i] != -1)
			close(ferr[i]);
	}
	return (rc);
}
