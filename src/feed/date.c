/* Stopgap (strptime, two formats) until the full RFC 822 / RFC 3339
 * parser of the dates branch lands; it replaces this file. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include "feed/feed.h"
int64_t feed_date_parse(const char *s) { struct tm tm; memset(&tm,0,sizeof tm);
 if (strptime(s, "%Y-%m-%dT%H:%M:%S", &tm) || strptime(s, "%a, %d %b %Y %H:%M:%S", &tm)) return timegm(&tm);
 return FEED_TIME_NONE; }
void feed_date_format(int64_t t, char out[21]) { time_t tt=(time_t)t; struct tm tm; gmtime_r(&tt,&tm); strftime(out,21,"%Y-%m-%dT%H:%M:%SZ",&tm); }
