"""A case in the workspace: what it shows (account, read-back, risk, consent and contact, one
timeline), that nothing a resident wrote becomes markup, and working it through the forms."""

from __future__ import annotations

import html as htmllib
import re

import pytest
from sqlalchemy import func, select

from bot.messaging.outbound import neutral_body
from bot.messaging.outbox import compose
from bot.models import AuditEvent, Case, CaseAction, CaseNote, OutboundMessage
from bot.settings import get_settings


def url(case, suffix=""):
    return f"/officer/cases/{case.reference}{suffix}"


def text_of(page: str) -> str:
    """The page's visible words, roughly (tags stripped, entities decoded)."""
    return htmllib.unescape(re.sub(r"<[^>]+>", " ", page))


def test_the_case_page_shows_the_account_readback_risk_consent_and_contact(
        signed_in, make_case, session_factory):
    b = signed_in("officer")
    case = make_case(assigned=b.officer, risk="high", injured=True,
                     stored={"risk_reasons": ["violence", "weapon"]})
    r = b.get(url(case))
    assert r.status_code == 200
    words = text_of(r.text)
    for expected in ("A man shouted racist abuse at me on Uxbridge Road", "race or ethnicity",
                     "verbal abuse", "Uxbridge Road bus stop", "Shepherd's Bush Green",
                     "Violence", "Weapon mentioned", "Yes, they agreed", "SMS: +447700900123",
                     "weekdays after 6pm", "Community MARAC"):
        assert expected in words, expected
    with session_factory() as s:
        reads = s.scalars(select(AuditEvent).where(
            AuditEvent.action == "case.read", AuditEvent.case_reference == case.reference)).all()
    assert [(e.officer_username, e.case_reference) for e in reads] == [
        (b.officer.username, case.reference)]


def test_nothing_from_a_resident_is_rendered_as_html(signed_in, make_case):
    b = signed_in("supervisor")
    evil = '<script>alert(1)</script><img src=x onerror="alert(2)"><b>bold</b>'
    case = make_case(narrative=evil, location_text=evil, safe_contact_time=evil,
                     contact_value="<i>+447700900123</i>", housing_provider=evil)
    b.post(url(case, "/assign"))
    b.post(url(case, "/notes"), {"text": evil})
    page = b.get(url(case)).text
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("&lt;img src=x") >= 3
    assert "<script" not in page.replace('<script src="/officer/static/workspace.js" defer>', "")


def test_new_case_fields_render_defensively_as_plain_text(signed_in, make_case, monkeypatch,
                                                         session_factory):
    """Fields issue 8 and 9 add to the case's JSON appear when present, always as text."""
    import bot.casework.views as views

    real = views.case_to_dict

    def richer(case):
        data = real(case)
        data.update(
            consent={"police": True, "support": False, "landlord": None},
            wishes={"outcomes": ["stop_it_happening", "<b>apology</b>"],
                    "in_their_words": "I want it to <em>stop</em>", "support_wanted": True},
            feels_safe_at_home=False,
            access_needs={"needs": ["interpreter", "bsl"], "language": "Polish", "other": None},
            contact={**data["contact"], "name": "<u>Zanele</u>", "voicemail_ok": False},
            subject={"knows": False, "agrees_to_contact": None, "contact": "her mum"},
            safeguarding={"concern": "child", "reasons": ["a 12 year old was there"]},
            urgent=True,
        )
        return data

    monkeypatch.setattr(views, "case_to_dict", richer)
    b = signed_in("supervisor")
    case = make_case()
    from datetime import UTC, date, datetime

    from bot.models import DiaryEntry

    with session_factory() as s:  # real diary entries, added by coming back (issue 9)
        s.add_all([
            DiaryEntry(case_id=case.id, occurred_on=date(2026, 3, 1),
                       summary="Egg thrown at the door", account="They came back <script>x</script>",
                       added_at=datetime(2026, 3, 2, 10, tzinfo=UTC), channel="sms"),
            DiaryEntry(case_id=case.id, summary="no dates at all", account=None,
                       added_at=datetime(2026, 3, 3, tzinfo=UTC), channel="web"),
        ])
        s.commit()
    r = b.get(url(case))
    assert r.status_code == 200, r.text
    words = text_of(r.text)
    for expected in ("Police", "Support services", "Landlord", "stop it happening",
                     "<b>apology</b>", "I want it to <em>stop</em>", "Feels safe at home",
                     "An interpreter", "British Sign Language", "Polish", "<u>Zanele</u>",
                     "Do not leave a message", "Does not know about this report", "her mum",
                     "Safeguarding concern: a child", "a 12 year old was there", "Danger now",
                     "Egg thrown at the door", "They came back <script>x</script>"):
        assert expected in words, expected
    assert "<em>stop</em>" not in r.text and "<u>Zanele" not in r.text


