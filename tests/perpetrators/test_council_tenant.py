"""A linked perpetrator who is a council tenant: the case detail says so, and so do referral
packets for the partners that receive housing details today (consent still applies)."""

from __future__ import annotations


def packet(client, auth, officer, case, to):
    return client.get(f"/api/v1/cases/{case.reference}/referral?to={to}", headers=auth(officer))


def test_case_and_housing_packets_say_the_perpetrator_is_a_council_tenant(
        client, auth, make_officer, make_case, create_record, link):
    me = make_officer()
    case = make_case(assigned=me, perpetrator="neighbour", housing="council")
    plain = make_case(assigned=me)
    link(me, case, create_record(me, name="Dave Example", tenancy="council_tenant")["id"])
    link(me, plain, create_record(me, name="Other Person", tenancy="private")["id"])
    d = client.get(f"/api/v1/cases/{case.reference}", headers=auth(me)).json()
    assert d["perpetrator_council_tenant"] is True
    assert d["perpetrators"][0]["council_tenant"] is True
    assert client.get(f"/api/v1/cases/{plain.reference}",
                      headers=auth(me)).json()["perpetrator_council_tenant"] is False
    for to in ("housing_provider", "police", "cmarac"):
        r = packet(client, auth, me, case, to)
        assert r.status_code == 200, r.text
        assert r.json()["housing"]["perpetrator_council_tenant"] is True, to
    html = client.get(f"/api/v1/cases/{case.reference}/referral?to=housing_provider&format=html",
                      headers=auth(me)).text
    assert "a council tenant" in html
    minimised = packet(client, auth, me, case, "victim_support").json()
    assert minimised["housing"] is None
    assert "council tenant" not in str(minimised) and "Dave" not in str(minimised)
    assert packet(client, auth, me, plain, "police").json()["housing"][
        "perpetrator_council_tenant"] is False


def test_no_consent_still_means_no_packet(client, auth, make_officer, make_case, create_record,
                                          link):
    me = make_officer()
    case = make_case(assigned=me, share_consent=False)
    link(me, case, create_record(me, name="Dave Example", tenancy="council_tenant")["id"])
    assert packet(client, auth, me, case, "housing_provider").status_code == 403
