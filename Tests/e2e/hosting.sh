#!/usr/bin/env bash
# The built site on a real static host and from disk:
#
#   bash Tests/e2e/hosting.sh [--quiet] SITE_PUBLIC_DIR
#
# Starts nginx on 127.0.0.1 (a free high port, config/pid/logs/temp in a private
# temp folder; /etc/nginx and the system service are never touched), serving the
# folder under the sub-path of the site's base_url (/statements/ for the sample),
# crawls it with LinkChecker over HTTP and from disk (file://), checks the 404
# page and the content types with curl, validates feed.xml and sitemap.xml when
# present (REQUIRE_FEEDS=1 makes them required), and checks that the crawler
# really reports breakage on a copy with a deleted page, a root-relative link and
# a folder link.
# One `ok:`/`FAILED:` line per check, then `hosting: N passed, M failed`;
# --quiet leaves out the ok lines (run.sh shows only the first lines of a failure).
#
# Environment: BASE_URL (default: base_url of ../Content/site.yml, else the home
# page's canonical link), REQUIRE_FEEDS=1, CRAWL_TIMEOUT (seconds per crawl, 120).
set -uo pipefail

quiet=0
if [ "${1:-}" = --quiet ]; then quiet=1; shift; fi
if [ $# -ne 1 ] || [ ! -f "$1/index.html" ]; then
  echo "usage: $0 [--quiet] SITE_PUBLIC_DIR   (a built site: the folder holding index.html)" >&2
  exit 2
fi
public=$(cd "$1" && pwd -P)
case $public in
  *[\"\$\\\;{}]*) echo "hosting: the folder name must not contain \" \$ \\ ; { }: $public" >&2; exit 2 ;;
esac
REPO=$(cd "$(dirname "$0")/../.." && pwd)
CRAWL_TIMEOUT=${CRAWL_TIMEOUT:-120}
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost

passed=0
failed=0
ok() { [ $quiet = 1 ] || echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAILED: $1"; failed=$((failed + 1)); }
indent() { sed 's/^/    /' | head -"${1:-20}"; }

# Everything lives in one temp folder; nginx is stopped and the folder removed on
# any exit, including failures and Ctrl-C.
tmp=$(mktemp -d)
nginx_pid=
# Running, and not a zombie waiting to be reaped.
alive() {
  local state=
  [ -r "/proc/$1/stat" ] && read -r _ _ state _ <"/proc/$1/stat" 2>/dev/null
  [ -n "$state" ] && [ "$state" != Z ]
}
cleanup() {
  if [ -n "$nginx_pid" ] && alive "$nginx_pid"; then
    kill -TERM "$nginx_pid" 2>/dev/null
    for _ in $(seq 50); do alive "$nginx_pid" || break; sleep 0.1; done
    alive "$nginx_pid" && kill -KILL "$nginx_pid" 2>/dev/null
  fi
  [ -n "$nginx_pid" ] && wait "$nginx_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'echo "hosting: interrupted"; exit 130' INT
trap 'echo "hosting: terminated"; exit 143' TERM HUP

# --- The site's base_url: where it is published, and so the sub-path to serve it under.
base_url=${BASE_URL:-}
if [ -z "$base_url" ] && [ -f "$public/../Content/site.yml" ]; then
  base_url=$(sed -n -E "s/^base_url:[[:space:]]*[\"']?([^\"' #]+).*/\1/p" "$public/../Content/site.yml" | head -1)
fi
if [ -z "$base_url" ]; then
  base_url=$(grep -o -m1 '<link rel="canonical" href="[^"]*"' "$public/index.html" | sed -E 's/.*href="([^"]*)"/\1/')
fi
case $base_url in */) ;; ?*) base_url=$base_url/ ;; esac
# The path of base_url (https://example.org/statements/ -> /statements/); a site
# published at the host root is still served under /statements/ here.
mount=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.urlsplit(sys.argv[1]).path)' "$base_url" 2>/dev/null)
case $mount in /?*/) ;; *) mount=/statements/ ;; esac
echo "hosting: $public, base_url ${base_url:-(unknown)}, served under $mount"

