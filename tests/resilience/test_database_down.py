"""The database unavailable at the moment of submission (issue 14), with real processes and
real PostgreSQL: the action server and the outbox worker reach PostgreSQL through a proxy the
test cuts. The resident is told their report is kept and will be sent; it is written exactly
once when the database is back, across repeated faults."""

from __future__ import annotations

import os
import re
import time
import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import sessionmaker

from bot.db import make_engine
from bot.launcher import MODEL, Stack
from bot.models import Case
from bot.scratch_db import scratch_database
from bot.settings import Settings
from tests.conftest import migrate
from tests.e2e.stack import REFERENCE, TEST_STACK_LIMITS, free_port
from tests.resilience.proxy import CuttableProxy

pytestmark = pytest.mark.e2e
PG = os.environ.get("TEST_DATABASE_URL") or "postgresql://postgres@127.0.0.1:5432/test"
ANSWERS = {"wishes": "just to have it on record", "consent_police": "/deny"}


@pytest.fixture(scope="module")
def cut_stack(tmp_path_factory):  # noqa: ANN001, ANN201
    assert MODEL.exists(), "run `make train` first"
    tmp = tmp_path_factory.mktemp("dbdown")
    app_url, drop_app = scratch_database("postgresql", tmp, PG)
    tracker_url, drop_tracker = scratch_database("postgresql", tmp, PG)
    migrate(app_url)
    url = make_url(app_url)
    proxy = CuttableProxy(url.host or "127.0.0.1", url.port or 5432)
    through_proxy = url.set(host="127.0.0.1", port=proxy.port).render_as_string(
        hide_password=False)
    behind = {"DATABASE_URL": through_proxy, "SPOOL_DIR": str(tmp / "spool")}
    stack = Stack(Settings(database_url=app_url, tracker_database_url=tracker_url),
                  rasa_port=free_port(), action_port=free_port(), gateway_port=free_port(),
                  log_dir=tmp / "logs", env={"OUTBOX_POLL_SECONDS": "0.5", **TEST_STACK_LIMITS},
                  part_env={"actions": behind, "outbox": behind})
    stack.start()
    try:
        stack.wait_ready(timeout=240)
        yield stack, proxy, app_url, tmp / "spool"
    finally:
        stack.stop()
        proxy.close()
        drop_app()
        drop_tracker()


def chat(stack: Stack, sender: str, message: str) -> dict:
    r = httpx.post(f"{stack.gateway_url}/chat", json={"sender": sender, "message": message},
                   timeout=60)
    assert r.status_code == 200, r.text
    return r.json()


def to_the_summary(stack: Stack, sender: str, account: str) -> dict:
    chat(stack, sender, "hi")
    reply = chat(stack, sender, "/start_report")
    reply = chat(stack, sender, '/choose{"choice": "victim"}')
    reply = chat(stack, sender, account)
    reply = chat(stack, sender, "/finished")
    for _ in range(20):
        slot = reply["expects"]["slot"]
        if slot == "confirm_summary":
            return reply
        reply = chat(stack, sender, ANSWERS.get(slot, "/affirm" if slot in (
            "confirm_understanding", "anonymous") else "skip"))
    raise AssertionError(f"never reached the summary: {reply}")


def cases(app_url: str) -> list[Case]:
    engine = make_engine(app_url)
    try:
        with sessionmaker(bind=engine)() as db:
            return list(db.scalars(select(Case)))
    finally:
        engine.dispose()


def wait_for(predicate, timeout: float = 30.0):  # noqa: ANN001, ANN201
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := predicate():
            return found
        time.sleep(0.5)
    raise AssertionError("timed out")


def test_kept_while_the_database_is_down_and_written_once_when_it_is_back(cut_stack) -> None:
    stack, proxy, app_url, spool_dir = cut_stack
    told = []
    for round_ in range(2):  # repeated faults
        sender = f"dbdown_{uuid.uuid4().hex[:10]}"
        to_the_summary(stack, sender, f"Yesterday a man shouted racist abuse at me on King Street "
                                      f"(round {round_}).")
        proxy.cut()
        reply = chat(stack, sender, "/affirm")  # "Yes, send it" at the moment of the fault
        words = " ".join(m["text"] for m in reply["messages"])
        assert "kept safely" in words and "will be sent" in words, words
        reference = REFERENCE.search(words).group(0)
        told.append(reference)
        time.sleep(2.5)  # the worker polls and meets the fault too: nothing is written
        assert reference not in {c.reference for c in cases(app_url)}
        assert list(Path(spool_dir).glob("*.report"))
        proxy.restore()
        wait_for(lambda ref=reference: ref in {c.reference for c in cases(app_url)})
        wait_for(lambda: not list(Path(spool_dir).glob("*.report")))
    found = cases(app_url)
    assert sorted(c.reference for c in found) == sorted(told)  # each exactly once
    engine = make_engine(app_url)
    with engine.connect() as conn:
        keys = conn.execute(select(func.count()).select_from(Case.__table__)
                            .where(Case.__table__.c.submission_key.is_not(None))).scalar()
    engine.dispose()
    assert keys == 2 and all(re.fullmatch(r"HF-\w{6}", r) for r in told)
