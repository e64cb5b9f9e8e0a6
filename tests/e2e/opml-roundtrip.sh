#!/bin/sh
# OPML export and import that lose nothing: titles from the cache, tags
# with slashes as nested folders, odd tags (comma, blank, quotes,
# non-ASCII), no outlines for query:, exec: and filter: lines, export ->
# import -> export giving the same file, url= read, and every outline
# left out named on stderr.
. "$TOP_SRCDIR/tests/lib/tap.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
plan 16

echo "fulltext no" >"$tmp/config"
printf '<rss version="2.0"><channel><title>Cached Name</title><item><title>i</title></item></channel></rss>' >"$tmp/local.xml"
cat >"$tmp/urls" <<URLS
$tmp/local.xml
http://127.0.0.1:9/news.xml "tech news" linux
http://127.0.0.1:9/kernel.xml Tech/Linux "a,b" "say \"hi\""
http://127.0.0.1:9/cafe.xml "Café/Crème" "~Le café \"noir\""
http://127.0.0.1:9/android.xml Tech/Android
http://127.0.0.1:9/tech.xml Tech
"query:Unread:unread = \"yes\""
"exec:echo hi"
"filter:cat:http://127.0.0.1:9/f.xml" piped
URLS
cp "$tmp/urls" "$tmp/urls.orig"
# The cache learns the local feed's own title.
"$TIDINGS" -C "$tmp/config" -u "$tmp/urls" -c "$tmp/cache.db" -r \
    >/dev/null 2>&1
"$TIDINGS" -C "$tmp/config" -u "$tmp/urls" -c "$tmp/cache.db" -e \
    >"$tmp/one.opml" 2>"$tmp/err"
ok "export: exit 0" test $? -eq 0
ok "the cache's title when there is no custom one" contains "$tmp/one.opml" \
    "text=\"Cached Name\" xmlUrl=\"$tmp/local.xml\""
ok "the custom title in title" contains "$tmp/one.opml" \
    'text="Le café &quot;noir&quot;" title="Le café &quot;noir&quot;"'
ok "Tech/Linux nested: Linux inside Tech" sh -c "tr -d '\n' <'$tmp/one.opml' |
    grep -q '<outline text=\"Tech\">  *<outline text=\"Linux\">  *<outline type=\"rss\" text=\"http://127.0.0.1:9/kernel.xml\"'"
ok "a feed tagged Tech beside the Linux folder, in Tech" sh -c "tr -d '\n' <'$tmp/one.opml' |
    grep -q '<outline text=\"Android\">  *<outline[^>]*android.xml[^>]*/>  *</outline>  *<outline[^>]*tech.xml\" category=\"Tech\"/>  *</outline>'"
ok "every tag in category too" contains "$tmp/one.opml" \
    'category="Tech/Linux,a,b,say &quot;hi&quot;"'
ok "a tag with a blank is one folder" contains "$tmp/one.opml" \
    '<outline text="tech news">'
ok "a later tag with a comma has its folder" contains "$tmp/one.opml" \
    '<outline text="a,b">'
ok "no outline for query:, exec: or filter:" sh -c "! grep -Eq 'query:|exec:|filter:' '$tmp/one.opml'"

# Import into an empty urls file, export again: the same file.
mkdir "$tmp/b"
echo "fulltext no" >"$tmp/b/config"
"$TIDINGS" -C "$tmp/b/config" -u "$tmp/b/urls" -c "$tmp/cache.db" \
    -i "$tmp/one.opml" >"$tmp/out" 2>"$tmp/err"
ok "import: 6 new feeds, nothing left out" sh -c "grep -q 'Imported 6 new feeds' '$tmp/out' && ! test -s '$tmp/err'"
# The same words, written as tidings writes them (quotes only if needed).
ok "import: the tags as they were, comma and quotes kept" grep -qxF \
    'http://127.0.0.1:9/kernel.xml Tech/Linux a,b "say \"hi\""' "$tmp/b/urls"
ok "import: non-ASCII tag and custom title as they were" grep -qxF \
    'http://127.0.0.1:9/cafe.xml Café/Crème "~Le café \"noir\""' "$tmp/b/urls"
"$TIDINGS" -C "$tmp/b/config" -u "$tmp/b/urls" -c "$tmp/cache.db" -e \
    >"$tmp/two.opml" 2>"$tmp/err"
ok "export, import, export: the same file" cmp -s "$tmp/one.opml" "$tmp/two.opml"

# Another reader's file: url= read, and what is left out named.
cat >"$tmp/other.opml" <<'OPML'
<?xml version="1.0"?>
<opml version="1.0"><head/><body>
<outline text="By url" type="rss" url="http://127.0.0.1:9/by-url.xml"/>
<outline text="Runs" xmlUrl="exec:touch /tmp/x"/>
<outline text="Mail" xmlUrl="mailto:me@example.com"/>
<outline text="Empty folder"></outline>
</body></opml>
OPML
mkdir "$tmp/c"
"$TIDINGS" -C "$tmp/b/config" -u "$tmp/c/urls" -c "$tmp/c/cache.db" \
    -i "$tmp/other.opml" >"$tmp/out" 2>"$tmp/err"
ok "url= is read like xmlUrl" contains "$tmp/c/urls" "http://127.0.0.1:9/by-url.xml"
ok "a command is left out, named with file and line" contains "$tmp/err" \
    "tidings: $tmp/other.opml:4: outline \"Runs\": a command, never run from OPML"
ok "the others left out are named" sh -c "grep -q ':5: outline \"Mail\": not an http' '$tmp/err' &&
    grep -q ':6: outline \"Empty folder\": neither xmlUrl nor url' '$tmp/err' &&
    ! grep -q exec: '$tmp/c/urls'"
