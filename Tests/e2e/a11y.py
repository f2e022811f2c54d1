#!/usr/bin/env python3
"""Accessibility check of a built site: axe-core in headless Chromium, on one page of
each kind, at a desktop and at a phone width.

  a11y.py [--quiet] [--review] PUBLIC_DIR [PAGE ...]

PAGE is a path under PUBLIC_DIR (`releases/x/index.html`). Without pages it takes one of
each kind the site has: the home page, a release, a section, the full text (`all/`), a
series, the glossary, a glossary entry and one of its year pages, the topic index, a
topic and one of its year pages, and 404.html. Each page is opened from file:// (404.html,
whose links start from the base path, from a loopback server of PUBLIC_DIR at that path)
in headless Chromium (Debian's chromium and chromium-driver), once in a 1280x900 window
and once in a 390 px wide phone viewport with touch, and axe-core (bundled by
axe-selenium-python) runs on it: its default rules (WCAG 2.0-2.2 A and AA, best practices)
and WCAG 2.2's target size.

It prints a line per page and view, and under it each violation with its impact, rule,
help text and first targets. It exits 1 if any violation is serious or critical
(moderate and minor ones are warnings), 2 if the browser or the pages cannot be had.
--quiet prints the tally first, then only the pages with a serious or critical violation;
--review also prints what axe leaves to a person (its "incomplete" results).

Needs only what Tests/e2e/run.sh and `make test` install (selenium and
axe-selenium-python in .build-venv, chromium and chromium-driver from Debian); nothing is
fetched at run time.
"""
import argparse
import functools
import http.server
import os
import re
import sys
import threading
import time
from urllib.parse import unquote, urlsplit

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
# (name, viewport width, height, a phone: touch, no hover, mobile layout)
VIEWPORTS = [("desktop", 1280, 900, False), ("phone", 390, 844, True)]
# axe's default rules, and WCAG 2.2's target size (2.5.8, AA), which axe 4.10 leaves off by
# default only because 2.2 is newer: it is what a phone reader needs. Passing rules come
# back with one element each, not all of them (faster on long pages).
AXE_OPTIONS = '{"rules": {"target-size": {"enabled": true}}, "resultTypes": ["violations", "incomplete"]}'
FAILING = ("critical", "serious")
IMPACTS = ("critical", "serious", "moderate", "minor")
TARGETS_SHOWN = 3


def pages_in(path):
    """Names of the folders in `path` that hold an index.html, sorted."""
    if not os.path.isdir(path):
        return []
    return sorted(d for d in os.listdir(path) if os.path.isfile(os.path.join(path, d, "index.html")))


def discover(public):
    """One page of each kind the site has, as [(kind, path under public)]."""
    found = [("home", "index.html")]
    releases = pages_in(os.path.join(public, "releases"))
    if releases:
        # The release with the most sections shows the most of the templates.
        release = max(releases, key=lambda r: (len(pages_in(os.path.join(public, "releases", r))), r))
        found.append(("release", f"releases/{release}/index.html"))
        sections = [s for s in pages_in(os.path.join(public, "releases", release)) if s not in ("all", "changes")]
        if sections:
            found.append(("section", f"releases/{release}/{sections[0]}/index.html"))
        if os.path.isfile(os.path.join(public, "releases", release, "all", "index.html")):
            found.append(("full text", f"releases/{release}/all/index.html"))
        # What changed since the previous meeting (#15), from a release that has one.
        with_changes = [r for r in releases if os.path.isfile(os.path.join(public, "releases", r, "changes", "index.html"))]
        if with_changes:
            found.append(("changes", f"releases/{with_changes[-1]}/changes/index.html"))
    series = pages_in(os.path.join(public, "series"))
    if series:
        found.append(("series", f"series/{series[0]}/index.html"))
    for folder, kind in (("glossary", "glossary entry"), ("topics", "topic")):
        if os.path.isfile(os.path.join(public, folder, "index.html")):
            found.append((folder, f"{folder}/index.html"))
        entries = pages_in(os.path.join(public, folder))
        # Prefer an entry with year pages: its page shows the year navigation too.
        with_years = [(e, y) for e in entries for y in pages_in(os.path.join(public, folder, e)) if y.isdigit()]
        if with_years:
            entry, year = with_years[0]
            found.append((kind, f"{folder}/{entry}/index.html"))
            found.append((f"{kind}, one year", f"{folder}/{entry}/{year}/index.html"))
        elif entries:
            found.append((kind, f"{folder}/{entries[0]}/index.html"))
    if os.path.isfile(os.path.join(public, "404.html")):
        found.append(("404", "404.html"))
    if os.path.isfile(os.path.join(public, "search", "index.html")):
        # With a query: the results the script writes are checked too.
        found.append(("search", "search/index.html?q=%E5%8F%B0%E6%B9%BE"))
    return found


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                 "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


