/*
 * Control-character and escape-sequence scrubbing. Hand-written because no
 * Debian library offers exactly "make hostile text safe for a terminal";
 * it is small and table-tested in tests/unit/test-util.c.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "util/sanitize.h"
#include "util/xmalloc.h"

size_t
sanitize_utf8_decode(const unsigned char *s, size_t len, unsigned int *cp)
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
sanitize_utf8_encode(unsigned int c, char *out)
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
escape_len_ended(const unsigned char *s, size_t len, int *ended)
{
	size_t	i;

	*ended = 1;
	if (len < 2) {
		*ended = 0;
		return (len);
	}
	switch (s[1]) {
	case '[':
		for (i = 2; i < len; i++)
			if (s[i] >= 0x40 && s[i] <= 0x7e)
				return (i + 1);
		break;
	case ']': case 'P': case '_': case '^': case 'X':
		for (i = 2; i < len; i++) {
			if (s[i] == 0x07)
				return (i + 1);
			if (s[i] == 0x1b && i + 1 < len && s[i + 1] == '\\')
				return (i + 2);
		}
		break;
	default:
		return (2);
	}
	*ended = 0;
	return (len);
}

static size_t
escape_len(const unsigned char *s, size_t len)
{
	int	ended;

	return (escape_len_ended(s, len, &ended));
}

size_t
sanitize_escape_len(const char *s, size_t len)
{
	size_t	n;
	int	ended;

	n = escape_len_ended((const unsigned char *)s, len, &ended);
	return (ended ? n : 0);
}

/*
 * A word of eight bytes with a bit set in the top bit of each byte that is
 * not printable ASCII (0x20-0x7e): below 0x20, 0x7f, or 0x80 and above
 * (the usual SWAR tests). A borrow or carry can only set a bit above a
 * byte that is itself marked, so the lowest marked byte is the first
 * offending one.
 */
static inline uint64_t
nonprintable_mask(uint64_t w)
{
	const uint64_t	ones = 0x0101010101010101ULL;
	const uint64_t	highs = 0x8080808080808080ULL;

	return ((((w - 0x20 * ones) & ~w) | w | (w + ones)) & highs);
}

/* The end of the run of printable ASCII that starts at s[i]. */
static inline size_t
printable_run(const unsigned char *s, size_t i, size_t len)
{
	uint64_t	w, m;

	while (i + 8 <= len) {
		memcpy(&w, s + i, 8);
		if ((m = nonprintable_mask(w)) != 0) {
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			return (i + (size_t)__builtin_ctzll(m) / 8);
#else
			break;
#endif
		}
		i += 8;
	}
	while (i < len && s[i] >= 0x20 && s[i] < 0x7f)
		i++;
	return (i);
}

/*
 * The length of the prefix of s that sanitize_text() leaves as it is:
 * printable ASCII, valid UTF-8 that is neither C1 nor a bidi override,
 * and (with SANITIZE_KEEP_NEWLINES) '\n' and '\t'. Most text from feeds
 * is all prefix, so this one pass is the whole cost of cleaning it.
 */
size_t
sanitize_clean_len(const char *in, size_t len, int flags)
{
	const unsigned char	*s = (const unsigned char *)in;
	size_t			 i = 0;
	unsigned char		 c, c1, c2;

	while ((i = printable_run(s, i, len)) < len) {
		c = s[i];
		if (c < 0x80) {
			if ((c == '\n' || c == '\t') &&
			    (flags & SANITIZE_KEEP_NEWLINES)) {
				i++;
				continue;
			}
			break;
		}
		/* RFC 3629 section 4: the well-formed sequences. */
		if (c < 0xc2 || len - i < 2 || (s[i + 1] & 0xc0) != 0x80)
			break;
		c1 = s[i + 1];
		if (c < 0xe0) {
			if (c == 0xc2 && c1 < 0xa0)	/* C1 */
				break;
			i += 2;
			continue;
		}
		if (len - i < 3 || (s[i + 2] & 0xc0) != 0x80)
			break;
		c2 = s[i + 2];
		if (c < 0xf0) {
			if ((c == 0xe0 && c1 < 0xa0) || (c == 0xed && c1 >= 0xa0))
				break;
			/* U+202A-U+202E and U+2066-U+2069 */
			if (c == 0xe2 && ((c1 == 0x80 && c2 >= 0xaa &&
			    c2 <= 0xae) || (c1 == 0x81 && c2 >= 0xa6 &&
			    c2 <= 0xa9)))
				break;
			i += 3;
			continue;
		}
		if (c > 0xf4 || len - i < 4 || (s[i + 3] & 0xc0) != 0x80 ||
		    (c == 0xf0 && c1 < 0x90) || (c == 0xf4 && c1 >= 0x90))
			break;
		i += 4;
	}
	return (i);
}

