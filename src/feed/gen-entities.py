#!/usr/bin/env python3
"""Regenerate src/feed/feed-entities.c from Python's html.entities (HTML 5)."""
import html.entities as H
import os

ents = {n: chr(cp) for n, cp in H.name2codepoint.items()}
for k, v in H.html5.items():
    if k.endswith(';') and k[:-1] not in ents:
        ents[k[:-1]] = v


def cesc(s):
    return ''.join('\\x%02x' % c for c in s.encode('utf-8'))


out = ['/*',
       ' * HTML named character references, for feeds that use them without a DTD.',
       ' * Generated from the HTML 5 entity list (Python\'s html.entities) by',
       ' * src/feed/gen-entities.py; sorted for bsearch. Do not edit.',
       ' */', '#include "config.h"', '', '#include <stdlib.h>', '#include <string.h>', '',
       '#include "feed/feed-int.h"', '',
       'static const struct entity {', '\tconst char\t*name;',
       '\tconst char\t*utf8;', '} entities[] = {']
for n, v in sorted(ents.items()):
    out.append('\t{ "%s", "%s" },' % (n, cesc(v)))
out += ['};', '', 'static int', 'entity_cmp(const void *key, const void *e)',
        '{', '\treturn (strcmp(key, ((const struct entity *)e)->name));', '}',
        '', '/* The UTF-8 text of HTML entity name (without & and ;), or NULL. */',
        'const char *', 'feed_entities_lookup(const char *name)', '{',
        '\tconst struct entity\t*e;', '',
        '\te = bsearch(name, entities, sizeof entities / sizeof entities[0],',
        '\t    sizeof entities[0], entity_cmp);',
        '\treturn (e != NULL ? e->utf8 : NULL);', '}']
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'feed-entities.c'), 'w') as f:
    f.write('\n'.join(out) + '\n')
