/*
 * Scrubbing of text that came from the network before it reaches a
 * terminal or any output: DESIGN.md "Safety rules".
 */
#ifndef TIDINGS_UTIL_SANITIZE_H
#define TIDINGS_UTIL_SANITIZE_H

#include <stddef.h>

/* Flags for sanitize_text(). */
#define SANITIZE_KEEP_NEWLINES	0x1	/* keep '\n' and '\t' (else: spaces) */

/*
 * Return a new string holding s (len bytes) as valid UTF-8 with every C0
 * and C1 control character, DEL and terminal escape sequence removed.
 * Invalid UTF-8 bytes become U+FFFD.
 */
char	*sanitize_text(const char *s, size_t len, int flags);
/* The length of the prefix of s that sanitize_text() would not change. */
size_t	 sanitize_clean_len(const char *s, size_t len, int flags);
/* The same for s known to be well-formed UTF-8 (from an XML parser). */
size_t	 sanitize_clean_len_utf8(const char *s, size_t len, int flags);

/*
 * The length of the terminal escape sequence at s (s[0] is ESC), or 0 when
 * it does not end within len bytes.
 */
size_t	 sanitize_escape_len(const char *s, size_t len);

/* Decode one UTF-8 sequence; returns its length, or 0 when invalid. */
size_t	 sanitize_utf8_decode(const unsigned char *, size_t, unsigned int *);
/* Encode a code point; returns the length (1-4) written to out[4]. */
size_t	 sanitize_utf8_encode(unsigned int, char *);

#endif
