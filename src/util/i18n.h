/* gettext glue: _() marks and translates, N_() only marks. */
#ifndef TIDINGS_UTIL_I18N_H
#define TIDINGS_UTIL_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s)	gettext(s)
#else
#define _(s)	(s)
#define ngettext(s, p, n)	((n) == 1 ? (s) : (p))
#endif
#define N_(s)	(s)

#endif
