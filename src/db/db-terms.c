/*
 * The search index's vocabulary. FTS5 matches whole terms only, and its
 * own list of them (fts5vocab) reads every doclist: seconds at a million
 * items. So the indexer keeps the terms itself: search_terms (one row a
 * term, to know which are new) and search_vocab (the same terms joined by
 * '\n' in chunks of about DB_TERMS_CHUNK bytes), which a search scans
 * with memmem in milliseconds. Terms of items since removed stay: a term
 * that matches nothing costs a search only a lookup.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db/db-int.h"
#include "db/db-terms.h"
#include "db/db-tok.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

#define DB_TERMS_CHUNK		65536
/*
 * The terms a connection has seen stored, as 64-bit hashes, kept from
 * one batch to the next so that a common word is looked up once, not
 * once a batch; past this many the set starts again (a table of 4 MB).
 * Two terms with the same hash (about one chance in 10^7 at a million
 * terms) would leave the second out of the vocabulary: found as a word,
 * not inside one.
 */
#define DB_TERMS_KEEP		196608

/*
 * The terms of the one column value being tokenized for items_fts, to
 * hand FTS5 each term once: with detail=column a term's second
 * occurrence in a column adds nothing to the index, but FTS5 would
 * still hash and look it up (and so would the vocabulary), and most
 * words of an article are repeats. Slots belong to the value whose
 * number (gen) they carry, so a new value costs no clearing.
 */
struct db_terms_slot {
	uint64_t	 h;
	uint32_t	 gen;
	uint32_t	 len;
	size_t		 off;		/* into once_text */
};

struct db_terms {
	int		 mode;		/* DB_TERMS_* while items_fts is
					 * written, 0 otherwise */
	struct db_terms_slot *once;	/* a power of two of them */
	size_t		 oncecap;
	size_t		 oncen;
	uint32_t	 oncegen;
	struct buf	 once_text;
	uint64_t	*seen;		/* hashes; 0 is empty */
	size_t		 cap;		/* a power of two */
	size_t		 n;
	struct buf	 fresh;		/* terms seen since the last flush,
					 * each NUL-terminated */
	size_t		 nfresh;
};

/*
 * Eight bytes at a time, then mixed (the finaliser of MurmurHash3): this
 * runs for every term of every article indexed, and a byte-at-a-time
 * hash was a tenth of the indexing. The last one to seven bytes are read
 * as two overlapping words (or the first, middle and last byte), which
 * covers each of them for a given length, as the loop of single bytes
 * it replaces did at a fraction of the cost. Only this process's sets
 * use it.
 */
static inline uint64_t
db_terms_hash(const char *s, size_t len)
{
	uint64_t	h = 0x9e3779b97f4a7c15u ^ len, w;
	uint32_t	a, b;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	if (len >= 4) {
		memcpy(&a, s, 4);
		memcpy(&b, s + len - 4, 4);
		w = (uint64_t)a | (uint64_t)b << 32;
		h = (h ^ w) * 0xff51afd7ed558ccdu;
	} else if (len > 0) {
		w = (uint64_t)(unsigned char)s[0] |
		    (uint64_t)(unsigned char)s[len >> 1] << 8 |
		    (uint64_t)(unsigned char)s[len - 1] << 16;
		h = (h ^ w) * 0xff51afd7ed558ccdu;
	}
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53u;
	h ^= h >> 33;
	return (h != 0 ? h : 1);
}

/* Whether two terms of len bytes are the same: inline, as terms are a
 * few bytes and nearly every one is compared once per occurrence; the
 * last bytes as two overlapping words, as in db_terms_hash. */
static inline int
db_terms_same(const char *x, const char *y, size_t len)
{
	uint64_t	a, b;
	uint32_t	c, d, e, f;

	for (; len >= 8; x += 8, y += 8, len -= 8) {
		memcpy(&a, x, 8);
		memcpy(&b, y, 8);
		if (a != b)
			return (0);
	}
	if (len >= 4) {
		memcpy(&c, x, 4);
		memcpy(&d, y, 4);
		memcpy(&e, x + len - 4, 4);
		memcpy(&f, y + len - 4, 4);
		return (c == d && e == f);
	}
	for (; len > 0; len--)
		if (*x++ != *y++)
			return (0);
	return (1);
}

