/*
 * The streaming feed parser: expat in namespace mode, an element stack,
 * and the capture of element content. What elements mean is in
 * feed-elements.c; how bytes become characters is in feed-encoding.c.
 *
 * A document that is not well-formed keeps what was read before the error.
 * When the input is small enough to have been kept, a second, lenient pass
 * (bare '&' and '<' escaped, invalid UTF-8 read as windows-1252) gets
 * further, and its result is used while the first pass's errors are
 * reported.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "feed/feed-int.h"
#include "html/html.h"
#include "util/sanitize.h"
#include "util/url.h"
#include "util/xmalloc.h"

#define NS_SEP		'\x01'
#define RAW_MAX		(8u << 20)	/* kept for the lenient pass */
#define LENIENT_ESC_MAX	256		/* longest escape sequence cut */
#define MAX_ERRORS	20
#define PARSE_CHUNK_MAX	(1u << 30)	/* bytes in one XML_Parse call */

static const char xml_ns[] = "http://www.w3.org/XML/1998/namespace";

void
feed_parser_error_line(struct feed_parser *p, unsigned long line,
    const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	if (p->recovering || p->doc->nerrors >= MAX_ERRORS)
		return;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	if (line > 0)
		feed_doc_add_error(p->doc, xasprintf("line %lu: %s", line, msg));
	else
		feed_doc_add_error(p->doc, xstrdup(msg));
	free(msg);
}

/* Line breaks in s as expat counts them: LF, CR and CR LF one each. */
static unsigned long
count_breaks(const char *s, size_t len)
{
	const char	*q = s, *end = s + len;
	unsigned long	 n = 0;

#ifdef __SSE2__
	/*
	 * Lines are short: count LFs sixteen bytes at a time, not by memchr.
	 * Each byte of acc counts the LFs in its column (a match is -1), for
	 * up to 255 blocks; psadbw then adds the sixteen counts up.
	 */
	while (end - q >= 16) {
		__m128i	acc = _mm_setzero_si128(), sum;
		int	k;

		for (k = 0; k < 255 && end - q >= 16; k++, q += 16)
			acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(_mm_loadu_si128(
			    (const __m128i *)q), _mm_set1_epi8('\n')));
		sum = _mm_sad_epu8(acc, _mm_setzero_si128());
		n += (unsigned long)_mm_cvtsi128_si32(sum) +
		    (unsigned long)_mm_extract_epi16(sum, 4);
	}
#endif
	for (; (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++)
		n++;
	for (q = s; (q = memchr(q, '\r', (size_t)(end - q))) != NULL; q++)
		if (q + 1 == end || q[1] != '\n')
			n++;
	return (n);
}

/*
 * The line of the current event. Expat counts a byte at a time, at about
 * a tenth of memchr's speed, which shows when the first error comes late
 * in a large document; when the whole document is here as expat reads it,
 * count its line breaks here, from where the last count stopped (never
 * backwards, as expat).
 */
static unsigned long
current_line(struct feed_parser *p)
{
	XML_Index	off;

	if (p->xp == NULL)
		return (0);
	if (p->whole == NULL || !p->pass_utf8)
		return ((unsigned long)XML_GetCurrentLineNumber(p->xp));
	if ((off = XML_GetCurrentByteIndex(p->xp)) >= 0 &&
	    (size_t)off > p->line_off) {
		p->lines += count_breaks(p->whole + p->line_off,
		    (size_t)off - p->line_off);
		p->line_off = (size_t)off;
	}
	return (p->lines + 1);
}

void
feed_parser_error(struct feed_parser *p, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	if (p->recovering || p->doc->nerrors >= MAX_ERRORS)
		return;
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	feed_parser_error_line(p, current_line(p), "%s", msg);
	free(msg);
}

