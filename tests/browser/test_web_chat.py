"""The web chat in real headless Chromium against a real gateway and a fake Rasa server:
keyboard use, buttons as buttons, a whole typed conversation, safe rendering, failure that
keeps the typed text, and a quick exit (button and Shift x3) that leaves nothing behind."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import PHONE, Gateway, watch

pytestmark = pytest.mark.browser

GREETING = "Hi, I'm the council's reporting assistant"
NARRATIVE = "A man on the 94 bus shouted racist abuse at me 😡 and spat at my seat"


def bot_count(page: Page) -> int:
    return page.locator("#transcript .msg-bot").count()


def open_chat(page: Page, gw: Gateway) -> None:
    page.goto(gw.url + "/")
    expect(page.locator("#transcript .msg-bot").first).to_contain_text(GREETING)


def wait_for_reply(page: Page, before: int) -> None:
    page.wait_for_function(
        "n => document.querySelectorAll('#transcript .msg-bot').length > n"
        " && document.getElementById('conversation').getAttribute('aria-busy') === 'false'",
        arg=before,
    )


def type_and_send(page: Page, text: str) -> None:
    before = bot_count(page)
    page.locator("#message").fill(text)
    page.locator("#message").press("Enter")
    wait_for_reply(page, before)


def click(page: Page, name: str) -> None:
    before = bot_count(page)
    page.get_by_role("button", name=name, exact=True).click()
    wait_for_reply(page, before)


def leaves_no_trace(page: Page) -> None:
    """Nothing of the chat in the DOM, storage, cookies or IndexedDB of this origin."""
    assert page.locator("#transcript").count() == 0
    assert "hate" not in page.content().lower()
    assert page.evaluate("localStorage.length") == 0
    assert page.evaluate("sessionStorage.length") == 0
    assert page.evaluate("document.cookie") == ""
    assert page.evaluate("indexedDB.databases().then(d => d.length)") == 0
    assert page.context.cookies() == []


def test_greeting_buttons_are_real_buttons(page: Page, gateway: Gateway) -> None:
    watched = watch(page)
    open_chat(page, gateway)
    for name in ("Report something", "What is a hate crime?", "Exit this page", "Send"):
        button = page.get_by_role("button", name=name, exact=True)
        expect(button).to_be_visible()
        assert button.evaluate("el => el.tagName") == "BUTTON"
    assert page.locator("#choices").get_attribute("role") == "group"
    assert gateway.rasa.messages == ["hi"]  # the page greeted on load, silently
    assert page.locator("#transcript .msg-you").count() == 0
    assert watched.problems == []


def test_whole_conversation_typed_on_the_page(page: Page, gateway: Gateway) -> None:
    watched = watch(page)
    open_chat(page, gateway)
    click(page, "Report something")
    click(page, "It happened to me")
    expect(page.locator("#hint")).to_contain_text("In your own words")
    type_and_send(page, NARRATIVE)

    assert page.locator("#composer").get_attribute("data-kind") == "date"
    expect(page.locator("#hint")).to_contain_text("When did it happen?")
    click(page, "Yesterday")  # a quick answer offered for a date question
    assert page.locator("#composer").get_attribute("data-kind") == "location"
    type_and_send(page, "Uxbridge Road")
    click(page, "No")  # the bot's own yes/no buttons
    assert page.locator("#composer").get_attribute("data-kind") == "yes_no"
    click(page, "No")  # no bot buttons here: the page offers Yes / No / Skip itself
    expect(page.locator("#transcript")).to_contain_text("Your reference is HF-7K3M9Q")
    assert page.locator("#composer").get_attribute("data-kind") == "none"
    expect(page.locator("#hint")).to_contain_text("This conversation has ended")

    assert gateway.rasa.messages == [
        "hi", "/start_report", '/choose{"choice": "victim"}', NARRATIVE, "yesterday",
        "Uxbridge Road", "/deny", "no",
    ]
    yours = page.locator("#transcript .msg-you .msg-text").all_text_contents()
    assert yours == ["Report something", "It happened to me", NARRATIVE, "Yesterday",
                     "Uxbridge Road", "No", "No"]
    assert page.locator("#message").input_value() == ""
    assert watched.problems == []


def test_keyboard_only(page: Page, gateway: Gateway) -> None:
    open_chat(page, gateway)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "quick-exit"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "keyboard focus must be visible"

    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Report something":
            break
    else:
        pytest.fail("could not Tab to the first answer button")
    before = bot_count(page)
    page.keyboard.press("Enter")
    wait_for_reply(page, before)
    # The pressed button is gone: focus moves to the first new answer, not to nowhere.
    assert page.evaluate("document.activeElement.textContent") == "It happened to me"
    before = bot_count(page)
    page.keyboard.press("Space")
    wait_for_reply(page, before)
    assert page.evaluate("document.activeElement.id") == "message"  # no buttons: the text box

    before = bot_count(page)
    page.keyboard.type("Abuse at the bus stop")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("twice this week")
    page.keyboard.press("Enter")
    wait_for_reply(page, before)
    assert gateway.rasa.messages[-1] == "Abuse at the bus stop\ntwice this week"
    assert page.evaluate("document.activeElement.id") == "message"
    assert page.url.endswith("/")  # typing capitals with Shift did not trigger the quick exit


def test_hostile_and_unusual_text_is_shown_as_text(page: Page, gateway: Gateway) -> None:
    watched = watch(page)
    open_chat(page, gateway)
    nasty = "<img src=x onerror=\"window.pwned=1\"><b>bold</b><script>window.pwned=2</script>"
    for text in (nasty, "مرحبا، لقد تعرضت للإساءة", "'; DROP TABLE cases; --"):
        type_and_send(page, "echo:" + text)
        assert page.locator("#transcript .msg-bot .msg-text").last.text_content() == text
    assert page.evaluate("window.pwned") is None
    assert page.locator("#transcript img, #transcript b, #transcript script").count() == 0
    assert page.locator("#transcript .msg-text").last.get_attribute("dir") == "auto"
    assert watched.problems == []


def test_danger_now_is_an_alert_with_numbers_to_tap(page: Page, gateway: Gateway) -> None:
    watched = watch(page)
    open_chat(page, gateway)
    type_and_send(page, "he is outside my door right now with a knife")
    alert = page.locator("#transcript .msg-alert [role=alert]")
    expect(alert).to_have_count(1)
    expect(alert).to_contain_text("Call 999 now.")
    hrefs = alert.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs == ["tel:999", "tel:18000", "tel:08001381625", "https://www.999bsl.co.uk"]
    # the next message (the choices) is ordinary, and nothing ran as HTML
    assert page.locator("#transcript .msg-bot").last.get_attribute("class") == "msg msg-bot"
    assert page.locator("#choice-buttons button").first.text_content() == "I'm safe now, carry on"
    assert watched.problems == []


def test_assistant_down_keeps_the_typed_text(page: Page, gateway: Gateway) -> None:
    open_chat(page, gateway)
    gateway.rasa.status = 500
    page.locator("#message").fill("Please keep this")
    page.locator("#message").press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("still in the box")
    assert page.locator("#message").input_value() == "Please keep this"
    assert page.locator("#transcript .msg-you").count() == 0

    gateway.rasa.status = 200
    before = bot_count(page)
    page.locator("#message").press("Enter")
    wait_for_reply(page, before)
    expect(page.locator("#error")).to_be_hidden()
    assert page.locator("#message").input_value() == ""
    assert page.locator("#transcript .msg-you .msg-text").all_text_contents() == ["Please keep this"]


def test_empty_message_is_not_sent(page: Page, gateway: Gateway) -> None:
    open_chat(page, gateway)
    page.locator("#message").fill("   ")
    page.locator("#message").press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Please type a message first")
    assert gateway.rasa.messages == ["hi"]


PROBE = """
window.addEventListener("pagehide", () => {
  navigator.sendBeacon("/__probe", JSON.stringify({
    elements: document.body.childElementCount,
    text: document.body.textContent,
    transcript: document.getElementById("transcript") !== null,
  }));
});
"""


def _probe_unload(page: Page) -> None:
    """Have the page beacon, as it unloads, what it still holds (to the test-only /__probe)."""
    page.evaluate(PROBE)


def _assert_left_cleanly(page: Page, gateway: Gateway) -> None:
    page.wait_for_url(gateway.url + "/weather")
    expect(page).to_have_title("London weather")
    for _ in range(50):  # the beacon is sent as the page unloads; give it a moment to land
        if gateway.probes:
            break
        page.wait_for_timeout(100)
    assert gateway.probes == [{"elements": 0, "text": "", "transcript": False}]
    leaves_no_trace(page)
    page.go_back()
    assert page.url == gateway.url + "/weather?start", "Back must not return to the chat"
    leaves_no_trace(page)
    page.go_forward()
    assert page.url == gateway.url + "/weather"


def _chat_a_little(page: Page, gateway: Gateway) -> None:
    page.goto(gateway.url + "/weather?start")
    open_chat(page, gateway)
    click(page, "Report something")
    click(page, "It happened to me")
    type_and_send(page, NARRATIVE)
    page.locator("#message").fill("something half typed")
    assert page.locator("#transcript .msg").count() == 7


def test_quick_exit_button_leaves_nothing(page: Page, gateway: Gateway) -> None:
    _chat_a_little(page, gateway)
    _probe_unload(page)
    page.get_by_role("button", name="Exit this page").click()
    _assert_left_cleanly(page, gateway)


def test_quick_exit_shift_three_times_leaves_nothing(page: Page, gateway: Gateway) -> None:
    _chat_a_little(page, gateway)
    page.keyboard.press("Shift")
    expect(page.locator("#exit-status")).to_have_text("Shift: press 2 more times to exit")
    page.keyboard.press("a")  # any other key starts the count again
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert page.locator("#transcript .msg").count() == 7
    _probe_unload(page)
    page.keyboard.press("Shift")
    _assert_left_cleanly(page, gateway)


def test_quick_exit_target_is_configurable(browser: Browser, db_url: str) -> None:
    from api.main import create_app
    from bot.settings import Settings
    from tests.api.fake_rasa import FakeServer
    from tests.api.live_server import serve

    rasa = FakeServer().start()
    try:
        settings = Settings(database_url=db_url, rasa_url=rasa.url, quick_exit_url="/healthz?x=1")
        with serve(create_app(settings)) as url:
            context = browser.new_context(viewport=PHONE)
            page = context.new_page()
            page.goto(url + "/")
            expect(page.locator("#transcript .msg-bot").first).to_contain_text(GREETING)
            page.get_by_role("button", name="Exit this page").click()
            page.wait_for_url(url + "/healthz?x=1")
            context.close()
    finally:
        rasa.stop()


def test_phone_layout_and_screenshot(browser: Browser, gateway: Gateway) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                                  device_scale_factor=2)
    page = context.new_page()
    try:
        open_chat(page, gateway)
        page.screenshot(path="/tmp/tellonce-chat-phone-start.png")
        click(page, "Report something")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        for button in page.get_by_role("button").all():
            box = button.bounding_box()
            assert box is not None and box["height"] >= 44, button.text_content()
        exit_box = page.get_by_role("button", name="Exit this page").bounding_box()
        assert exit_box is not None and exit_box["y"] < 80
        page.screenshot(path="/tmp/tellonce-chat-phone.png")
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}])
def test_resident_page_is_clean_under_axe_before_and_after_turns(
        browser: Browser, gateway: Gateway, viewport: dict) -> None:
    """No serious or critical WCAG 2.2 A/AA violation (axe-core), on a phone and a desktop,
    before the first message and after a few turns, danger now included; and no content
    outside landmarks (axe's best-practice 'region' rule)."""
    from tests.browser.axe import serious_violations, violations

    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    try:
        open_chat(page, gateway)
        assert serious_violations(page) == []
        type_and_send(page, "/start_report")
        type_and_send(page, "he is outside my door right now with a knife")
        page.locator("#choice-buttons button").first.click()
        wait_for_reply(page, bot_count(page) - 1)
        assert serious_violations(page) == []
        assert [v for v in violations(page, ["best-practice"]) if v["id"] == "region"] == []
    finally:
        context.close()
