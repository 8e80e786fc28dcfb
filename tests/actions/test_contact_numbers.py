"""Only UK mobiles take texts and WhatsApp messages, and no premium-rate or forwarding number
(070, 084, 087, 09) is ever taken: each refusal is a kind re-ask, played through the real form."""

from __future__ import annotations

import pytest

from bot.report_form.answers.contact import uk_callable, uk_mobile
from tests.actions.driver import Conversation, at

REFUSED_FOR_TEXTS = ["07012 345678", "0844 555 1234", "0871 234 5678", "0909 876 5432",
                     "020 7123 4567", "07612 345678", "+44 844 555 1234"]


@pytest.mark.parametrize("method", ["sms", "whatsapp"])
@pytest.mark.parametrize("number", REFUSED_FOR_TEXTS)
def test_a_text_contact_must_be_a_uk_mobile(method: str, number: str) -> None:
    c = Conversation(slots=at("contact_value", anonymous=False, contact_method=method))
    c.say(number)
    assert c.slots.get("contact_value") is None
    assert c.expects["slot"] == "contact_value"  # asked again, kindly, saying why
    assert "UK mobile number, one starting 07 or +44 7" in c.text
    c.say("+44 7700 900123")
    assert c.slots["contact_value"] == "07700900123"


@pytest.mark.parametrize("number", ["07012 345678", "0844 555 1234", "0871 234 5678",
                                    "0909 876 5432"])
def test_a_phone_contact_is_never_a_premium_rate_number(number: str) -> None:
    c = Conversation(slots=at("contact_value", anonymous=False, contact_method="phone"))
    c.say(number)
    assert c.slots.get("contact_value") is None
    assert "we can't call 070, 084, 087 or 09 numbers" in c.text
    c.say("020 7123 4567")  # a landline is fine for a call
    assert c.slots["contact_value"] == "02071234567"


def test_mobile_ranges() -> None:
    assert uk_mobile("07700 900123") == "07700900123"
    assert uk_mobile("+447911 123456") == "07911123456"
    assert uk_mobile("07624 123456") == "07624123456"  # Isle of Man mobiles
    assert [uk_mobile(n) for n in REFUSED_FOR_TEXTS] == [None] * len(REFUSED_FOR_TEXTS)
    assert uk_callable("0800 138 1625") == "08001381625"  # freephone is fine to call
    assert uk_callable("0300 123 4567") == "03001234567"
