"""Extraction speed: load time and p50/p95 time per narrative (<= 500 characters), with the
learned component (``make train-extractor``) included; it says so when the model is missing.

Run: ``.venv/bin/python benchmarks/bench_extraction.py [--rounds N]``. A benchmark, not a test:
it measures on this machine and prints figures for docs/benchmarks.md. Load is timed in a fresh
subprocess so that imports already done by this process do not hide their cost. Per-narrative
times are wall clock (the target) and, beside them, this process's CPU time, which a busy shared
machine inflates less.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LOAD_SNIPPET = (
    "import time; t = time.perf_counter(); "
    "from bot.extraction import get_pipeline, extract; get_pipeline(); "
    "from bot.extraction.learned.model import get_model; m = get_model(); "
    "from bot.extraction import confidence; confidence.table(); "
    "print(m is not None); print(time.perf_counter() - t)"
)


def load_seconds() -> tuple[float, bool]:
    """Import + build the pipeline (spaCy, EntityRuler, dateparser warm-up) and load the
    classifiers and the confidence table, in a new process: (seconds, model loaded?)."""
    out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    lines = out.stdout.strip().splitlines()
    return float(lines[-1]), lines[-2] == "True"


def narratives() -> list[str]:
    from bot.extraction.evaluate import load

    texts = [item["text"][:500] for _, _, item in load(ROOT / "tests" / "data")]
    texts = [t for t in texts if t.strip()]
    # Long accounts too: neighbours joined up to the 500-character limit (several incidents).
    triples = zip(texts, texts[1:], texts[2:], strict=False)
    longer = [(a + " " + b + " " + c)[:500] for a, b, c in triples]
    return texts + longer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="passes over the narratives")
    args = parser.parse_args()
    measured = [load_seconds() for _ in range(3)]
    loads = [seconds for seconds, _ in measured]
    from bot.extraction import extract, get_pipeline
    from bot.extraction.learned.model import get_model

    get_pipeline()
    learned = get_model() is not None and all(loaded for _, loaded in measured)
    texts = narratives()
    now = datetime(2026, 11, 25, 10, 0)
    for text in texts:  # one warm pass
        extract(text, now)
    times, cpu = [], []
    for _ in range(args.rounds):
        for text in texts:
            t, c = time.perf_counter(), time.process_time()
            extract(text, now)
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
    times.sort()
    cpu.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print("learned component: " + ("loaded" if learned else
                                   "MISSING (rules only: run make train-extractor)"))
    print(f"narratives: {len(texts)} (max {max(map(len, texts))} chars), {len(times)} timed runs")
    runs = ", ".join(f"{x:.2f}" for x in loads)
    print(f"load: median {statistics.median(loads):.2f} s (runs: {runs})")
    print(f"per narrative: p50 {statistics.median(times):.2f} ms, p95 {p95:.2f} ms, "
          f"max {times[-1]:.2f} ms (CPU: p50 {statistics.median(cpu):.2f} ms, "
          f"p95 {cpu[int(0.95 * (len(cpu) - 1))]:.2f} ms)")


if __name__ == "__main__":
    main()