# --- Tools: nginx from Debian (make test-deps), LinkChecker from PyPI in the repo's venv.
venv=$REPO/.build-venv
if [ ! -x "$venv/bin/linkchecker" ]; then
  { [ -x "$venv/bin/pip" ] || python3 -m venv "$venv"; } && "$venv/bin/pip" install -q linkchecker >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
for tool in "$NGINX" "$venv/bin/linkchecker" curl; do
  if ! command -v "$tool" >/dev/null; then
    fail "tool available: $tool (run make test-deps)"
    echo "hosting: $passed passed, $failed failed"
    exit 1
  fi
done

# --- Copies for the crawls from disk. LinkChecker run as root drops to the user
# nobody, who cannot read a private temp folder (run.sh's among them), so as root
# the disk crawls read a world-readable copy of the site; otherwise the folder itself.
chmod 711 "$tmp"
mkdir -p "$tmp/disk" "$tmp/nginx/logs" "$tmp/nginx/temp" "$tmp/nginx/empty"
chmod 755 "$tmp/disk"
if [ "$(id -u)" -eq 0 ]; then
  disk_site=$tmp/disk/site
  cp -R "$public" "$disk_site" && chmod -R a+rX "$disk_site"
else
  disk_site=$public
fi

# The planted copy: one section page deleted (every link to it is now broken), and
# on the home page a root-relative link (it works on no sub-path and not from
# disk) and a folder link (from disk it opens a listing). The crawls of this copy
# must report them: all three from disk, the first two over HTTP.
planted=$tmp/disk/planted
cp -R "$public" "$planted" && chmod -R a+rX "$planted"
victim=$(cd "$planted" && find releases -mindepth 3 -maxdepth 3 -path '*/index.html' ! -path '*/all/*' 2>/dev/null | sort | head -1)
[ -n "$victim" ] && rm "$planted/$victim"
sed -i 's#</body>#<p><a href="/assets/style.css">planted root-relative link</a> <a href="glossary/">planted folder link</a></p>\n</body>#' "$planted/index.html"

# --- nginx: a free port on 127.0.0.1, retried if another process takes it first.
conf=$tmp/nginx/nginx.conf
user_line=
[ "$(id -u)" -eq 0 ] && user_line="user $(id -un) $(id -gn);"   # workers read the folder as we do
write_conf() {
  cat >"$conf" <<EOF
# Written by Tests/e2e/hosting.sh for one test run.
$user_line
worker_processes 1;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log warn;
events { worker_connections 128; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  types_hash_max_size 2048;
  charset utf-8;
  charset_types text/css text/xml text/plain application/xml application/atom+xml application/rss+xml application/javascript;
  access_log $tmp/nginx/logs/access.log;
  client_body_temp_path $tmp/nginx/temp/client_body;
  proxy_temp_path $tmp/nginx/temp/proxy;
  fastcgi_temp_path $tmp/nginx/temp/fastcgi;
  uwsgi_temp_path $tmp/nginx/temp/uwsgi;
  scgi_temp_path $tmp/nginx/temp/scgi;
  server {
    listen 127.0.0.1:$1;
    server_name localhost;
    root $tmp/nginx/empty;              # nothing outside the sub-paths below
    # Any LinkChecker response header lifts LinkChecker's per-host rate limit
    # (about 3 requests/s otherwise); 'always' so 404s carry it too.
    add_header LinkChecker allow always;
    location $mount {
      alias "$public/";
      index index.html;
      error_page 404 ${mount}404.html;
    }
    location /planted/ {
      alias "$planted/";
      index index.html;
    }
  }
}
EOF
}
# nginx runs in the foreground as our child (daemon off), so we stop and reap it
# ourselves; it writes its pid file once its socket is bound.
port=
for attempt in 1 2 3 4 5; do
  try=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  write_conf "$try"
  rm -f "$tmp/nginx/nginx.pid"
  : >"$tmp/nginx/logs/error.log"   # only the run that serves is checked for errors below
  "$NGINX" -c "$conf" -p "$tmp/nginx/" -e "$tmp/nginx/logs/error.log" >"$tmp/nginx/start.out" 2>&1 &
  nginx_pid=$!
  for _ in $(seq 100); do
    { [ -s "$tmp/nginx/nginx.pid" ] || ! alive "$nginx_pid"; } && break
    sleep 0.05
  done
  if alive "$nginx_pid" && [ -s "$tmp/nginx/nginx.pid" ]; then
    port=$try
    break
  fi
  kill -TERM "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null
  nginx_pid=
  grep -q 'in use' "$tmp/nginx/start.out" "$tmp/nginx/logs/error.log" 2>/dev/null || break
