/*
 * A growable byte buffer with a ceiling (after curl's dynbuf): appending
 * past the ceiling fails and leaves the buffer as it was, so every caller
 * turns "too big" into a reported error instead of a silent cut.
 */
#ifndef TIDINGS_UTIL_BUF_H
#define TIDINGS_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct buf {
	char	*data;	/* always NUL-terminated once anything was added */
	size_t	 len;
	size_t	 cap;
	size_t	 max;	/* ceiling on len; 0 means SIZE_MAX */
};

void	 buf_init(struct buf *, size_t max);
void	 buf_fini(struct buf *);
void	 buf_reset(struct buf *);
int	 buf_add_grow(struct buf *, const void *, size_t);
int	 buf_addc(struct buf *, char);
int	 buf_adds(struct buf *, const char *);
int	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
const char *buf_str(const struct buf *);
char	*buf_detach(struct buf *);

/*
 * Append n bytes; -1 (buffer unchanged) when that would pass the ceiling.
 * Inline when they fit, as the parser appends text a piece at a time.
 */
static inline int
buf_add(struct buf *b, const void *p, size_t n)
{
	if (n < b->cap - b->len && n <= b->max - b->len) {
		if (n > 0)
			memcpy(b->data + b->len, p, n);
		b->len += n;
		b->data[b->len] = '\0';
		return (0);
	}
	return (buf_add_grow(b, p, n));
}

#endif
