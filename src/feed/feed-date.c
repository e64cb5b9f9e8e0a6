/*
 * Feed dates to Unix time: RFC 822/2822 (RSS) and RFC 3339 / W3C-DTF
 * (Atom, Dublin Core), with the sloppiness real feeds show.
 *
 * Hand-written because no Debian library parses both families with every
 * zone form: strptime() knows neither zone names nor offsets portably,
 * getdate() needs a template file, and timegm() works through the TZ
 * machinery; a days-from-civil computation (Howard Hinnant's algorithm)
 * needs none of that. Garbage gives FEED_TIME_NONE, never a guess.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "feed/feed.h"

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t		era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + doe - 719468);
}

static int
days_in_month(int64_t y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return (29);
	return (dim[m - 1]);
}

/* Unix time of a broken-down UTC time, or FEED_TIME_NONE if invalid. */
static int64_t
make_time(int64_t y, int mo, int d, int h, int mi, int s, int off_min)
{
	/* Years before 1000 are garbage in a feed, whatever their syntax. */
	if (y < 1000 || y > 9999 || mo < 1 || mo > 12 || d < 1 ||
	    d > days_in_month(y, mo) || h < 0 || h > 24 || mi < 0 ||
	    mi > 59 || s < 0 || s > 60 || (h == 24 && (mi != 0 || s != 0)))
		return (FEED_TIME_NONE);
	if (s == 60)		/* a leap second: the next second will do */
		s = 59;
	return (days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s -
	    (int64_t)off_min * 60);
}

/* Read exactly n digits (n > 0) or up to max digits (n == 0). */
static int
digits(const char **sp, int n, int max, int *out)
{
	const char	*s = *sp;
	int		 v = 0, k = 0;

	while (isdigit((unsigned char)*s) && (n == 0 ? k < max : k < n)) {
		v = v * 10 + (*s++ - '0');
		k++;
	}
	if (k == 0 || (n > 0 && k != n))
		return (-1);
	*out = v;
	*sp = s;
	return (k);
}

static void
skip_space(const char **sp)
{
	while (isspace((unsigned char)**sp))
		(*sp)++;
}

