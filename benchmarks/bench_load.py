"""Load driver: whole report conversations through POST /chat at 1, 8 and 32 at a time.

Each conversation is a held-out account (tests/data/narratives_heldout3.yml) told by a scripted
resident who answers whatever the bot asks, sending the next message as soon as the reply comes
(no think time). In the same run it sends the same conversations straight to Rasa's REST channel
(the gateway's own cost, as a ratio) and a bare ``rasa init`` assistant with one custom action
(the floor, as a ratio), and reports per turn p50/p95/p99, turns per second, errors, CPU per
turn of each process tree (from /proc) and peak memory (RSS) per process.

    .venv/bin/python benchmarks/bench_load.py                      # SQLite, levels 1,8,32
    .venv/bin/python benchmarks/bench_load.py --backend postgresql --levels 1,8
    # before/after in one run: a baseline stack (another model and/or Rasa environment)
    .venv/bin/python benchmarks/bench_load.py --baseline-model var/baseline/tellonce.tar.gz \\
        --baseline-pythonpath var/baseline/site

Targets (issue 14): Rasa CPU per turn <= 60 ms over whole reports; p95 <= 300 ms at 8 at a time;
no errors at 32; total RSS of all processes <= 2.5 GB. Exit status 1 when one is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx  # noqa: E402
from floor_assistant import SCRIPT as FLOOR_SCRIPT  # noqa: E402
from floor_assistant import FloorStack, build  # noqa: E402
from load_pass import PassResult, run_pass  # noqa: E402
from load_report import print_report, ratios, targets  # noqa: E402
from load_resident import Account, Outcome, load_accounts  # noqa: E402
from procstats import RssSampler  # noqa: E402
from profile_rasa import profiling, summarise, top_frames  # noqa: E402

from api.turns import clean_text, parse_rasa_output, to_rasa_message  # noqa: E402
from bot.launcher import LOAD_TEST_LIMITS as LOAD_LIMITS  # noqa: E402
from bot.launcher import RASA_BIN, Stack, tracker_store_config  # noqa: E402
from bot.settings import PROJECT_ROOT, Settings  # noqa: E402

Send = Callable[[str], dict]
OUT = PROJECT_ROOT / "var" / "bench-load"


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gateway_sender(client: httpx.Client, url: str) -> Send:
    sender = "load_" + uuid.uuid4().hex[:16]

    def send(text: str) -> dict:
        r = client.post(f"{url}/chat", json={"sender": sender, "message": text})
        if r.status_code != 200:
            raise RuntimeError(f"HTTP {r.status_code}")
        return r.json()

    return send


def rasa_sender(client: httpx.Client, url: str) -> Send:
    """Straight to Rasa's REST channel, doing the gateway's rewriting here in the driver."""
    sender = "direct-" + uuid.uuid4().hex[:16]
    offered: list[str] = []

    def send(text: str) -> dict:
        message = to_rasa_message(clean_text(text), offered)
        r = client.post(f"{url}/webhooks/rest/webhook", json={
            "sender": sender, "message": message,
            "metadata": {"channel": "web", "now": datetime.now(UTC).isoformat()}})
        if r.status_code != 200:
            raise RuntimeError(f"HTTP {r.status_code}")
        turn = parse_rasa_output(r.json() or [])
        offered[:] = [b.payload for m in turn.messages for b in m.buttons]
        return asdict(turn)

    return send


def floor_converse(send: Send, account: Account, n: int) -> Outcome:
    out = Outcome(account="floor")
    for text in FLOOR_SCRIPT:
        send(text)
        out.turns += 1
    out.reference = "floor"  # the whole script was held
    return out


def start_ours(args: argparse.Namespace, tmp: Path, name: str, model: Path | None = None,
               pythonpath: str | None = None, replicas: int = 1) -> tuple[Stack, list]:
    from bot.migrations import upgrade_head
    from bot.scratch_db import scratch_database

    app_url, drop_app = scratch_database(args.backend, tmp, args.pg_url, prefix="tellonce_load")
    tracker_url, drop_tracker = scratch_database(args.backend, tmp, args.pg_url,
                                                 prefix="tellonce_load")
    upgrade_head(app_url)
    redis = args.redis_url if args.backend == "postgresql" else None
    settings = Settings(database_url=app_url, tracker_database_url=tracker_url, redis_url=redis)
    stack = Stack(settings, rasa_port=free_port(), action_port=free_port(),
                  gateway_port=free_port(), log_dir=tmp / f"logs-{name}",
                  rasa_env={"PYTHONPATH": pythonpath} if pythonpath else {},
                  extra_rasa_ports=tuple(free_port() for _ in range(replicas - 1)),
                  env=LOAD_LIMITS, **({"model": model} if model else {}))
    stack.start()
    return stack, [drop_app, drop_tracker]


def main() -> None:  # noqa: C901, PLR0912, PLR0915 - one linear script
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL"),
                        help="Rasa's lock store for the postgresql backend (the production path)")
    parser.add_argument("--levels", default="1,8,32")
    parser.add_argument("--conversations", type=int, default=0,
                        help="conversations per pass (default: max(4, 2 x level))")
    parser.add_argument("--no-direct", action="store_true", help="skip the straight-to-Rasa passes")
    parser.add_argument("--no-floor", action="store_true", help="skip the rasa init floor")
    parser.add_argument("--model", type=Path, help="our stack's model (default models/)")
    parser.add_argument("--rasa-replicas", type=int, default=1,
                        help="Rasa replicas in our stack (postgresql backend with --redis-url)")
    parser.add_argument("--baseline-model", type=Path, help="also run a baseline stack: its model")
    parser.add_argument("--baseline-pythonpath", help="PYTHONPATH first for the baseline's Rasa "
                        "(e.g. an overlay holding another jsonschema)")
    parser.add_argument("--profile", action="store_true",
                        help="after the passes, one more (4 at a time) with py-spy on our Rasa")
    parser.add_argument("--out", type=Path, default=OUT / "last.json")
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",")]
    accounts = load_accounts()
    tmp = Path(tempfile.mkdtemp(prefix="bench-load-"))
    started = datetime.now(UTC).isoformat(timespec="seconds")
    load_before = os.getloadavg()

    stacks: dict[str, Stack] = {}
    drops: list = []
    floor: FloorStack | None = None
    try:
        stacks["ours"], d = start_ours(args, tmp, "ours", args.model,
                                       replicas=args.rasa_replicas)
        drops += d
        if args.baseline_model or args.baseline_pythonpath:
            stacks["baseline"], d = start_ours(args, tmp, "baseline", args.baseline_model,
                                               args.baseline_pythonpath)
            drops += d
        if not args.no_floor:
            model = build(RASA_BIN)
            floor = FloorStack(RASA_BIN, model, free_port(), free_port(),
                               tracker_store_config(f"sqlite:///{tmp / 'floor-tracker.db'}",
                                                    encrypted=False))
            floor.start()
        for stack in stacks.values():
            stack.wait_ready(timeout=300)
        if floor:
            _wait_rasa(floor.rasa_url)
        pids = {f"{s}.{n}": p.pid for s, st in stacks.items() for n, p in st.procs.items()}
        if floor:
            pids.update({n: p.pid for n, p in floor.procs.items()})
        rss = RssSampler(pids).start()

        results: list[PassResult] = []

        def stack_pids(prefix: str) -> dict[str, int]:
            return {k.split(".", 1)[1] if "." in k else k: v for k, v in pids.items()
                    if k.startswith(prefix)}

        for st in stacks.values():  # warm-up: one whole conversation each, not reported
            run_pass("warmup", 1, 1, accounts,
                     lambda c, st=st: gateway_sender(c, st.gateway_url), {})
        for level in levels:
            count = args.conversations or max(4, 2 * level)
            for name, st in stacks.items():
                results.append(run_pass(f"{name}/gateway", level, count, accounts,
                                        lambda c, st=st: gateway_sender(c, st.gateway_url),
                                        stack_pids(name + ".")))
                if not args.no_direct:
                    results.append(run_pass(f"{name}/rasa", level, count, accounts,
                                            lambda c, st=st: rasa_sender(c, st.rasa_url),
                                            stack_pids(name + ".")))
            if floor and level <= 8:
                run_pass("warmup", 1, 1, accounts, lambda c: rasa_sender(c, floor.rasa_url), {},
                         floor_converse)
                results.append(run_pass("floor/rasa", level, max(6, 2 * level), accounts,
                                        lambda c: rasa_sender(c, floor.rasa_url),
                                        stack_pids("floor_"), floor_converse))
        if args.profile:
            st = stacks["ours"]
            raws = {part: args.out.with_suffix(f".pyspy-{part}.txt")
                    for part in ("rasa", "actions", "gateway") if part in st.procs}
            with ExitStack() as spies:
                for part, raw in raws.items():
                    spies.enter_context(profiling(st.procs[part].pid, raw, rate=200))
                run_pass("profile", 4, 8, accounts, lambda c: gateway_sender(c, st.gateway_url),
                         {})
            profile = {"raw": {part: str(raw) for part, raw in raws.items()},
                       "parts_pct": summarise(raws["rasa"]),
                       "top_rasa_frames_pct": top_frames(raws["rasa"])}
            for part in ("actions", "gateway"):  # our code: frames under bot/, actions/, api/
                if part in raws:
                    profile[f"top_{part}_frames_pct"] = top_frames(raws[part], prefix="", n=40)
        rss.stop()
    finally:
        for stack in stacks.values():
            stack.stop()
        if floor:
            floor.stop()
        for drop in drops:
            drop()

    report = {
        "started": started, "backend": args.backend, "cpus": os.cpu_count(),
        "loadavg_before": [round(x, 2) for x in load_before],
        "loadavg_after": [round(x, 2) for x in os.getloadavg()],
        "passes": [r.summary() for r in results],
        "peak_rss_mb": {k: round(v / 2**20) for k, v in rss.peak.items()},
        "peak_rss_total_mb": {
            s: round(sum(v for k, v in rss.peak.items() if k.startswith(s + ".")) / 2**20)
            for s in stacks},
    }
    if args.profile:
        report["profile"] = profile
    report["ratios"] = ratios(report["passes"])
    report["targets"] = targets(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2))
    print_report(report)
    print(f"\nfull JSON: {args.out}")
    if not all(t["met"] for t in report["targets"].values()):
        raise SystemExit(1)


def _wait_rasa(url: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"rasa at {url} did not come up")


if __name__ == "__main__":
    main()
