"""Two residents report the same neighbour through /chat (real Rasa, real actions, real
gateway); an officer (API) creates one perpetrator record, links both cases to it and records a
community protection warning. Both cases show the warning on their timeline and their risk was
raised; both residents, coming back with their reference and secret code, are told in plain
words that the council has taken action against the person responsible, and nothing of what or
against whom; no log names the perpetrator."""

from __future__ import annotations

import re
import uuid

import httpx
import pytest
from sqlalchemy.orm import Session

from bot.db import make_engine
from bot.models import Case
from bot.perpetrators import action_taken
from bot.triage import RANK
from tests.e2e.resident import hold_report, pick

pytestmark = pytest.mark.e2e

ACCOUNTS = (
    "My neighbour at 14 Fulham Court keeps shouting racist abuse at me on the stairs and "
    "told me to go back to my own country",
    "The man who lives at 14 Fulham Court called my wife a racist name in the lift and said "
    "he would get us moved out",
)
PERPETRATOR_NAME = "Dennis Quarrington"
CODE = re.compile(r"Your secret code is (\d{6})")
ACTION_TAKEN = "The council has taken action against the person responsible."


def text_of(reply: dict) -> str:
    return " ".join(m["text"] for m in reply["messages"])


def status_reply(live_stack, reference: str, code: str) -> str:  # noqa: ANN001
    """A resident back on a new page: "what's happening", then the reference and the code."""
    sender = f"e2e_{uuid.uuid4().hex[:12]}"
    live_stack.chat(sender, "hi")
    live_stack.chat(sender, "what's happening with my case")
    live_stack.chat(sender, reference)
    reply = live_stack.chat(sender, code)
    if reply["expects"]["slot"] == "return_purpose":
        reply = live_stack.chat(sender, pick(reply, "happening"))
    return text_of(reply)


def workspace_timeline(live_stack, username: str, password: str, reference: str) -> str:  # noqa: ANN001
    """The case page's timeline as the officer's browser gets it (signed in through the form).
    The stack's public URL is https, so its cookies are Secure: carried by hand over http."""
    with httpx.Client(base_url=live_stack.gateway_url, timeout=30) as browser:

        def cookie() -> dict[str, str]:
            return {"Cookie": "; ".join(f"{c.name}={c.value}" for c in browser.cookies.jar)}

        form = browser.get("/officer/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        r = browser.post("/officer/login", headers=cookie(), data={
            "username": username, "password": password, "csrf_token": token})
        assert r.status_code == 303, r.text
        page = browser.get(f"/officer/cases/{reference}", headers=cookie())
        assert page.status_code == 200, page.text
        return page.text[page.text.index('id="timeline"'):]


def answers(account: str) -> dict[str, str]:
    return {"reporter_role": "it happened to me", "narrative": account, "strands": "race",
            "incident_types": "verbal abuse", "occurred_on": "yesterday",
            "location": "14 Fulham Court", "perpetrator": "my neighbour", "injured": "no",
            "ongoing": "yes", "housing": "council", "anonymous": "yes", "share_consent": "yes"}


BUTTONS = {"reporter_role": "me", "anonymous": "anonymous", "share_consent": "yes",
           "confirm_summary": "yes"}


def test_two_reports_of_one_neighbour_are_linked_and_acted_on(live_stack) -> None:
    references, codes = [], {}
    for account in ACCOUNTS:
        sender = f"e2e_{uuid.uuid4().hex[:12]}"
        reference, transcript = hold_report(lambda text, s=sender: live_stack.chat(s, text),
                                            answers(account), BUTTONS)
        references.append(reference)
        codes[reference] = CODE.search(text_of(transcript[-1])).group(1)
    first, second = references
    for ref in references:  # before anything is done, nothing is claimed
        assert ACTION_TAKEN not in status_reply(live_stack, ref, codes[ref])

    username, password = f"perp_{uuid.uuid4().hex[:6]}", "a long enough password here"
    live_stack.create_officer(username, password)
    headers = {"Authorization": f"Bearer {live_stack.officer_token(username, password)}"}
    base = f"{live_stack.gateway_url}/api/v1"

    def get_case(reference: str) -> dict:
        r = httpx.get(f"{base}/cases/{reference}", headers=headers, timeout=10)
        assert r.status_code == 200, r.text
        return r.json()

    before = {ref: get_case(ref)["risk"] for ref in references}
    assert all(get_case(ref)["perpetrators"] == [] for ref in references)

    r = httpx.post(f"{base}/perpetrators", headers=headers, timeout=10, json={
        "name": PERPETRATOR_NAME, "description": "man in his fifties, flat on the third floor",
        "address": "Flat 9, 14 Fulham Court, London SW6", "tenancy": "council_tenant"})
    assert r.status_code == 201, r.text
    record = r.json()["id"]

    # both accounts name the address on the record: it is offered on each case
    for ref in references:
        offered = get_case(ref)["possible_perpetrators"]
        assert {"id": record, "reason": "the account names an address on this record"} in offered

    for ref in references:
        r = httpx.post(f"{base}/cases/{ref}/perpetrators", headers=headers, timeout=10,
                       json={"perpetrator_id": record, "reason": "same flat, both accounts"})
        assert r.status_code == 201, r.text

    r = httpx.post(f"{base}/perpetrators/{record}/enforcement", headers=headers, timeout=10,
                   json={"type": "community_protection_warning", "date": "2026-11-30",
                         "outcome": "served at the flat"})
    assert r.status_code == 201, r.text
    warning = r.json()["id"]

    for ref in references:
        case = get_case(ref)
        assert [e["id"] for e in case["perpetrator_enforcement"]] == [warning]
        assert case["perpetrator_enforcement"][0]["type"] == "community_protection_warning"
        assert [p["id"] for p in case["perpetrators"]] == [record]
        assert case["perpetrator_council_tenant"] is True
        assert "repeat_perpetrator" in case["risk"]["reasons"]
        assert case["repeat_perpetrator"]["label"] == "Perpetrator linked to 2 reports"
        assert RANK[case["risk"]["level"]] > RANK[before[ref]["level"]], (ref, before[ref])
        timeline = workspace_timeline(live_stack, username, password, ref)
        assert "Enforcement against the perpetrator: Community protection warning" in timeline
        assert "served at the flat" in timeline

    queue = httpx.get(f"{base}/cases", headers=headers, timeout=10).json()["items"]
    flagged = {c["reference"] for c in queue if c["repeat_perpetrator"]}
    assert {first, second} <= flagged

    # Both residents come back (reference + secret code): action was taken, and no more.
    for ref in references:
        words = status_reply(live_stack, ref, codes[ref])
        assert f"Here's where your report {ref} is" in words, words
        assert words.count(ACTION_TAKEN) == 1, words
        for secret in (PERPETRATOR_NAME, "Quarrington", "community protection", "warning",
                       "served", "third floor", "tenant"):
            assert secret.lower() not in words.lower(), secret

    engine = make_engine(live_stack.settings.database_url)
    try:
        with Session(engine) as s:
            for ref in references:
                case = s.query(Case).filter_by(reference=ref).one()
                assert action_taken(s, case)
    finally:
        engine.dispose()

    logs = live_stack.logs()
    assert PERPETRATOR_NAME not in logs and "third floor" not in logs
