"""CPU time and resident memory of process trees, read from /proc (Linux only).

CPU per turn is the robust figure on a shared machine: other engineers' load stretches
wall-clock latency but not the CPU our processes spend. A part's cost includes its children
(the Sanic worker of the action server, Rasa's helpers): every live descendant's utime+stime
plus what each has collected from children already reaped (cutime+cstime).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def _stat_fields(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # the command name (field 2) may hold spaces and parentheses: split after the last ')'
    return raw[raw.rindex(")") + 2:].split()


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            fields = _stat_fields(int(entry.name))
            if fields:
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    return children


def tree(pid: int, children: Mapping[int, list[int]] | None = None) -> list[int]:
    """``pid`` and all its live descendants."""
    children = children if children is not None else _children_map()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def cpu_seconds(pid: int, children: Mapping[int, list[int]] | None = None) -> float:
    """User+system CPU of the tree rooted at ``pid`` (reaped children included)."""
    total = 0
    for p in tree(pid, children):
        f = _stat_fields(p)
        if f:  # fields after the name: utime=11, stime=12, cutime=13, cstime=14 (0-based)
            total += int(f[11]) + int(f[12]) + int(f[13]) + int(f[14])
    return total / TICK


def rss_bytes(pid: int, children: Mapping[int, list[int]] | None = None) -> int:
    total = 0
    for p in tree(pid, children):
        try:
            total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            pass
    return total


def machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, all cores."""
    parts = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = parts[3] + parts[4]  # idle + iowait
    return (sum(parts[:8]) - idle) / TICK, sum(parts[:8]) / TICK


@dataclass
class CpuSnapshot:
    parts: dict[str, float]
    busy: float
    total: float
    at: float

    @classmethod
    def take(cls, pids: Mapping[str, int]) -> CpuSnapshot:
        children = _children_map()
        busy, total = machine_cpu()
        return cls({name: cpu_seconds(pid, children) for name, pid in pids.items()},
                   busy, total, time.monotonic())

    def since(self, before: CpuSnapshot) -> dict[str, float]:
        """CPU seconds per part between two snapshots, plus ``others``: the rest of the machine."""
        out = {name: self.parts[name] - before.parts.get(name, 0.0) for name in self.parts}
        out["others"] = max(0.0, (self.busy - before.busy) - sum(out.values()))
        out["wall"] = self.at - before.at
        return out


@dataclass
class RssSampler:
    """Samples each part's tree RSS every ``interval`` seconds in a thread; keeps the peaks."""

    pids: dict[str, int]
    interval: float = 0.25
    peak: dict[str, int] = field(default_factory=dict)
    peak_total: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def sample(self) -> None:
        children = _children_map()
        now = {name: rss_bytes(pid, children) for name, pid in self.pids.items()}
        for name, value in now.items():
            self.peak[name] = max(self.peak.get(name, 0), value)
        self.peak_total = max(self.peak_total, sum(now.values()))

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def start(self) -> RssSampler:
        self.sample()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()
        self.sample()