static void
db_terms_grow(struct db_terms *t)
{
	uint64_t	*seen;
	size_t		 cap = t->cap * 2, i, j;

	seen = xcalloc(cap, sizeof *seen);
	for (i = 0; i < t->cap; i++) {
		if (t->seen[i] == 0)
			continue;
		for (j = t->seen[i] & (cap - 1); seen[j] != 0;
		    j = (j + 1) & (cap - 1))
			;
		seen[j] = t->seen[i];
	}
	free(t->seen);
	t->seen = seen;
	t->cap = cap;
}

static void
db_terms_token(struct db_terms *t, const char *tok, size_t len, uint64_t h)
{
	size_t		 i;

	for (i = h & (t->cap - 1); t->seen[i] != 0; i = (i + 1) & (t->cap - 1))
		if (t->seen[i] == h)
			return;
	t->seen[i] = h;
	buf_add(&t->fresh, tok, len);
	buf_addc(&t->fresh, '\0');
	t->nfresh++;
	if (++t->n * 2 > t->cap)
		db_terms_grow(t);
}

/* A new column value: no term of it seen yet. */
static void
db_terms_once_start(struct db_terms *t)
{
	if (++t->oncegen == 0) {
		/* Wrapped: slots of 2^32 values ago would look current. */
		memset(t->once, 0, t->oncecap * sizeof *t->once);
		t->oncegen = 1;
	}
	t->oncen = 0;
	buf_reset(&t->once_text);
}

static void
db_terms_once_grow(struct db_terms *t)
{
	struct db_terms_slot	*once;
	size_t			 cap = t->oncecap * 2, i, j;

	once = xcalloc(cap, sizeof *once);
	for (i = 0; i < t->oncecap; i++) {
		if (t->once[i].gen != t->oncegen)
			continue;
		for (j = t->once[i].h & (cap - 1); once[j].gen == t->oncegen;
		    j = (j + 1) & (cap - 1))
			;
		once[j] = t->once[i];
	}
	free(t->once);
	t->once = once;
	t->oncecap = cap;
}

/* The first of its term in this column value: into slot i of the set,
 * and into the vocabulary when collecting. */
static void __attribute__((noinline))
db_terms_first(struct db_terms *t, const char *tok, size_t len, uint64_t h,
    size_t i)
{
	struct db_terms_slot	*sl = &t->once[i];

	sl->h = h;
	sl->gen = t->oncegen;
	sl->len = (uint32_t)len;
	sl->off = t->once_text.len;
	buf_add(&t->once_text, tok, len);
	if (++t->oncen * 2 > t->oncecap)
		db_terms_once_grow(t);
	if (t->mode == DB_TERMS_COLLECT)
		db_terms_token(t, tok, len, h);
}

/* Whether tok is a repeat of a term already in this column value. */
static inline int
db_terms_repeat(struct db_terms *t, const char *tok, size_t len)
{
	const struct db_terms_slot	*once = t->once, *sl;
	size_t				 mask = t->oncecap - 1, i;
	uint64_t			 h;

	h = db_terms_hash(tok, len);
	for (i = h & mask; once[i].gen == t->oncegen; i = (i + 1) & mask) {
		sl = &once[i];
		if (sl->h == h && sl->len == len &&
		    db_terms_same(t->once_text.data + sl->off, tok, len))
			return (1);
	}
	db_terms_first(t, tok, len, h, i);
	return (0);
}

struct db_terms *
db_terms_get(struct db *db, char **cause)
{
	struct db_terms	*t;

	if (db->terms != NULL)
		return (db->terms);
	(void)cause;
	t = xcalloc(1, sizeof *t);
	buf_init(&t->fresh, 0);
	t->cap = 4096;
	t->seen = xcalloc(t->cap, sizeof *t->seen);
	buf_init(&t->once_text, 0);
	t->oncecap = 1024;
	t->once = xcalloc(t->oncecap, sizeof *t->once);
	db->terms = t;
	return (t);
}

