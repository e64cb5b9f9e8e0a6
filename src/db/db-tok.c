/*
 * unicode61, with what it knows of each character remembered. FTS5's
 * unicode61 looks up every character outside ASCII in its tables twice
 * (its category, then its folding: binary searches, hundreds of
 * instructions), which made accented and non-Latin text most of the
 * index's cost. FTS5 offers no way to reach those tables, so this file
 * walks the text as unicode61 does (the same reading of UTF-8, broken
 * sequences included, the same rule for where a token starts and ends)
 * and asks the unicode61 instance itself, once per character, what that
 * character is: it tokenizes the character alone, and between two
 * letters. What it answers is all unicode61 uses (a character is a
 * token character, or continues a token only, as a diacritic does, or
 * separates; and what it folds to), so the tokens are the same, for the
 * arguments the instance was made with (remove_diacritics, tokenchars,
 * separators, categories) and for the SQLite linked.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db/db-tok.h"
#include "util/xmalloc.h"

/* What a character is to the tokenizer (0: not asked yet). */
#define DB_TOK_SEP	1	/* separates tokens */
#define DB_TOK_WORD	2	/* starts or continues a token */
#define DB_TOK_MARK	3	/* continues a token, starts none */

/* Characters remembered, by code point modulo this: the whole of the
 * Basic Multilingual Plane without a collision (768 KB, made on the
 * first character outside ASCII). */
#define DB_TOK_MEMO	65536

struct db_tok_char {
	uint32_t	 cp;
	uint8_t		 kind;
	uint8_t		 flen;		/* bytes of fold */
	char		 fold[6];	/* what it folds to, UTF-8 */
};

struct db_tok {
	const fts5_tokenizer	*api;
	Fts5Tokenizer		*u61;
	unsigned char		 ascii[128];	/* a token character's
						 * folding, 0 for others */
	char			 letter;	/* one of them, for asking */
	int			 usable;	/* found one: else all goes
						 * to u61 */
	struct db_tok_char	*memo;
	char			*out;		/* the token being made */
	size_t			 outcap;
};

/* As unicode61's own table for reading UTF-8 (sqlite3Utf8Trans1). */
static const unsigned char db_tok_trans1[64] = {
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
	0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
	0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
	0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
	0x00, 0x01, 0x02, 0x03, 0x00, 0x01, 0x00, 0x00,
};

/*
 * One character at *p (not ASCII), read as unicode61 reads it: a lead
 * byte takes every continuation byte after it, whatever their number,
 * and what is no character becomes U+FFFD; a stray continuation byte is
 * itself a code point.
 */
static inline uint32_t
db_tok_read(const unsigned char **p, const unsigned char *end)
{
	const unsigned char	*s = *p;
	uint32_t		 c = *s++;

	if (c >= 0xc0) {
		c = db_tok_trans1[c - 0xc0];
		while (s < end && (*s & 0xc0) == 0x80)
			c = (c << 6) + (0x3f & *s++);
		if (c < 0x80 || (c & 0xfffff800) == 0xd800 ||
		    (c & 0xfffffffe) == 0xfffe)
			c = 0xfffd;
	}
	*p = s;
	return (c);
}

/* The tokens u61 makes of a probe: how many, and the first's text. */
struct db_tok_probe {
	int	 n;
	char	 first[16];
	size_t	 flen;
	int	 fit;
};

static int
db_tok_probe_token(void *ctx, int flags, const char *tok, int len, int start,
    int end)
{
	struct db_tok_probe	*pr = ctx;

	(void)flags;
	(void)start;
	(void)end;
	if (pr->n++ == 0) {
		pr->fit = len >= 0 && (size_t)len <= sizeof pr->first;
		if (pr->fit) {
			memcpy(pr->first, tok, (size_t)len);
			pr->flen = (size_t)len;
		}
	}
	return (SQLITE_OK);
}

static void
db_tok_probe(struct db_tok *t, const char *s, size_t len,
    struct db_tok_probe *pr)
{
	memset(pr, 0, sizeof *pr);
	if (t->api->xTokenize(t->u61, pr, FTS5_TOKENIZE_DOCUMENT, s, (int)len,
	    db_tok_probe_token) != SQLITE_OK)
		pr->n = -1;
}

