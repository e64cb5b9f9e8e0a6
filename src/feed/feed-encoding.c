/*
 * The encoding front end: sniff the document's encoding (BOM, byte
 * pattern, HTTP charset, XML declaration; XML 1.0 appendix F), then hand
 * expat either the bytes as they are (UTF-8 and UTF-16, which expat reads
 * natively) or UTF-8 that we transcode on the fly.
 *
 * Why transcode instead of expat's unknown-encoding handler: that handler
 * only describes encodings whose first byte tells the sequence length and
 * that leave ASCII alone. UTF-32, ISO-2022-JP (stateful) and friends fall
 * outside it, while iconv covers every charset glibc knows, streaming.
 * ISO-8859-1 and US-ASCII are read as windows-1252, as browsers do
 * (DESIGN.md), with a small table instead of iconv.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "feed/feed-int.h"
#include "util/sanitize.h"
#include "util/xmalloc.h"

enum {
	ENC_SNIFF,	/* collecting the first bytes */
	ENC_PASS,	/* bytes go to expat unchanged */
	ENC_ICONV,	/* iconv to UTF-8 */
	ENC_CP1252	/* our table to UTF-8 */
};

#define SNIFF_MAX	1024	/* bytes to look at for an XML declaration */

/* windows-1252 0x80-0x9f; the five holes keep their C1 code point. */
static const unsigned short cp1252_c1[32] = {
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178
};

unsigned int
feed_encoding_cp1252(unsigned char c)
{
	if (c >= 0x80 && c < 0xa0)
		return (cp1252_c1[c - 0x80]);
	return (c);
}

static bool
is_latin1_name(const char *n)
{
	static const char *const names[] = {
		"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1",
		"l1", "us-ascii", "ascii", "windows-1252", "cp1252",
		"x-cp1252", "ansi_x3.4-1968", "iso-ir-100", "cp819", "ibm819"
	};
	size_t	i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(n, names[i]) == 0)
			return (true);
	return (false);
}

static bool
is_utf8_name(const char *n)
{
	return (strcasecmp(n, "utf-8") == 0 || strcasecmp(n, "utf8") == 0);
}

static bool
is_utf16_name(const char *n)
{
	return (strncasecmp(n, "utf-16", 6) == 0 ||
	    strncasecmp(n, "utf16", 5) == 0 || strcasecmp(n, "ucs-2") == 0);
}

/* The encoding="..." of an ASCII-compatible XML declaration, or NULL. */
static char *
declared_encoding(const char *s, size_t len)
{
	const char	*end, *e, *q;
	char		 quote;

	if (len < 6 || memcmp(s, "<?xml", 5) != 0)
		return (NULL);
	if ((end = memmem(s, len, "?>", 2)) == NULL)
		return (NULL);
	if ((e = memmem(s, (size_t)(end - s), "encoding", 8)) == NULL)
		return (NULL);
	e += 8;
	while (e < end && (*e == ' ' || *e == '\t' || *e == '\r' ||
	    *e == '\n' || *e == '='))
		e++;
	if (e >= end || (*e != '"' && *e != '\''))
		return (NULL);
	quote = *e++;
	if ((q = memchr(e, quote, (size_t)(end - e))) == NULL || q == e ||
	    q - e > 40)
		return (NULL);
	return (xstrndup(e, (size_t)(q - e)));
}

static void
use_iconv(struct feed_parser *p, const char *from)
{
	p->cd = iconv_open("UTF-8", from);
	if (p->cd == (iconv_t)-1) {
		feed_parser_error(p, "unknown encoding '%s', read as UTF-8", from);
		p->enc_state = ENC_PASS;
		feed_parser_create_xml(p, "UTF-8");
		return;
	}
	p->enc_state = ENC_ICONV;
	feed_parser_create_xml(p, "UTF-8");
}

/* Decide how to read the document from its first bytes. */
static void
sniff(struct feed_parser *p, const unsigned char *s, size_t n)
{
	char			*decl = NULL;
	const char		*name;

	if (n >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xfe && s[3] == 0xff)
		use_iconv(p, "UTF-32BE");
	else if (n >= 4 && s[0] == 0xff && s[1] == 0xfe && s[2] == 0 &&
	    s[3] == 0)
		use_iconv(p, "UTF-32LE");
	else if (n >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0 && s[3] != 0)
		use_iconv(p, "UTF-32BE");
	else if (n >= 4 && s[0] != 0 && s[1] == 0 && s[2] == 0 && s[3] == 0)
		use_iconv(p, "UTF-32LE");
	else if (n >= 2 && ((s[0] == 0xfe && s[1] == 0xff) ||
	    (s[0] == 0xff && s[1] == 0xfe))) {
		if (p->recovering)
			use_iconv(p, "UTF-16");
		else {
			p->enc_state = ENC_PASS;
			feed_parser_create_xml(p, NULL);
		}
	} else if (n >= 2 && s[0] == 0 && s[1] != 0)
		use_iconv(p, "UTF-16BE");
	else if (n >= 2 && s[0] != 0 && s[1] == 0)
		use_iconv(p, "UTF-16LE");
	else if (n >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf) {
		p->lenient_ok = p->input_utf8 = p->pass_utf8 = true;
		p->enc_state = ENC_PASS;
		feed_parser_create_xml(p, "UTF-8");
	} else {
		/* ASCII-compatible: HTTP charset, then the declaration. */
		/*
		 * Only the first SNIFF_MAX bytes, however many the first
		 * push brought, so a document reads the same whole or
		 * streamed.
		 */
		decl = declared_encoding((const char *)s,
		    n < SNIFF_MAX ? n : SNIFF_MAX);
		name = p->http_charset != NULL ? p->http_charset : decl;
		p->lenient_ok = true;
		if (name == NULL || is_utf8_name(name) || is_utf16_name(name)) {
			p->input_utf8 = p->pass_utf8 = true;
			p->enc_state = ENC_PASS;
			feed_parser_create_xml(p, "UTF-8");
		} else if (is_latin1_name(name)) {
			p->enc_state = ENC_CP1252;
			feed_parser_create_xml(p, "UTF-8");
		} else
			use_iconv(p, name);
		free(decl);
	}
}

