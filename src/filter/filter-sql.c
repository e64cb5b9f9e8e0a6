/*
 * A parsed filter as an SQL WHERE fragment over the items table. What
 * an index can serve is written so that it can: unread as "read = 0"
 * (the partial index items_unread), age and date as ranges of the date
 * column (items_date), a feed's attributes as "feed_id IN (SELECT id
 * FROM feeds WHERE ...)" (items_feed_date). Strings are SQL literals
 * with their quotes doubled; regular expressions go to the REGEXP
 * function the db module registers.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "filter/filter-int.h"
#include "util/buf.h"
#include "util/xmalloc.h"

#define FILTER_SQL_NOW		"CAST(strftime('%s', 'now') AS INTEGER)"
#define FILTER_SQL_NOW_FMT	"CAST(strftime('%%s', 'now') AS INTEGER)"
#define FILTER_SQL_DAY		86400LL
/* Days past this are as good as forever, and keep the products exact. */
#define FILTER_SQL_MAX_DAYS	100000000LL

/* An attribute's value as an SQL expression; feed: over the feeds table. */
static const char *
filter_sql_attr(enum filter_attr a, int *feed)
{
	*feed = 0;
	switch (a) {
	case FILTER_A_TITLE:
		return ("coalesce(title, '')");
	case FILTER_A_LINK:
		return ("coalesce(link, '')");
	case FILTER_A_AUTHOR:
		return ("coalesce(author, '')");
	case FILTER_A_CONTENT:
		return ("coalesce(content, '')");
	case FILTER_A_DESCRIPTION:
		return ("coalesce(summary, '')");
	case FILTER_A_GUID:
		return ("coalesce(guid, '')");
	case FILTER_A_UNREAD:
		return ("(CASE WHEN read = 0 THEN 'yes' ELSE 'no' END)");
	case FILTER_A_FLAGS:
		/* Newsboat's flag s is our star (as --import-newsboat). */
		return ("(CASE WHEN starred = 1 THEN 's' ELSE '' END)");
	case FILTER_A_DATE:
		return ("date");
	case FILTER_A_AGE:
		return ("((" FILTER_SQL_NOW " - date) / 86400)");
	case FILTER_A_ENCLOSURE_URL:
		return ("coalesce(substr(enclosures, 1, instr(enclosures || "
		    "char(9), char(9)) - 1), '')");
	case FILTER_A_ENCLOSURE_TYPE:
		return ("coalesce(substr(substr(enclosures, instr(enclosures, "
		    "char(9)) + 1), 1, instr(substr(enclosures, "
		    "instr(enclosures, char(9)) + 1), char(9)) - 1), '')");
	case FILTER_A_ARTICLEINDEX:
		/* Its row in the feed's own list, newest first, from 1. */
		return ("(1 + (SELECT count(*) FROM items AS fa WHERE "
		    "fa.feed_id = items.feed_id AND (fa.date > items.date OR "
		    "(fa.date = items.date AND fa.id > items.id))))");
	case FILTER_A_FEEDTITLE:
		*feed = 1;
		return ("coalesce(nullif(custom_title, ''), nullif(title, ''), "
		    "url)");
	case FILTER_A_FEEDLINK:
		*feed = 1;
		return ("coalesce(site_link, '')");
	case FILTER_A_FEEDURL:
		*feed = 1;
		return ("url");
	case FILTER_A_TAGS:
		*feed = 1;
		return ("replace(tags, char(9), ' ')");
	case FILTER_A_UNREAD_COUNT:
		/* The feed's own counts (feed_counts, kept by triggers). */
		*feed = 1;
		return ("coalesce((SELECT fc.unread FROM feed_counts AS fc "
		    "WHERE fc.feed_id = feeds.id), 0)");
	case FILTER_A_TOTAL_COUNT:
		*feed = 1;
		return ("coalesce((SELECT fc.total FROM feed_counts AS fc "
		    "WHERE fc.feed_id = feeds.id), 0)");
	}
	return ("''");
}

static void
filter_sql_quote(struct buf *b, const char *s)
{
	buf_addc(b, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '\'')
			buf_addc(b, '\'');
		buf_addc(b, *s);
	}
	buf_addc(b, '\'');
}

static long long
filter_sql_days(long long n)
{
	if (n > FILTER_SQL_MAX_DAYS)
		return (FILTER_SQL_MAX_DAYS);
	if (n < -FILTER_SQL_MAX_DAYS)
		return (-FILTER_SQL_MAX_DAYS);
	return (n);
}