/* The value of attribute ns:local (NS_NONE: unprefixed), or NULL. */
const char *
feed_parser_attr(const char **atts, enum ns ns, const char *local)
{
	const char	*sep;
	size_t		 i;

	for (i = 0; atts[i] != NULL; i += 2) {
		sep = strchr(atts[i], NS_SEP);
		if (sep == NULL) {
			if (ns == NS_NONE && strcmp(atts[i], local) == 0)
				return (atts[i + 1]);
		} else if (ns != NS_NONE && strcmp(sep + 1, local) == 0 &&
		    feed_elements_ns(atts[i], (size_t)(sep - atts[i])) == ns)
			return (atts[i + 1]);
	}
	return (NULL);
}

/* The frame n levels above the top (0: the top itself), or NULL. */
struct frame *
feed_parser_parent(struct feed_parser *p, size_t n)
{
	if (n >= p->depth)
		return (NULL);
	return (&p->stack[p->depth - 1 - n]);
}

void
feed_parser_begin_capture(struct feed_parser *p, struct frame *f, enum cap cap,
    enum textkind kind)
{
	f->cap = cap;
	f->kind = kind;
	p->cap_depth = p->depth;
	buf_reset(&p->text);
	p->dropped_len = 0;
	p->text_overflow = false;
}

/*
 * Append to the capture; past the ceiling, keep what fits and say so. The
 * text of an item past max_items is only measured, as nothing of it is
 * kept; it still reports the same error.
 */
static void
text_add(struct feed_parser *p, const char *s, size_t len)
{
	bool	dropped = p->cur != NULL && p->cur_dropped;
	size_t	room;

	if (dropped) {
		if (len <= p->lim.max_text - p->dropped_len) {
			p->dropped_len += len;
			return;
		}
		p->dropped_len = p->lim.max_text;
	} else if (buf_add(&p->text, s, len) == 0)
		return;
	if (p->text_overflow)
		return;
	if (!dropped) {
		room = p->text.max - p->text.len;
		/* Cut on a character boundary. */
		while (room > 0 && ((unsigned char)s[room] & 0xc0) == 0x80)
			room--;
		buf_add(&p->text, s, room);
	}
	p->text_overflow = true;
	feed_parser_error(p, "text longer than %zu bytes cut short",
	    p->lim.max_text);
}

/*
 * Append s to the capture, HTML-escaped (for serialised markup). When the
 * worst case (every byte a "&quot;") fits, escape straight into the
 * capture; otherwise escape aside and let text_add cut and report.
 */
static void
text_add_escaped(struct feed_parser *p, const char *s, size_t len,
    bool attr)
{
	struct buf	t;
	int		flags = attr ? HTML_ESCAPE_ATTR : 0;

	if (!(p->cur != NULL && p->cur_dropped) && !p->text_overflow &&
	    len <= (p->text.max - p->text.len) / 6) {
		html_escape_add(&p->text, s, len, flags);
		return;
	}
	buf_init(&t, 0);
	html_escape_add(&t, s, len, flags);
	text_add(p, t.data != NULL ? t.data : "", t.len);
	buf_fini(&t);
}

/* Void elements are serialised as "<br />", the others get an end tag. */
static bool
is_void_element(const char *local)
{
	return ((html_tags_name_flags(local) & HTML_TAG_VOID) != 0);
}

static const char *
local_name(const char *name)
{
	const char	*sep = strchr(name, NS_SEP);

	return (sep != NULL ? sep + 1 : name);
}

/* Serialise a start tag inside captured XHTML, without namespaces. */
static void
markup_start(struct feed_parser *p, const char *local, const char **atts)
{
	size_t	i;

	text_add(p, "<", 1);
	text_add(p, local, strlen(local));
	for (i = 0; atts[i] != NULL; i += 2) {
		const char *an = atts[i];

		if (strncmp(an, xml_ns, sizeof xml_ns - 1) == 0)
			continue;
		an = local_name(an);
		text_add(p, " ", 1);
		text_add(p, an, strlen(an));
		text_add(p, "=\"", 2);
		text_add_escaped(p, atts[i + 1], strlen(atts[i + 1]), true);
		text_add(p, "\"", 1);
	}
	if (is_void_element(local))
		text_add(p, " />", 3);
	else
		text_add(p, ">", 1);
}