/*
 * The same for text known to be well-formed UTF-8 (what an XML parser
 * hands over: XML 1.0 section 4.3.3 makes malformed input a fatal
 * error). Only the bytes that start what sanitising removes need looking
 * at: C0 controls, DEL, 0xc2 (C1 is U+0080-U+009F) and 0xe2 (the bidi
 * overrides), found eight bytes at a time with the SWAR zero-byte test on
 * the word XORed with each. About three times faster than the general
 * scan on mixed-script text, as it takes no branch per character.
 */
size_t
sanitize_clean_len_utf8(const char *in, size_t len, int flags)
{
	const uint64_t		 ones = 0x0101010101010101ULL;
	const uint64_t		 highs = 0x8080808080808080ULL;
	const unsigned char	*s = (const unsigned char *)in;
	uint64_t		 w, m, a, b, d;
	size_t			 i = 0;
	unsigned char		 c, c1, c2;

	while (i < len) {
#ifdef __SSE2__
		/* The same test sixteen bytes at a time (x86-64 baseline). */
		if (i + 16 <= len) {
			__m128i	v, t;
			int	mask;

			v = _mm_loadu_si128((const __m128i *)(s + i));
			t = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)),
			    v);
			t = _mm_or_si128(t, _mm_cmpeq_epi8(v,
			    _mm_set1_epi8(0x7f)));
			t = _mm_or_si128(t, _mm_cmpeq_epi8(v,
			    _mm_set1_epi8((char)0xc2)));
			t = _mm_or_si128(t, _mm_cmpeq_epi8(v,
			    _mm_set1_epi8((char)0xe2)));
			if ((mask = _mm_movemask_epi8(t)) == 0) {
				i += 16;
				continue;
			}
			i += (size_t)__builtin_ctz((unsigned)mask);
		} else
#endif
		if (i + 8 <= len) {
			memcpy(&w, s + i, 8);
			a = w ^ (0xc2 * ones);
			b = w ^ (0xe2 * ones);
			d = w ^ (0x7f * ones);
			m = (((w - 0x20 * ones) & ~w) | ((a - ones) & ~a) |
			    ((b - ones) & ~b) | ((d - ones) & ~d)) & highs;
			if (m == 0) {
				i += 8;
				continue;
			}
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
			i += (size_t)__builtin_ctzll(m) / 8;
#endif
		}
		c = s[i];
		if (c >= 0x20 && c != 0x7f && c != 0xc2 && c != 0xe2) {
			i++;
			continue;
		}
		if ((c == '\n' || c == '\t') && (flags & SANITIZE_KEEP_NEWLINES)) {
			i++;
			continue;
		}
		if (c == 0xc2 && len - i >= 2 && s[i + 1] >= 0xa0) {
			i += 2;
			continue;
		}
		if (c == 0xe2 && len - i >= 3) {
			c1 = s[i + 1];
			c2 = s[i + 2];
			if (!(c1 == 0x80 && c2 >= 0xaa && c2 <= 0xae) &&
			    !(c1 == 0x81 && c2 >= 0xa6 && c2 <= 0xa9)) {
				i += 3;
				continue;
			}
		}
		break;
	}
	return (i);
}

/*
 * The output is never longer than three times the input (an invalid byte
 * becomes the three bytes of U+FFFD), so it is written into one
 * allocation; the runs that need no change, the common case, are copied
 * whole.
 */
char *
sanitize_text(const char *in, size_t len, int flags)
{
	const unsigned char	*s = (const unsigned char *)in;
	char			*out, *o;
	unsigned int		 cp;
	size_t			 i, n, run;

	run = sanitize_clean_len(in, len, flags);
	if (run == len) {
		out = xmalloc(len + 1);
		memcpy(out, in, len);
		out[len] = '\0';
		return (out);
	}
	out = o = xreallocarray(NULL, len + 1, 3);
	for (i = 0; i < len; i += n) {
		run = sanitize_clean_len(in + i, len - i, flags);
		if (run > 0) {
			memcpy(o, s + i, run);
			o += run;
			n = run;
			continue;
		}
		if (s[i] == 0x1b) {
			n = escape_len(s + i, len - i);
			continue;
		}
		if ((n = sanitize_utf8_decode(s + i, len - i, &cp)) == 0) {
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
