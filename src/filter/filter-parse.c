/*
 * The filter language's parser: a tokenizer and a recursive descent,
 *	expr	:= and ("or" and)*
 *	and	:= unit ("and" unit)*
 *	unit	:= "(" expr ")" | ATTRIBUTE OPERATOR VALUE
 *	VALUE	:= "string" | number | VALUE ":" VALUE (for between)
 * as Newsboat writes them. Every error names the column and the token.
 * Regular expressions are compiled here once, so that a bad one is found
 * when the expression is read, not when it runs.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "filter/filter-int.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Shown of a token in a message, at most. */
#define FILTER_TOKEN_SHOWN	40

static const struct {
	const char		*name;
	enum filter_attr	 attr;
} filter_attrs[] = {
	{ "title", FILTER_A_TITLE },
	{ "link", FILTER_A_LINK },
	{ "author", FILTER_A_AUTHOR },
	{ "content", FILTER_A_CONTENT },
	{ "description", FILTER_A_DESCRIPTION },
	{ "feedtitle", FILTER_A_FEEDTITLE },
	{ "feedlink", FILTER_A_FEEDLINK },
	{ "feedurl", FILTER_A_FEEDURL },
	{ "guid", FILTER_A_GUID },
	{ "tags", FILTER_A_TAGS },
	{ "unread", FILTER_A_UNREAD },
	{ "flags", FILTER_A_FLAGS },
	{ "date", FILTER_A_DATE },
	{ "age", FILTER_A_AGE },
	{ "enclosure_url", FILTER_A_ENCLOSURE_URL },
	{ "enclosure_type", FILTER_A_ENCLOSURE_TYPE },
	{ "articleindex", FILTER_A_ARTICLEINDEX },
	{ "unread_count", FILTER_A_UNREAD_COUNT },
	{ "total_count", FILTER_A_TOTAL_COUNT },
};

static const struct {
	const char	*name;
	enum filter_op	 op;
} filter_ops[] = {
	{ "=", FILTER_EQ },
	{ "==", FILTER_EQ },
	{ "!=", FILTER_NE },
	{ "=~", FILTER_RE },
	{ "!~", FILTER_NRE },
	{ "#", FILTER_HAS },
	{ "!#", FILTER_LACKS },
	{ "<", FILTER_LT },
	{ ">", FILTER_GT },
	{ "<=", FILTER_LE },
	{ ">=", FILTER_GE },
	{ "between", FILTER_BETWEEN },
};

enum filter_tok {
	FILTER_T_END,
	FILTER_T_LPAREN,
	FILTER_T_RPAREN,
	FILTER_T_WORD,		/* attribute, and, or, between */
	FILTER_T_OP,		/* a run of = ! ~ < > # */
	FILTER_T_STRING,
	FILTER_T_NUMBER,
	FILTER_T_COLON,
	FILTER_T_BAD		/* a character that starts nothing */
};

struct filter_parser {
	const char		*src;
	const char		*p;
	enum filter_tok		 tok;
	const char		*start;	/* of the current token */
	size_t			 len;
	char			*text;	/* a string's unescaped text */
	int			 depth;
	int			 nconds;
	struct filter_err	*err;
};

static int
filter_parse_is_op(int c)
{
	return (c == '=' || c == '!' || c == '~' || c == '<' || c == '>' ||
	    c == '#');
}

/* The error at column of `at`, the message formatted with one token. */
static void
filter_parse_fail(struct filter_parser *fp, const char *at, const char *fmt,
    const char *tok, size_t toklen)
{
	char	shown[FILTER_TOKEN_SHOWN * 4 + 8];
	size_t	n, i, j;

	if (fp->err->msg != NULL)
		return;
	n = toklen > FILTER_TOKEN_SHOWN ? FILTER_TOKEN_SHOWN : toklen;
	/* The token is the user's text: keep control bytes out. */
	for (i = j = 0; i < n && tok != NULL; i++)
		shown[j++] = (unsigned char)tok[i] < 0x20 ||
		    tok[i] == 0x7f ? '?' : tok[i];
	if (n < toklen) {
		memcpy(shown + j, "...", 3);
		j += 3;
	}
	shown[j] = '\0';
	fp->err->col = (size_t)(at - fp->src) + 1;
	fp->err->msg = xasprintf(fmt, shown);
}