done
if [ -z "$port" ]; then
  fail "nginx serves the site on 127.0.0.1"
  cat "$tmp/nginx/start.out" "$tmp/nginx/logs/error.log" 2>/dev/null | indent
  echo "hosting: $passed passed, $failed failed"
  exit 1
fi
origin=http://127.0.0.1:$port
site_url=$origin$mount
ok "nginx serves the site at $site_url (127.0.0.1 only, pid $nginx_pid)"

# --- HTTP checks with curl.
# get URL: fetches into $tmp/body (headers into $tmp/headers); sets $status and $ctype.
get() {
  local out
  out=$(curl -sS --noproxy '*' --max-time 10 -D "$tmp/headers" -o "$tmp/body" -w '%{http_code} %{content_type}' "$1" 2>&1) || out="000 $out"
  status=${out%% *}
  ctype=${out#* }
}
html_type='^text/html; ?charset=utf-8$'

get "$site_url"
if [ "$status" = 200 ] && [[ ${ctype,,} =~ $html_type ]] && cmp -s "$tmp/body" "$public/index.html" \
  && grep -qi '^LinkChecker: allow' "$tmp/headers"; then
  ok "GET $mount: 200, the home page, $ctype, LinkChecker: allow"
else
  fail "GET $mount: 200, the home page, text/html; charset=utf-8, LinkChecker: allow (got $status, $ctype$(cmp -s "$tmp/body" "$public/index.html" || echo ', another body')$(grep -qi '^LinkChecker: allow' "$tmp/headers" || echo ', no LinkChecker header'))"
fi

get "${site_url}assets/style.css"
if [ "$status" = 200 ] && [[ ${ctype,,} =~ ^text/css ]]; then
  ok "GET ${mount}assets/style.css: 200, $ctype"
else
  fail "GET ${mount}assets/style.css: 200, text/css (got $status, $ctype)"
fi

missing=${site_url}no/such/page/
get "$missing"
if [ "$status" = 404 ] && [[ ${ctype,,} =~ $html_type ]] && cmp -s "$tmp/body" "$public/404.html"; then
  ok "GET ${mount}no/such/page/: 404 with the site's 404 page"
else
  fail "GET ${mount}no/such/page/: 404 with the site's 404 page (got $status, $ctype$(cmp -s "$tmp/body" "$public/404.html" || echo ', another body'))"
fi

# The 404 page is served at any depth, so its links must work from any depth: its
# stylesheet and every same-site link (home first), resolved against the missing URL.
python3 - "$missing" "$tmp/body" "$site_url" >"$tmp/404-links" 2>&1 <<'PY'
import sys, urllib.parse
from html.parser import HTMLParser
missing, body, site_url = sys.argv[1:]
class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stylesheets, self.anchors = [], []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.stylesheets.append(a["href"])
        elif tag == "a" and a.get("href") and not a["href"].startswith("#"):
            self.anchors.append(a["href"])
parser = Links()
parser.feed(open(body, encoding="utf-8").read())
origin = urllib.parse.urlsplit(missing)[:2]
def local(href):
    url = urllib.parse.urljoin(missing, href).split("#")[0]
    return url if urllib.parse.urlsplit(url)[:2] == origin else None
styles = [u for u in map(local, parser.stylesheets) if u]
anchors = [u for u in map(local, parser.anchors) if u]
if not styles:
    sys.exit("the 404 page links no stylesheet on this site")
if not any(u in (site_url, site_url + "index.html") for u in anchors):
    sys.exit(f"the 404 page has no link to the home page {site_url}: {parser.anchors}")
for url in dict.fromkeys(styles + anchors):
    print(url)
PY
if [ $? -ne 0 ]; then
  fail "the 404 page's stylesheet and home links resolve from ${mount}no/such/page/"
  indent <"$tmp/404-links"
else
  broken=()
  while read -r url; do
    get "$url"
    [ "$status" = 200 ] || broken+=("$url -> $status")
  done <"$tmp/404-links"
  n=$(wc -l <"$tmp/404-links")
  if [ ${#broken[@]} -eq 0 ]; then
    ok "the 404 page's stylesheet and home links resolve from ${mount}no/such/page/ ($n URLs, 200)"
  else
    fail "the 404 page's stylesheet and home links resolve from ${mount}no/such/page/"
    printf '%s\n' "${broken[@]}" | indent
  fi
fi

xml_type='^(text/xml|application/xml|application/[a-z.+-]+\+xml)(;|$)'
for file in feed.xml sitemap.xml; do
  if [ ! -f "$public/$file" ]; then
    if [ "${REQUIRE_FEEDS:-}" = 1 ]; then fail "GET $mount$file: 200 with an XML content type (the file is missing)"
    else echo "skip: GET $mount$file: not built yet"; fi
    continue
  fi
  get "$site_url$file"
  if [ "$status" = 200 ] && [[ ${ctype,,} =~ $xml_type ]]; then
    ok "GET $mount$file: 200, $ctype"
  else
    fail "GET $mount$file: 200 with an XML content type (got $status, $ctype)"
  fi
done

# --- LinkChecker crawls. Internal = this whole host / any file: URL, so a link that
# escapes the sub-path (or a root-relative one from disk) is checked and fails,
# instead of being skipped as external. External URLs are not checked.
cat >"$tmp/linkcheckerrc" <<EOF
[checking]
threads=8
maxrequestspersecond=1000
timeout=10
[filtering]
internlinks=^(https?://127\\.0\\.0\\.1:$port/|file:)
EOF
# crawl START OUT: LinkChecker's verbose CSV of every URL it checked into OUT.csv.
crawl() {
  timeout --foreground "$CRAWL_TIMEOUT" "$venv/bin/linkchecker" -f "$tmp/linkcheckerrc" --no-status -v \
    -o csv/utf-8 "$1" >"$2.csv" 2>"$2.err"
}
# report OUT PREFIX SITE_DIR [EXPECTED_BROKEN_URL...]: summarises OUT.csv; without
# expected URLs, fails on any broken URL or any page of SITE_DIR the crawl did not
# reach; with them, fails unless every one of them was reported broken.
report() {
  python3 - "$@" <<'PY'
import csv, os, sys, urllib.parse
out, prefix, site, *expected = sys.argv[1:]
lines = (l for l in open(out + ".csv", encoding="utf-8") if not l.startswith("#"))
rows = list(csv.DictReader(lines, delimiter=";"))
if not rows:
    sys.exit("LinkChecker reported no URLs at all")
# From disk a link to a folder opens a directory listing, not the page: LinkChecker
# calls it valid, a reader would not.
for r in rows:
    if r.get("valid") == "True" and r["url"].startswith("file:") and r["url"].split("#")[0].endswith("/"):
        r["valid"], r["result"] = "False", "a folder: from disk a browser shows a listing, not index.html"
broken = [r for r in rows if r.get("valid") != "True"]
checked = {r["url"].split("#")[0] for r in rows if r.get("valid") == "True"}
def describe(r):
    return f"{r['url']} ({r['result'] or r['warningstring']}) linked from {r['parentname'] or '(start)'}"
if expected:
    found = {r["url"] for r in broken}
    missed = [u for u in expected if u not in found]
    if missed:
        print(f"not reported broken: {', '.join(missed)}")
        for r in broken: print("reported: " + describe(r))
        sys.exit(1)
    print(f"{len(rows)} URLs, {len(broken)} broken, including {', '.join(expected)}")
    sys.exit(0)
pages = []
for folder, dirs, files in os.walk(site):
    for name in files:
        path = os.path.relpath(os.path.join(folder, name), site).replace(os.sep, "/")
        if name.endswith(".html") and path != "404.html":
            pages.append(path)
reached = set()
for url in checked:
    if url.startswith(prefix):
        path = urllib.parse.unquote(url[len(prefix):].split("?")[0])
        reached.add(path + "index.html" if path == "" or path.endswith("/") else path)
unreached = sorted(set(pages) - reached)
for r in broken[:20]: print("broken: " + describe(r))
for p in unreached[:20]: print("not reached by the crawl: " + p)
print(f"{len(rows)} URLs, {len(broken)} broken, {len(set(pages) & reached)}/{len(pages)} pages reached")
sys.exit(1 if broken or unreached else 0)
PY
}
# crawl_check NAME START PREFIX SITE_DIR [EXPECTED_BROKEN_URL...]
crawl_check() {
  local name=$1 start=$2 out=$tmp/crawl$((passed + failed)) rc summary
  shift 2
  SECONDS=0
  crawl "$start" "$out"
  rc=$?
  summary=$(report "$out" "$@" 2>&1)
  local verdict=$?
  if [ $# -gt 2 ]; then   # planted breakage: LinkChecker must exit 1 and name it
    [ $rc -eq 1 ] && [ $verdict -eq 0 ] && { ok "$name: exit 1, $(tail -1 <<<"$summary") (${SECONDS}s)"; return; }
  else
    [ $rc -eq 0 ] && [ $verdict -eq 0 ] && { ok "$name: exit 0, $(tail -1 <<<"$summary") (${SECONDS}s)"; return; }
  fi
  fail "$name (linkchecker exit $rc$([ $rc -eq 124 ] && echo ", timed out after ${CRAWL_TIMEOUT}s"))"
  { echo "$summary"; grep -v -e 'Running as root' -e 'Checking intern URLs only' "$out.err"; } | indent 30
}

file_uri() { python3 -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).as_uri())' "$1"; }
disk_prefix=$(file_uri "$disk_site")/
planted_prefix=$(file_uri "$planted")/

crawl_check "LinkChecker over HTTP from ${mount}index.html: no broken links" \
  "${site_url}index.html" "$site_url" "$public"
crawl_check "LinkChecker from disk (file://…/index.html): no broken links" \
  "${disk_prefix}index.html" "$disk_prefix" "$disk_site"

# The crawler detects a planted broken link, over HTTP and from disk.
if [ -z "$victim" ]; then
  fail "crawler detects a planted broken link (the site has no section page releases/*/*/index.html to delete)"
else
  crawl_check "crawler detects a planted broken link over HTTP (deleted $victim)" \
    "${origin}/planted/index.html" "$origin/planted/" "$planted" "$origin/planted/$victim" "$origin/assets/style.css"
  crawl_check "crawler detects a planted broken link from disk (deleted $victim)" \
    "${planted_prefix}index.html" "$planted_prefix" "$planted" "$planted_prefix$victim" "file:///assets/style.css" \
    "${planted_prefix}glossary/"
fi

# --- feed.xml (Atom) and sitemap.xml: well-formed, the right shape, absolute URLs.
feeds_args=("$public" "$base_url")
[ "${REQUIRE_FEEDS:-}" = 1 ] && feeds_args+=(--require)
feeds_out=$(python3 "$REPO/Tests/e2e/validate_feeds.py" "${feeds_args[@]}" 2>&1)
feeds_rc=$?
if [ $quiet = 1 ]; then grep -v '^ok:' <<<"$feeds_out"; else echo "$feeds_out"; fi
passed=$((passed + $(grep -c '^ok:' <<<"$feeds_out")))
failed=$((failed + $(grep -c '^FAILED:' <<<"$feeds_out")))
if [ $feeds_rc -ne 0 ] && ! grep -q '^FAILED:' <<<"$feeds_out"; then fail "validate_feeds.py ran (exit $feeds_rc)"; fi

# nginx itself logged no errors (each 404 is logged at 'error' level as a missing
# file, "(2: No such file or directory)": those are expected and left out).
grep -E '\[(emerg|alert|crit|error)\]' "$tmp/nginx/logs/error.log" 2>/dev/null \
  | grep -v -F '(2: No such file or directory)' >"$tmp/nginx-errors"
if [ -s "$tmp/nginx-errors" ]; then
  fail "nginx logged no errors"
  indent <"$tmp/nginx-errors"
else
  ok "nginx logged no errors ($(wc -l <"$tmp/nginx/logs/access.log") requests served)"
fi

echo "hosting: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