/* RFC 822 section 5.1 zones, RFC 2822 4.3 obsolete ones, and friends. */
static const struct {
	const char	*name;
	int		 minutes;
} zones[] = {
	{ "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 },
	{ "EST", -300 }, { "EDT", -240 }, { "CST", -360 }, { "CDT", -300 },
	{ "MST", -420 }, { "MDT", -360 }, { "PST", -480 }, { "PDT", -420 },
	{ "AKST", -540 }, { "AKDT", -480 }, { "HST", -600 },
	{ "AST", -240 }, { "ADT", -180 }, { "NST", -210 }, { "NDT", -150 },
	{ "BST", 60 }, { "IST", 60 }, { "WET", 0 }, { "WEST", 60 },
	{ "CET", 60 }, { "CEST", 120 }, { "MET", 60 }, { "MEST", 120 },
	{ "EET", 120 }, { "EEST", 180 }, { "MSK", 180 },
	{ "JST", 540 }, { "KST", 540 }, { "HKT", 480 }, { "SGT", 480 },
	{ "AEST", 600 }, { "AEDT", 660 }, { "ACST", 570 }, { "AWST", 480 },
	{ "NZST", 720 }, { "NZDT", 780 },
	/* North American zones without the S/D, as feedparser reads them. */
	{ "AT", -240 }, { "ET", -300 }, { "CT", -360 }, { "MT", -420 },
	{ "PT", -480 },
};

/*
 * A zone: numeric (+hhmm, +hh:mm, +hh), a name, or a military letter
 * (RFC 822 5.1; RFC 2822 4.3 says to read those as +0000, since RFC 822
 * had their signs backwards). Returns 0, or -1 if it is no zone.
 */
static int
parse_zone(const char **sp, int *off)
{
	const char	*s = *sp;
	int		 sign, h, m = 0, etc = 0;
	size_t		 i, n;

	if (*s == '+' || *s == '-') {
		sign = *s++ == '-' ? -1 : 1;
		if (digits(&s, 0, 2, &h) < 0)
			return (-1);
		if (*s == ':')
			s++;
		if (isdigit((unsigned char)*s) && digits(&s, 2, 0, &m) < 0)
			return (-1);
		if (h > 23 || m > 59)
			return (-1);
		*off = sign * (h * 60 + m);
		*sp = s;
		return (0);
	}
	if (strncasecmp(s, "Etc/", 4) == 0) {	/* tz database: "Etc/GMT" */
		s += 4;
		etc = 1;
	}
	for (n = 0; isalpha((unsigned char)s[n]); n++)
		;
	if (n == 0)
		return (-1);
	for (i = 0; i < sizeof zones / sizeof zones[0]; i++)
		if (strlen(zones[i].name) == n &&
		    strncasecmp(s, zones[i].name, n) == 0) {
			*off = zones[i].minutes;
			/* "GMT+2", "UTC-05:00"; POSIX signs in "Etc/GMT+2" */
			s += n;
			if ((*s == '+' || *s == '-') && parse_zone(&s, &m) == 0)
				*off += etc ? -m : m;
			*sp = s;
			return (0);
		}
	if (n == 1) {		/* military: see above */
		*off = 0;
		*sp = s + 1;
		return (0);
	}
	return (-1);
}

static int
month_number(const char *s, size_t n)
{
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	char	lc[3];
	size_t	i;

	if (n < 3)
		return (0);
	/* The caller saw n letters; ASCII ones fold with | 0x20. */
	for (i = 0; i < 3; i++)
		lc[i] = (char)(s[i] | 0x20);
	for (i = 0; i < 12; i++)
		if (memcmp(lc, months + 3 * i, 3) == 0)
			return ((int)i + 1);
	return (0);
}

/* hh:mm[:ss[.frac]]: RFC 2822 3.3 gives two digits for minutes and seconds. */
static int
parse_clock(const char **sp, int *h, int *mi, int *sec)
{
	const char	*s = *sp;

	if (digits(&s, 0, 2, h) < 0 || *s++ != ':' || digits(&s, 2, 0, mi) < 0)
		return (-1);
	if (*s == ':') {
		s++;
		if (digits(&s, 2, 0, sec) < 0)
			return (-1);
	}
	if (*s == '.')		/* fractions nobody should write */
		for (s++; isdigit((unsigned char)*s); s++)
			;
	if (isdigit((unsigned char)*s))
		return (-1);
	*sp = s;
	return (0);
}

/*
 * RFC 822 / 2822 section 3.3: [Day ","] D Mon YY[YY] hh:mm[:ss] [zone],
 * with sloppy variants ("Mon 02 Jan 2006", no zone, the month first as
 * in "Jan 02 2006 15:04 GMT", and asctime's "Mon Jan  2 15:04:05 2006").
 */
static int64_t
parse_rfc822(const char *s)
{
	const char	*w;
	int		 d, mo, y, h = 0, mi = 0, sec = 0, off = 0, n;
	int		 clock = 0;
	size_t		 len;

	skip_space(&s);
	/* An optional weekday, with or without its comma (ignored). */
	for (len = 0; isalpha((unsigned char)s[len]); len++)
		;
	if (len >= 3 && month_number(s, len) == 0) {
		s += len;
		skip_space(&s);
		if (*s == ',')
			s++;
		skip_space(&s);
	}
	for (len = 0; isalpha((unsigned char)s[len]); len++)
		;
	if (len > 0) {		/* the month first */
		if ((mo = month_number(s, len)) == 0)
			return (FEED_TIME_NONE);
		s += len;
		if (*s == '.')
			s++;
		skip_space(&s);
		if (digits(&s, 0, 2, &d) < 0 || isdigit((unsigned char)*s))
			return (FEED_TIME_NONE);
		if (*s == ',')
			s++;
		skip_space(&s);
		/* asctime: the time comes before the year. */
		for (w = s; isdigit((unsigned char)*w); w++)
			;
		if (*w == ':') {
			if (parse_clock(&s, &h, &mi, &sec) < 0)
				return (FEED_TIME_NONE);
			clock = 1;
			skip_space(&s);
			/* Twitter's "Sun Jul 15 01:16:00 +0000 2012" */
			if (!isdigit((unsigned char)*s)) {
				if (parse_zone(&s, &off) < 0)
					return (FEED_TIME_NONE);
				skip_space(&s);
			}
		}
	} else {		/* the day first */
		if (digits(&s, 0, 2, &d) < 0)
			return (FEED_TIME_NONE);
		skip_space(&s);
		if (*s == '-' || *s == '/')
			s++;
		for (w = s, len = 0; isalpha((unsigned char)w[len]); len++)
			;
		if ((mo = month_number(w, len)) == 0)
			return (FEED_TIME_NONE);
		s += len;
		if (*s == '.' || *s == ',')
			s++;
		skip_space(&s);
		if (*s == '-' || *s == '/')
			s++;
	}
	if ((n = digits(&s, 0, 4, &y)) < 0 || n == 3 || n == 1 ||
	    isdigit((unsigned char)*s))
		return (FEED_TIME_NONE);
	if (n == 2)		/* RFC 2822 4.3 */
		y += y < 50 ? 2000 : 1900;
	skip_space(&s);
	if (*s == '\0')
		return (make_time(y, mo, d, h, mi, sec, off));
	if (!clock && parse_clock(&s, &h, &mi, &sec) < 0)
		return (FEED_TIME_NONE);
	skip_space(&s);
	if (*s != '\0' && *s != '(' && parse_zone(&s, &off) < 0)
		return (FEED_TIME_NONE);
	skip_space(&s);
	if (*s != '\0' && *s != '(')	/* a trailing comment is allowed */
		return (FEED_TIME_NONE);
	return (make_time(y, mo, d, h, mi, sec, off));
}

/*
 * RFC 3339 / W3C-DTF: YYYY[-MM[-DD[(T| )hh:mm[:ss[.frac]][zone]]]], also
 * the compact ISO 8601 forms (20040105T071302Z).
 */
static int64_t
parse_w3c(const char *s)
{
	int	y, mo = 1, d = 1, h = 0, mi = 0, sec = 0, off = 0;
	int	compact;

	skip_space(&s);
	if (digits(&s, 4, 0, &y) < 0)
		return (FEED_TIME_NONE);
	compact = isdigit((unsigned char)*s);
	if (*s == '-' || compact) {
		if (!compact)
			s++;
		if (digits(&s, 2, 0, &mo) < 0)
			return (FEED_TIME_NONE);
		if (*s == '-' || (compact && isdigit((unsigned char)*s))) {
			if (!compact)
				s++;
			if (digits(&s, 2, 0, &d) < 0)
				return (FEED_TIME_NONE);
		}
	}
	if (*s == 'T' || *s == 't' || (*s == ' ' && isdigit((unsigned char)s[1]))) {
		s++;
		if (digits(&s, 2, 0, &h) < 0)
			return (FEED_TIME_NONE);
		if (*s == ':')
			s++;
		if (digits(&s, 2, 0, &mi) < 0)
			return (FEED_TIME_NONE);
		if (*s == ':' || (compact && isdigit((unsigned char)*s))) {
			if (*s == ':')
				s++;
			if (digits(&s, 2, 0, &sec) < 0)
				return (FEED_TIME_NONE);
		}
		if (*s == '.' || *s == ',')
			for (s++; isdigit((unsigned char)*s); s++)
				;
		skip_space(&s);
		if (*s != '\0' && parse_zone(&s, &off) < 0)
			return (FEED_TIME_NONE);
	}
	skip_space(&s);
	if (*s != '\0')
		return (FEED_TIME_NONE);
	return (make_time(y, mo, d, h, mi, sec, off));
}

int64_t
feed_date_parse(const char *s)
{
	const char	*p = s;

	if (s == NULL)
		return (FEED_TIME_NONE);
	skip_space(&p);
	/* Four digits first: ISO 8601; anything else: RFC 822. */
	if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
	    isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]))
		return (parse_w3c(p));
	return (parse_rfc822(p));
}

