/* Tag lists as the cache and the urls file hand them round: words joined
 * by '\t'. */
#ifndef TIDINGS_UTIL_TAGS_H
#define TIDINGS_UTIL_TAGS_H

/* Is tag one of the '\t'-joined tags (NULL: none)? Whole words only. */
int	tags_has(const char *tags, const char *tag);

/*
 * The '\t'-joined tags as the user sees them: joined by blanks, a tag
 * holding a blank, a quote or a backslash (or an empty one) written in
 * "double quotes" as the urls file has it, so that "tech news" reads as
 * one tag. Never NULL; the caller frees it.
 */
char	*tags_display(const char *tags);

#endif