/* age OP N as a range of dates, which items_date serves. */
static void
filter_sql_age(struct buf *b, enum filter_op op, long long n, long long n2)
{
	n = filter_sql_days(n);
	n2 = filter_sql_days(n2);
	switch (op) {
	case FILTER_LT:
		buf_printf(b, "date > " FILTER_SQL_NOW_FMT " - %lld",
		    n * FILTER_SQL_DAY);
		break;
	case FILTER_LE:
		buf_printf(b, "date > " FILTER_SQL_NOW_FMT " - %lld",
		    (n + 1) * FILTER_SQL_DAY);
		break;
	case FILTER_GT:
		buf_printf(b, "date <= " FILTER_SQL_NOW_FMT " - %lld",
		    (n + 1) * FILTER_SQL_DAY);
		break;
	case FILTER_GE:
		buf_printf(b, "date <= " FILTER_SQL_NOW_FMT " - %lld",
		    n * FILTER_SQL_DAY);
		break;
	case FILTER_EQ:
	case FILTER_NE:
	case FILTER_BETWEEN:
		if (op == FILTER_NE)
			buf_adds(b, "NOT ");
		if (op != FILTER_BETWEEN)
			n2 = n;
		buf_printf(b, "(date <= " FILTER_SQL_NOW_FMT " - %lld AND date > "
		    FILTER_SQL_NOW_FMT " - %lld)", n * FILTER_SQL_DAY,
		    (n2 + 1) * FILTER_SQL_DAY);
		break;
	default:
		break;
	}
}

/* date OP value: a date without a time stands for its whole day. */
static void
filter_sql_date(struct buf *b, const struct filter_node *n)
{
	long long	lo = n->v.num, hi = n->v.num + (n->v.day ?
			    FILTER_SQL_DAY : 1);

	switch (n->op) {
	case FILTER_EQ:
		buf_printf(b, "(date >= %lld AND date < %lld)", lo, hi);
		break;
	case FILTER_NE:
		buf_printf(b, "NOT (date >= %lld AND date < %lld)", lo, hi);
		break;
	case FILTER_LT:
		buf_printf(b, "date < %lld", lo);
		break;
	case FILTER_GE:
		buf_printf(b, "date >= %lld", lo);
		break;
	case FILTER_LE:
		buf_printf(b, "date < %lld", hi);
		break;
	case FILTER_GT:
		buf_printf(b, "date >= %lld", hi);
		break;
	case FILTER_BETWEEN:
		buf_printf(b, "(date >= %lld AND date < %lld)", lo,
		    n->v2.num + (n->v2.day ? FILTER_SQL_DAY : 1));
		break;
	default:
		break;
	}
}

/* attr OP value, the generic way over the value expression x. */
static void
filter_sql_cmp(struct buf *b, const struct filter_node *n, const char *x)
{
	const char	*rel;

	switch (n->op) {
	case FILTER_EQ:
	case FILTER_NE:
		buf_printf(b, "%s %s ", x, n->op == FILTER_EQ ? "=" : "<>");
		if (n->attr == FILTER_A_ARTICLEINDEX ||
		    n->attr == FILTER_A_UNREAD_COUNT ||
		    n->attr == FILTER_A_TOTAL_COUNT)
			buf_printf(b, "%lld", n->v.num);
		else
			filter_sql_quote(b, n->v.s);
		return;
	case FILTER_RE:
	case FILTER_NRE:
		buf_printf(b, "%s(%s REGEXP ", n->op == FILTER_NRE ? "NOT " :
		    "", x);
		filter_sql_quote(b, n->v.s);
		buf_addc(b, ')');
		return;
	case FILTER_HAS:
	case FILTER_LACKS:
		if (n->op == FILTER_LACKS)
			buf_adds(b, "NOT ");
		if (n->attr == FILTER_A_TAGS) {
			buf_adds(b, "(instr(char(9) || tags || char(9), "
			    "char(9) || ");
			filter_sql_quote(b, n->v.s);
			buf_adds(b, " || char(9)) > 0)");
		} else if (n->attr == FILTER_A_FLAGS) {
			buf_printf(b, "(instr(%s, ", x);
			filter_sql_quote(b, n->v.s);
			buf_adds(b, ") > 0)");
		} else {
			/* A word of a list separated by blanks. */
			buf_printf(b, "(instr(' ' || %s || ' ', ' ' || ", x);
			filter_sql_quote(b, n->v.s);
			buf_adds(b, " || ' ') > 0)");
		}
		return;
	case FILTER_BETWEEN:
		buf_printf(b, "(CAST(%s AS INTEGER) BETWEEN %lld AND %lld)",
		    x, n->v.num, n->v2.num);
		return;
	case FILTER_LT:
		rel = "<";
		break;
	case FILTER_GT:
		rel = ">";
		break;
	case FILTER_LE:
		rel = "<=";
		break;
	default:
		rel = ">=";
		break;
	}
	if (n->v.isnum)
		buf_printf(b, "CAST(%s AS INTEGER) %s %lld", x, rel, n->v.num);
	else {
		buf_printf(b, "%s %s ", x, rel);
		filter_sql_quote(b, n->v.s);
	}
}