void
db_terms_reset(struct db_terms *t)
{
	if (t == NULL)
		return;
	memset(t->seen, 0, t->cap * sizeof *t->seen);
	buf_reset(&t->fresh);
	t->n = 0;
	t->nfresh = 0;
}

void
db_terms_free(struct db_terms *t)
{
	if (t == NULL)
		return;
	buf_fini(&t->fresh);
	free(t->seen);
	buf_fini(&t->once_text);
	free(t->once);
	free(t);
}

void
db_terms_collect(struct db_terms *t, int mode)
{
	t->mode = mode;
}

/*
 * The index's tokenizer, registered on each connection under the name
 * items_fts asks for ("unicode61") in front of FTS5's own: the terms of
 * what is indexed reach the vocabulary as they are made, without
 * tokenizing the text twice. The tokens are made by db-tok.c, which
 * makes exactly unicode61's (asking that instance what each character
 * outside ASCII is, once); other programs opening the cache get FTS5's
 * own, which yields the same terms.
 */
struct db_terms_tok {
	fts5_tokenizer	 api;		/* FTS5's unicode61 */
	void		*ud;
	struct db	*db;
};

struct db_terms_inst {
	Fts5Tokenizer		*tok;
	struct db_terms_tok	*w;
	struct db_tok		*run;	/* tok, faster */
};

struct db_terms_call {
	void		*ctx;
	int		(*token)(void *, int, const char *, int, int, int);
	struct db_terms	*terms;		/* NULL: a text not for items_fts */
};

static int
db_terms_tok_create(void *ud, const char **argv, int argc,
    Fts5Tokenizer **out)
{
	struct db_terms_tok	*w = ud;
	struct db_terms_inst	*in;
	int			 rc;

	in = xcalloc(1, sizeof *in);
	in->w = w;
	if ((rc = w->api.xCreate(w->ud, argv, argc, &in->tok)) != SQLITE_OK) {
		free(in);
		return (rc);
	}
	in->run = db_tok_new(&w->api, in->tok);
	*out = (Fts5Tokenizer *)in;
	return (SQLITE_OK);
}

static void
db_terms_tok_delete(Fts5Tokenizer *tok)
{
	struct db_terms_inst	*in = (struct db_terms_inst *)tok;

	db_tok_free(in->run);
	in->w->api.xDelete(in->tok);
	free(in);
}

static int
db_terms_tok_token(void *ctx, int flags, const char *tok, int len, int start,
    int end)
{
	struct db_terms_call	*c = ctx;

	if (len > 0 && c->terms != NULL &&
	    db_terms_repeat(c->terms, tok, (size_t)len))
		return (SQLITE_OK);
	return (c->token(c->ctx, flags, tok, len, start, end));
}

static int
db_terms_tok_tokenize(Fts5Tokenizer *tok, void *ctx, int flags,
    const char *text, int len, int (*token)(void *, int, const char *, int,
    int, int))
{
	struct db_terms_inst	*in = (struct db_terms_inst *)tok;
	struct db_terms		*t = in->w->db->terms;
	struct db_terms_call	 c = { ctx, token, NULL };

	if (t != NULL && t->mode != 0 && (flags & FTS5_TOKENIZE_DOCUMENT)) {
		c.terms = t;
		db_terms_once_start(t);
	}
	return (db_tok_run(in->run, &c, flags, text, len, db_terms_tok_token));
}

int
db_terms_register(struct db *db)
{
	struct db_terms_tok	*w;
	fts5_tokenizer		 api = { db_terms_tok_create,
				    db_terms_tok_delete,
				    db_terms_tok_tokenize };
	fts5_api		*fts;

	if ((fts = db_fts5(db)) == NULL)
		return (-1);
	w = xcalloc(1, sizeof *w);
	w->db = db;
	if (fts->xFindTokenizer(fts, "unicode61", &w->ud, &w->api) !=
	    SQLITE_OK || fts->xCreateTokenizer(fts, "unicode61", w, &api,
	    free) != SQLITE_OK) {
		free(w);
		return (-1);
	}
	return (0);
}

