/*
 * The fetcher's limits from the configuration: what the feeds' refresh and
 * the full-text fetch share, so that neither depends on the other.
 */
#include "config.h"

#include <string.h>

#include "conf/conf.h"
#include "net/net.h"
#include "poll/poll.h"

void
poll_limits_get(const struct config *c, struct net_limits *l)
{
	memset(l, 0, sizeof *l);
	l->max_conns = (int)conf_file_int(c, CONF_MAX_CONNECTIONS);
	l->max_host_conns =
	    (int)conf_file_int(c, CONF_MAX_CONNECTIONS_PER_HOST);
	l->max_size = conf_file_int(c, CONF_DOWNLOAD_MAX_SIZE);
	l->max_redirects = (long)conf_file_int(c, CONF_MAX_REDIRECTS);
	l->connect_timeout = (long)conf_file_int(c, CONF_CONNECT_TIMEOUT);
	l->total_timeout = (long)conf_file_int(c, CONF_DOWNLOAD_TIMEOUT);
	l->low_speed_time = (long)conf_file_int(c, CONF_LOW_SPEED_TIME);
	l->proxy = conf_file_str(c, CONF_PROXY);
	l->proxy_auth = conf_file_str(c, CONF_PROXY_AUTH);
	l->ca_file = conf_file_str(c, CONF_TLS_CA_FILE);
	/* The choices of proxy-type are in enum net_proxy_type's order. */
	l->proxy_type = (enum net_proxy_type)conf_file_int(c, CONF_PROXY_TYPE);
}
