#!/usr/bin/env python3
"""Communique's search against Pagefind on built sites, in headless Chromium.

  search.py --pagefind PAGEFIND --queries Tests/search/queries.txt --out RESULT.json NAME=PUBLIC ...

For each built site (its Public/ folder, copied to a scratch folder first):
  - index: the bytes of Communique's index (search/*.js, t/, d/) and of the text it indexes
    (every paragraph's text, and the glossary's and topics' names and glosses); Pagefind's index
    (pagefind/ without its UI files) and the time `pagefind --site` takes (median of 3);
  - per query, served by nginx as a static host would (HTTP/1.1, no compression, every file
    no-store so each visit is a first visit), three visits each, the median time reported:
    Communique: the page's own search (`search/index.html?q=`): time until its first paragraph
    is shown (performance.now(), measured by the page), bytes of index files loaded (once all
    it asked for has come), paragraphs and the pages they are on; Pagefind: `pagefind.search(q)`
    until its first result's data is ready, and the data of its first 20 results (what a results
    page shows), time and bytes, then the pages of every result.
  - for each query where the two find different pages, which pages and a reason, checked on
    the page's text: whether it has the query as a phrase (adjacent, in order, after NFKC,
    lower case and katakana as hiragana, Communique's rules).
Writes RESULT.json for bench/report.py.
"""
import argparse
import grp
import json
import os
import pwd
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from urllib.parse import quote

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
PAGEFIND_UI = ("pagefind-ui", "pagefind-component-ui", "pagefind-modular-ui", "pagefind-highlight")
SHOWN = 20
# Each query is timed on this many first visits; the median is reported (the VM is noisy).
VISITS = 3
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

BENCH_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>pagefind bench</title></head>
<body><script type="module">
import * as pagefind from "./pagefind/pagefind.js";
window.pagefindBench = pagefind;
</script></body></html>
"""


def folder_bytes(path, skip=()):
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            if not any(name.startswith(prefix) for prefix in skip):
                total += os.path.getsize(os.path.join(root, name))
    return total


def fold(text):
    """Communique's reading of text (SearchText.swift), enough to check a phrase."""
    out = []
    for ch in unicodedata.normalize("NFKC", text).lower():
        cp = ord(ch)
        if 0x30A1 <= cp <= 0x30F6 or cp in (0x30FD, 0x30FE):
            cp -= 0x60
        out.append(chr(cp))
    return "".join(out)


def has_phrase(text, query):
    """The query's pieces each in the text as written: Japanese adjacent, words whole."""
    folded = fold(text)
    for piece in re.split(r"\s+", fold(query.replace('"', " ")).strip()):
        if not piece:
            continue
        if re.fullmatch(r"[\w+\-]+", piece, re.ASCII):
            if not re.search(r"(?<![a-z0-9])" + re.escape(piece), folded):
                return False
        elif piece not in folded:
            return False
    return True


def page_texts(public):
    """Page path → its main text (for the reasons given when results differ)."""
    texts = {}
    for root, _, files in os.walk(public):
        for name in files:
            if name == "index.html":
                path = os.path.relpath(os.path.join(root, name), public)
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    html = f.read()
                main = re.search(r"<main[^>]*>(.*)</main>", html, re.S)
                body = re.sub(r"<[^>]+>", "", main.group(1) if main else html)
                texts[path] = re.sub(r"\s+", " ", body)
    return texts


def communique_text_bytes(public):
    """The text Communique indexes: paragraphs (from its document files) and entries' names and glosses."""
    total = 0
    node = r"""
const fs = require('fs'), vm = require('vm'), path = require('path');
const dir = process.argv[1]; let total = 0;
for (const f of fs.readdirSync(path.join(dir, 'd'))) {
  let data; vm.runInNewContext(fs.readFileSync(path.join(dir, 'd', f), 'utf8'), {communiqueSearch: {docs: (i, d) => { data = d; }}});
  for (const doc of data.docs) total += Buffer.byteLength(doc[3]);
}
let meta; vm.runInNewContext(fs.readFileSync(path.join(dir, 'meta.js'), 'utf8'), {communiqueSearch: {meta: (d) => { meta = d; }}});
for (const e of meta.entries) total += Buffer.byteLength([e[1], e[2], ...e[4], e[5], e[6]].join(''));
console.log(total);
"""
    total = int(subprocess.check_output(["node", "-e", node, os.path.join(public, "search")], text=True))
    return total


def index_kind(path):
    """Which index a served file belongs to, or None: index data only, not either tool's script
    or wasm (Communique's meta.js, t/, d/; Pagefind's entry, meta, index, fragment, filter files)."""
    if path.startswith("search/") and path.endswith(".js"):
        return "search"
    if path.startswith("pagefind/") and (path.endswith("pagefind-entry.json") or re.search(r"\.pf_(meta|index|fragment|filter)$", path)):
        return "pagefind"
    return None


NGINX_CONF = """{user}worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 256; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  log_format sent '$uri $body_bytes_sent';
  access_log {tmp}/access.log sent;
  client_body_temp_path {tmp}/client_body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  server {{
    listen 127.0.0.1:{port};
    root {site};
    index index.html;
    # Every page load a first visit: nothing kept in the browser's cache.
    add_header Cache-Control no-store;
  }}
}}
"""