/*
 * What the character of bytes s (len of them, as read) is, asked of
 * u61: alone it makes a token (of its folding) when it can start one;
 * else between two letters it is either part of their token (folded to
 * what is between them, maybe nothing) or a separator. 0 when u61
 * answers anything else: the text then goes to u61 itself.
 */
static int
db_tok_ask(struct db_tok *t, const char *s, size_t len,
    struct db_tok_char *ch)
{
	struct db_tok_probe	 pr;
	char			 small[64], *buf = small;
	int			 ok = 0;

	db_tok_probe(t, s, len, &pr);
	if (pr.n == 1 && pr.fit && pr.flen <= sizeof ch->fold) {
		ch->kind = DB_TOK_WORD;
		memcpy(ch->fold, pr.first, pr.flen);
		ch->flen = (uint8_t)pr.flen;
		return (1);
	}
	if (pr.n != 0)
		return (0);
	/* Any length: a character may be a lead byte and any number of
	 * continuation bytes, and whether the same character asked again
	 * (after another took its place here) gets the same answer must
	 * not depend on its bytes. */
	if (len + 2 > sizeof small)
		buf = xmalloc(len + 2);
	buf[0] = t->letter;
	memcpy(buf + 1, s, len);
	buf[len + 1] = t->letter;
	db_tok_probe(t, buf, len + 2, &pr);
	if (pr.n == 2) {
		ch->kind = DB_TOK_SEP;
		ch->flen = 0;
		ok = 1;
	} else if (pr.n == 1 && pr.fit && pr.flen >= 2 && pr.flen - 2 <=
	    sizeof ch->fold && pr.first[0] == t->letter &&
	    pr.first[pr.flen - 1] == t->letter) {
		ch->kind = DB_TOK_MARK;
		ch->flen = (uint8_t)(pr.flen - 2);
		memcpy(ch->fold, pr.first + 1, ch->flen);
		ok = 1;
	}
	if (buf != small)
		free(buf);
	return (ok);
}

/* The character cp, of bytes s, remembered or asked; NULL: u61 answered
 * what this file does not model. */
static const struct db_tok_char *
db_tok_char_slow(struct db_tok *t, uint32_t cp, const char *s, size_t len,
    struct db_tok_char *tmp)
{
	struct db_tok_char	*ch = tmp;

	if (cp <= 0x10ffff) {
		if (t->memo == NULL)
			t->memo = xcalloc(DB_TOK_MEMO, sizeof *t->memo);
		ch = &t->memo[cp & (DB_TOK_MEMO - 1)];
	}
	if (!db_tok_ask(t, s, len, ch)) {
		ch->kind = 0;
		return (NULL);
	}
	ch->cp = cp;
	return (ch);
}

static inline const struct db_tok_char *
db_tok_char(struct db_tok *t, uint32_t cp, const char *s, size_t len,
    struct db_tok_char *tmp)
{
	const struct db_tok_char	*ch;

	if (cp <= 0x10ffff && t->memo != NULL) {
		ch = &t->memo[cp & (DB_TOK_MEMO - 1)];
		if (ch->kind != 0 && ch->cp == cp)
			return (ch);
	}
	return (db_tok_char_slow(t, cp, s, len, tmp));
}

/* Every character of text outside ASCII known (asked now if need be):
 * tokens can then be handed out without ever needing u61 midway. */
static int
db_tok_known(struct db_tok *t, const unsigned char *p,
    const unsigned char *end)
{
	const unsigned char	*q;
	struct db_tok_char	 tmp;
	uint64_t		 w;
	uint32_t		 cp;

	while (p < end) {
		if (end - p >= 8) {
			memcpy(&w, p, 8);
			if ((w & 0x8080808080808080u) == 0) {
				p += 8;
				continue;
			}
		}
		if ((*p & 0x80) == 0) {
			p++;
			continue;
		}
		q = p;
		cp = db_tok_read(&p, end);
		if (db_tok_char(t, cp, (const char *)q, (size_t)(p - q),
		    &tmp) == NULL)
			return (0);
	}
	return (1);
}

