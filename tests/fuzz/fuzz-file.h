/*
 * For harnesses whose code under test reads a file by path (config, urls,
 * OPML): the input goes to one temporary file per process, rewritten for
 * every run.
 */
#ifndef TIDINGS_FUZZ_FILE_H
#define TIDINGS_FUZZ_FILE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char	fuzz_path[64];

static void
fuzz_file_cleanup(void)
{
	if (fuzz_path[0] != '\0')
		unlink(fuzz_path);
}

/* Write data to the process's temporary file; returns its path. */
static const char *
fuzz_file_write(const uint8_t *data, size_t size)
{
	FILE	*f;
	int	 fd;

	if (fuzz_path[0] == '\0') {
		strcpy(fuzz_path, "/tmp/tidings-fuzz-XXXXXX");
		if ((fd = mkstemp(fuzz_path)) == -1)
			abort();
		close(fd);
		atexit(fuzz_file_cleanup);
	}
	if ((f = fopen(fuzz_path, "wb")) == NULL)
		abort();
	if (size > 0 && fwrite(data, 1, size, f) != size)
		abort();
	if (fclose(f) != 0)
		abort();
	return (fuzz_path);
}

#endif