/* The next token into fp; 0, or -1 after an error (unterminated string). */
static int
filter_parse_next(struct filter_parser *fp)
{
	struct buf	 b;
	const char	*p = fp->p;

	free(fp->text);
	fp->text = NULL;
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	fp->start = p;
	if (*p == '\0')
		fp->tok = FILTER_T_END;
	else if (*p == '(' || *p == ')' || *p == ':') {
		fp->tok = *p == '(' ? FILTER_T_LPAREN : *p == ')' ?
		    FILTER_T_RPAREN : FILTER_T_COLON;
		p++;
	} else if (*p == '"') {
		buf_init(&b, 0);
		buf_adds(&b, "");
		for (p++; *p != '\0' && *p != '"'; p++) {
			/* \" and \\ as Newsboat; other escapes are the
			 * regular expression's own (\.). */
			if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
				p++;
			buf_addc(&b, *p);
		}
		if (*p != '"') {
			buf_fini(&b);
			fp->p = p;
			fp->tok = FILTER_T_BAD;
			filter_parse_fail(fp, fp->start,
			    _("unterminated string %s"), fp->start,
			    strlen(fp->start));
			return (-1);
		}
		p++;
		fp->tok = FILTER_T_STRING;
		fp->text = buf_detach(&b);
	} else if (isdigit((unsigned char)*p) || (*p == '-' &&
	    isdigit((unsigned char)p[1]))) {
		p++;
		while (isdigit((unsigned char)*p))
			p++;
		fp->tok = FILTER_T_NUMBER;
	} else if (isalpha((unsigned char)*p) || *p == '_') {
		while (isalnum((unsigned char)*p) || *p == '_')
			p++;
		fp->tok = FILTER_T_WORD;
	} else if (filter_parse_is_op(*p)) {
		while (filter_parse_is_op(*p))
			p++;
		fp->tok = FILTER_T_OP;
	} else {
		p++;
		/* The rest of a UTF-8 character, so that it shows whole. */
		while (((unsigned char)*p & 0xc0) == 0x80)
			p++;
		fp->tok = FILTER_T_BAD;
	}
	fp->len = (size_t)(p - fp->start);
	fp->p = p;
	return (0);
}

static int
filter_parse_word_is(const struct filter_parser *fp, const char *w)
{
	return (fp->tok == FILTER_T_WORD && strlen(w) == fp->len &&
	    strncasecmp(fp->start, w, fp->len) == 0);
}

/* "YYYY-MM-DD", optionally " HH:MM" or " HH:MM:SS", as UTC. */
static int
filter_parse_date(const char *s, long long *out, int *day)
{
	struct tm	tm;
	int		y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
	time_t		t;

	if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3)
		return (-1);
	*day = s[n] == '\0';
	if (s[n] != '\0') {
		int	m = 0;

		if (sscanf(s + n, " %2d:%2d%n", &h, &mi, &m) != 2)
			return (-1);
		n += m;
		if (s[n] == ':') {
			m = 0;
			if (sscanf(s + n, ":%2d%n", &sec, &m) != 1)
				return (-1);
			n += m;
		}
		if (s[n] != '\0')
			return (-1);
	}
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 ||
	    sec > 60 || h < 0 || mi < 0 || sec < 0)
		return (-1);
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	if ((t = timegm(&tm)) == (time_t)-1)
		return (-1);
	*out = (long long)t;
	return (0);
}

