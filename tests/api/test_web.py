"""GET / and its files: served from the repo, strict headers, no inline script, and a quick
exit target that a setting can change but never turn into script."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from api.web import safe_exit_url
from bot.settings import DEFAULT_QUICK_EXIT_URL


class _Scan(HTMLParser):
    """Collect every tag with its attributes, and any inline script or style text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open = tag

    def handle_data(self, data: str) -> None:
        if self._open in ("script", "style") and data.strip():
            self.inline.append(data)


def scan(html: str) -> _Scan:
    parser = _Scan()
    parser.feed(html)
    return parser


def test_page_is_served_with_security_headers(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cache-control"] == "no-store"


def test_page_has_no_inline_script_or_remote_assets(client: TestClient) -> None:
    page = scan(client.get("/").text)
    assert page.inline == []
    for tag, attrs in page.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        assert "style" not in attrs, tag
        for attr in ("src", "href"):
            value = attrs.get(attr)
            if value is not None:
                assert value.startswith("/") and not value.startswith("//"), value
    scripts = [a["src"] for t, a in page.tags if t == "script"]
    assert scripts == ["/static/chat.js"]


def test_page_is_accessible_by_construction(client: TestClient) -> None:
    page = scan(client.get("/").text)
    attrs_by_id = {a["id"]: (t, a) for t, a in page.tags if a.get("id")}
    assert page.tags[0] == ("html", {"lang": "en-GB"})
    tag, exit_attrs = attrs_by_id["quick-exit"]
    assert tag == "button" and exit_attrs["type"] == "button"
    transcript_tag, transcript = attrs_by_id["transcript"]
    assert transcript_tag == "ol" and "role" not in transcript  # a real list of messages
    log_tag, log = attrs_by_id["conversation"]
    assert log["role"] == "log" and log["aria-live"] == "polite"
    assert ("aside", {"class": "exit-bar", "aria-label": "Quick exit"}) in page.tags
    labels = [a for t, a in page.tags if t == "label"]
    assert {"for": "message", "class": "composer-label"} in labels
    assert attrs_by_id["message"][1]["maxlength"] == "2000"
    assert attrs_by_id["error"][1]["role"] == "alert"
    assert any(t == "meta" and a.get("name") == "viewport" for t, a in page.tags)


def test_quick_exit_goes_to_an_outside_neutral_site_by_default(client: TestClient) -> None:
    """GOV.UK's pattern: leaving to a page on our own domain would leave it in the history."""
    html = client.get("/").text
    assert 'data-exit-url="https://www.bbc.co.uk/weather"' in html
    assert DEFAULT_QUICK_EXIT_URL == "https://www.bbc.co.uk/weather"


def test_exit_target_comes_from_settings_escaped(make_app) -> None:
    with TestClient(make_app(quick_exit_url='https://example.org/?a=1&b="2"')) as client:
        html = client.get("/").text
    assert 'data-exit-url="https://example.org/?a=1&amp;b=&quot;2&quot;"' in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/weather", "/weather"),
        ("/news?x=1", "/news?x=1"),
        ("https://www.bbc.co.uk/weather", "https://www.bbc.co.uk/weather"),
        ("javascript:alert(1)", DEFAULT_QUICK_EXIT_URL),
        ("JaVaScRiPt:alert(1)", DEFAULT_QUICK_EXIT_URL),
        ("data:text/html,hi", DEFAULT_QUICK_EXIT_URL),
        ("//evil.example", DEFAULT_QUICK_EXIT_URL),
        ("/\\evil.example", DEFAULT_QUICK_EXIT_URL),
        ("https://", DEFAULT_QUICK_EXIT_URL),
        ("", DEFAULT_QUICK_EXIT_URL),
    ],
)
def test_safe_exit_url(url: str, expected: str) -> None:
    assert safe_exit_url(url) == expected


def test_neutral_page(client: TestClient) -> None:
    response = client.get("/weather")
    assert response.status_code == 200
    assert "<title>London weather</title>" in response.text
    assert "hate" not in response.text.lower()
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(
    ("name", "mime"),
    [("chat.js", "text/javascript"), ("chat.css", "text/css"), ("neutral.css", "text/css")],
)
def test_static_files(client: TestClient, name: str, mime: str) -> None:
    response = client.get(f"/static/{name}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(mime)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(
    "path",
    ["/static/index.html", "/static/../web.py", "/static/..%2fweb.py", "/static/%2e%2e/chat.py",
     "/static/", "/static/chat.js.map"],
)
def test_static_is_an_allow_list(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_script_never_uses_storage_cookies_or_innerhtml(client: TestClient) -> None:
    js = client.get("/static/chat.js").text
    code = re.sub(r"/\*.*?\*/", "", js, flags=re.S)  # the header comment names what is avoided
    for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                      "localStorage", "sessionStorage", "document.cookie", "indexedDB", "eval("):
        assert forbidden not in code, forbidden
    assert "textContent" in code
    assert "location.replace" in code
