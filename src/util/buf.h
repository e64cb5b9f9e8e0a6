/*
 * A growable byte buffer with a ceiling (after curl's dynbuf): appending
 * past the ceiling fails and leaves the buffer as it was, so every caller
 * turns "too big" into a reported error instead of a silent cut.
 */
#ifndef TIDINGS_UTIL_BUF_H
#define TIDINGS_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*data;	/* always NUL-terminated once anything was added */
	size_t	 len;
	size_t	 cap;
	size_t	 max;	/* ceiling on len; 0 means SIZE_MAX */
};

void	 buf_init(struct buf *, size_t max);
void	 buf_fini(struct buf *);
void	 buf_reset(struct buf *);
int	 buf_add(struct buf *, const void *, size_t);
int	 buf_addc(struct buf *, char);
int	 buf_adds(struct buf *, const char *);
int	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
const char *buf_str(const struct buf *);
char	*buf_detach(struct buf *);

#endif
