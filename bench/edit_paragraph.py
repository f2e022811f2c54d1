#!/usr/bin/env python3
"""Edits one paragraph of a benchmark site, for the "edit one paragraph" incremental
build of `make bench`: each call toggles a `なお、` at the start of the first numbered
paragraph of the second section page of the middle release (adds it, then takes it out
again), so every timed build has exactly one changed paragraph to pick up.

  edit_paragraph.py SITE             toggle, print the page edited
  edit_paragraph.py SITE --restore   take the edit out if it is in
"""
import os
import re
import sys

WORD = "なお、"


def target(site):
    releases = os.path.join(site, "Content", "releases")
    ids = sorted(d for d in os.listdir(releases) if "-bench-" in d)
    folder = os.path.join(releases, ids[len(ids) // 2])
    pages = sorted(n for n in os.listdir(folder) if re.match(r"^\d+-.*\.md$", n))
    return os.path.join(folder, pages[1] if len(pages) > 1 else pages[0])


def main():
    if len(sys.argv) not in (2, 3) or (len(sys.argv) == 3 and sys.argv[2] != "--restore"):
        sys.exit(__doc__)
    path = target(sys.argv[1])
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^\(1\)", text, re.M)
    if not m:
        sys.exit(f"edit_paragraph.py: {path} has no paragraph (1)")
    at = m.end()
    if text.startswith(WORD, at):
        text = text[:at] + text[at + len(WORD):]
    elif len(sys.argv) == 2:
        text = text[:at] + WORD + text[at:]
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print(path)


if __name__ == "__main__":
    main()