/*
 * The first xml:base and xml:lang among atts (what feed_parser_attr() would
 * find for each), in one pass that compares the namespace URI directly.
 */
static void
xml_attrs(const char **atts, const char **base, const char **lang)
{
	const char	*an;
	size_t		 i;

	for (i = 0; atts[i] != NULL; i += 2) {
		an = atts[i];
		if (strncmp(an, xml_ns, sizeof xml_ns - 1) != 0 ||
		    an[sizeof xml_ns - 1] != NS_SEP)
			continue;
		an += sizeof xml_ns;
		if (*base == NULL && strcmp(an, "base") == 0)
			*base = atts[i + 1];
		else if (*lang == NULL && strcmp(an, "lang") == 0)
			*lang = atts[i + 1];
	}
}

static struct frame *
push_frame(struct feed_parser *p)
{
	struct frame	*f, *parent;

	if (p->depth == p->stack_cap) {
		p->stack_cap = p->stack_cap == 0 ? 32 : p->stack_cap * 2;
		p->stack = xreallocarray(p->stack, p->stack_cap,
		    sizeof *p->stack);
	}
	parent = p->depth > 0 ? &p->stack[p->depth - 1] : NULL;
	f = &p->stack[p->depth++];
	memset(f, 0, sizeof *f);
	f->base = parent != NULL ? parent->base : p->doc_base;
	f->xml_base = parent != NULL && parent->xml_base;
	f->lang = parent != NULL ? parent->lang : NULL;
	return (f);
}

static void
pop_frame(struct feed_parser *p)
{
	struct frame	*f = &p->stack[--p->depth];

	if (f->own_base)
		free((char *)f->base);
	free(f->own_lang);
	free(f->aux);
}

static void XMLCALL
on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct feed_parser	*p = ud;
	struct frame		*f, *cf;
	const char		*sep, *local, *base = NULL, *lang = NULL;

	if (p->stopped)
		return;
	if (p->depth >= p->lim.max_depth) {
		feed_parser_error(p, "elements nested deeper than %zu",
		    p->lim.max_depth);
		p->stopped = true;
		XML_StopParser(p->xp, XML_FALSE);
		return;
	}
	f = push_frame(p);
	sep = strchr(name, NS_SEP);
	f->ns = sep != NULL ? feed_elements_ns(name, (size_t)(sep - name)) :
	    NS_NONE;
	local = sep != NULL ? sep + 1 : name;
	if (p->root_name == NULL)
		p->root_name = feed_doc_clean_text(local, strlen(local), false);
	if (atts[0] != NULL)
		xml_attrs(atts, &base, &lang);
	if (base != NULL) {
		f->base = url_resolve(f->base, base);
		f->own_base = true;
		f->xml_base = true;
	}
	if (lang != NULL) {
		f->own_lang = xstrdup(lang);
		f->lang = f->own_lang;
	}

	if (p->cap_depth != 0) {
		cf = &p->stack[p->cap_depth - 1];
		f->el = EL_INSIDE;
		if (cf->cap != CAP_MARKUP)
			return;
		if (cf->skip_div && p->depth == p->cap_depth + 1 &&
		    cf->div_depth == 0 && f->ns == NS_XHTML &&
		    strcmp(local, "div") == 0) {
			cf->div_depth = (int)p->depth;
			f->attr = 1;	/* the wrapper: not serialised */
			return;
		}
		markup_start(p, local, atts);
		return;
	}
	feed_elements_start(p, f, local, atts);
}

