"""One pass of the load driver: N whole conversations held ``level`` at a time with no think
time, with per-turn latencies, errors, outcomes and each process tree's CPU over the pass."""

from __future__ import annotations

import queue
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
from load_resident import Account, Outcome, converse
from procstats import CpuSnapshot

Send = Callable[[str], dict]


@dataclass
class PassResult:
    name: str
    level: int
    conversations: int
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    cpu: dict[str, float] = field(default_factory=dict)

    def summary(self) -> dict:
        lat = sorted(self.latencies_ms) or [0.0]
        q = statistics.quantiles(lat, n=100, method="inclusive") if len(lat) > 1 else [lat[0]] * 99
        turns = len(self.latencies_ms)
        wall = self.cpu.get("wall", 0.0)
        per_turn = {k: round(v * 1000 / max(turns, 1), 1) for k, v in self.cpu.items()
                    if k not in ("wall", "others")}
        danger = [o for o in self.outcomes if o.danger]
        return {
            "pass": self.name, "level": self.level, "conversations": self.conversations,
            "turns": turns, "errors": len(self.errors), "error_kinds": sorted(set(self.errors)),
            "completed": sum(o.completed for o in self.outcomes),
            "danger_with_999": f"{sum(o.gave_999 for o in danger)}/{len(danger)}",
            "p50_ms": round(q[49], 1), "p95_ms": round(q[94], 1), "p99_ms": round(q[98], 1),
            "max_ms": round(lat[-1], 1), "turns_per_s": round(turns / wall, 2) if wall else 0,
            "wall_s": round(wall, 1), "cpu_ms_per_turn": per_turn,
            "machine_busy_others_cores": round(self.cpu.get("others", 0) / wall, 2) if wall else 0,
        }


def run_pass(name: str, level: int, conversations: int, accounts: list[Account],
             make_send: Callable[[httpx.Client], Send], pids: dict[str, int],
             hold: Callable[[Send, Account, int], Outcome] = converse) -> PassResult:
    """``conversations`` whole conversations, ``level`` at a time, each sent with no think time."""
    result = PassResult(name, level, conversations)
    jobs: queue.Queue[int] = queue.Queue()
    for n in range(conversations):
        jobs.put(n)
    lock = threading.Lock()

    def worker() -> None:
        with httpx.Client(timeout=120) as client:
            while True:
                try:
                    n = jobs.get_nowait()
                except queue.Empty:
                    return
                inner = make_send(client)

                def timed(text: str, inner: Send = inner) -> dict:
                    t0 = time.perf_counter()
                    try:
                        return inner(text)
                    finally:
                        with lock:
                            result.latencies_ms.append((time.perf_counter() - t0) * 1000)

                try:
                    outcome = hold(timed, accounts[n % len(accounts)], n)
                except (httpx.HTTPError, RuntimeError, ValueError) as exc:
                    with lock:
                        result.errors.append(str(exc)[:40] or type(exc).__name__)
                    continue
                with lock:
                    result.outcomes.append(outcome)

    before = CpuSnapshot.take(pids)
    cpu0 = time.process_time()
    threads = [threading.Thread(target=worker) for _ in range(level)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result.cpu = CpuSnapshot.take(pids).since(before)
    result.cpu["driver"] = time.process_time() - cpu0
    result.cpu["others"] = max(0.0, result.cpu["others"] - result.cpu["driver"])
    return result
