"""Screenshots of the officers' workspace for docs/workspace.md (docs/img/workspace-*.png).

Seeds a scratch SQLite database with synthetic cases (``bot.seed``: fictitious people, Ofcom
drama-range numbers), works one case a little (claimed, a note, a message), links two reports of
one neighbour to a perpetrator record with a community protection warning, serves the real app
and photographs the queue, that case, the record, a linked case and the trends page in Debian
Chromium at 1280 px, and the queue at 390 px.
Run: ``.venv/bin/python scripts/workspace_screenshots.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("ENVIRONMENT", "development")

from playwright.sync_api import sync_playwright  # noqa: E402
from sqlalchemy.orm import sessionmaker  # noqa: E402

from api.main import create_app  # noqa: E402
from bot.cases import create_case  # noqa: E402
from bot.casework import messages, work  # noqa: E402
from bot.casework import perpetrators as records  # noqa: E402
from bot.db import make_engine, session_scope  # noqa: E402
from bot.migrations import upgrade_head  # noqa: E402
from bot.models import Officer  # noqa: E402
from bot.passwords import hash_password  # noqa: E402
from bot.perpetrators import RecordInput  # noqa: E402
from bot.report import Report  # noqa: E402
from bot.seed import seed_cases  # noqa: E402
from bot.settings import Settings  # noqa: E402
from tests.api.live_server import serve  # noqa: E402

PASSWORD = "a demo password, not a real one"  # noqa: S105
OUT = ROOT / "docs" / "img"


def main() -> None:
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'screenshots.db'}"
    upgrade_head(url)
    settings = Settings(database_url=url)
    factory = sessionmaker(bind=make_engine(url), expire_on_commit=False)
    with session_scope(factory) as s:
        seed_cases(s, settings, 1500)
        s.add(Officer(username="sam.patel", password_hash=hash_password(PASSWORD),
                      role="supervisor", display_name="Sam Patel",
                      email="sam.patel@lbhf.example", phone="020 7946 0102"))
        alex = Officer(username="alex.morgan", password_hash=hash_password(PASSWORD),
                       role="officer", display_name="Alex Morgan",
                       email="alex.morgan@lbhf.example", phone="020 7946 0101")
        s.add(alex)
        s.flush()
        case = create_case(s, Report(
            reporter_role="victim", channel="sms",
            narrative="Two men followed me from Wood Lane station and shouted homophobic abuse. "
                      "One said he knows where I live and would be back. It has happened twice "
                      "this month.",
            strands=["sexual_orientation"], incident_types=["verbal_abuse", "threats"],
            location_text="Wood Lane, outside the station", location_ward="White City",
            perpetrator="unknown", ongoing=True, injured=False, anonymous=False,
            contact_method="sms", contact_value="07700 900461",
            safe_contact_time="weekdays after 6pm", share_consent=True))
        reference = case.reference
    with session_scope(factory) as s:
        from bot.cases import get_case

        alex = s.query(Officer).filter_by(username="alex.morgan").one()
        case = get_case(s, reference)
        work.assign(s, alex, case)
        work.add_note(s, alex, case, "Rang at 18:10 as agreed. Resident is shaken; wants "
                                     "the police told. Visiting on Thursday.")
        messages.send_message(s, alex, case, "Thank you for telling us. I will ring you "
                                             "on Thursday after 6pm as you asked.", settings)
    record, linked = _perpetrator(factory)
    with serve(create_app(settings)) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for width, height, who, shots in (
                (1280, 900, "alex.morgan", ["queue", "case", "perpetrator", "case-perpetrator"]),
                (1280, 900, "sam.patel", ["trends"]),
                (390, 844, "alex.morgan", ["queue-phone"])):
            page = browser.new_context(viewport={"width": width, "height": height}).new_page()
            page.goto(base + "/officer/login")
            page.fill("#username", who)
            page.fill("#password", PASSWORD)
            page.press("#password", "Enter")
            page.wait_for_url(base + "/officer/")
            for shot in shots:
                if shot == "case":
                    page.goto(f"{base}/officer/cases/{reference}")
                elif shot == "case-perpetrator":
                    page.goto(f"{base}/officer/cases/{linked}")
                elif shot == "perpetrator":
                    page.goto(f"{base}/officer/perpetrators/{record}")
                elif shot == "trends":
                    page.goto(base + "/officer/stats")
                page.screenshot(path=str(OUT / f"workspace-{shot}.png"),
                                full_page=shot not in ("queue", "queue-phone"))
        browser.close()
    print("wrote", ", ".join(sorted(str(p.relative_to(ROOT)) for p in OUT.glob("workspace-*"))))


def _perpetrator(factory: sessionmaker) -> tuple[int, str]:
    """Two reports of one (fictitious) neighbour, linked to one record with a warning."""
    from datetime import date

    accounts = ("My neighbour at 14 Fulham Court shouts racist abuse at me on the stairs.",
                "The man at 14 Fulham Court called my son a racist name in the lift again.")
    with session_scope(factory) as s:
        alex = s.query(Officer).filter_by(username="alex.morgan").one()
        cases = [create_case(s, Report(
            reporter_role="victim", channel="web", narrative=text, strands=["race"],
            incident_types=["verbal_abuse"], location_text="14 Fulham Court",
            location_ward="Fulham Reach", perpetrator="neighbour", ongoing=True,
            anonymous=True, share_consent=True)) for text in accounts]
        for case in cases:
            case.assigned_officer_id = alex.id
        s.flush()
        record, _ = records.create_for_case(s, alex, cases[0], RecordInput(
            name="Dennis Example", description="Man in his fifties, third floor",
            address="Flat 9, 14 Fulham Court, London SW6", tenancy="council_tenant"),
            "Both accounts name his flat; housing confirmed the tenancy.")
        records.link(s, alex, cases[1], record.id, "Same flat and the same words.")
        records.add_enforcement(s, alex, record.id, "community_protection_warning",
                                date(2026, 11, 30), "Served at the flat", "Warned about the "
                                "stairs and the lift; a notice follows if it happens again.")
        return record.id, cases[1].reference


if __name__ == "__main__":
    main()