/* One literal (string or number) into v. */
static int
filter_parse_value(struct filter_parser *fp, const char *opname,
    size_t oplen, struct filter_val *v)
{
	char	*end;

	if (fp->tok == FILTER_T_STRING) {
		v->s = fp->text;
		fp->text = NULL;
		errno = 0;
		v->num = strtoll(v->s, &end, 10);
		v->isnum = *v->s != '\0' && *end == '\0' && errno == 0;
	} else if (fp->tok == FILTER_T_NUMBER) {
		v->s = xstrndup(fp->start, fp->len);
		errno = 0;
		v->num = strtoll(v->s, &end, 10);
		if (errno != 0) {
			filter_parse_fail(fp, fp->start,
			    _("number out of range: %s"), fp->start, fp->len);
			return (-1);
		}
		v->isnum = 1;
	} else {
		if (fp->tok == FILTER_T_END)
			filter_parse_fail(fp, fp->start, _("no value after "
			    "the operator '%s'"), opname, oplen);
		else
			filter_parse_fail(fp, fp->start, _("expected a "
			    "\"string\" or a number, not '%s'"), fp->start,
			    fp->len);
		return (-1);
	}
	return (filter_parse_next(fp));
}

/* What the value must be for its attribute and operator. */
static int
filter_parse_check(struct filter_parser *fp, struct filter_node *n,
    const char *at, size_t len)
{
	regex_t	 re;
	char		 why[256];
	const char	*bad;
	int	 rc;

	switch (n->attr) {
	case FILTER_A_UNREAD:
		if (n->op == FILTER_EQ || n->op == FILTER_NE) {
			if (strcasecmp(n->v.s, "yes") != 0 &&
			    strcasecmp(n->v.s, "no") != 0 &&
			    strcmp(n->v.s, "1") != 0 &&
			    strcmp(n->v.s, "0") != 0) {
				filter_parse_fail(fp, at, _("unread is "
				    "\"yes\" or \"no\", not %s"), at, len);
				return (-1);
			}
		}
		break;
	case FILTER_A_DATE:
		if (n->op == FILTER_RE || n->op == FILTER_NRE ||
		    n->op == FILTER_HAS || n->op == FILTER_LACKS)
			break;
		if (!n->v.isnum && filter_parse_date(n->v.s, &n->v.num,
		    &n->v.day) != 0) {
			filter_parse_fail(fp, at, _("not a date "
			    "(YYYY-MM-DD [HH:MM[:SS]]): %s"), at, len);
			return (-1);
		}
		n->v.isnum = 1;
		if (n->op == FILTER_BETWEEN && !n->v2.isnum &&
		    filter_parse_date(n->v2.s, &n->v2.num,
		    &n->v2.day) != 0) {
			filter_parse_fail(fp, at, _("not a date "
			    "(YYYY-MM-DD [HH:MM[:SS]]): %s"), at, len);
			return (-1);
		}
		n->v2.isnum = 1;
		break;
	case FILTER_A_AGE:
	case FILTER_A_ARTICLEINDEX:
	case FILTER_A_UNREAD_COUNT:
	case FILTER_A_TOTAL_COUNT:
		if (n->op == FILTER_RE || n->op == FILTER_NRE ||
		    n->op == FILTER_HAS || n->op == FILTER_LACKS)
			break;
		if (!n->v.isnum || (n->op == FILTER_BETWEEN &&
		    !n->v2.isnum)) {
			filter_parse_fail(fp, at, _("expected a number, not "
			    "%s"), at, len);
			return (-1);
		}
		break;
	default:
		break;
	}
	if (n->op == FILTER_BETWEEN && (!n->v.isnum || !n->v2.isnum)) {
		filter_parse_fail(fp, at, _("between takes numbers, A:B, not "
		    "%s"), at, len);
		return (-1);
	}
	if (n->op == FILTER_RE || n->op == FILTER_NRE) {
		if ((bad = filter_regex_check(n->v.s)) != NULL) {
			fp->err->col = (size_t)(at - fp->src) + 1;
			fp->err->msg = xasprintf(_("bad regular expression "
			    "%.*s: %s"), (int)(len > FILTER_TOKEN_SHOWN ?
			    FILTER_TOKEN_SHOWN : len), at, bad);
			return (-1);
		}
		rc = regcomp(&re, n->v.s, REG_EXTENDED | REG_ICASE | REG_NOSUB);
		if (rc != 0) {
			regerror(rc, &re, why, sizeof why);
			/* The message is the library's; the token ours. */
			fp->err->col = (size_t)(at - fp->src) + 1;
			fp->err->msg = xasprintf(_("bad regular expression "
			    "%.*s: %s"), (int)(len > FILTER_TOKEN_SHOWN ?
			    FILTER_TOKEN_SHOWN : len), at, why);
			return (-1);
		}
		regfree(&re);
	}
	return (0);
}

