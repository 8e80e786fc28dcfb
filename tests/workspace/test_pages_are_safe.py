"""Every workspace page: the strict CSP and no-store, no inline script or style (not even a
style attribute or an event handler), only our own files, and clear 4xx pages, never a 500."""

from __future__ import annotations

import pytest

from tests.api.test_web import scan


def pages(case_ref: str) -> list[str]:
    return ["/officer/", "/officer/?status=any&sort=newest", f"/officer/cases/{case_ref}",
            f"/officer/cases/{case_ref}/referral?to=police", "/officer/stats", "/officer/audit",
            "/officer/accounts", "/officer/cases/HF-ZZZZZZ", "/officer/?risk=nope"]


def assert_strict(response) -> None:
    headers = response.headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "style-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp and "form-action 'self'" in csp
    assert headers["cache-control"] == "no-store"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-frame-options"] == "DENY"


def assert_no_inline_code(html: str) -> None:
    page = scan(html)
    assert page.inline == []
    for tag, attrs in page.tags:
        assert "style" not in attrs, tag
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for attr in ("src", "href", "action"):
            value = attrs.get(attr) or ""
            assert not value.startswith(("http:", "https:", "//", "javascript:")), value


def test_every_page_is_strict_and_has_no_inline_code(signed_in, make_case):
    b = signed_in("supervisor")
    case = make_case(assigned=b.officer)
    for path in pages(case.reference):
        r = b.get(path)
        assert r.status_code in (200, 400, 404), (path, r.status_code)
        assert r.headers["content-type"].startswith("text/html"), path
        assert_strict(r)
        assert_no_inline_code(r.text)
    preview = b.post(f"/officer/cases/{case.reference}/messages/preview", {"text": "Hello"})
    assert preview.status_code == 200
    assert_strict(preview)
    assert_no_inline_code(preview.text)


def test_sign_in_page_redirects_and_refusals_are_strict_too(client, signed_in, make_case):
    login = client.get("/officer/login")
    assert_strict(login)
    assert_no_inline_code(login.text)
    assert_strict(client.get("/officer/", follow_redirects=False))
    b = signed_in("officer")
    forged = b.post("/officer/logout", csrf="forged")
    assert forged.status_code == 403
    assert_strict(forged)


@pytest.mark.parametrize("name,kind", [("workspace.css", "text/css"),
                                       ("workspace.js", "text/javascript")])
def test_static_files_come_from_a_fixed_list(client, name, kind):
    r = client.get(f"/officer/static/{name}")
    assert r.status_code == 200 and r.headers["content-type"].startswith(kind)
    assert_strict(r)


@pytest.mark.parametrize("name", ["../main.py", "chat.js", "%2e%2e%2fweb.py", "nope.css"])
def test_anything_else_under_static_is_404(client, name):
    assert client.get(f"/officer/static/{name}").status_code == 404


@pytest.mark.parametrize("path,data", [
    ("/officer/cases/{ref}/notes", {"text": "x" * 20_000}),
    ("/officer/cases/{ref}/status", {"status": "\x00"}),
    ("/officer/cases/{ref}/actions", {"action": "referral"}),
    ("/officer/cases/{ref}/assign", {"officer": "../../etc"}),
    ("/officer/accounts", {"username": "\x00\x00\x00", "password": "x" * 20}),
])
def test_bad_form_input_gets_a_4xx_never_a_500(signed_in, make_case, path, data):
    b = signed_in("admin") if path == "/officer/accounts" else signed_in("supervisor")
    case = make_case(assigned=b.officer) if b.officer.role != "admin" else None
    r = b.post(path.format(ref=case.reference if case else ""), data)
    assert 400 <= r.status_code < 500, r.text[:500]
