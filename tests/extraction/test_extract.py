"""extract(): the contract's shape and the tricky cases real reports bring."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.extraction import FIELDS, extract
from bot.extraction.extract import empty_result

NOW = datetime(2026, 11, 25, 10, 0)


def test_exact_keys_and_types():
    r = extract("Yesterday about 6pm on the 94 bus on Uxbridge Road a man I didn't know shouted "
                "racist abuse at me", NOW)
    assert tuple(r) == FIELDS
    assert set(r["location"]) == {"text", "ward", "online"}
    assert r["reporter_role"] == "victim"
    assert r["strands"] == ["race"]
    assert r["incident_types"] == ["verbal_abuse"]
    assert r["occurred_on"] == "2026-11-24"
    assert r["occurred_time"] == "18:00"
    assert "Uxbridge Road" in r["location"]["text"]
    assert r["perpetrator"] == "unknown"
    assert r["danger_now"] is False


def test_empty_text_gives_every_field_unknown():
    assert extract("", NOW) == empty_result()
    assert extract("   ", NOW) == empty_result()
    assert extract(None, NOW) == empty_result()  # type: ignore[arg-type]


def test_sms_spelling_and_masked_slur():
    r = extract("in tesco on king st 2day ppl laughed at me n called me a r*tard cos of my wheelchair", NOW)
    assert r["strands"] == ["disability"]
    assert r["occurred_on"] == "2026-11-25"
    assert r["location"] == {"text": "Tesco on King St", "ward": "Hammersmith Broadway", "online": False}


def test_masked_slurs_by_shape():
    assert extract("he called me a p***", NOW)["strands"] == ["race"]
    assert extract("they shouted f*g at us", NOW)["strands"] == ["sexual_orientation"]
    assert extract("he said f*** off", NOW)["strands"] == []


def test_several_incidents_latest_date_and_ongoing():
    r = extract("2 weeks ago some kids threw eggs at my house n shouted chinese virus. again last nite "
                "they came back", NOW)
    assert r["occurred_on"] == "2026-11-24"
    assert r["ongoing"] is True


def test_third_party_reports():
    assert extract("my brother was punched outside the station", NOW)["reporter_role"] == "third_party"
    assert extract("I'm his carer, a man grabbed his guide dog", NOW)["reporter_role"] == "third_party"
    assert extract("My son's teacher rang me to say boys in his class have been calling him a "
                   "terrorist", NOW)["reporter_role"] == "third_party"


def test_witness_reports():
    assert extract("I saw a man spit at a woman in a hijab", NOW)["reporter_role"] == "witness"
    assert extract("I watched two lads kick a homeless man", NOW)["reporter_role"] == "witness"
    assert extract("I saw him spray graffiti on my door", NOW)["reporter_role"] == "victim"


def test_online_platform_sets_online():
    r = extract("someone keeps posting homophobic comments on my insta", NOW)
    assert r["location"]["online"] is True
    assert r["location"]["text"] == "Instagram"
    assert "online_abuse" in r["incident_types"]


def test_place_patterns_not_in_any_list():
    assert extract("a man shouted at me outside the mosque on Bloemfontein Road", NOW)["location"]["text"] \
        == "outside the mosque on Bloemfontein Road"  # round 6: "outside" says where
    assert "Edward Woods" in extract("it happened at the edward woods estate", NOW)["location"]["text"]
    assert extract("it happened at the edward woods estate", NOW)["location"]["ward"] == "Shepherd's Bush Green"


def test_a_place_after_i_live_loses_to_the_incident_place():
    r = extract("I live in Fulham but it happened on Askew Road", NOW)
    assert r["location"]["text"] == "Askew Road"


def test_injury_and_its_negation():
    assert extract("he punched me and I have a black eye", NOW)["injured"] is True
    assert extract("he pushed me but I wasn't hurt", NOW)["injured"] is False
    assert extract("he said he's going to hurt me next time", NOW)["injured"] is None


def test_perpetrator_kinds():
    assert extract("my neighbour shouted at me", NOW)["perpetrator"] == "neighbour"
    assert extract("my landlord called me a paki", NOW)["perpetrator"] == "known"
    assert extract("a stranger spat at me", NOW)["perpetrator"] == "unknown"


def test_danger_now_in_extract():
    assert extract("hes outside my door now with a knife", NOW)["danger_now"] is True
    assert extract("last week he threatened to kill me", NOW)["danger_now"] is False


def test_aware_now_and_default_now():
    aware = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    assert extract("yesterday", aware)["occurred_on"] == "2026-11-24"
    assert extract("it happened yesterday")["occurred_on"] is not None
