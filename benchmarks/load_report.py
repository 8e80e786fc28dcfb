"""The load driver's report: ratios (gateway over Rasa, ours over the floor, after over
before), the issue's targets, and the table printed at the end of a run."""

from __future__ import annotations

import json


def rasa_cpu(p: dict) -> float:
    """Rasa's CPU per turn, all replicas together."""
    return round(sum(v for k, v in p["cpu_ms_per_turn"].items() if k.startswith("rasa")), 1)


def ratios(passes: list[dict]) -> dict:
    """Gateway over straight-to-Rasa and ours over the floor, per level (p50 and Rasa CPU)."""
    by = {(p["pass"], p["level"]): p for p in passes}
    out: dict = {}
    for (name, level), p in by.items():
        stack, kind = name.split("/")
        direct = by.get((f"{stack}/rasa", level))
        floor = by.get(("floor/rasa", level))
        if kind != "gateway" or stack == "floor":
            continue
        key = f"{stack}@{level}"
        if direct and direct["p50_ms"]:
            out[key + " gateway/rasa p50"] = round(p["p50_ms"] / direct["p50_ms"], 2)
        if floor and floor["p50_ms"]:
            out[key + " ours/floor p50"] = round(p["p50_ms"] / floor["p50_ms"], 1)
            f_cpu = floor["cpu_ms_per_turn"].get("floor_rasa") or 0
            if f_cpu:
                out[key + " ours/floor rasa cpu"] = round(rasa_cpu(p) / f_cpu, 1)
        base = by.get((f"baseline/{kind}", level))
        if stack == "ours" and base and base["p50_ms"]:
            out[f"ours/baseline@{level} p50"] = round(p["p50_ms"] / base["p50_ms"], 2)
            out[f"ours/baseline@{level} p95"] = round(p["p95_ms"] / base["p95_ms"], 2)
    return out


def targets(report: dict) -> dict:
    ours = [p for p in report["passes"] if p["pass"] == "ours/gateway"]
    cpu = [rasa_cpu(p) for p in ours]
    at8 = [p["p95_ms"] for p in ours if p["level"] == 8]
    at32 = [p["errors"] + p["conversations"] - p["completed"] for p in ours if p["level"] == 32]
    rss = report["peak_rss_total_mb"].get("ours", 0)
    out = {"rasa_cpu_ms_per_turn<=60": {"value": max(cpu), "met": max(cpu) <= 60},
           "total_rss_mb<=2560": {"value": rss, "met": rss <= 2560}}
    if at8:
        out["p95_ms_at_8<=300"] = {"value": at8[0], "met": at8[0] <= 300}
    if at32:
        out["errors_or_incomplete_at_32==0"] = {"value": at32[0], "met": at32[0] == 0}
    return out


def print_report(report: dict) -> None:
    print(f"started {report['started']} backend={report['backend']} cpus={report['cpus']} "
          f"load before {report['loadavg_before']} after {report['loadavg_after']}")
    head = ("pass", "lvl", "conv", "done", "turns", "err", "p50", "p95", "p99", "turns/s",
            "cpu ms/turn", "others")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for p in report["passes"]:
        cpu = ", ".join(f"{k} {v:g}" for k, v in p["cpu_ms_per_turn"].items())
        print(f"| {p['pass']} | {p['level']} | {p['conversations']} | {p['completed']} | "
              f"{p['turns']} | {p['errors']} | {p['p50_ms']:g} | {p['p95_ms']:g} | "
              f"{p['p99_ms']:g} | {p['turns_per_s']:g} | {cpu} | "
              f"{p['machine_busy_others_cores']:g} |")
    print("peak RSS MB:", json.dumps(report["peak_rss_mb"]))
    print("peak RSS total MB:", json.dumps(report["peak_rss_total_mb"]))
    print("ratios:", json.dumps(report["ratios"], indent=1))
    if "profile" in report:
        print("profile of our Rasa (share of its samples, inclusive):")
        for label, share in report["profile"]["parts_pct"].items():
            print(f"  {share:>6}  {label}")
    for name, t in report["targets"].items():
        print(f"target {name}: {t['value']} {'met' if t['met'] else 'MISSED'}")
