/*
 * libFuzzer harness for the config file parser (src/conf): load the input
 * as a config file over the defaults. An error must name the file and a
 * line ("PATH:LINE: ..."); a crash, leak or hang fails.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "conf/conf.h"
#include "fuzz-file.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config	 c;
	const char	*path;
	char		*cause = NULL;
	size_t		 i;

	path = fuzz_file_write(data, size);
	conf_file_init(&c);
	if (conf_file_load(&c, path, &cause) != 0) {
		if (cause == NULL || strncmp(cause, path, strlen(path)) != 0)
			abort();
		free(cause);
	}
	for (i = 0; i < CONF_NOPTS; i++) {
		if (conf_options[i].type == CONF_STRING)
			(void)conf_file_str(&c, (enum conf_opt)i);
		else
			(void)conf_file_int(&c, (enum conf_opt)i);
	}
	conf_file_fini(&c);
	return (0);
}