static struct filter_node *filter_parse_or(struct filter_parser *);

/* ATTRIBUTE OPERATOR VALUE, or a parenthesised expression. */
static struct filter_node *
filter_parse_unit(struct filter_parser *fp)
{
	struct filter_node	*n;
	const char		*opname, *vstart;
	size_t			 i, oplen;

	if (fp->tok == FILTER_T_LPAREN) {
		const char	*open = fp->start;

		if (++fp->depth > FILTER_MAX_DEPTH) {
			filter_parse_fail(fp, fp->start, _("parentheses nested "
			    "too deep at '%s'"), fp->start, fp->len);
			return (NULL);
		}
		if (filter_parse_next(fp) != 0 ||
		    (n = filter_parse_or(fp)) == NULL)
			return (NULL);
		if (fp->tok != FILTER_T_RPAREN) {
			filter_parse_node_free(n);
			if (fp->tok == FILTER_T_END)
				filter_parse_fail(fp, open, _("'%s' is never "
				    "closed"), open, 1);
			else
				filter_parse_fail(fp, fp->start, _("expected "
				    "')', 'and' or 'or', not '%s'"),
				    fp->start, fp->len);
			return (NULL);
		}
		fp->depth--;
		if (filter_parse_next(fp) != 0) {
			filter_parse_node_free(n);
			return (NULL);
		}
		return (n);
	}
	if (fp->tok != FILTER_T_WORD) {
		if (fp->tok == FILTER_T_END)
			filter_parse_fail(fp, fp->start, _("expected an "
			    "attribute at the end%s"), "", 0);
		else
			filter_parse_fail(fp, fp->start, _("expected an "
			    "attribute, not '%s'"), fp->start, fp->len);
		return (NULL);
	}
	if (++fp->nconds > FILTER_MAX_CONDS) {
		filter_parse_fail(fp, fp->start, _("more than 256 conditions, "
		    "at '%s'"), fp->start, fp->len);
		return (NULL);
	}
	n = xcalloc(1, sizeof *n);
	n->kind = FILTER_N_CMP;
	for (i = 0; i < sizeof filter_attrs / sizeof filter_attrs[0]; i++)
		if (filter_parse_word_is(fp, filter_attrs[i].name))
			break;
	if (i == sizeof filter_attrs / sizeof filter_attrs[0]) {
		filter_parse_fail(fp, fp->start, _("unknown attribute '%s'"),
		    fp->start, fp->len);
		free(n);
		return (NULL);
	}
	n->attr = filter_attrs[i].attr;
	if (filter_parse_next(fp) != 0)
		goto fail;
	if (fp->tok != FILTER_T_OP && fp->tok != FILTER_T_WORD) {
		if (fp->tok == FILTER_T_END)
			filter_parse_fail(fp, fp->start, _("no operator after "
			    "the attribute%s"), "", 0);
		else
			filter_parse_fail(fp, fp->start, _("unknown operator "
			    "'%s'"), fp->start, fp->len);
		goto fail;
	}
	for (i = 0; i < sizeof filter_ops / sizeof filter_ops[0]; i++)
		if (strlen(filter_ops[i].name) == fp->len &&
		    strncasecmp(filter_ops[i].name, fp->start, fp->len) == 0)
			break;
	if (i == sizeof filter_ops / sizeof filter_ops[0]) {
		filter_parse_fail(fp, fp->start, _("unknown operator '%s'"),
		    fp->start, fp->len);
		goto fail;
	}
	n->op = filter_ops[i].op;
	opname = fp->start;
	oplen = fp->len;
	if (filter_parse_next(fp) != 0)
		goto fail;
	vstart = fp->start;
	if (filter_parse_value(fp, opname, oplen, &n->v) != 0)
		goto fail;
	if (n->op == FILTER_BETWEEN) {
		if (fp->tok != FILTER_T_COLON) {
			filter_parse_fail(fp, vstart, _("between takes a "
			    "range A:B, not '%s'"), vstart,
			    (size_t)(fp->start - vstart));
			goto fail;
		}
		if (filter_parse_next(fp) != 0 ||
		    filter_parse_value(fp, ":", 1, &n->v2) != 0)
			goto fail;
	}
	if (filter_parse_check(fp, n, vstart, (size_t)(fp->start - vstart))
	    != 0)
		goto fail;
	return (n);
fail:
	filter_parse_node_free(n);
	return (NULL);
}

