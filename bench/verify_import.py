#!/usr/bin/env python3
"""Checks that `communique import` recognised every generated statement as generated:
per release its meeting date and participants, and per section its title, intro line,
numbered paragraphs and sub-items, against the manifest make_corpus.py wrote.

  verify_import.py SITE [MANIFEST]      (MANIFEST defaults to SITE/corpus.json)

Exits 1 naming each release that differs. Python 3 standard library only.
"""
import json
import os
import re
import sys


def front_matter(text):
    """(front matter lines, body) of a Markdown page."""
    if not text.startswith("---\n"):
        return [], text
    end = text.index("\n---\n", 4)
    return text[4:end].split("\n"), text[end + 5:]


def value(lines, key):
    for line in lines:
        if line.startswith(key + ":"):
            v = line[len(key) + 1:].strip()
            return v[1:-1] if len(v) >= 2 and v[0] == v[-1] == '"' else v
    return None


def check_release(site, release):
    folder = os.path.join(site, "Content", "releases", release["id"])
    if not os.path.isdir(folder):
        return [f"{release['id']}: not imported (no {folder})"]
    problems = []
    with open(os.path.join(folder, "_index.md"), encoding="utf-8") as f:
        meta, _ = front_matter(f.read())
    if value(meta, "date") != release["date"]:
        problems.append(f"meeting date {value(meta, 'date')!r}, generated {release['date']}")
    people = sum(1 for line in meta if line.startswith("- name:"))
    if people != release["participants"]:
        problems.append(f"{people} participants, generated {release['participants']}")
    pages = sorted(n for n in os.listdir(folder) if re.match(r"^\d+-.*\.md$", n))
    if len(pages) != len(release["sections"]):
        problems.append(f"{len(pages)} section pages, generated {len(release['sections'])}")
    for name, section in zip(pages, release["sections"]):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            meta, body = front_matter(f.read())
        blocks = [b.strip() for b in body.split("\n\n") if b.strip()]
        numbered = sum(1 for b in blocks if re.match(r"^\(\d+\)", b))
        items = sum(1 for b in blocks if re.match(r"^[アイウ] ", b))
        intro = bool(blocks) and not re.match(r"^\(\d+\)", blocks[0])
        got = (value(meta, "title"), intro, numbered, items)
        want = (section["title"], section["intro"], section["paragraphs"], section["subitems"])
        if got != want:
            problems.append(f"{name}: (title, intro, numbered, sub-items) = {got}, generated {want}")
    return [f"{release['id']}: {p}" for p in problems]


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    site = sys.argv[1]
    manifest = sys.argv[2] if len(sys.argv) == 3 else os.path.join(site, "corpus.json")
    with open(manifest, encoding="utf-8") as f:
        releases = json.load(f)["releases"]
    problems = [p for r in releases for p in check_release(site, r)]
    sections = sum(len(r["sections"]) for r in releases)
    paragraphs = sum(s["paragraphs"] for r in releases for s in r["sections"])
    if problems:
        print(f"verify_import: {len(problems)} differences in {len(releases)} releases:", file=sys.stderr)
        for p in problems[:20]:
            print("  " + p, file=sys.stderr)
        sys.exit(1)
    print(f"verify_import: all {len(releases)} releases imported as generated "
          f"({sections} section pages, {paragraphs} numbered paragraphs)")


if __name__ == "__main__":
    main()