def test_missing_or_null_new_fields_do_not_break_the_page(signed_in, make_case, monkeypatch):
    import bot.casework.views as views

    real = views.case_to_dict

    def sparse(case):
        data = real(case)
        data.update(consent=None, wishes=None, access_needs=None, subject=None,
                    safeguarding=None, diary=None, contact={"method": None})
        return data

    monkeypatch.setattr(views, "case_to_dict", sparse)
    b = signed_in("supervisor")
    assert b.get(url(make_case())).status_code == 200


def test_claim_note_status_action_and_message_from_the_forms(signed_in, make_case,
                                                             session_factory):
    b = signed_in("officer")
    case = make_case()
    r = b.post(url(case, "/assign"))
    assert r.status_code == 303 and r.headers["location"] == url(case, "?done=claimed")
    assert "You have claimed this case" in b.get(r.headers["location"]).text
    assert b.post(url(case, "/notes"), {"text": "Rang, no answer"}).status_code == 303
    assert b.post(url(case, "/status"), {"status": "triaged"}).status_code == 303
    assert b.post(url(case, "/actions"), {"action": "referral:victim_support",
                                          "detail": "Asked for a call"}).status_code == 303
    assert b.post(url(case, "/messages"), {"text": "I will ring you tomorrow"}).status_code == 303
    with session_factory() as s:
        stored = s.get(Case, case.id)
        assert (stored.assigned_officer_id, stored.status) == (b.officer.id, "triaged")
        assert [n.text for n in s.scalars(select(CaseNote))] == ["Rang, no answer"]
        assert [(a.kind, a.action) for a in s.scalars(select(CaseAction))] == [
            ("referral", "victim_support")]
        (message,) = s.scalars(select(OutboundMessage)).all()
        assert message.status == "pending" and message.channel == "sms"
        actions = [e.action for e in s.scalars(select(AuditEvent).where(
            AuditEvent.case_reference == case.reference).order_by(AuditEvent.id))]
    for done in ("case.assigned", "case.note_added", "case.status_changed",
                 "case.action_recorded", "message.queued"):
        assert done in actions
    timeline = b.get(url(case)).text
    words = text_of(timeline)
    for expected in ("Assigned to " + b.officer.username, "Status changed", "Rang, no answer",
                     "Referral: Victim Support", "Message to the resident", "Opened the case",
                     "Report received"):
        assert expected in words, expected
    assert re.search(r"Delivery\s+pending", words)


def test_the_preview_is_exactly_what_the_resident_receives_and_sends_nothing(
        signed_in, make_case, session_factory):
    b = signed_in("officer")
    case = make_case(assigned=b.officer)
    r = b.post(url(case, "/messages/preview"), {"text": "I’ll call you on Monday – Sam"})
    assert r.status_code == 200
    body = htmllib.unescape(re.search(r'<pre class="message-body">(.*?)</pre>', r.text,
                                      re.S).group(1))
    settings = get_settings()
    with session_factory() as s:
        stored = s.get(Case, case.id)
        expected = neutral_body(compose(stored, stored.assigned_officer,
                                        "I’ll call you on Monday – Sam", settings), settings)
        assert s.scalar(select(func.count()).select_from(OutboundMessage)) == 0
    assert body.startswith(f"A message from {settings.council_name}.\n")
    assert "I'll call you on Monday - Sam" in body  # SMS: GSM-7, as the worker sends it
    assert body == expected.replace("’", "'").replace("–", "-")
    assert "Direct line: 020 7946 0000" in body and "Sam Officer" in body
    sent = b.post(url(case, "/messages"),
                  {"text": re.search(r'name="text" value="([^"]*)"', r.text).group(1)})
    assert sent.status_code == 303
    with session_factory() as s:
        assert s.scalar(select(OutboundMessage.body)) == compose(
            s.get(Case, case.id), s.get(Case, case.id).assigned_officer,
            "I’ll call you on Monday – Sam", settings)


