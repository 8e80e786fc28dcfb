"""Each triage reason from the editable rules, plus levels, negation, escalation and CMARAC."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.report import Report
from bot.triage import assess, load_rules, parse_rules

CASES = {
    # reason: (report that should trigger it, level that reason alone sets)
    "danger_now": (Report(danger_now=True), "high"),
    "violence": (Report(incident_types=["physical_assault"]), "high"),
    "threats_of_violence": (Report(narrative="He said he is going to kill me."), "medium"),
    "weapon": (Report(narrative="The man was waving a knife at the bus stop"), "high"),
    "injury": (Report(injured=True), "high"),
    "repeat_or_ongoing": (Report(ongoing=True), "medium"),
    "perpetrator_neighbour": (Report(perpetrator="neighbour"), "medium"),
    "perpetrator_known": (Report(perpetrator="known"), "medium"),
    "vulnerable_victim": (Report(strands=["disability"]), "medium"),
    "place_of_worship": (Report(location_text="outside the mosque on Uxbridge Road"), "medium"),
    "safeguarding": (Report(safeguarding="adult"), "medium"),
    "unsafe_at_home": (Report(feels_safe_home=False), "medium"),
}


@pytest.mark.parametrize("reason", sorted(CASES))
def test_each_reason_sets_its_level(reason: str) -> None:
    report, level = CASES[reason]
    risk = assess(report)
    assert risk.reasons == [reason]
    assert risk.level == level
    assert risk.suggest_cmarac is (level == "high")


# Reasons set from outside the report (tests/perpetrators/test_links_api.py covers them).
SIGNALS = {"repeat_perpetrator"}


def test_every_configured_reason_has_a_test() -> None:
    assert {rule.key for rule in load_rules().rules} == set(CASES) | SIGNALS


def test_a_signal_reason_never_comes_from_the_report() -> None:
    risk = assess(Report(narrative="a repeat perpetrator, linked to 3 reports",
                         perpetrator="neighbour", ongoing=True, strands=["race"]))
    assert not SIGNALS & set(risk.reasons)


def test_nothing_of_concern_is_standard() -> None:
    risk = assess(Report(narrative="Someone shouted a slur at me in the park.", strands=["race"]))
    assert (risk.level, risk.reasons, risk.rank, risk.suggest_cmarac) == ("standard", [], 0, False)


@pytest.mark.parametrize(
    ("narrative", "reason"),
    [
        ("He punched me in the face", "violence"),
        ("they spat at my daughter", "violence"),
        ("they threatened to burn down the shop", "threats_of_violence"),
        ("one of them had a machete", "weapon"),
        ("I ended up in A&E with stitches", "injury"),
        ("It happens every day when I walk home", "repeat_or_ongoing"),
        ("the man next door keeps shouting", "perpetrator_neighbour"),
        ("my son is 12 years old", "vulnerable_victim"),
        ("I'm 78 and they mocked me", "vulnerable_victim"),
        ("an elderly lady in a wheelchair", "vulnerable_victim"),
        ("graffiti sprayed on the synagogue door", "place_of_worship"),
        ("stones thrown at the gurdwara", "place_of_worship"),
    ],
)
def test_narrative_keywords(narrative: str, reason: str) -> None:
    assert reason in assess(Report(narrative=narrative)).reasons


@pytest.mark.parametrize(
    "narrative",
    [
        "He did not have a knife, he just shouted",
        "there was no weapon",
        "I'm 30 and I was called names",
        "it took 5 minutes",
        "a kebab shop on the high street",  # 'bat' only as a whole word
    ],
)
def test_negated_or_partial_words_do_not_count(narrative: str) -> None:
    risk = assess(Report(narrative=narrative))
    assert "weapon" not in risk.reasons
    assert "vulnerable_victim" not in risk.reasons


def test_highest_level_wins_and_all_reasons_are_kept() -> None:
    risk = assess(Report(narrative="my neighbour pulled a knife", ongoing=True, perpetrator="neighbour"))
    assert risk.level == "high"
    assert risk.rank == 2
    assert risk.reasons == ["weapon", "repeat_or_ongoing", "perpetrator_neighbour"]
    assert risk.suggest_cmarac is True


def test_three_medium_reasons_escalate_to_high() -> None:
    two = assess(Report(ongoing=True, perpetrator="known"))
    three = assess(Report(ongoing=True, perpetrator="known", strands=["disability"]))
    assert two.level == "medium"
    assert three.level == "high"
    assert three.suggest_cmarac is True


def test_rules_are_editable_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    custom = tmp_path / "triage.yml"
    custom.write_text(
        "suggest_cmarac_levels: [high, medium]\n"
        "reasons:\n"
        "  weapon:\n    label: Weapon\n    level: medium\n    keywords: [brick]\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("TRIAGE_RULES_PATH", str(custom))
    from bot.db import reset_caches

    reset_caches()
    try:
        risk = assess(Report(narrative="he threw a brick", injured=True))
        assert (risk.level, risk.reasons, risk.suggest_cmarac) == ("medium", ["weapon"], True)
    finally:
        monkeypatch.delenv("TRIAGE_RULES_PATH")
        reset_caches()


def test_bad_level_is_refused_with_the_reason_named() -> None:
    with pytest.raises(ValueError, match="'weapon'"):
        parse_rules({"reasons": {"weapon": {"level": "severe"}}})