static void XMLCALL
on_end(void *ud, const XML_Char *name)
{
	struct feed_parser	*p = ud;
	struct frame		*f, *cf;
	const char		*local;

	if (p->depth == 0)
		return;
	f = &p->stack[p->depth - 1];
	if (p->cap_depth != 0 && p->depth > p->cap_depth) {
		cf = &p->stack[p->cap_depth - 1];
		if (cf->cap == CAP_MARKUP && f->attr != 1 && name != NULL) {
			local = local_name(name);
			if (!is_void_element(local)) {
				text_add(p, "</", 2);
				text_add(p, local, strlen(local));
				text_add(p, ">", 1);
			}
		}
		pop_frame(p);
		return;
	}
	if (p->cap_depth == p->depth) {
		/* The capture buffer is lent, and kept for the next one. */
		p->cap_depth = 0;
		feed_elements_end(p, f, buf_str(&p->text), p->text.len);
		buf_reset(&p->text);
	} else
		feed_elements_end(p, f, NULL, 0);
	pop_frame(p);
}

static void XMLCALL
on_chars(void *ud, const XML_Char *s, int len)
{
	struct feed_parser	*p = ud;
	struct frame		*cf;

	if (p->cap_depth == 0 || len <= 0)
		return;
	cf = &p->stack[p->cap_depth - 1];
	if (cf->cap == CAP_MARKUP)
		text_add_escaped(p, s, (size_t)len, false);
	else
		text_add(p, s, (size_t)len);
}

/*
 * An entity the document uses but does not declare: real feeds use HTML's
 * (&nbsp; &eacute; ...) without a DTD. Decode those, and report them, as
 * the document is not well-formed XML.
 */
static void XMLCALL
on_skipped_entity(void *ud, const XML_Char *name, int is_pe)
{
	struct feed_parser	*p = ud;
	const char		*s;

	if (is_pe)
		return;
	if ((s = feed_entities_lookup(name)) != NULL) {
		if (p->html_entity_errors++ == 0)
			feed_parser_error(p, "undeclared entity &%s; read as HTML's",
			    name);
		on_chars(p, s, (int)strlen(s));
	} else {
		char *lit = xasprintf("&%s;", name);

		feed_parser_error(p, "undefined entity &%s;", name);
		on_chars(p, lit, (int)strlen(lit));
		free(lit);
	}
}

/*
 * External entities (and the DTD we ask for with XML_UseForeignDTD) are
 * never read: an empty external subset is parsed in their place, so no
 * local file or URL is ever opened.
 */
static int XMLCALL
on_external_entity(XML_Parser xp, const XML_Char *context,
    const XML_Char *base, const XML_Char *system_id,
    const XML_Char *public_id)
{
	XML_Parser	ep;

	if ((ep = XML_ExternalEntityParserCreate(xp, context, NULL)) == NULL)
		return (XML_STATUS_ERROR);
	XML_Parse(ep, "", 0, XML_TRUE);
	XML_ParserFree(ep);
	return (XML_STATUS_OK);
}

/*
 * Internal entities whose values use other entities are how expansion
 * bombs are built; no feed needs them, so the document is refused there
 * (expat's own amplification limit stays as a second line).
 */
static void XMLCALL
on_entity_decl(void *ud, const XML_Char *name, int is_pe,
    const XML_Char *value, int len, const XML_Char *base,
    const XML_Char *system_id, const XML_Char *public_id,
    const XML_Char *notation)
{
	struct feed_parser	*p = ud;

	/* External ones are simply never read (on_external_entity). */
	if (value == NULL || (memchr(value, '&', (size_t)len) == NULL &&
	    memchr(value, '%', (size_t)len) == NULL))
		return;
	feed_parser_error(p, "entity '%s' refused: it refers to other entities",
	    name);
	p->stopped = true;
	XML_StopParser(p->xp, XML_FALSE);
}

static void XMLCALL
on_ns_decl(void *ud, const XML_Char *prefix, const XML_Char *uri)
{
	struct feed_parser	*p = ud;
	enum ns			 ns;

	if (uri == NULL)
		return;
	if ((ns = feed_elements_ns(uri, strlen(uri))) == NS_RSS090)
		p->saw_rss090 = true;
	else if (ns == NS_RSS10)
		p->saw_rss10 = true;
}