class BasePathServer:
    """A loopback HTTP server of PUBLIC_DIR under the site's base path, for pages whose
    links start from it (404.html: a host serves it at any depth, so its links and its
    stylesheet are `/statements/...`). From file:// such a page would have no styles,
    and axe would check an unstyled page."""

    def __init__(self, public):
        self.public = public
        self.server = None

    def url(self, page, base):
        if self.server is None:
            server = self

            class Handler(http.server.SimpleHTTPRequestHandler):
                def translate_path(self, path):
                    path = path.split("?", 1)[0].split("#", 1)[0]
                    if not path.startswith(server.base):
                        return os.path.join(server.public, ".not-under-the-base-path")
                    return super().translate_path("/" + path[len(server.base):])

                def log_message(self, *args):
                    pass

            self.base = base
            self.server = http.server.ThreadingHTTPServer(
                ("127.0.0.1", 0), functools.partial(Handler, directory=self.public))
            threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_port}{self.base}{page}"

    def close(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def url_of(public, page, server):
    """file:// for pages whose links are relative (all but 404.html); else the server."""
    page_file, _, query = page.partition("?")
    with open(os.path.join(public, page_file), encoding="utf-8") as f:
        head = f.read(8192)
    match = re.search(r'<link rel="stylesheet" href="(/[^"]*?)assets/[^"]*"', head)
    if match is None:
        return "file://" + os.path.join(public, page_file) + ("?" + query if query else "")
    return server.url(page, match.group(1))


def local_file(public, url, server):
    """The file under PUBLIC_DIR a file:// or server URL is read from."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if parts.scheme == "file":
        return path
    if server.server is not None and path.startswith(server.base):
        return os.path.join(public, path[len(server.base):])
    return ""


def set_view(driver, width, height, phone):
    """The viewport of `width` CSS px; a phone also gets touch input, so that CSS for
    `(hover: none)` and `(pointer: coarse)` applies as on a real one."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": phone,
    })
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": phone, "maxTouchPoints": 5})


