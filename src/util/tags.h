/* Tag lists as the cache and the urls file hand them round: words joined
 * by '\t'. */
#ifndef TIDINGS_UTIL_TAGS_H
#define TIDINGS_UTIL_TAGS_H

/* Is tag one of the '\t'-joined tags (NULL: none)? Whole words only. */
int	tags_has(const char *tags, const char *tag);

#endif