/* windows-1252 to UTF-8, into expat. */
static int
push_cp1252(struct feed_parser *p, const char *data, size_t len, bool final)
{
	char		 out[4096 * 3 + 8];
	size_t		 i, o = 0;
	unsigned char	 c;
	int		 rc = 0;

	for (i = 0; i < len; i++) {
		c = (unsigned char)data[i];
		if (c < 0x80)
			out[o++] = (char)c;
		else
			o += sanitize_utf8_encode(feed_encoding_cp1252(c), out + o);
		if (o >= sizeof out - 8) {
			if ((rc = feed_parser_xml_feed(p, out, o, false)) != 0)
				return (rc);
			o = 0;
		}
	}
	return (feed_parser_xml_feed(p, out, o, final));
}

/* iconv to UTF-8, into expat; an incomplete tail waits for more input. */
static int
push_iconv(struct feed_parser *p, const char *data, size_t len, bool final)
{
	char	 in[4096 + sizeof p->carry], out[4096 * 4];
	char	*ip, *op;
	size_t	 il, ol, take, r;
	int	 rc = 0;

	while (len > 0 || (final && p->ncarry > 0)) {
		memcpy(in, p->carry, p->ncarry);
		take = len < 4096 ? len : 4096;
		memcpy(in + p->ncarry, data, take);
		data += take;
		len -= take;
		il = p->ncarry + take;
		p->ncarry = 0;
		ip = in;
		while (il > 0) {
			op = out;
			ol = sizeof out;
			r = iconv(p->cd, &ip, &il, &op, &ol);
			if (op > out &&
			    (rc = feed_parser_xml_feed(p, out, (size_t)(op - out),
			    false)) != 0)
				return (rc);
			if (r != (size_t)-1 || errno == E2BIG)
				continue;
			if (errno == EINVAL && !final && il < sizeof p->carry) {
				memcpy(p->carry, ip, il);
				p->ncarry = il;
				break;
			}
			/* Invalid (or truncated at the end): U+FFFD, go on. */
			if (!p->recovering)
				feed_parser_error(p, "invalid byte sequence for the "
				    "document's encoding");
			if ((rc = feed_parser_xml_feed(p, "\xef\xbf\xbd", 3,
			    false)) != 0)
				return (rc);
			ip++;
			il--;
		}
		if (final && len == 0)
			break;
	}
	if (final)
		return (feed_parser_xml_feed(p, "", 0, true));
	return (rc);
}

/* Whether the first n bytes are enough to tell the encoding. */
static bool
can_sniff(const char *h, size_t n, bool final)
{
	if (final || n >= SNIFF_MAX)
		return (true);
	if (n < 4)
		return (false);
	/* An XML declaration: wait for its end. */
	return (n < 5 || memcmp(h, "<?xml", 5) != 0 ||
	    memmem(h, n, "?>", 2) != NULL);
}

/*
 * Push len bytes of the document (final: no more will come). Returns 0,
 * or -1 once expat has stopped.
 */
int
feed_encoding_push(struct feed_parser *p, const char *data, size_t len,
    bool final)
{
	if (p->enc_state == ENC_SNIFF) {
		/* A first push long enough to sniff is not copied. */
		if (p->head.len == 0 && can_sniff(data, len, final)) {
			sniff(p, (const unsigned char *)data, len);
			buf_fini(&p->head);
		} else {
			if (buf_add(&p->head, data, len) != 0)
				fatal("sniff buffer");
			if (!can_sniff(p->head.data, p->head.len, final))
				return (0);
			sniff(p, (const unsigned char *)p->head.data,
			    p->head.len);
			data = p->head.data;
			len = p->head.len;
		}
	}
	switch (p->enc_state) {
	case ENC_ICONV:
		return (push_iconv(p, data, len, final));
	case ENC_CP1252:
		return (push_cp1252(p, data, len, final));
	default:
		return (feed_parser_xml_feed(p, data, len, final));
	}
}

void
feed_encoding_fini(struct feed_parser *p)
{
	if (p->enc_state == ENC_ICONV && p->cd != (iconv_t)-1)
		iconv_close(p->cd);
	p->enc_state = ENC_SNIFF;
	buf_fini(&p->head);
}
