#!/usr/bin/env python3
"""Import speed and memory (#16): `communique import` on large statements.

Inputs, made here (never committed):
  sample×200   the sample statement repeated 200 times (2.3 MB, 800 sections)
  random-20MB  20 MB of random valid UTF-8 text (Latin, kana, kanji, punctuation), seeded
  sample       the sample once: the process's own memory, the "constant" of the target

Each is imported RUNS times into a new site folder. Wall time, CPU time (user + sys of the
child) and peak resident memory (ru_maxrss from wait4) are taken; the medians go to --out.
Targets: at least 2 MB/s, and peak memory at most 3 × the input plus the constant.
"""
import argparse, json, os, random, shutil, statistics, subprocess, sys, tempfile, time

SAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "samples", "2024-07-28-japan-us-2plus2.txt")


def random_text(path, size, seed):
    rng = random.Random(seed)
    alphabet = [chr(c) for c in list(range(0x20, 0x7F)) + list(range(0x3041, 0x3097)) + list(range(0x4E00, 0x4F00))]
    alphabet += ["。", "、", "（", "）"]
    with open(path, "w", encoding="utf-8") as f:
        written = 0
        while written < size:
            line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120))) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))


def run_once(binary, path):
    site = tempfile.mkdtemp(prefix="cq-import-bench-")
    try:
        start = time.perf_counter()
        child = subprocess.Popen([binary, "import", path, "--id", "bench", "--root", site],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            sys.exit(f"import of {path} failed: {child.stderr.read().decode()[:500]}")
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024
    finally:
        shutil.rmtree(site, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--work", required=True, help="folder for the generated inputs")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    sample = os.path.abspath(SAMPLE)
    repeated = os.path.join(args.work, "sample-x200.txt")
    with open(sample, encoding="utf-8") as f:
        text = f.read()
    with open(repeated, "w", encoding="utf-8") as f:
        f.write(text * 200)
    noise = os.path.join(args.work, "random-20MB.txt")
    if not os.path.exists(noise) or os.path.getsize(noise) < 20_000_000:
        random_text(noise, 20_000_000, seed=16)

    results = {}
    for name, path in [("sample", sample), ("sample×200", repeated), ("random-20MB", noise)]:
        runs = [run_once(args.bin, path) for _ in range(args.runs)]
        size = os.path.getsize(path)
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        rss = statistics.median(r[2] for r in runs)
        results[name] = {"bytes": size, "wall_s": wall, "cpu_s": cpu, "max_rss_bytes": rss,
                         "mb_per_s_wall": size / 1e6 / wall, "mb_per_s_cpu": size / 1e6 / cpu}
        print(f"  import {name}: {size / 1e6:.1f} MB in {wall:.2f} s wall, {cpu:.2f} s CPU, peak {rss / 1e6:.0f} MB", flush=True)
    constant = results["sample"]["max_rss_bytes"]
    for name in ("sample×200", "random-20MB"):
        r = results[name]
        r["memory_over_constant_ratio"] = (r["max_rss_bytes"] - constant) / r["bytes"]
        r["meets_speed"] = r["mb_per_s_wall"] >= 2
        r["meets_memory"] = r["max_rss_bytes"] <= 3 * r["bytes"] + constant
    with open(args.out, "w") as f:
        json.dump(results, f, indent=2, ensure_ascii=False, sort_keys=True)


if __name__ == "__main__":
    main()