/* The proleptic Gregorian date of a day count (Hinnant's inverse). */
static void
civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t		era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static char *
two_digits(char *o, int v)
{
	o[0] = (char)('0' + v / 10);
	o[1] = (char)('0' + v % 10);
	return (o + 2);
}

/*
 * Written out by hand rather than with gmtime_r() and strftime(), which
 * go through the time zone machinery for every item of a feed.
 */
void
feed_date_format(int64_t t, char out[21])
{
	int64_t	days, secs, y;
	int	m, d;
	char	*o = out;

	/* Four digits only: %Y printed year 999 as "999", which no parser
	 * reads back (fuzz-date: "1000 0812KST"). */
	if (t == FEED_TIME_NONE || t < INT64_C(-30610224000) ||
	    t > INT64_C(253402300799)) {
		out[0] = '\0';
		return;
	}
	days = t / 86400;
	secs = t % 86400;
	if (secs < 0) {
		secs += 86400;
		days--;
	}
	civil_from_days(days, &y, &m, &d);
	o = two_digits(o, (int)(y / 100));
	o = two_digits(o, (int)(y % 100));
	*o++ = '-';
	o = two_digits(o, m);
	*o++ = '-';
	o = two_digits(o, d);
	*o++ = 'T';
	o = two_digits(o, (int)(secs / 3600));
	*o++ = ':';
	o = two_digits(o, (int)(secs / 60 % 60));
	*o++ = ':';
	o = two_digits(o, (int)(secs % 60));
	*o++ = 'Z';
	*o = '\0';
}