static struct filter_node *
filter_parse_join(int kind, struct filter_node *l, struct filter_node *r)
{
	struct filter_node	*n;

	n = xcalloc(1, sizeof *n);
	n->kind = kind;
	n->l = l;
	n->r = r;
	return (n);
}

static struct filter_node *
filter_parse_and(struct filter_parser *fp)
{
	struct filter_node	*l, *r;

	if ((l = filter_parse_unit(fp)) == NULL)
		return (NULL);
	while (filter_parse_word_is(fp, "and")) {
		if (filter_parse_next(fp) != 0 ||
		    (r = filter_parse_unit(fp)) == NULL) {
			filter_parse_node_free(l);
			return (NULL);
		}
		l = filter_parse_join(FILTER_N_AND, l, r);
	}
	return (l);
}

static struct filter_node *
filter_parse_or(struct filter_parser *fp)
{
	struct filter_node	*l, *r;

	if ((l = filter_parse_and(fp)) == NULL)
		return (NULL);
	while (filter_parse_word_is(fp, "or")) {
		if (filter_parse_next(fp) != 0 ||
		    (r = filter_parse_and(fp)) == NULL) {
			filter_parse_node_free(l);
			return (NULL);
		}
		l = filter_parse_join(FILTER_N_OR, l, r);
	}
	return (l);
}

void
filter_parse_node_free(struct filter_node *n)
{
	if (n == NULL)
		return;
	filter_parse_node_free(n->l);
	filter_parse_node_free(n->r);
	free(n->v.s);
	free(n->v2.s);
	free(n);
}

int
filter_parse(const char *expr, struct filter **out, struct filter_err *err)
{
	struct filter_parser	 fp;
	struct filter_node	*root;

	*out = NULL;
	memset(err, 0, sizeof *err);
	memset(&fp, 0, sizeof fp);
	fp.src = fp.p = expr;
	fp.err = err;
	if (strlen(expr) > FILTER_MAX_LEN) {
		err->col = FILTER_MAX_LEN;
		err->msg = xasprintf(_("longer than %d bytes"),
		    FILTER_MAX_LEN);
		return (-1);
	}
	if (filter_parse_next(&fp) != 0)
		return (-1);
	if (fp.tok == FILTER_T_END) {
		err->col = 1;
		err->msg = xstrdup(_("empty expression"));
		return (-1);
	}
	if ((root = filter_parse_or(&fp)) == NULL) {
		free(fp.text);
		return (-1);
	}
	if (fp.tok != FILTER_T_END) {
		if (fp.tok == FILTER_T_RPAREN)
			filter_parse_fail(&fp, fp.start, _("'%s' without "
			    "'('"), fp.start, fp.len);
		else
			filter_parse_fail(&fp, fp.start, _("expected 'and' or "
			    "'or', not '%s'"), fp.start, fp.len);
		free(fp.text);
		filter_parse_node_free(root);
		return (-1);
	}
	*out = xcalloc(1, sizeof **out);
	(*out)->root = root;
	return (0);
}

void
filter_free(struct filter *f)
{
	if (f == NULL)
		return;
	filter_parse_node_free(f->root);
	free(f);
}

void
filter_err_fini(struct filter_err *err)
{
	free(err->msg);
	memset(err, 0, sizeof *err);
}

char *
filter_err_str(const struct filter_err *err)
{
	return (xasprintf(_("column %zu: %s"), err->col,
	    err->msg != NULL ? err->msg : ""));
}
