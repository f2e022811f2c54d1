#!/usr/bin/env bash
# `communique serve` on a built site: it serves the pages under the site's base path,
# answers a missing page with the site's 404 page, builds again when a page's Markdown
# changes (and tells open pages to reload), and keeps serving the last good site when an
# edit breaks the build.
# Usage: serve.sh BIN SITE_ROOT
set -euo pipefail
BIN=$1
site=$2
log=$(mktemp)
"$BIN" serve --root "$site" --port 0 >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT

url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/[^ ,]*' "$log" | head -1 || true)
  [ -n "$url" ] && break
  sleep 0.2
done
[ -n "$url" ] || { echo "serve printed no URL:"; cat "$log"; exit 1; }
base=$(echo "$url" | grep -o "http://127\.0\.0\.1:[0-9]*")
echo "serving at $url"

status() { curl -s -o /dev/null -w '%{http_code}' "$1"; }
[ "$(status "$url")" = 200 ] || { echo "home: $(status "$url")"; exit 1; }
[ "$(status "$base/")" = 302 ] || { echo "host root does not redirect to the site"; exit 1; }
release=$(ls "$site/Content/releases" | head -1)
[ "$(status "${url}releases/$release")" = 302 ] || { echo "a folder without its slash is not redirected"; exit 1; }
[ "$(status "${url}releases/$release/")" = 200 ] || { echo "release page not served"; exit 1; }
[ "$(status "${url}no-such-page.html")" = 404 ] || { echo "a missing page is not a 404"; exit 1; }
curl -s "${url}no-such-page.html" | grep -q '<html' || { echo "the 404 is not the site's 404 page"; exit 1; }
curl -sI "$url" | grep -qi '^content-type: text/html; charset=utf-8' || { echo "HTML is not sent as UTF-8"; exit 1; }

# Nothing outside the output, no dotfile, no control character (curl --path-as-is keeps the path as sent).
ln -s /etc/passwd "$site/Public/pw.txt"
mkdir -p "$site/Public/.git" && echo '[core]' >"$site/Public/.git/config"
[ "$(status "${url}pw.txt")" = 404 ] || { echo "a link out of the output is served"; exit 1; }
curl -s "${url}pw.txt" | grep -q 'root:' && { echo "/etc/passwd was served"; exit 1; }
[ "$(status "${url}.git/config")" = 404 ] || { echo "a dotfile is served"; exit 1; }
[ "$(curl -s --path-as-is -o /dev/null -w '%{http_code}' "${url}feed.xml%00/x.html")" = 400 ] || { echo "NUL in a path is not a 400"; exit 1; }
[ "$(curl -s --path-as-is -o /dev/null -w '%{http_code}' "${url}../../etc/passwd")" = 404 ] || { echo ".. leads out"; exit 1; }
rm -rf "$site/Public/pw.txt" "$site/Public/.git"

# Live reload: pages poll the build count, which a new build moves on.
curl -s "${url}releases/$release/" | grep -q '__communique/version' || { echo "no live-reload script in the page"; exit 1; }
grep -q '__communique' "$site/Public/releases/$release/index.html" && { echo "the live-reload script was written to disk"; exit 1; }
version=$(curl -s "${url}__communique/version")

# An edit is built and served.
page=$(ls "$site/Content/releases/$release"/*.md | grep -v _index | head -1)
section=$(basename "$page" .md | sed 's/^[0-9]*-//')
printf '\nサーブ確認用の段落。\n' >>"$page"
for _ in $(seq 1 100); do
  curl -s "${url}releases/$release/$section/" | grep -q 'サーブ確認用の段落' && break
  sleep 0.2
done
curl -s "${url}releases/$release/$section/" | grep -q 'サーブ確認用の段落' || { echo "the edit was not built:"; cat "$log"; exit 1; }
[ "$(curl -s "${url}__communique/version")" != "$version" ] || { echo "the build count did not move after a build"; exit 1; }

# A broken edit: the error is printed, the last good site is still served.
printf -- '---\ntitle: [unclosed\n---\n' >"$site/Content/releases/$release/99-broken.md"
for _ in $(seq 1 100); do
  grep -q 'Build failed' "$log" && break
  sleep 0.2
done
grep -q 'Build failed' "$log" || { echo "the broken edit was not reported:"; cat "$log"; exit 1; }
grep -q '99-broken.md:2' "$log" || { echo "the error does not name the file and line:"; cat "$log"; exit 1; }
curl -s "${url}releases/$release/$section/" | grep -q 'サーブ確認用の段落' || { echo "the last good site is gone"; exit 1; }
rm "$site/Content/releases/$release/99-broken.md"
echo "serve: ok"