void
feed_parser_create_xml(struct feed_parser *p, const char *encoding)
{
	static const XML_Char	ns_sep[] = { NS_SEP, '\0' };

	p->xp = XML_ParserCreate_MM(encoding, &feed_xmlmem_suite, ns_sep);
	if (p->xp == NULL)
		fatal("out of memory (expat)");
	XML_SetUserData(p->xp, p);
	XML_SetElementHandler(p->xp, on_start, on_end);
	XML_SetCharacterDataHandler(p->xp, on_chars);
	XML_SetSkippedEntityHandler(p->xp, on_skipped_entity);
	XML_SetStartNamespaceDeclHandler(p->xp, on_ns_decl);
	XML_SetEntityDeclHandler(p->xp, on_entity_decl);
	XML_SetExternalEntityRefHandler(p->xp, on_external_entity);
	XML_SetParamEntityParsing(p->xp,
	    XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE);
	XML_UseForeignDTD(p->xp, XML_TRUE);
}

/*
 * Feed bytes to expat; on a fatal error, record it (with its line). Once
 * expat has had its final bytes, later (empty) final pushes do nothing.
 */
int
feed_parser_xml_feed(struct feed_parser *p, const char *s, size_t len,
    bool final)
{
	enum XML_Error	err;
	size_t		n;

	if (p->stopped)
		return (-1);
	if (p->xml_final)
		return (0);
	for (;;) {
		/* XML_Parse takes an int. */
		n = len < PARSE_CHUNK_MAX ? len : PARSE_CHUNK_MAX;
		p->xml_final = final && n == len;
		if (XML_Parse(p->xp, s, (int)n, p->xml_final) ==
		    XML_STATUS_ERROR)
			break;
		if ((len -= n) == 0)
			return (0);
		s += n;
	}
	p->stopped = true;
	err = XML_GetErrorCode(p->xp);
	p->stopped_at_end = err == XML_ERROR_NO_ELEMENTS ||
	    err == XML_ERROR_UNCLOSED_TOKEN || err == XML_ERROR_PARTIAL_CHAR ||
	    err == XML_ERROR_UNCLOSED_CDATA_SECTION;
	if (err != XML_ERROR_ABORTED)
		feed_parser_error_line(p,
		    (unsigned long)XML_GetCurrentLineNumber(p->xp),
		    "not well-formed: %s (column %lu)", XML_ErrorString(err),
		    (unsigned long)XML_GetCurrentColumnNumber(p->xp) + 1);
	return (-1);
}

struct feed_parser *
feed_parser_new(const char *base_url, const char *charset,
    const struct feed_limits *lim)
{
	struct feed_parser	*p;

	p = xcalloc(1, sizeof *p);
	if (lim != NULL)
		p->lim = *lim;
	if (p->lim.max_text == 0)
		p->lim.max_text = 1u << 20;
	if (p->lim.max_items == 0)
		p->lim.max_items = 10000;
	if (p->lim.max_depth == 0)
		p->lim.max_depth = 256;
	p->doc_base = base_url != NULL ? xstrdup(base_url) : NULL;
	p->http_charset = charset != NULL && *charset != '\0' ?
	    xstrdup(charset) : NULL;
	p->cd = (iconv_t)-1;
	buf_init(&p->head, 0);
	buf_init(&p->raw, RAW_MAX);
	buf_init(&p->text, p->lim.max_text);
	p->doc = xcalloc(1, sizeof *p->doc);
	p->doc->meta.updated = p->doc->meta.published = FEED_TIME_NONE;
	p->doc->meta.ttl = -1;
	return (p);
}

int
feed_parser_push(struct feed_parser *p, const void *data, size_t len)
{
	int	rc;

	if (feed_jsonfeed_push(p, data, len, &rc))
		return (rc);
	if (!p->raw_overflow && buf_add(&p->raw, data, len) != 0) {
		p->raw_overflow = true;
		buf_fini(&p->raw);
	}
	if (p->stopped)
		return (-1);
	return (feed_encoding_push(p, data, len, false));
}

