"""The report form through the real validation and ask actions: only missing questions, skips,
corrections, branches and the two-failures rule."""

from __future__ import annotations

from bot.report_form.flow import required_slots
from tests.actions.driver import ANSWERED, Conversation, at

NARRATIVE = (
    "Yesterday around 6pm on Uxbridge Road a man I didn't know shouted racist abuse at me "
    "and told me to go back to my own country"
)


def told(conversation: Conversation, narrative: str = NARRATIVE) -> None:
    conversation.start()
    assert conversation.expects == {"slot": "reporter_role", "kind": "choice"}
    conversation.say(conversation.button("happened to me"))
    assert conversation.expects == {"slot": "narrative", "kind": "text"}
    conversation.say(narrative, "report_incident")
    assert conversation.expects["slot"] == "narrative"  # "anything else to add?"
    conversation.say(conversation.button("That's everything"))


def test_complete_account_is_finished_in_five_questions_after_it() -> None:
    c = Conversation()
    told(c)
    start = len(c.asked)
    assert c.expects == {"slot": "confirm_understanding", "kind": "yes_no"}
    assert "yesterday around 6pm on Uxbridge Road" in c.text
    assert "someone you didn't know shouted racist abuse at you" in c.text
    c.say(c.button("Yes"))
    while c.slots.get("requested_slot"):
        slot = c.slots["requested_slot"]
        assert slot not in ("strands", "incident_types", "occurred_on", "location", "perpetrator")
        if slot == "confirm_summary":
            c.say(c.button("Yes, send it"))
        elif slot == "anonymous":
            c.say(c.button("Yes, stay anonymous"))
        else:
            c.say(c.button("Yes") if slot == "share_consent" else c.button("No"))
    after_account = c.asked[start - 1 :]
    assert after_account[0] == "confirm_understanding"
    assert len(after_account) <= 5, after_account
    assert c.slots["strands"] == ["race"]
    assert c.slots["incident_types"] == ["verbal_abuse"]
    assert c.slots["occurred_on"] == "2026-11-24"
    assert c.slots["perpetrator"] == "unknown"
    assert c.slots["confirm_summary"] == "yes"


def test_several_messages_make_one_account() -> None:
    c = Conversation()
    c.start()
    c.say('/choose{"choice": "witness"}')
    c.say("A woman was shouted at on the bus.", "report_incident")
    c.say("They called her a terrorist because of her headscarf", "report_incident")
    c.say("that's all", "finished")
    assert "shouted at on the bus" in c.slots["narrative"]
    assert "headscarf" in c.slots["narrative"]
    assert c.slots["reporter_role"] == "witness"


def test_skip_fills_the_placeholder_and_is_not_asked_again() -> None:
    c = Conversation()
    told(c, "something happened and I'm upset")
    assert c.slots["confirm_understanding"] == "not_needed"  # nothing to read back
    assert c.expects["slot"] == "strands"
    c.say("skip", "skip")
    assert c.slots["strands"] == "unknown"
    assert c.expects["slot"] == "incident_types"
    c.say("I don't know")
    assert c.slots["incident_types"] == "unknown"
    assert "strands" not in c.asked[c.asked.index("incident_types") :]


def test_perpetrator_skip_is_not_recorded_as_a_stranger() -> None:
    c = Conversation(slots=at("perpetrator"))
    c.say("I'd rather not say")
    assert c.slots["perpetrator"] == "not_said"


def test_two_failed_answers_accept_unknown_and_move_on() -> None:
    c = Conversation(slots=at("occurred_on"))
    c.say("blue")
    assert c.slots.get("occurred_on") is None and "Sorry" in c.text
    assert c.expects["slot"] == "occurred_on"
    c.say("purple")
    assert c.slots["occurred_on"] == "unknown"
    assert "Stop Hate UK" in c.text
    assert c.expects["slot"] != "occurred_on"


def test_correction_in_free_text_changes_only_that_field() -> None:
    c = Conversation()
    told(c)
    location = c.slots["location"]
    c.say("no, it was Tuesday")
    assert c.slots["occurred_on"] == "2026-11-24"  # Tuesday before Wed 25 Nov
    assert c.slots["location"] == location
    assert c.expects["slot"] == "confirm_understanding"  # read back again
    c.say("it was on King Street")
    assert c.slots["location"]["text"] == "King Street"
    assert c.slots["occurred_on"] == "2026-11-24"
    assert "King Street" in c.text
    c.say("/affirm")
    assert c.slots["confirm_understanding"] == "yes"


def test_plain_no_at_the_read_back_asks_what_to_change() -> None:
    c = Conversation()
    told(c)
    c.say("/deny")
    assert c.slots["correcting"] == "confirm_understanding"
    assert "What should I change" in c.text
    c.say("the place is wrong")
    assert c.slots["location"] is None
    c.say("/affirm")
    assert c.expects["slot"] == "location"  # cleared, so asked


