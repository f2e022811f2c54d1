#!/usr/bin/env python3
"""Validates a built site's feed.xml (Atom) and sitemap.xml, standard library only.

    python3 Tests/e2e/validate_feeds.py PUBLIC_DIR BASE_URL [--require]

Prints one line per file: `ok: ...`, `FAILED: ...` (with the problems indented
below it) or `skip: ...` when the file is absent. Absent files are skipped unless
--require is given (or REQUIRE_FEEDS=1 is set), then they fail. Exits 1 if any
line is FAILED. hosting.sh counts the ok/FAILED lines into its tally.
"""
import os
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# RFC 3339 date-time, as Atom requires for <updated>.
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
# W3C Datetime, as the sitemap protocol allows for <lastmod>.
W3C_DATETIME = re.compile(
    r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$")


def text(element, tag):
    child = element.find(tag)
    return None if child is None else (child.text or "").strip()


def check_feed(path):
    """Problems with an Atom feed, and a short description when there are none."""
    problems = []
    root = ET.parse(path).getroot()
    if root.tag != ATOM + "feed":
        return [f"root element is {root.tag}, expected {ATOM}feed (Atom namespace)"], ""
    for tag in ("id", "title", "updated"):
        value = text(root, ATOM + tag)
        if not value:
            problems.append(f"feed has no <{tag}>")
        elif tag == "updated" and not RFC3339.match(value):
            problems.append(f"feed <updated> is not an RFC 3339 date-time: {value!r}")
    entries = root.findall(ATOM + "entry")
    ids = set()
    for number, entry in enumerate(entries, 1):
        label = f"entry {number}"
        for tag in ("id", "title", "updated"):
            value = text(entry, ATOM + tag)
            if not value:
                problems.append(f"{label} has no <{tag}>")
            elif tag == "updated" and not RFC3339.match(value):
                problems.append(f"{label} <updated> is not an RFC 3339 date-time: {value!r}")
            elif tag == "id":
                if value in ids:
                    problems.append(f"{label} repeats the id {value!r}")
                ids.add(value)
        links = entry.findall(ATOM + "link")
        if not links:
            problems.append(f"{label} has no <link>")
        elif not any((link.get("href") or "").strip() for link in links):
            problems.append(f"{label} has a <link> without href")
    return problems, f"{len(entries)} entries"


def check_sitemap(path, base_url, public):
    """Problems with a sitemap, and a short description when there are none."""
    problems = []
    root = ET.parse(path).getroot()
    if root.tag != SITEMAP + "urlset":
        return [f"root element is {root.tag}, expected {SITEMAP}urlset (sitemap namespace)"], ""
    urls = root.findall(SITEMAP + "url")
    if not urls:
        problems.append("urlset has no <url>")
    seen = set()
    for number, url in enumerate(urls, 1):
        loc = text(url, SITEMAP + "loc")
        if not loc:
            problems.append(f"url {number} has no <loc>")
            continue
        parts = urllib.parse.urlsplit(loc)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            problems.append(f"url {number} <loc> is not absolute: {loc!r}")
            continue
        if not loc.startswith(base_url):
            problems.append(f"url {number} <loc> does not start with base_url {base_url}: {loc!r}")
            continue
        if loc in seen:
            problems.append(f"url {number} repeats {loc!r}")
        seen.add(loc)
        # The page it names must exist in the built site.
        relative = urllib.parse.unquote(loc[len(base_url):].split("#")[0].split("?")[0])
        if relative == "" or relative.endswith("/"):
            relative += "index.html"
        if not os.path.isfile(os.path.join(public, relative)):
            problems.append(f"url {number} <loc> names a page the site lacks: {loc!r} (no {relative})")
        lastmod = text(url, SITEMAP + "lastmod")
        if lastmod is not None and not W3C_DATETIME.match(lastmod):
            problems.append(f"url {number} <lastmod> is not a W3C date-time: {lastmod!r}")
    return problems, f"{len(urls)} URLs under {base_url}"


def main(argv):
    args = [a for a in argv if a != "--require"]
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    public, base_url = args
    require = "--require" in argv or os.environ.get("REQUIRE_FEEDS") == "1"
    if not base_url.endswith("/"):
        base_url += "/"
    failed = False
    for name, what, check in (
        ("feed.xml", "an Atom feed", lambda p: check_feed(p)),
        ("sitemap.xml", "a sitemap", lambda p: check_sitemap(p, base_url, public)),
    ):
        path = os.path.join(public, name)
        if not os.path.exists(path):
            if require:
                print(f"FAILED: {name} is {what} (the file is missing; REQUIRE_FEEDS=1)")
                failed = True
            else:
                print(f"skip: {name} is {what} (not built yet; REQUIRE_FEEDS=1 makes it required)")
            continue
        try:
            problems, summary = check(path)
        except ET.ParseError as error:
            problems, summary = [f"not well-formed XML: {error}"], ""
        if problems:
            failed = True
            print(f"FAILED: {name} is {what}")
            for problem in problems[:20]:
                print(f"    {problem}")
            if len(problems) > 20:
                print(f"    ... and {len(problems) - 20} more")
        else:
            print(f"ok: {name} is {what} ({summary})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
