#!/usr/bin/env python3
"""The search page in headless Chromium (selenium, chromium-driver), as a reader uses it.

  search.py COMMUNIQUE SITE

Builds nothing: SITE/Public is the sample site as `make test` built it. Runs every check
twice: served by `communique serve` (on a free port) and opened from disk (file://, where
the index is loaded with <script src>, not fetch). Prints one line per check; exits 1 when
one fails.
"""
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import quote

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
HOSTILE = '<img src=x onerror="document.title=\'pwned\'">'


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(binary, site):
    """`communique serve` on a free port; the address it prints (with the site's base path)."""
    port = free_port()
    process = subprocess.Popen(
        [binary, "serve", "--root", site, "--port", str(port), "--no-watch"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        line = process.stdout.readline()
        match = re.search(r"at (http://127\.0\.0\.1:\d+/\S*)", line)
        if match:
            base = match.group(1)
            urllib.request.urlopen(base + "search/index.html", timeout=5).read()
            return process, base
        if not line and process.poll() is not None:
            break
    process.kill()
    raise SystemExit("search.py: communique serve did not start")


def status(driver):
    return driver.find_element(By.ID, "search-status").text


def results(driver):
    return [item.text for item in driver.find_elements(By.CSS_SELECTOR, "#search-results > li")]


def heading(result):
    """A result's first line: its link (section and number, or entry)."""
    return result.split("\n")[0]


def type_query(driver, text):
    box = driver.find_element(By.ID, "search-q")
    box.clear()
    box.send_keys(text)
    # The status changes when the answer is shown (after the typing pause).
    WebDriverWait(driver, 10).until(lambda d: status(d) != "" and d.execute_script(
        "return document.getElementById('search-q').value") == text)
    time.sleep(0.3)


def checks(driver, base, where):
    failures = []

    def check(name, ok, detail=""):
        print(f"{'ok' if ok else 'FAILED'}: {name} ({where}){'' if ok else ': ' + detail}")
        if not ok:
            failures.append(name)

    driver.get(base + "search/index.html")
    type_query(driver, "台湾")
    found = results(driver)
    check("typing 台湾 shows 地域情勢 (3)", any(heading(r) == "地域情勢 (3)" for r in found), " | ".join(map(heading, found)))
    check("the URL keeps the query", "q=" in driver.current_url, driver.current_url)

    type_query(driver, "ＡＣＭ")
    found = results(driver)
    first = driver.find_elements(By.CSS_SELECTOR, "#search-results > li:first-child.search-entry a")
    check("ＡＣＭ shows its glossary entry first", bool(first) and "glossary/acm/" in first[0].get_attribute("href"),
          " | ".join(map(heading, found)))
    check("ＡＣＭ shows 同盟の現代化 (1)", any(heading(r) == "同盟の現代化 (1)" for r in found), " | ".join(map(heading, found)))

    type_query(driver, "サイドバー")
    check("サイドバー shows nothing", results(driver) == [], " | ".join(results(driver))[:200])

    driver.get(base + "search/index.html?q=" + quote("拉致"))
    WebDriverWait(driver, 10).until(lambda d: status(d) != "")
    check("?q=拉致 opens with results", len(results(driver)) > 0, status(driver))

    # Tab from the box reaches every result's link, in order.
    links = driver.find_elements(By.CSS_SELECTOR, "#search-results a")
    driver.find_element(By.ID, "search-q").click()
    reached = []
    for _ in range(len(links) + 6):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        active = driver.switch_to.active_element
        if active.tag_name == "a" and active.get_attribute("href") in [l.get_attribute("href") for l in links]:
            reached.append(active.get_attribute("href"))
    check("the Tab key reaches every result", len(links) > 0 and set(reached) == {l.get_attribute("href") for l in links},
          f"{len(set(reached))} of {len(links)}")
    live = driver.find_element(By.ID, "search-status")
    check("results are announced (a live region)", live.get_attribute("aria-live") == "polite" and live.get_attribute("role") == "status")

    driver.get(base + "search/index.html")
    type_query(driver, HOSTILE)
    html = driver.execute_script("return document.getElementById('search-results').innerHTML + document.getElementById('search-status').innerHTML")
    check("query text is never inserted as HTML", "<img" not in html and driver.title != "pwned"
          and not driver.find_elements(By.CSS_SELECTOR, "#search-results img"), html[:200])

    driver.get(base + "index.html")
    header_box = driver.find_elements(By.CSS_SELECTOR, "header form[role=search] input[name=q]")
    check("every page has a search box in its header", len(header_box) == 1)
    if header_box:
        header_box[0].send_keys("台湾" + Keys.ENTER)
        WebDriverWait(driver, 10).until(lambda d: "search/index.html" in d.current_url and d.find_elements(By.ID, "search-status")
                                        and status(d) != "")
        check("the header box leads to the results", len(results(driver)) > 0, driver.current_url)
    return failures


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, site = sys.argv[1], os.path.abspath(sys.argv[2])
    driver = browser()
    failures = []
    process = None
    try:
        failures += checks(driver, "file://" + os.path.join(site, "Public") + "/", "file://")
        process, base = serve(binary, site)
        failures += checks(driver, base, "communique serve")
    finally:
        driver.quit()
        if process:
            process.terminate()
            process.wait(timeout=10)
    print(f"search.py: {len(failures)} check(s) failed" if failures else "search.py: every check passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