class Server:
    """The site served by nginx as a static host serves it (HTTP/1.1, keep-alive, no
    compression), with every file marked no-store so each query is a first visit. nginx's
    access log counts the bytes of the index files each tool loads (Pagefind loads its index
    in a Worker, whose requests the page's Performance API does not list)."""

    def __init__(self, folder):
        self.tmp = tempfile.mkdtemp(prefix="communique-search-nginx-")
        for attempt in range(5):
            probe = socket.socket()
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
            probe.close()
            with open(os.path.join(self.tmp, "nginx.conf"), "w", encoding="utf-8") as f:
                # As root, nginx's workers would read the (private) site copy as nobody: read it as we do.
                user = f"user {pwd.getpwuid(os.getuid()).pw_name} {grp.getgrgid(os.getgid()).gr_name};\n" if os.getuid() == 0 else ""
                f.write(NGINX_CONF.format(user=user, tmp=self.tmp, port=port, site=os.path.abspath(folder)))
            self.process = subprocess.Popen([NGINX, "-c", os.path.join(self.tmp, "nginx.conf"), "-p", self.tmp + "/",
                                             "-e", os.path.join(self.tmp, "error.log")],
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(100):
                if os.path.exists(os.path.join(self.tmp, "nginx.pid")) or self.process.poll() is not None:
                    break
                time.sleep(0.05)
            if self.process.poll() is None:
                break
        else:
            raise SystemExit(f"search.py: nginx did not start (see {self.tmp}/error.log)")
        self.base = f"http://127.0.0.1:{port}/"
        self.log = os.path.join(self.tmp, "access.log")
        self.offset = 0

    def reset(self):
        self.offset = os.path.getsize(self.log) if os.path.exists(self.log) else 0

    def served(self, kind):
        """Bytes of index files of `kind` sent since `reset` (nginx writes each line as it answers)."""
        total = 0
        with open(self.log, encoding="utf-8", errors="replace") as f:
            f.seek(self.offset)
            for line in f:
                path, _, sent = line.rstrip("\n").rpartition(" ")
                if index_kind(path.lstrip("/")) == kind and sent.isdigit():
                    total += int(sent)
        return total

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.tmp, ignore_errors=True)


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_script_timeout(120)
    return driver


def communique_visit(driver, server, query):
    """One first visit of the search page with ?q=: the time the page measures until its first
    paragraph is shown (or its answer is complete with none), and the index bytes it loaded
    once all it asked for had come (meta, shards, the newest releases it preloads, the
    paragraphs of its first 20 results)."""
    server.reset()
    driver.get(server.base + "search/index.html?q=" + quote(query))
    WebDriverWait(driver, 60).until(lambda d: d.execute_script(
        "return window.communiqueSearchLast && window.communiqueSearchLast.query === arguments[0]", query))
    ms = driver.execute_script("return window.communiqueSearchLast.ms")
    driver.execute_async_script("""
const done = arguments[arguments.length - 1];
Promise.allSettled(Object.values(window.communiqueSearchLast.engine.loading)).then(() => done());
""")
    return ms, server.served("search")


def communique_query(driver, server, query):
    visits = [communique_visit(driver, server, query) for _ in range(VISITS)]
    # Then every paragraph's page (loading what showing them all would).
    found = driver.execute_async_script("""
const done = arguments[arguments.length - 1], last = window.communiqueSearchLast;
Promise.all(last.documents.map(d => last.engine.doc(d))).then(docs =>
  done({paragraphs: docs.length, entries: last.entries, pages: docs.map(doc => doc.page[1])}));
""")
    return {"ms": statistics.median(v[0] for v in visits), "visits_ms": [v[0] for v in visits], "bytes": visits[0][1],
            "paragraphs": found["paragraphs"], "entries": found["entries"], "pages": sorted(set(found["pages"]))}


def pagefind_visit(driver, server, query):
    """One first visit: `pagefind.search(q)` until its first result's data is ready (what its
    UI needs to show one), then the data of its first 20 results; bytes of index files loaded."""
    server.reset()
    driver.get(server.base + "pagefind-bench.html")
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return !!window.pagefindBench"))
    result = driver.execute_async_script("""
const done = arguments[arguments.length - 1], query = arguments[0], shown = arguments[1];
const started = performance.now();
window.pagefindBench.search(query).then(async search => {
  let ms = performance.now() - started;
  if (search.results.length) { await search.results[0].data(); ms = performance.now() - started; }
  await Promise.all(search.results.slice(0, shown).map(r => r.data()));
  done({ms, results: search.results.length});
}).catch(e => done({error: String(e)}));
""", query, SHOWN)
    if "error" in result:
        raise SystemExit(f"search.py: pagefind failed on {query!r}: {result['error']}")
    # What a query loads: the entry, meta, index chunks and 20 results' fragments.
    return result["ms"], server.served("pagefind")


