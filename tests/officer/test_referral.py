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
                                     "safe_time": "weekdays after 6pm", "name": None,
                                     "voicemail_ok": None}
    assert p["housing"] == {"tenure": "council", "provider": None,
                            "perpetrator_council_tenant": False}


@pytest.mark.parametrize(("choices", "allowed"), [
    ({"consent_police": True, "consent_support": False, "consent_landlord": False},
     {"police"}),
    ({"consent_police": False, "consent_support": True, "consent_landlord": None},
     {"victim_support", "stop_hate_uk"}),
    ({"consent_police": None, "consent_support": None, "consent_landlord": True},
     {"housing_provider"}),
])
def test_each_sharing_choice_is_obeyed_on_its_own(client, make_officer, make_case, auth,
                                                  choices, allowed):
    me = make_officer()
    case = make_case(assigned=me, perpetrator="neighbour", housing="council",
                     share_consent=False, **choices)
    detail = client.get(f"/api/v1/cases/{case.reference}", headers=auth(me)).json()
    assert detail["consent"] == {k.removeprefix("consent_"): v for k, v in choices.items()}
    for partner in ("police", "victim_support", "stop_hate_uk", "housing_provider"):
        r = get(client, auth, me, case, f"to={partner}")
        if partner in allowed:
            assert r.status_code == 200, (partner, r.text)
            assert r.json()["consent_choices"]["police"] is choices["consent_police"]
        else:
            assert r.status_code == 403, partner
            assert "did not consent" in r.json()["detail"]
    # the same rule when an officer records the referral
    for partner in ("police", "victim_support", "housing_provider"):
        r = client.post(f"/api/v1/cases/{case.reference}/actions", headers=auth(me),
                        json={"kind": "referral", "action": partner})
        assert r.status_code == (201 if partner in allowed else 409), (partner, r.text)


def test_a_high_risk_case_goes_to_cmarac_without_consent_and_the_packet_says_so(
        client, make_officer, make_case, auth):
    me = make_officer()
    case = make_case(assigned=me, share_consent=False, risk="high")
    r = get(client, auth, me, case, "to=cmarac")
    assert r.status_code == 200, r.text
    assert "without consent" in r.json()["consent"] and "told" in r.json()["consent"]
    low = make_case(assigned=me, share_consent=False)
    assert get(client, auth, me, low, "to=cmarac").status_code == 403


def test_the_packet_carries_what_matters_to_them(client, make_officer, make_case, auth):
    me = make_officer()
    case = make_case(assigned=me, reporter_role="third_party", wishes=["stop_it", "support"],
                     wishes_text="I just want it to stop", feels_safe_home=False,
                     access_needs=["interpreter"], access_language="Polish",
                     contact_name="Sam", voicemail_ok=False, contact_method="phone",
                     contact_value="02071234567", subject_knows=True, subject_agrees=True,
                     subject_contact="her son's number", safeguarding="adult")
    p = get(client, auth, me, case, "to=victim_support").json()
    assert p["needs"]["wishes"] == ["stop_it", "support"]
    assert p["needs"]["in_their_words"] == "I just want it to stop"
    assert p["needs"]["feels_safe_at_home"] is False
    assert p["needs"]["language"] == "Polish"
    assert p["resident_contact"]["name"] == "Sam" and p["resident_contact"]["voicemail_ok"] is False
    assert p["subject"] == {"knows": True, "agrees_to_contact": True, "contact": "her son's number"}
    assert p["safeguarding"]["concern"] == "adult"
    html = get(client, auth, me, case, "to=victim_support&format=html").text
    assert "What matters to them" in html and "Polish" in html and "do not leave one" in html


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


def test_printable_packet_has_a_csp_allowing_only_its_own_style(client, make_officer,
                                                                 make_case, auth):
    import base64
    import hashlib
    import re

    me = make_officer()
    case = make_case(assigned=me)
    r = get(client, auth, me, case, "to=police&format=html")
    assert r.status_code == 200
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["cache-control"] == "no-store"
    csp = dict(part.strip().split(" ", 1) for part in r.headers["content-security-policy"]
               .split(";"))
    assert csp["default-src"] == "'none'" and csp["frame-ancestors"] == "'none'"
    assert "script-src" not in csp  # falls back to default-src 'none': nothing runs
    [style] = re.findall(r"<style>(.*?)</style>", r.text, re.S)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert csp["style-src"] == f"'sha256-{digest}'"  # the printed page keeps its layout


def test_case_json_is_never_stored(client, make_officer, make_case, auth):
    me = make_officer()
    case = make_case(assigned=me)
    for path in (f"/api/v1/cases/{case.reference}", "/api/v1/cases",
                 f"/api/v1/cases/{case.reference}/referral?to=police"):
        r = client.get(path, headers=auth(me))
        assert r.status_code == 200, path
        assert r.headers["cache-control"] == "no-store", path
