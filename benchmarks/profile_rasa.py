"""py-spy on a running Rasa server during a load pass, summarised as the share of its samples
spent in each part of a turn (inclusive: a sample counts for every part on its stack).

py-spy samples only threads that are running (not idle in a wait), so the shares are shares of
Rasa's CPU time. Install it once with ``.venv/bin/pip install py-spy`` (a tool, not a dependency).
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# (label, regular expression over one frame "function (path)") in the order they are reported.
PARTS = [
    ("validate action-server response (jsonschema)", r"_validate_action_result"),
    ("  of which check_schema", r"^check_schema \(jsonschema"),
    ("NLU (parse the message)", r"parse_message \(rasa/core/processor"),
    ("policies predict the next action", r"_predict_next_with_tracker|predict_next_action"),
    ("  TEDPolicy", r"\(rasa/core/policies/ted_policy"),
    ("  RulePolicy / Memoization", r"\(rasa/core/policies/(rule|memoization)"),
    ("  featurise the tracker", r"featuriz"),
    ("tracker store: retrieve", r"(retrieve|retrieve_full_tracker) \(rasa/core/tracker_store"),
    ("tracker store: save", r"save \(rasa/core/tracker_store"),
    ("call the action server (build + send the request)",
     r"_run_action|run \(rasa/core/actions/action\.py"),
    ("  tracker.current_state (serialise the tracker)",
     r"current_state \(rasa/shared/core/trackers"),
    ("  JSON encode/decode", r"(dumps|loads|encode|decode) \((json|ujson)"),
    ("lock store", r"\(rasa/core/lock_store"),
]


def available() -> str | None:
    return shutil.which("py-spy") or (
        str(Path(sys.executable).parent / "py-spy")
        if (Path(sys.executable).parent / "py-spy").exists() else None)


@contextmanager
def profiling(pid: int, out: Path, rate: int = 50) -> Iterator[Path]:
    """Record ``pid`` (collapsed stacks, no line numbers) until the block ends."""
    exe = available()
    if not exe:
        raise RuntimeError("py-spy not found: .venv/bin/pip install py-spy")
    out.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen(  # noqa: S603 - fixed argv
        [exe, "record", "--pid", str(pid), "--subprocesses", "--format", "raw", "--nolineno",
         "--rate", str(rate),
         "--output", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        yield out
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def summarise(raw: Path) -> dict[str, float]:
    """Share (%) of samples whose stack holds each part of PARTS, plus the sample count."""
    counts: Counter[str] = Counter()
    total = 0
    compiled = [(label, re.compile(rx)) for label, rx in PARTS]
    for line in raw.read_text(errors="replace").splitlines():
        stack, _, n = line.rpartition(" ")
        if not n.isdigit():
            continue
        frames = stack.split(";")
        total += int(n)
        for label, rx in compiled:
            if any(rx.search(f) for f in frames):
                counts[label] += int(n)
    out = {label: round(100 * counts[label] / total, 1) if total else 0.0 for label, _ in PARTS}
    out["samples"] = total
    return out


def top_frames(raw: Path, prefix: str = "rasa/", n: int = 25) -> list[tuple[str, float]]:
    """The ``n`` frames under ``prefix`` with the largest inclusive share (to read a profile)."""
    counts: Counter[str] = Counter()
    total = 0
    for line in raw.read_text(errors="replace").splitlines():
        stack, _, k = line.rpartition(" ")
        if not k.isdigit():
            continue
        total += int(k)
        for frame in set(stack.split(";")):
            if prefix in frame:
                counts[frame] += int(k)
    return [(f, round(100 * c / max(total, 1), 1)) for f, c in counts.most_common(n)]


if __name__ == "__main__":
    for path in sys.argv[1:]:
        print(path)
        for label, share in summarise(Path(path)).items():
            print(f"  {share:>6}  {label}")
        for frame, share in top_frames(Path(path)):
            print(f"  {share:>6}% {frame}")