static int
filter_sql_yes(const char *s)
{
	return (strcasecmp(s, "yes") == 0 || strcmp(s, "1") == 0);
}

static void	filter_sql_node(struct buf *, const struct filter_node *);

/* The terms of a chain of one operator, a and b and c, flat: SQLite's
 * parser has a bounded stack, and nested parentheses fill it. */
static void
filter_sql_chain(struct buf *b, const struct filter_node *n, int kind)
{
	if ((int)n->kind != kind) {
		filter_sql_node(b, n);
		return;
	}
	filter_sql_chain(b, n->l, kind);
	buf_adds(b, kind == FILTER_N_AND ? " AND " : " OR ");
	filter_sql_chain(b, n->r, kind);
}

static void
filter_sql_node(struct buf *b, const struct filter_node *n)
{
	const char	*x;
	int		 feed, yes;

	if (n->kind != FILTER_N_CMP) {
		buf_addc(b, '(');
		filter_sql_chain(b, n, n->kind);
		buf_addc(b, ')');
		return;
	}
	x = filter_sql_attr(n->attr, &feed);
	buf_addc(b, '(');
	if (feed) {
		buf_adds(b, "feed_id IN (SELECT id FROM feeds WHERE ");
		filter_sql_cmp(b, n, x);
		buf_addc(b, ')');
	} else if (n->attr == FILTER_A_UNREAD &&
	    (n->op == FILTER_EQ || n->op == FILTER_NE)) {
		yes = filter_sql_yes(n->v.s);
		if (n->op == FILTER_NE)
			yes = !yes;
		buf_adds(b, yes ? "read = 0" : "read <> 0");
	} else if (n->attr == FILTER_A_FLAGS && (n->op == FILTER_HAS ||
	    n->op == FILTER_LACKS) && strcmp(n->v.s, "s") == 0)
		/* The star as a column; starred ones through the rowids
		 * of items_starred, or the planner walks every feed. */
		buf_adds(b, n->op == FILTER_HAS ? "starred = 1 AND id IN "
		    "(SELECT id FROM items WHERE starred = 1)" :
		    "starred = 0");
	else if (n->attr == FILTER_A_AGE && n->op != FILTER_RE &&
	    n->op != FILTER_NRE && n->op != FILTER_HAS &&
	    n->op != FILTER_LACKS)
		filter_sql_age(b, n->op, n->v.num, n->v2.num);
	else if (n->attr == FILTER_A_DATE && n->op != FILTER_RE &&
	    n->op != FILTER_NRE && n->op != FILTER_HAS &&
	    n->op != FILTER_LACKS)
		filter_sql_date(b, n);
	else
		filter_sql_cmp(b, n, x);
	buf_addc(b, ')');
}

char *
filter_sql(const struct filter *f)
{
	struct buf	b;

	buf_init(&b, 0);
	filter_sql_node(&b, f->root);
	return (buf_detach(&b));
}

static int
filter_sql_feed_only(const struct filter_node *n)
{
	int	feed;

	if (n->kind != FILTER_N_CMP)	/* and, or: both sides */
		return (filter_sql_feed_only(n->l) &&
		    filter_sql_feed_only(n->r));
	(void)filter_sql_attr(n->attr, &feed);
	return (feed);
}

int
filter_feed_only(const struct filter *f)
{
	return (filter_sql_feed_only(f->root));
}

char *
filter_compile_feed(const char *expr, int *feed_only, struct filter_err *err)
{
	struct filter	*f;
	char		*sql;

	if (filter_parse(expr, &f, err) != 0)
		return (NULL);
	sql = filter_sql(f);
	*feed_only = filter_feed_only(f);
	filter_free(f);
	return (sql);
}

char *
filter_compile(const char *expr, struct filter_err *err)
{
	int	feed_only;

	return (filter_compile_feed(expr, &feed_only, err));
}
