"""Referral packets hold only what the resident consented to share."""

from __future__ import annotations

import pytest


def get(client, auth, officer, case, query):
    return client.get(f"/api/v1/cases/{case.reference}/referral?{query}", headers=auth(officer))


def test_packet_for_the_police_carries_the_account_and_contact(client, make_officer, make_case,
                                                               auth):
    me = make_officer(display_name="Priya Shah")
    case = make_case(assigned=me, perpetrator="neighbour", housing="council")
    r = get(client, auth, me, case, "to=police")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers["cache-control"] == "no-store"
    p = r.json()
    assert p["reference"] == case.reference
    assert p["recipient"] == {"key": "police", "name": "Metropolitan Police"}
    assert p["prepared_by"]["name"] == "Priya Shah"
    assert p["account"].startswith("A man shouted racist abuse")
    assert p["hostility"] == ["race or ethnicity"]
    assert p["resident_contact"] == {"method": "sms", "value": "+447700900123",
                                     "safe_time": "weekdays after 6pm"}
    assert p["housing"] == {"tenure": "council", "provider": None,
                            "perpetrator_council_tenant": False}


def test_packet_never_holds_internal_notes_and_minimises_per_partner(client, make_officer,
                                                                    make_case, auth):
    me = make_officer()
    case = make_case(assigned=me, housing="council")
    client.post(f"/api/v1/cases/{case.reference}/notes", json={"text": "INTERNAL ONLY xyz"},
                headers=auth(me))
    for fmt in ("", "&format=html"):
        r = get(client, auth, me, case, f"to=victim_support{fmt}")
        assert r.status_code == 200
        assert "INTERNAL ONLY" not in r.text
    assert get(client, auth, me, case, "to=victim_support").json()["housing"] is None


def test_anonymous_resident_packet_has_no_contact_details(client, make_officer, make_case, auth):
    me = make_officer()
    case = make_case(assigned=me, anonymous=True, contact_method=None, contact_value=None,
                     safe_contact_time=None)
    p = get(client, auth, me, case, "to=stop_hate_uk").json()
    assert p["anonymous"] is True
    assert p["resident_contact"] is None


def test_without_consent_the_packet_is_refused_with_a_reason(client, make_officer, make_case,
                                                             auth):
    me = make_officer()
    case = make_case(assigned=me, share_consent=False)
    r = get(client, auth, me, case, "to=police")
    assert r.status_code == 403
    assert "did not consent" in r.json()["detail"]


@pytest.mark.parametrize("how", ["format", "accept"])
def test_printable_html_escapes_resident_text(client, make_officer, make_case, auth, how):
    me = make_officer()
    case = make_case(assigned=me, narrative="<script>alert(1)</script> they shouted at me")
    if how == "format":
        r = get(client, auth, me, case, "to=cmarac&format=html")
    else:
        r = client.get(f"/api/v1/cases/{case.reference}/referral?to=cmarac",
                       headers={**auth(me), "Accept": "text/html"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "<script>alert(1)</script>" not in r.text
    assert "&lt;script&gt;" in r.text
    assert "Community MARAC" in r.text
    assert "+447700900123" in r.text


def test_unknown_partner_is_422(client, make_officer, make_case, auth):
    me = make_officer()
    case = make_case(assigned=me)
    assert get(client, auth, me, case, "to=the_press").status_code == 422
    assert get(client, auth, me, case, "").status_code == 422