@pytest.mark.parametrize("suffix,data,status,reason", [
    ("/status", {"status": "closed", "outcome": "resolved"}, 409, "cannot move from new to closed"),
    ("/status", {"status": "bogus"}, 422, "not one of the choices"),
    ("/notes", {"text": "   "}, 422, "the text is empty"),
    ("/actions", {"action": "referral:the_press"}, 422, "not one of the choices"),
    ("/messages", {"text": ""}, 422, "the text is empty"),
])
def test_refusals_are_shown_with_their_reasons_and_nothing_changes(
        signed_in, make_case, session_factory, suffix, data, status, reason):
    b = signed_in("officer")
    case = make_case(assigned=b.officer)
    r = b.post(url(case, suffix), data)
    assert r.status_code == status
    assert reason in text_of(r.text)
    assert 'role="alert"' in r.text
    with session_factory() as s:
        assert s.get(Case, case.id).status == "new"
        assert s.scalar(select(func.count()).select_from(CaseNote)) == 0
        assert s.scalar(select(func.count()).select_from(OutboundMessage)) == 0


def test_closing_needs_an_outcome_and_reopening_works(signed_in, make_case):
    b = signed_in("officer")
    case = make_case(assigned=b.officer, stored={"status": "in_progress"})
    r = b.post(url(case, "/status"), {"status": "closed"})
    assert r.status_code == 409 and "needs an outcome" in r.text
    assert b.post(url(case, "/status"), {"status": "closed", "outcome": "resolved"}).status_code == 303
    page = b.get(url(case)).text
    assert "Closed" in page and "Resolved" in page and "(reopen)" in page
    assert b.post(url(case, "/status"), {"status": "in_progress"}).status_code == 303


def test_the_message_form_says_why_a_resident_cannot_be_messaged(signed_in, make_case):
    b = signed_in("officer")
    anonymous = make_case(assigned=b.officer, anonymous=True, contact_method=None,
                          contact_value=None)
    page = b.get(url(anonymous)).text
    assert "chose to stay anonymous" in page and "Preview message" not in page
    r = b.post(url(anonymous, "/messages/preview"), {"text": "Hello"})
    assert r.status_code == 409 and "chose to stay anonymous" in r.text
    phone = make_case(assigned=b.officer, contact_method="phone")
    assert "asked to be phoned" in b.get(url(phone)).text


def test_an_officer_must_claim_before_working_and_is_told_so(signed_in, make_case,
                                                             session_factory):
    b = signed_in("officer")
    case = make_case()
    r = b.post(url(case, "/notes"), {"text": "hello"})
    assert r.status_code == 403
    assert "Claim this case before working on it" in r.text
    assert "POST .../assign" not in r.text
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(CaseNote)) == 0


def test_supervisors_assign_to_an_officer(signed_in, make_officer, make_case, session_factory):
    boss = signed_in("supervisor")
    officer = make_officer()
    case = make_case()
    page = boss.get(url(case)).text
    assert f'<option value="{officer.username}"' in page
    r = boss.post(url(case, "/assign"), {"officer": officer.username})
    assert r.status_code == 303 and r.headers["location"].endswith("?done=assigned")
    with session_factory() as s:
        assert s.get(Case, case.id).assigned_officer_id == officer.id
    r = boss.post(url(case, "/assign"), {"officer": "no_such_person"})
    assert r.status_code == 404 and "No officer named no_such_person" in r.text


def test_the_referral_packet_prints_what_was_consented(signed_in, make_case, session_factory):
    b = signed_in("officer")
    case = make_case(assigned=b.officer, narrative="He said <script>x</script> to me")
    r = b.get(url(case, "/referral?to=cmarac"))
    assert r.status_code == 200
    assert "Community MARAC (CMARAC)" in r.text
    assert "He said &lt;script&gt;x&lt;/script&gt; to me" in r.text
    assert "data-print" in r.text and "+447700900123" in r.text
    with session_factory() as s:
        event = s.scalars(select(AuditEvent).where(
            AuditEvent.action == "case.referral_packet",
            AuditEvent.case_reference == case.reference)).one()
    assert event.changes == {"to": "cmarac", "format": "html"}
    assert b.get(url(case, "/referral?to=the_press")).status_code == 400


def test_unknown_and_malformed_references_are_404(signed_in):
    b = signed_in("supervisor")
    assert b.get("/officer/cases/HF-ZZZZZZ").status_code == 404
    r = b.get("/officer/cases/not%20a%20ref!")
    assert r.status_code == 404 and "looks like HF-" in r.text


def test_the_days_cap_on_messages_is_a_429_page_saying_why(signed_in, make_case):
    b = signed_in("officer")
    case = make_case(assigned=b.officer)
    for _ in range(10):  # MESSAGES_PER_CASE_PER_DAY
        assert b.post(url(case, "/messages"), {"text": "Checking in"}).status_code == 303
    r = b.post(url(case, "/messages"), {"text": "One more"})
    assert r.status_code == 429
    assert "10 messages to the resident in the last 24 hours" in r.text