def test_only_missing_fields_are_required() -> None:
    slots = {
        k: v for k, v in ANSWERED.items() if k not in ("ongoing", "anonymous", "share_consent")
    }
    missing = [s for s in required_slots(slots) if slots.get(s) is None]
    assert missing == ["ongoing", "anonymous", "share_consent", "confirm_summary"]
    slots["incident_types"] = ["physical_assault"]
    assert "injured" in required_slots(slots)


def test_housing_only_asked_for_a_neighbour() -> None:
    assert "housing" not in required_slots({"perpetrator": "unknown"})
    c = Conversation(slots=at("perpetrator"))
    c.say('/choose{"choice": "neighbour"}')
    assert c.expects == {"slot": "housing", "kind": "choice"}
    c.say(c.button("Housing association"))
    assert c.slots["housing"] == "housing_association"
    assert c.expects == {"slot": "housing", "kind": "text"}  # which one
    c.say("Peabody")
    assert c.slots["housing_provider"] == "Peabody"


def test_contact_branch_validates_kindly() -> None:
    c = Conversation(slots=at("anonymous"))
    c.say("/deny")
    assert c.slots["anonymous"] is False
    assert c.expects["slot"] == "contact_method"
    c.say('/choose{"choice": "email"}')
    assert c.expects == {"slot": "contact_value", "kind": "text"}
    c.say("sam at example")
    assert "name@example.com" in c.text and c.slots.get("contact_value") is None
    c.say("it's sam@example.org thanks")
    assert c.slots["contact_value"] == "sam@example.org"
    assert c.expects["slot"] == "safe_contact_time"
    c.say("weekday evenings after 7")
    assert c.slots["safe_contact_time"] == "weekday evenings after 7"
    assert c.expects["slot"] == "share_consent"


def test_uk_phone_number_is_checked_and_normalised() -> None:
    c = Conversation(slots=at("contact_value", anonymous=False, contact_method="phone"))
    c.say("12345")
    assert "07700 900123" in c.text
    c.say("+44 7700 900123")
    assert c.slots["contact_value"] == "07700900123"


def test_sms_channel_offers_this_number_without_seeing_it() -> None:
    c = Conversation(channel="sms", slots=at("contact_method", anonymous=False))
    c.say('/choose{"choice": "sms"}')
    payload = c.button("This number")
    c.say(payload)
    assert c.slots["contact_value"] == "this_number"


def test_web_channel_does_not_offer_this_number() -> None:
    c = Conversation(slots=at("contact_method", anonymous=False))
    c.say('/choose{"choice": "sms"}')
    assert "This number" not in str(c.last)
    c.say('/choose{"choice": "this_number"}')
    assert c.slots.get("contact_value") is None


def test_multi_select_with_done() -> None:
    c = Conversation(slots=at("strands"))
    c.say('/choose{"choice": "race"}')
    assert c.slots.get("strands") is None and "Added race" in c.text
    c.say('/choose{"choice": "religion"}')
    c.say(c.button("Done"))
    assert c.slots["strands"] == ["race", "religion"]
    assert c.slots["picked"] == []


def test_free_text_names_several_strands() -> None:
    c = Conversation(slots=at("strands"))
    c.say("my religion and my race")
    assert c.slots["strands"] == ["race", "religion"]


def test_questions_left_is_said_when_more_than_two() -> None:
    c = Conversation(slots=at("strands"))
    c.say("race")
    assert "quick questions left" in c.text


def test_summary_correction_by_field_asks_it_then_shows_summary_again() -> None:
    c = Conversation(slots=at("confirm_summary"))
    c.say("/deny")
    assert "What should I change" in c.text
    c.say(c.button("Where"))
    assert c.expects["slot"] == "location"
    c.say("outside the library on Askew Road")
    assert c.expects["slot"] == "confirm_summary"
    assert "Askew Road" in c.text


def test_summary_free_text_correction() -> None:
    c = Conversation(slots=at("confirm_summary", occurred_on="2026-11-20"))
    c.say("no it was yesterday")
    assert c.slots["occurred_on"] == "2026-11-24"
    assert c.expects["slot"] == "confirm_summary"
    assert c.slots.get("confirm_summary") is None
    assert "yesterday" in c.text


def test_an_account_typed_at_the_first_question_is_kept() -> None:
    c = Conversation()
    c.start()
    c.say(
        "a man shouted at me at the bus stop yesterday because I wear a turban", "report_incident"
    )
    assert c.slots["reporter_role"] == "victim"
    assert c.slots["narrative_parts"] == [
        "a man shouted at me at the bus stop yesterday because I wear a turban"
    ]
    assert c.expects["slot"] == "narrative"
    assert "anything else" in c.text
