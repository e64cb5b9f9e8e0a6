/* Private to src/filter: the parsed expression tree. */
#ifndef TIDINGS_FILTER_FILTER_INT_H
#define TIDINGS_FILTER_FILTER_INT_H

#include "filter/filter.h"

enum filter_attr {
	FILTER_A_TITLE,
	FILTER_A_LINK,
	FILTER_A_AUTHOR,
	FILTER_A_CONTENT,
	FILTER_A_DESCRIPTION,
	FILTER_A_FEEDTITLE,
	FILTER_A_FEEDLINK,
	FILTER_A_FEEDURL,
	FILTER_A_GUID,
	FILTER_A_TAGS,
	FILTER_A_UNREAD,
	FILTER_A_FLAGS,
	FILTER_A_DATE,
	FILTER_A_AGE,
	FILTER_A_ENCLOSURE_URL,
	FILTER_A_ENCLOSURE_TYPE,
	FILTER_A_ARTICLEINDEX,
	FILTER_A_UNREAD_COUNT,
	FILTER_A_TOTAL_COUNT
};

enum filter_op {
	FILTER_EQ,
	FILTER_NE,
	FILTER_RE,
	FILTER_NRE,
	FILTER_HAS,
	FILTER_LACKS,
	FILTER_LT,
	FILTER_GT,
	FILTER_LE,
	FILTER_GE,
	FILTER_BETWEEN
};

/* One literal: the text as written (strings unescaped), and its number
 * when it reads as one (dates as Unix times). */
struct filter_val {
	char		*s;
	int		 isnum;
	long long	 num;
	int		 day;	/* a date without a time: the whole day */
};

struct filter_node {
	enum { FILTER_N_AND, FILTER_N_OR, FILTER_N_CMP } kind;
	struct filter_node	*l, *r;
	enum filter_attr	 attr;
	enum filter_op		 op;
	struct filter_val	 v, v2;		/* v2: between's upper end */
};

struct filter {
	struct filter_node	*root;
};

void	filter_parse_node_free(struct filter_node *);

#endif