/* Room in the token buffer for o bytes and a character more. */
static char *
db_tok_room(struct db_tok *t, size_t o)
{
	if (o + 8 > t->outcap) {
		t->outcap = (o + 8) * 2;
		t->out = xreallocarray(t->out, t->outcap, 1);
	}
	return (t->out);
}

int
db_tok_run(struct db_tok *t, void *ctx, int flags, const char *text, int len,
    db_tok_fn token)
{
	const unsigned char		*start = (const unsigned char *)text;
	const unsigned char		*p = start, *end, *q;
	const unsigned char		*ascii = t->ascii;
	const struct db_tok_char	*ch;
	struct db_tok_char		 tmp;
	uint32_t			 cp;
	size_t				 o, lim;
	char				*out = t->out;
	int				 rc = SQLITE_OK, is, ie;

	if (len <= 0)
		return (SQLITE_OK);
	end = start + len;
	if (!t->usable || !db_tok_known(t, start, end))
		return (t->api->xTokenize(t->u61, ctx, flags, text, len,
		    token));
	lim = t->outcap - 8;
	while (rc == SQLITE_OK) {
		/* Separators, up to the first character of a token. */
		o = 0;
		for (;;) {
			if (p >= end)
				return (SQLITE_OK);
			is = (int)(p - start);
			if (*p < 0x80) {
				if (ascii[*p] != 0)
					break;
				p++;
				continue;
			}
			q = p;
			cp = db_tok_read(&p, end);
			ch = db_tok_char(t, cp, (const char *)q,
			    (size_t)(p - q), &tmp);
			if (ch != NULL && ch->kind == DB_TOK_WORD) {
				memcpy(out, ch->fold, ch->flen);
				o = ch->flen;
				break;
			}
		}
		/* The token's characters, folded. */
		for (;;) {
			if (o >= lim) {
				out = db_tok_room(t, o);
				lim = t->outcap - 8;
			}
			if (p >= end) {
				ie = (int)(p - start);
				break;
			}
			if (*p < 0x80) {
				if (ascii[*p] == 0) {
					ie = (int)(p - start);
					break;
				}
				out[o++] = (char)ascii[*p++];
				continue;
			}
			q = p;
			cp = db_tok_read(&p, end);
			ch = db_tok_char(t, cp, (const char *)q,
			    (size_t)(p - q), &tmp);
			if (ch == NULL || ch->kind == DB_TOK_SEP) {
				ie = (int)(q - start);
				break;
			}
			memcpy(out + o, ch->fold, ch->flen);
			o += ch->flen;
		}
		rc = token(ctx, 0, out, (int)o, is, ie);
	}
	return (rc == SQLITE_DONE ? SQLITE_OK : rc);
}

struct db_tok *
db_tok_new(const fts5_tokenizer *api, Fts5Tokenizer *u61)
{
	struct db_tok		*t;
	struct db_tok_probe	 pr;
	char			 c, want;
	int			 b;

	t = xcalloc(1, sizeof *t);
	t->api = api;
	t->u61 = u61;
	t->usable = 1;
	/* Which ASCII characters make tokens (unicode61 lowers A-Z and
	 * keeps the others as they are); the letter to ask with. */
	for (b = 0; b < 128; b++) {
		c = (char)b;
		db_tok_probe(t, &c, 1, &pr);
		if (pr.n == 0)
			continue;
		want = b >= 'A' && b <= 'Z' ? (char)(b + 32) : c;
		if (pr.n != 1 || !pr.fit || pr.flen != 1 ||
		    pr.first[0] != want || b == 0)
			t->usable = 0;
		t->ascii[b] = (unsigned char)want;
		if (t->letter == 0 && b >= 'a' && b <= 'z')
			t->letter = c;
	}
	if (t->letter == 0)
		t->usable = 0;
	t->outcap = 256;
	t->out = xmalloc(t->outcap);
	return (t);
}

void
db_tok_free(struct db_tok *t)
{
	if (t == NULL)
		return;
	free(t->memo);
	free(t->out);
	free(t);
}