def describe(item):
    """Lines about one axe result: impact, rule, help, then the first targets."""
    nodes = item["nodes"]
    lines = [f"{item.get('impact') or 'no impact'}: {item['id']}: {item['help']} "
             f"({len(nodes)} element{'' if len(nodes) == 1 else 's'}; {item['helpUrl'].split('?')[0]})"]
    for node in nodes[:TARGETS_SHOWN]:
        target = " ".join(str(t) for t in node["target"])
        summary = ""
        for line in (node.get("failureSummary") or "").splitlines():  # "Fix any of the following:\n  a\n  b"
            line = line.strip()
            if line:
                summary += ("" if not summary else " " if summary.endswith(":") else "; ") + line
        if not summary:  # an incomplete result: say why axe could not decide
            summary = "; ".join(c["message"] for c in node.get("any", []) + node.get("all", []) if c.get("message"))
        lines.append(f"    {target}" + (f": {summary[:300]}" if summary else ""))
    if len(nodes) > TARGETS_SHOWN:
        lines.append(f"    and {len(nodes) - TARGETS_SHOWN} more")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("public", metavar="PUBLIC_DIR")
    parser.add_argument("pages", metavar="PAGE", nargs="*")
    parser.add_argument("--quiet", action="store_true", help="print only failing pages and the tally")
    parser.add_argument("--review", action="store_true", help="also print axe's incomplete results")
    args = parser.parse_args()

    public = os.path.realpath(args.public)
    if not os.path.isfile(os.path.join(public, "index.html")):
        print(f"a11y: {public} holds no index.html: not a built site", file=sys.stderr)
        return 2
    pages = [("page", p) for p in args.pages] or discover(public)
    missing = [p for _, p in pages if not os.path.isfile(os.path.join(public, p.partition("?")[0]))]
    if missing:
        print(f"a11y: no such page in {public}: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        driver = start_browser()
    except Exception as error:  # any failure to start is a setup error, exit 2
        print(f"a11y: cannot start headless {CHROMIUM} through {CHROMEDRIVER}: {error}", file=sys.stderr)
        return 2

    report = []  # --quiet: the lines, printed after the tally
    out = report.append if args.quiet else print
    failing = warnings = errors = 0
    version = "?"
    started = time.monotonic()
    server = BasePathServer(public)
    try:
        axe = Axe(driver)
        for view, width, height, phone in VIEWPORTS:
            set_view(driver, width, height, phone)
            for kind, page in pages:
                try:
                    driver.get(url_of(public, page, server))
                    unstyled = driver.execute_script(
                        "return [...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.href)")
                    unstyled = [h for h in unstyled if not os.path.isfile(local_file(public, h, server))]
                    if unstyled:  # axe would judge a page no reader sees
                        raise RuntimeError(f"its stylesheet is missing: {', '.join(unstyled)}")
                    axe.inject()  # axe.min.js as bundled, into the page
                    results = driver.execute_async_script(
                        "const done = arguments[arguments.length - 1];"
                        f"axe.run(document, {AXE_OPTIONS}).then(done, e => done({{error: String(e)}}));")
                    if "error" in results:
                        raise RuntimeError(results["error"])
                    shown = driver.execute_script("return window.innerWidth")
                except Exception as error:  # a page that cannot be checked fails, the rest go on
                    errors += 1
                    out(f"FAIL: {page} ({kind}, {view}): could not be checked: {error}".rstrip())
                    continue
                version = results.get("testEngine", {}).get("version", version)
                violations = sorted(results["violations"],
                                    key=lambda v: (IMPACTS.index(v["impact"]) if v["impact"] in IMPACTS else 9, v["id"]))
                bad = sum(1 for v in violations if v["impact"] in FAILING)
                failing += bad
                warnings += len(violations) - bad
                if args.quiet and not bad:
                    continue
                counts = ", ".join(f"{sum(1 for v in violations if v['impact'] == i)} {i}" for i in IMPACTS)
                out(f"{'FAIL' if bad else 'ok'}: {page} ({kind}, {view} {shown} px): {counts}; "
                      f"{len(results['passes'])} rules pass, {len(results['incomplete'])} left to review")
                for violation in violations:
                    if args.quiet and violation["impact"] not in FAILING:
                        continue
                    lines = describe(violation)
                    out(("  ERROR " if violation["impact"] in FAILING else "  warning ") + lines[0])
                    out("\n".join("  " + line for line in lines[1:]))
                if args.review:
                    for item in results["incomplete"]:
                        lines = describe(item)
                        out("  review " + lines[0])
                        out("\n".join("  " + line for line in lines[1:]))
    finally:
        driver.quit()
        server.close()
    print(f"a11y: axe-core {version}, {len(pages)} pages x {len(VIEWPORTS)} views in "
          f"{time.monotonic() - started:.0f} s: {failing} serious or critical violation(s), "
          f"{warnings} moderate or minor" + (f", {errors} page(s) not checked" if errors else ""))
    for line in report:
        print(line)
    return 1 if failing or errors else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `a11y.py … | head`: the browser is closed (finally), end quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