def pagefind_query(driver, server, query):
    visits = [pagefind_visit(driver, server, query) for _ in range(VISITS)]
    every = driver.execute_async_script("""
const done = arguments[arguments.length - 1], query = arguments[0];
window.pagefindBench.search(query).then(async search => {
  const all = await Promise.all(search.results.map(r => r.data()));
  done({pages: all.map(d => d.url.replace(/^\\//, ''))});
}).catch(e => done({error: String(e)}));
""", query)
    if "error" in every:
        raise SystemExit(f"search.py: pagefind failed on {query!r}: {every['error']}")
    pages = sorted({p + "index.html" if p.endswith("/") else p for p in every["pages"]})
    return {"ms": statistics.median(v[0] for v in visits), "visits_ms": [v[0] for v in visits], "bytes": visits[0][1],
            "pages": pages}


def reason(query, only_ours, only_pagefind, texts):
    """Why the two found different pages, from what those pages are and what their text has."""
    reasons = []
    full_text = [p for p in only_pagefind if p.endswith("/all/index.html")]
    lists = [p for p in only_pagefind if p.split("/")[0] in ("glossary", "topics", "series") or p == "index.html"]
    rest = [p for p in only_pagefind if p not in full_text and p not in lists]
    if full_text:
        reasons.append(f"Pagefind also lists {len(full_text)} full-text page(s) (all/): Communique answers with the "
                       "paragraph on its section page")
    if lists:
        reasons.append(f"{len(lists)} glossary, topic or list page(s) name it: Communique shows the glossary entry or "
                       "topic itself, and paragraphs")
    apart = [p for p in rest if not has_phrase(texts.get(p, ""), query)]
    if apart:
        reasons.append(f"{len(apart)} page(s) only Pagefind finds do not have it as written (Japanese adjacent and "
                       "in order, words whole): Pagefind matched its parts apart or inside other words")
    if len(rest) > len(apart):
        reasons.append(f"{len(rest) - len(apart)} page(s) have it only outside a paragraph (headings, page chrome)")
    if only_ours:
        if unicodedata.normalize("NFKC", query) != query:
            why = "Pagefind does not fold full-width forms (ＡＣＭ is not ACM to it)"
        elif query.startswith('"'):
            why = "Pagefind does not read a quoted phrase of these tokens"
        elif any(ord(c) > 0x3000 for c in query):
            why = "Pagefind cuts Japanese into words its own way (no dictionary for ja) and misses this one"
        else:
            why = "Pagefind's whole-word and prefix rules differ"
        reasons.append(f"{len(only_ours)} page(s) only Communique finds: {why}")
    return "; ".join(reasons)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pagefind", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("sites", nargs="+", help="NAME=PUBLIC")
    args = parser.parse_args()
    with open(args.queries, encoding="utf-8") as f:
        queries = [line.rstrip("\n") for line in f if line.strip()]
    version = subprocess.check_output([args.pagefind, "--version"], text=True).strip()
    results = {"pagefind": version, "queries": queries, "sites": {}}
    driver = browser()
    try:
        for item in args.sites:
            name, public = item.split("=", 1)
            scratch = tempfile.mkdtemp(prefix="communique-search-bench-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
            site = os.path.join(scratch, "site")
            shutil.copytree(public, site)
            times = []
            for _ in range(3):
                shutil.rmtree(os.path.join(site, "pagefind"), ignore_errors=True)
                started = time.monotonic()
                subprocess.run([args.pagefind, "--site", site], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times.append(time.monotonic() - started)
            with open(os.path.join(site, "pagefind-bench.html"), "w", encoding="utf-8") as f:
                f.write(BENCH_PAGE)
            texts = page_texts(public)
            entry = {
                "communique_index_bytes": folder_bytes(os.path.join(site, "search"), skip=("index.html",)),
                "text_bytes": communique_text_bytes(site),
                "pagefind_index_bytes": folder_bytes(os.path.join(site, "pagefind"), skip=PAGEFIND_UI),
                "pagefind_seconds": statistics.median(times),
                "queries": [],
            }
            server = Server(site)
            try:
                for query in queries:
                    ours = communique_query(driver, server, query)
                    theirs = pagefind_query(driver, server, query)
                    only_ours = sorted(set(ours["pages"]) - set(theirs["pages"]))
                    only_pagefind = sorted(set(theirs["pages"]) - set(ours["pages"]))
                    entry["queries"].append({
                        "query": query, "communique": ours, "pagefind": theirs,
                        "only_communique": only_ours[:10], "only_pagefind": only_pagefind[:10],
                        "only_communique_count": len(only_ours), "only_pagefind_count": len(only_pagefind),
                        "reason": reason(query, only_ours, only_pagefind, texts),
                    })
                    print(f"  [search {name}] {query}: Communique {ours['paragraphs']} paragraphs on {len(ours['pages'])} pages "
                          f"({ours['ms']:.1f} ms, {ours['bytes']} B); Pagefind {len(theirs['pages'])} pages "
                          f"({theirs['ms']:.1f} ms, {theirs['bytes']} B)", flush=True)
            finally:
                server.close()
                shutil.rmtree(scratch, ignore_errors=True)
            results["sites"][name] = entry
    finally:
        driver.quit()
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(results, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