/*
 * Escape what makes a document fail only through sloppiness: a bare '&'
 * or '<' in text, and bytes that are not UTF-8 (read as windows-1252);
 * drop control bytes, and raw terminal escape sequences whole.
 */
static char *
lenient_copy(const char *s, size_t len, bool utf8, size_t *outlen)
{
	struct buf	 b;
	unsigned int	 cp;
	size_t		 i, n, k;
	char		 enc[4];

	buf_init(&b, 0);
	buf_add(&b, "", 0);
	for (i = 0; i < len; i += n) {
		unsigned char c = (unsigned char)s[i];

		n = 1;
		if (c == '&') {
			k = i + 1;
			if (k < len && s[k] == '#')
				k++;
			if (k + 1 < len && s[k - 1] == '#' && s[k] == 'X') {
				buf_adds(&b, "&#x");	/* &#X41; is HTML's */
				n = k + 1 - i;
				continue;
			}
			while (k < len && k - i < 40 &&
			    (isalnum((unsigned char)s[k]) || s[k] == '_' ||
			    s[k] == '-' || s[k] == '.'))
				k++;
			if (k < len && s[k] == ';' && k > i + 1)
				buf_addc(&b, '&');
			else
				buf_adds(&b, "&amp;");
		} else if (c == '<' && i + 1 < len &&
		    !isalpha((unsigned char)s[i + 1]) && s[i + 1] != '/' &&
		    s[i + 1] != '!' && s[i + 1] != '?' && s[i + 1] != '_' &&
		    s[i + 1] != ':')
			buf_adds(&b, "&lt;");
		else if (c == 0x1b && (k = sanitize_escape_len(s + i,
		    len - i < LENIENT_ESC_MAX ? len - i : LENIENT_ESC_MAX)) > 0 &&
		    memchr(s + i, '<', k) == NULL) {
			/* A terminal escape sequence, whole: dropping only its
			 * ESC would leave its payload as text. */
			n = k;
			continue;
		} else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			continue;	/* never legal in XML 1.0 */
		else if (c < 0x80 || !utf8)
			buf_addc(&b, (char)c);
		else if ((n = sanitize_utf8_decode((const unsigned char *)s + i,
		    len - i, &cp)) != 0)
			buf_add(&b, s + i, n);
		else {
			n = 1;
			buf_add(&b, enc,
			    sanitize_utf8_encode(feed_encoding_cp1252(c), enc));
		}
	}
	*outlen = b.len;
	return (buf_detach(&b));
}

/* Close every open element, so that what was read so far is kept. */
static void
unwind(struct feed_parser *p)
{
	while (p->depth > 0)
		on_end(p, NULL);
}

static struct feed_doc *
finish(struct feed_parser *p)
{
	struct feed_doc	*doc;

	if (!p->stopped)
		feed_encoding_push(p, "", 0, true);
	if (p->enc_state == 0 && !p->stopped)	/* nothing at all */
		feed_encoding_push(p, "", 0, true);
	unwind(p);
	feed_elements_finish_doc(p);
	if (p->doc->format == FEED_FORMAT_UNKNOWN && p->doc->nerrors == 0)
		feed_parser_error_line(p, 0, "not an RSS or Atom document%s%s%s",
		    p->root_name != NULL ? " (its root element is <" : "",
		    p->root_name != NULL ? p->root_name : "",
		    p->root_name != NULL ? ">)" : "");
	doc = p->doc;
	p->doc = NULL;
	return (doc);
}

/* Whether the lenient pass's document is better than the strict one's. */
static bool
better(const struct feed_doc *lenient, const struct feed_doc *strict)
{
	if (lenient->nitems != strict->nitems)
		return (lenient->nitems > strict->nitems);
	if (lenient->format != strict->format)
		return (strict->format == FEED_FORMAT_UNKNOWN);
	return (lenient->meta.title != NULL && strict->meta.title == NULL);
}

