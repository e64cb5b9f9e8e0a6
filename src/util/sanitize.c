/*
 * Control-character and escape-sequence scrubbing. Hand-written because no
 * Debian library offers exactly "make hostile text safe for a terminal";
 * it is small and table-tested in tests/unit/test-util.c.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/sanitize.h"
#include "util/xmalloc.h"

size_t
utf8_decode(const unsigned char *s, size_t len, unsigned int *cp)
{
	unsigned int	c, min;
	size_t		n, i;

	if (len == 0)
		return (0);
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return (1);
	} else if ((c & 0xe0) == 0xc0) {
		n = 2; c &= 0x1f; min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		n = 3; c &= 0x0f; min = 0x800;
	} else if ((c & 0xf8) == 0xf0) {
		n = 4; c &= 0x07; min = 0x10000;
	} else
		return (0);
	if (len < n)
		return (0);
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return (0);
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return (0);
	*cp = c;
	return (n);
}

size_t
utf8_encode(unsigned int c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return (1);
	} else if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		return (2);
	} else if (c < 0x10000) {
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return (3);
	}
	out[0] = (char)(0xf0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return (4);
}

/*
 * Length of the escape sequence starting at s[0] == ESC (ECMA-48): CSI
 * runs to a final byte 0x40-0x7e, OSC/DCS/APC/PM/SOS to BEL or ESC \,
 * anything else is ESC plus one byte.
 */
static size_t
escape_len(const unsigned char *s, size_t len)
{
	size_t	i;

	if (len < 2)
		return (len);
	switch (s[1]) {
	case '[':
		for (i = 2; i < len; i++)
			if (s[i] >= 0x40 && s[i] <= 0x7e)
				return (i + 1);
		return (len);
	case ']': case 'P': case '_': case '^': case 'X':
		for (i = 2; i < len; i++) {
			if (s[i] == 0x07)
				return (i + 1);
			if (s[i] == 0x1b && i + 1 < len && s[i + 1] == '\\')
				return (i + 2);
		}
		return (len);
	default:
		return (2);
	}
}

/*
 * The end of the run of printable ASCII that starts at s[i], eight bytes
 * at a time: a word has no byte outside 0x20-0x7e when no byte is below
 * 0x20 and none has its top bit set after adding one (the usual SWAR
 * tests; a carry can only cause a false alarm, never a miss).
 */
static size_t
printable_run(const unsigned char *s, size_t i, size_t len)
{
	const uint64_t	ones = 0x0101010101010101ULL;
	const uint64_t	highs = 0x8080808080808080ULL;
	uint64_t	w;

	while (i + 8 <= len) {
		memcpy(&w, s + i, 8);
		if ((((w - 0x20 * ones) & ~w) | w | (w + ones)) & highs)
			break;
		i += 8;
	}
	while (i < len && s[i] >= 0x20 && s[i] < 0x7f)
		i++;
	return (i);
}

/*
 * The output is never longer than three times the input (an invalid byte
 * becomes the three bytes of U+FFFD), so it is written into one
 * allocation; runs of printable ASCII, the common case, are copied whole.
 */
char *
sanitize_text(const char *in, size_t len, int flags)
{
	const unsigned char	*s = (const unsigned char *)in;
	char			*out, *o;
	unsigned int		 cp;
	size_t			 i, n, run;

	out = o = xreallocarray(NULL, len + 1, 3);
	for (i = 0; i < len; i += n) {
		run = printable_run(s, i, len);
		if (run > i) {
			memcpy(o, s + i, run - i);
			o += run - i;
			n = run - i;
			continue;
		}
		if (s[i] == 0x1b) {
			n = escape_len(s + i, len - i);
			continue;
		}
		/* Common well-formed two- and three-byte characters. */
		if (s[i] >= 0xc3 && s[i] <= 0xdf && i + 1 < len &&
		    (s[i + 1] & 0xc0) == 0x80) {
			o[0] = (char)s[i];
			o[1] = (char)s[i + 1];
			o += 2;
			n = 2;
			continue;
		}
		if (((s[i] >= 0xe1 && s[i] <= 0xec) || s[i] == 0xee ||
		    s[i] == 0xef) && s[i] != 0xe2 && i + 2 < len &&
		    (s[i + 1] & 0xc0) == 0x80 && (s[i + 2] & 0xc0) == 0x80) {
			memcpy(o, s + i, 3);
			o += 3;
			n = 3;
			continue;
		}
		if ((n = utf8_decode(s + i, len - i, &cp)) == 0) {
			memcpy(o, "\xef\xbf\xbd", 3);
			o += 3;
			n = 1;
			continue;
		}
		if (cp == '\n' || cp == '\t') {
			*o++ = (flags & SANITIZE_KEEP_NEWLINES) ? (char)cp : ' ';
			continue;
		}
		/* C0, DEL, C1; and the bidi overrides that can disguise text. */
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			continue;
		memcpy(o, s + i, n);
		o += n;
	}
	*o = '\0';
	return (xreallocarray(out, (size_t)(o - out) + 1, 1));
}
