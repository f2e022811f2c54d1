#!/usr/bin/env python3
"""What a feature adds to a build, measured in interleaved pairs.

  feature_cost.py --feature search|compare --bin BIN --site SITE --extra STATEMENT --runs N --out RESULT.json

The full build (`build --clean`) and the build after adding one release, each timed with and
without the feature, alternating (with, without, without, with, …) so that a shared VM's drift
over a minute (other tenants' load) falls on both alike. Measured apart, one after the other,
the same code came out at -1.8% and +18.9% in two runs.

  search (issue #14): without is `Templates/search.mustache` moved aside (no page, no index);
  compare (issue #15): without is `compare_releases: false` in `Content/site.yml` (no
  comparison with the previous meeting, no changes pages, no wording history).

Writes {"full": {"with": [s…], "without": [s…]}, "add": {…}}; bench/search_report.py and
bench/report.py read it.
"""
import argparse
import json
import os
import shutil
import subprocess
import time


def run(command):
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def timed(command):
    started = time.perf_counter()
    run(command)
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--feature", choices=["search", "compare"], required=True)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--site", required=True)
    parser.add_argument("--extra", required=True, help="a statement to import as the added release")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", required=True)
    parser.add_argument("--scratch", default="/dev/shm" if os.path.isdir("/dev/shm") else None)
    args = parser.parse_args()
    template = os.path.join(args.site, "Templates", "search.mustache")
    aside = os.path.join(args.site, "search.mustache.aside")
    extra_id = os.path.splitext(os.path.basename(args.extra))[0]
    extra_folder = os.path.join(args.site, "Content", "releases", extra_id)
    scratch = os.path.join(args.scratch or "/tmp", f"communique-{args.feature}-cost")
    results = {"full": {"with": [], "without": []}, "add": {"with": [], "without": []}}
    settings = os.path.join(args.site, "Content", "site.yml")
    off = "compare_releases: false\n"

    def feature(on):
        if args.feature == "search":
            if on and os.path.exists(aside):
                os.rename(aside, template)
            if not on and os.path.exists(template):
                os.rename(template, aside)
            return
        with open(settings, encoding="utf-8") as f:
            text = f.read()
        text = text.replace(off, "")
        if not on:
            text = text.rstrip("\n") + "\n" + off
        with open(settings, "w", encoding="utf-8") as f:
            f.write(text)

    try:
        for index in range(args.runs):
            order = (True, False) if index % 2 == 0 else (False, True)
            for on in order:
                feature(on)
                out = os.path.join(scratch, "full")
                shutil.rmtree(scratch, ignore_errors=True)
                os.makedirs(scratch)
                results["full"]["with" if on else "without"].append(
                    timed([args.bin, "build", "--clean", "--root", args.site, "--output", out]))
            for on in order:
                feature(on)
                out = os.path.join(scratch, "inc")
                shutil.rmtree(extra_folder, ignore_errors=True)
                run([args.bin, "build", "--root", args.site, "--output", out])
                run([args.bin, "import", args.extra, "--root", args.site])
                results["add"]["with" if on else "without"].append(
                    timed([args.bin, "build", "--root", args.site, "--output", out]))
    finally:
        feature(True)
        shutil.rmtree(extra_folder, ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1)
    for kind, pair in results.items():
        print(f"  [{args.feature} cost] {kind}: with {sorted(pair['with'])}, without {sorted(pair['without'])}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
