"""Text-channel rendering: GSM-7 bodies, numbered options, sentence-boundary splits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.messaging.gsm7 import is_gsm7, segments, to_gsm7
from bot.messaging.render import (
    MAX_BODY,
    numbered_options,
    option_index,
    render_parts,
    render_text,
    split_body,
)


def test_typographic_punctuation_and_emoji_become_gsm7() -> None:
    text = "It’s the council’s “assistant” — we’re here… 👍🏽 ✅ – ok"
    out = to_gsm7(text)
    assert out == "It's the council's \"assistant\" - we're here... - ok"
    assert is_gsm7(out)
    assert not is_gsm7(text)


def test_accents_kept_when_gsm7_and_stripped_otherwise() -> None:
    assert to_gsm7("café Müller Zoë naïve Łódź") == "café Müller Zoe naive Lodz"
    assert to_gsm7("Привет") == "??????"  # unrepresentable script: marked, never UCS-2


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_any_text_renders_as_gsm7(text: str) -> None:
    assert is_gsm7(to_gsm7(text))


def test_segments_counts_gsm7_and_ucs2() -> None:
    assert segments("a" * 160) == 1
    assert segments("a" * 161) == 2
    assert segments("€" * 80) == 1 and segments("€" * 81) == 2  # extension chars cost two
    assert segments("’" + "a" * 69) == 1 and segments("’" + "a" * 70) == 2  # UCS-2


def test_buttons_become_numbered_options() -> None:
    assert numbered_options(["Yes", "No, thanks."]) == "Reply 1 for Yes, 2 for No, thanks."
    body = render_text([("Is that right?", ["Yes", "No"])], "sms")
    assert body == "Is that right?\nReply 1 for Yes, 2 for No."


def test_messages_join_into_one_body_and_sms_is_sanitised_but_whatsapp_is_not() -> None:
    pairs = [("Thank you 🙏", []), ("What’s next?", ["Go on"])]
    assert render_parts(pairs, "sms") == ["Thank you\n\nWhat's next?\nReply 1 for Go on."]
    assert render_parts(pairs, "whatsapp") == ["Thank you 🙏\n\nWhat’s next?\nReply 1 for Go on."]


def test_exactly_1600_characters_is_one_part() -> None:
    assert split_body("a" * MAX_BODY) == ["a" * MAX_BODY]


def test_long_reply_splits_on_sentence_boundaries() -> None:
    sentences = [f"Sentence number {i} says something useful about the report." for i in range(80)]
    text = " ".join(sentences)
    parts = split_body(text)
    assert len(parts) == -(-len(text) // MAX_BODY)  # the fewest parts possible here
    assert all(len(p) <= MAX_BODY for p in parts)
    assert all(p.endswith(".") for p in parts)  # never cut mid-sentence
    assert " ".join(parts) == text  # nothing lost


def test_a_giant_sentence_is_split_on_words_and_a_giant_word_mid_word() -> None:
    words = " ".join(["word"] * 1000)
    parts = split_body(words)
    assert all(len(p) <= MAX_BODY for p in parts) and len(parts) == 4
    assert all(not p.startswith("ord") for p in parts)
    blob = "x" * 4000
    assert [len(p) for p in split_body(blob)] == [1600, 1600, 800]


def test_option_index() -> None:
    assert option_index("1") == 0
    assert option_index(" 2. ") == 1
    assert option_index("2)") == 1
    assert option_index("0") is None
    assert option_index("12 Acacia Road") is None
    assert option_index("") is None
