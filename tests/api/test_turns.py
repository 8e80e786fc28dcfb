"""The channel-agnostic turn helpers: text cleaning, input rewriting, Rasa output parsing."""

from __future__ import annotations

import pytest

from api.turns import Expects, clean_text, parse_rasa_output, to_rasa_message


def test_clean_text_keeps_emoji_rtl_and_markup() -> None:
    text = "  <b>مرحبا</b> 😀 e\u0301 \u202bשלום\u202c  "
    assert clean_text(text) == "<b>مرحبا</b> 😀 é \u202bשלום\u202c"


def test_clean_text_drops_controls_and_surrogates() -> None:
    assert clean_text("a\x00b\x1bc\x7fd\x85e\ud800f\nline\tg") == "abcdef\nline\tg"


@pytest.mark.parametrize(
    ("text", "offered", "expected"),
    [
        ("/affirm", ["/affirm", "/deny"], "/affirm"),
        ("/affirm", [], "affirm"),
        ("/affirm", ["/deny"], "affirm"),
        ('/choose{"choice": "race"}', ['/choose{"choice": "race"}'], '/choose{"choice": "race"}'),
        ('/choose{"choice": "religion"}', ['/choose{"choice": "race"}'], 'choose{"choice": "religion"}'),
        ("/ / /x", [], "x"),
        ("cancel", [], "/stop"),
        ("Stop!", [], "/stop"),
        ("/stop", [], "/stop"),
        ("stop the abuse please", [], "stop the abuse please"),
        ("/", [], "…"),
    ],
)
def test_to_rasa_message(text: str, offered: list[str], expected: str) -> None:
    assert to_rasa_message(text, offered) == expected


def test_parse_rasa_output_reads_expects_and_buttons() -> None:
    turn = parse_rasa_output(
        [
            {"text": "Did anyone get hurt?", "buttons": [{"title": "Yes", "payload": "/affirm"}]},
            {"custom": {"expects": {"slot": "injured", "kind": "yes_no"}}},
        ]
    )
    assert turn.expects == Expects(slot="injured", kind="yes_no")
    assert turn.messages[0].buttons[0].payload == "/affirm"
    assert turn.ended is False


def test_parse_rasa_output_defaults() -> None:
    assert parse_rasa_output([]).expects == Expects(slot=None, kind="text")
    with_buttons = parse_rasa_output([{"text": "Pick", "buttons": [{"title": "A", "payload": "/a"}]}])
    assert with_buttons.expects == Expects(slot=None, kind="choice")


def test_parse_rasa_output_ended_wins() -> None:
    turn = parse_rasa_output(
        [{"custom": {"expects": {"slot": "x", "kind": "text"}}}, {"text": "Bye"},
         {"custom": {"ended": True}}]
    )
    assert (turn.ended, turn.expects) == (True, Expects(slot=None, kind="none"))


def test_parse_rasa_output_is_defensive() -> None:
    turn = parse_rasa_output(
        [
            "not a dict",
            {"text": 42},
            {"image": "https://x/y.png"},
            {"text": "ok", "buttons": [{"title": "no payload"}, "junk", {"title": "t", "payload": "/p"}]},
            {"custom": {"expects": {"slot": ["bad"], "kind": "telepathy"}}},
        ]
    )
    assert [m.text for m in turn.messages] == ["ok"]
    assert [b.payload for b in turn.messages[0].buttons] == ["/p"]
    assert turn.expects == Expects(slot=None, kind="choice")  # bad expects ignored; buttons shown
    unknown = parse_rasa_output([{"custom": {"expects": {"slot": "where", "kind": "telepathy"}}}])
    assert unknown.expects == Expects(slot="where", kind="text")
