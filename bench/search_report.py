"""The search part of bench/RESULTS.md (issue #14), from bench/search.py's JSON and the
full and add-one-release builds with and without search (bench/run.sh)."""
import json
import os
import statistics


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] if ordered else 0


def kib(b):
    return f"{b / 1024:.0f} KiB" if b < 10 * 1024 * 1024 else f"{b / 1024 / 1024:.1f} MiB"


def two_characters(query):
    return len(query) == 2 and all(ord(c) > 0x3000 for c in query)


def feature_cost(results_dir, name):
    """{"full": (with, without, runs), "add": …} from feature_cost.py's NAME-cost.json: the medians
    of the interleaved pairs; a kind not measured is left out."""
    path = os.path.join(results_dir, f"{name}-cost.json")
    cost = json.load(open(path, encoding="utf-8")) if os.path.exists(path) else {}
    return {kind: (statistics.median(pair["with"]), statistics.median(pair["without"]), len(pair["with"]))
            for kind, pair in cost.items() if pair["with"] and pair["without"]}


def section(results_dir, size, m, seconds, verdict):
    """Lines of the search section; m: name → Measurement at `size`."""
    path = os.path.join(results_dir, "search.json")
    if not os.path.exists(path):
        return ["Search (#14): not measured (BENCH_SEARCH_SIZE not among BENCH_SIZES).", ""]
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    out = []
    w = out.append
    site = data["sites"].get(f"bench-{size}")
    w(f"## Search (#14), {size} releases")
    w("")
    w(f"| target ({size} releases) | measured | limit | result |")
    w("|---|---|---|---|")
    cost = feature_cost(results_dir, "search")
    for name, label in (("full", "full build"), ("add", "add-one-release build")):
        if name in cost:
            with_, without, runs = cost[name]
            r = with_ / without - 1
            w(f"| indexing adds to the {label} (medians of {runs} interleaved pairs) | {100 * r:.1f}% "
              f"({seconds(with_)} with, {seconds(without)} without) | ≤ 10% | {verdict(r <= 0.10)} |")
        else:
            w(f"| indexing adds to the {label} | not measured | ≤ 10% | — |")
    if site:
        total = site["communique_index_bytes"]
        twos = [q for q in site["queries"] if two_characters(q["query"])]
        worst = max((q["communique"]["bytes"] for q in twos), default=0)
        w(f"| a two-character query loads (worst of {len(twos)}: {', '.join(q['query'] for q in twos)}) | "
          f"{100 * worst / total:.1f}% ({kib(worst)} of {kib(total)}) | ≤ 5% | {verdict(worst <= 0.05 * total)} |")
        ratio = total / site["text_bytes"]
        w(f"| index ÷ the text it indexes | {ratio:.2f}× ({kib(total)} / {kib(site['text_bytes'])}) | ≤ 1.5× | {verdict(ratio <= 1.5)} |")
        ms = p95(q["communique"]["ms"] for q in site["queries"])
        w(f"| query time in the page, 95th percentile of {len(site['queries'])} queries (headless Chromium, served by "
          f"nginx, median of 3 first visits each, until the first paragraph is shown) | {ms:.0f} ms | ≤ 50 ms | {verdict(ms <= 50)} |")
    w("")
    w(f"Against Pagefind {data['pagefind'].replace('pagefind ', '')} (`pagefind-bin-extended` from PyPI, run on the built site). "
      "Both are served by nginx with every file no-store (each visit a first visit). Bytes are index data a query loads "
      "on a first visit (Communique: meta.js, term shards, the 4 newest releases' documents it preloads and the documents "
      f"of its first 20 results; Pagefind: entry, meta, index chunks and the fragments of its first {20} results; neither "
      "tool's script or wasm); times (median of 3 visits) are until the first result is ready (Communique: its first "
      "paragraph on the page; Pagefind: its first result's data), in the same browser; Communique counts "
      "paragraphs (candidates: every bigram and word present; each is confirmed adjacent as it is shown), Pagefind pages.")
    w("")
    for name, entry in data["sites"].items():
        w(f"### {name}: index {kib(entry['communique_index_bytes'])} (Communique, built with the site) vs "
          f"{kib(entry['pagefind_index_bytes'])} (Pagefind, {entry['pagefind_seconds']:.1f} s to index); "
          f"text indexed {kib(entry['text_bytes'])}")
        w("")
        w("| query | Communique paragraphs (pages) | ms | loads | Pagefind pages | ms | loads | pages only Communique finds | only Pagefind finds | why they differ |")
        w("|---|---|---|---|---|---|---|---|---|---|")
        for q in entry["queries"]:
            c, p = q["communique"], q["pagefind"]
            w(f"| `{q['query']}` | {c['paragraphs']} ({len(c['pages'])}) | {c['ms']:.0f} | {kib(c['bytes'])} | "
              f"{len(p['pages'])} | {p['ms']:.0f} | {kib(p['bytes'])} | {q['only_communique_count']} | "
              f"{q['only_pagefind_count']} | {q['reason'] or 'same pages'} |")
        w("")
    return out
