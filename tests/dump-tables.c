/*
 * Prints the tables the manual pages, completions and example config
 * describe: config options, actions, key contexts, default bindings, key
 * names and colour names, one tab-separated row each, straight from the
 * code's own tables. tests/e2e/man-sync.py compares them with doc/ and
 * contrib/ so that the documentation cannot drift from the code.
 *
 *	dump-tables		the tables
 *	dump-tables check FILE	load FILE as a config (its bind-key,
 *				unbind-key and color lines too); exit 1 on
 *				error
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf/conf.h"
#include "conf/conf.h"

static const char *const dump_type_names[] = {
	[CONF_BOOL] = "boolean",
	[CONF_INT] = "number",
	[CONF_SIZE] = "size",
	[CONF_STRING] = "string",
	[CONF_CHOICE] = "choice",
};

static void
dump_tables(void)
{
	const struct conf_option	*o;
	const char			*key, *action, *ctx, *name;
	size_t				 i, j;
	int				 kind;
	static const char *const	 kinds[] = { "element", "colour",
					    "attr" };

	for (i = 0; i < CONF_NOPTS; i++) {
		o = &conf_options[i];
		if (o->name == NULL)
			continue;
		printf("option\t%s\t%s\t%s\t%" PRId64 "\t%" PRId64 "\n",
		    o->name, dump_type_names[o->type], o->def, o->min, o->max);
		for (j = 0; o->choices != NULL && o->choices[j] != NULL; j++)
			printf("choice\t%s\t%s\n", o->name, o->choices[j]);
	}
	for (i = 1; i < ACT__COUNT; i++)
		printf("action\t%s\n",
		    conf_keys_action_info((enum conf_action)i)->name);
	for (i = 0; i < CTX__COUNT; i++)
		printf("context\t%s\n", conf_keys_ctx_name((enum conf_ctx)i));
	for (i = 0; conf_keys_default_at(i, &key, &action, &ctx); i++)
		printf("bind\t%s\t%s\t%s\n", key, action, ctx);
	for (i = 0; (name = conf_keys_name_at(i)) != NULL; i++)
		printf("keyname\t%s\n", name);
	for (kind = 0; kind < 3; kind++)
		for (i = 0; (name = conf_colour_name_at(kind, i)) != NULL; i++)
			printf("%s\t%s\n", kinds[kind], name);
}

static int
dump_check(const char *path)
{
	struct config	 c;
	char		*cause = NULL;
	int		 rc = 0;

	conf_file_init(&c);
	if (conf_file_load(&c, path, &cause) != 0) {
		fprintf(stderr, "%s\n", cause);
		free(cause);
		rc = 1;
	}
	conf_file_fini(&c);
	conf_keys_free();
	return (rc);
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "check") == 0)
		return (dump_check(argv[2]));
	if (argc != 1) {
		fprintf(stderr, "usage: dump-tables [check FILE]\n");
		return (2);
	}
	dump_tables();
	return (0);
}