struct feed_doc *
feed_parser_finish(struct feed_parser *p)
{
	struct feed_parser	*p2;
	struct feed_doc		*doc, *doc2;
	char			*copy;
	size_t			 clen;
	bool			 failed, lenient_ok;

	if (feed_jsonfeed_active(p))
		return (feed_jsonfeed_finish(p));
	doc = finish(p);
	/*
	 * Broken before the end, or only cut short there (a truncated
	 * download keeps what was read). Told by expat's error, not by which
	 * push found it: expat may put off reading a token until more bytes
	 * come (its reparse deferral), so in a document pushed in small
	 * chunks an error in the middle can show only at the final push.
	 */
	failed = p->stopped && !p->stopped_at_end;
	if (failed && p->lenient_ok && !p->recovering && !p->raw_overflow &&
	    p->raw.len > 0) {
		p2 = feed_parser_new(p->doc_base, p->http_charset, &p->lim);
		p2->recovering = true;
		copy = lenient_copy(p->raw.data, p->raw.len, p->input_utf8,
		    &clen);
		feed_encoding_push(p2, copy, clen, false);
		free(copy);
		lenient_ok = !p2->stopped;
		doc2 = finish(p2);
		feed_parser_free(p2);
		if (lenient_ok || better(doc2, doc)) {
			/* Keep the strict pass's errors: the document is bad. */
			char	**errs = doc->errors;
			size_t	  nerrs = doc->nerrors;

			doc->errors = doc2->errors;
			doc->nerrors = doc2->nerrors;
			doc2->errors = errs;
			doc2->nerrors = nerrs;
			feed_doc_free(doc);
			doc = doc2;
		} else
			feed_doc_free(doc2);
	}
	feed_parser_free(p);
	return (doc);
}

void
feed_parser_free(struct feed_parser *p)
{
	if (p == NULL)
		return;
	p->cap_depth = 0;
	while (p->depth > 0)
		pop_frame(p);
	free(p->stack);
	if (p->xp != NULL)
		XML_ParserFree(p->xp);
	feed_encoding_fini(p);
	buf_fini(&p->raw);
	buf_fini(&p->text);
	buf_fini(&p->json);
	if (p->cur != NULL) {
		feed_doc_item_free(p->cur);
		free(p->cur);
	}
	free(p->media_title);
	free(p->source_author);
	free(p->root_name);
	feed_doc_free(p->doc);
	free(p->doc_base);
	free(p->http_charset);
	free(p);
}

/*
 * The whole document goes to expat in one final call. After every call
 * that is not final, expat counts lines and columns over the bytes it
 * consumed, one byte at a time (close to half of its time on the
 * benchmark feed); after the final call it does not, and counts only when
 * an error asks for a line number.
 *
 * A document broken before its end (not merely cut short) and small
 * enough for the lenient pass is read again, streamed, since that pass
 * reads the bytes a streamed parser keeps.
 */
struct feed_doc *
feed_parser_parse_buffer(const void *data, size_t len, const char *base_url,
    const char *charset, const struct feed_limits *lim)
{
	struct feed_parser	*p;

	if (feed_jsonfeed_detect(data, len))
		return (feed_jsonfeed_parse(data, len, base_url, lim));
	p = feed_parser_new(base_url, charset, lim);
	p->whole = data;
	feed_encoding_push(p, data, len, true);
	if (p->stopped && !p->stopped_at_end && p->lenient_ok && len > 0 &&
	    len <= RAW_MAX) {
		feed_parser_free(p);
		p = feed_parser_new(base_url, charset, lim);
		feed_parser_push(p, data, len);
	}
	return (feed_parser_finish(p));
}

/* For --version: the expat the program runs with, without its prefix. */
const char *
feed_parser_expat_version(void)
{
	const char	*v = XML_ExpatVersion();

	return (strncmp(v, "expat_", 6) == 0 ? v + 6 : v);
}