static int
db_terms_strcmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/* The longest run of whole terms at the front of s that fits in max
 * bytes (the first term whatever its length when whole is set). */
static size_t
db_terms_piece(const char *s, size_t len, size_t max, int whole)
{
	const char	*nl;
	size_t		 cut = 0, at;

	for (;;) {
		nl = memchr(s + cut, '\n', len - cut);
		at = nl != NULL ? (size_t)(nl - s) : len;
		if (at > max)
			return (cut == 0 && whole ? at : (cut > 0 ? cut - 1 :
			    0));
		if (nl == NULL)
			return (len);
		cut = at + 1;
	}
}

/* New terms (joined by '\n') onto the last chunk, then in new chunks. */
static int
db_terms_append(struct db *db, const char *s, size_t len, char **cause)
{
	sqlite3_stmt	*st = NULL;
	int64_t		 last = 0, lastlen = 0;
	size_t		 take;
	int		 rc;

	if (db_prepare(db, "SELECT id, length(CAST(terms AS BLOB)) FROM "
	    "search_vocab ORDER BY id DESC LIMIT 1", &st, cause) != 0)
		return (-1);
	if (sqlite3_step(st) == SQLITE_ROW) {
		last = sqlite3_column_int64(st, 0);
		lastlen = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (last != 0 && lastlen + 1 < DB_TERMS_CHUNK) {
		take = db_terms_piece(s, len, DB_TERMS_CHUNK - 1 -
		    (size_t)lastlen, 0);
		if (take > 0) {
			if (db_prepare(db, "UPDATE search_vocab SET terms = "
			    "terms || char(10) || ?1 WHERE id = ?2", &st,
			    cause) != 0)
				return (-1);
			sqlite3_bind_text(st, 1, s, (int)take, SQLITE_STATIC);
			sqlite3_bind_int64(st, 2, last);
			rc = sqlite3_step(st);
			sqlite3_finalize(st);
			if (rc != SQLITE_DONE)
				goto fail;
			s += take;
			len -= take;
			if (len > 0) {
				s++;
				len--;
			}
		}
	}
	if (len == 0)
		return (0);
	if (db_prepare(db, "INSERT INTO search_vocab(terms) VALUES (?1)", &st,
	    cause) != 0)
		return (-1);
	while (len > 0) {
		take = db_terms_piece(s, len, DB_TERMS_CHUNK, 1);
		sqlite3_bind_text(st, 1, s, (int)take, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			sqlite3_finalize(st);
			goto fail;
		}
		s += take;
		len -= take;
		if (len > 0) {
			s++;
			len--;
		}
	}
	sqlite3_finalize(st);
	return (0);
fail:
	*cause = db_errmsg(db, _("cannot update the search index"));
	return (-1);
}

int
db_terms_flush(struct db *db, struct db_terms *t, char **cause)
{
	sqlite3_stmt	*st;
	struct buf	 fresh;
	const char	*s, **sorted;
	size_t		 i;
	int		 rc = 0;

	if (t->nfresh == 0)
		return (0);
	if (db_prepare(db, "INSERT OR IGNORE INTO search_terms(term) "
	    "VALUES (?1)", &st, cause) != 0) {
		db_terms_reset(t);
		return (-1);
	}
	/* In order, so that the B-tree's pages are visited once each. */
	sorted = xreallocarray(NULL, t->nfresh, sizeof *sorted);
	for (s = t->fresh.data, i = 0; i < t->nfresh; s += strlen(s) + 1)
		sorted[i++] = s;
	qsort(sorted, t->nfresh, sizeof *sorted, db_terms_strcmp);
	buf_init(&fresh, 0);
	for (i = 0; i < t->nfresh; i++) {
		s = sorted[i];
		sqlite3_bind_text(st, 1, s, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			*cause = db_errmsg(db, _("cannot update the search "
			    "index"));
			rc = -1;
			break;
		}
		sqlite3_reset(st);
		if (sqlite3_changes(db_sqlite(db)) > 0) {
			if (fresh.len > 0)
				buf_addc(&fresh, '\n');
			buf_adds(&fresh, s);
		}
	}
	sqlite3_finalize(st);
	free(sorted);
	if (rc == 0 && fresh.len > 0)
		rc = db_terms_append(db, fresh.data, fresh.len, cause);
	buf_fini(&fresh);
	buf_reset(&t->fresh);
	t->nfresh = 0;
	if (rc != 0 || t->n > DB_TERMS_KEEP)
		db_terms_reset(t);
	return (rc);
}

/* Is term a better (shorter, then smaller) pick than the one in l? */
static int
db_terms_better(const char *a, size_t alen, const char *b)
{
	size_t	blen = strlen(b);
	int	c;

	if (alen != blen)
		return (alen < blen);
	c = memcmp(a, b, alen);
	return (c < 0);
}

static int
db_terms_cmp(const void *pa, const void *pb)
{
	const char	*a = *(char *const *)pa, *b = *(char *const *)pb;
	size_t		 la = strlen(a), lb = strlen(b);

	if (la != lb)
		return (la < lb ? -1 : 1);
	return (strcmp(a, b));
}

int
db_terms_containing(struct db *db, const char *needle, size_t nlen,
    size_t cap, char ***out, size_t *n, int *more, char **cause)
{
	sqlite3_stmt	*st;
	const char	*data, *end, *p, *hit, *start, *stop;
	char		**l;
	size_t		 worst = 0, i, len;
	int		 rc;

	*out = NULL;
	*n = 0;
	*more = 0;
	if (nlen == 0 || cap == 0)
		return (0);
	if (db_prepare(db, "SELECT terms FROM search_vocab", &st, cause) != 0)
		return (-1);
	l = xreallocarray(NULL, cap, sizeof *l);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		data = (const char *)sqlite3_column_blob(st, 0);
		end = data + sqlite3_column_bytes(st, 0);
		for (p = data; p < end && (hit = memmem(p, (size_t)(end - p),
		    needle, nlen)) != NULL; p = stop < end ? stop + 1 : end) {
			for (start = hit; start > data && start[-1] != '\n';
			    start--)
				;
			if ((stop = memchr(hit + nlen, '\n', (size_t)(end -
			    hit - (ptrdiff_t)nlen))) == NULL)
				stop = end;
			len = (size_t)(stop - start);
			if (*n < cap) {
				l[(*n)++] = xstrndup(start, len);
				if (*n == cap)
					for (worst = 0, i = 1; i < cap; i++)
						if (db_terms_better(l[worst],
						    strlen(l[worst]), l[i]))
							worst = i;
				continue;
			}
			*more = 1;
			if (!db_terms_better(start, len, l[worst]))
				continue;
			free(l[worst]);
			l[worst] = xstrndup(start, len);
			for (worst = 0, i = 1; i < cap; i++)
				if (db_terms_better(l[worst],
				    strlen(l[worst]), l[i]))
					worst = i;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_terms_list_free(l, *n);
		*n = 0;
		*cause = db_errmsg(db, _("cannot read the cache"));
		return (-1);
	}
	qsort(l, *n, sizeof *l, db_terms_cmp);
	*out = l;
	return (0);
}

void
db_terms_list_free(char **l, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(l[i]);
	free(l);
}

int64_t
db_terms_stamp(struct db *db)
{
	sqlite3_stmt	*st;
	char		*cause = NULL;
	int64_t		 v = -1;

	/* Chunks only grow, and only the last one. */
	if (db_prepare(db, "SELECT id * 1048576 + length(CAST(terms AS "
	    "BLOB)) FROM search_vocab ORDER BY id DESC LIMIT 1", &st,
	    &cause) != 0) {
		free(cause);
		return (-1);
	}
	v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return (v);
}
