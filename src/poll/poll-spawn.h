/* Running a command of the user's own (poll-spawn.c). */
#ifndef TIDINGS_POLL_POLL_SPAWN_H
#define TIDINGS_POLL_POLL_SPAWN_H

#include <stddef.h>
#include <stdint.h>

struct buf;

/*
 * sh -c cmd with in (inlen bytes) on its stdin when use_in (else
 * /dev/null), its stdout into out, at most max_size bytes (0: no limit),
 * for at most timeout seconds. 0, or -1 with *cause (what it said on
 * stderr included).
 */
int	poll_spawn_run(const char *cmd, const void *in, size_t inlen,
	    int use_in, int64_t max_size, long timeout, volatile int *cancel,
	    struct buf *out, char **cause);

#endif
