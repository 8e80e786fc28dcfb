"""The workspace shows an officer the same summary as the API until the case is theirs."""

from __future__ import annotations

ACCOUNT = "A man shouted racist abuse at me on Uxbridge Road"


def test_case_page_is_a_summary_until_claimed(signed_in, make_case):
    browser = signed_in("officer")
    case = make_case()
    page = browser.get(f"/officer/cases/{case.reference}")
    assert page.status_code == 200
    assert 'id="summary-only"' in page.text
    for private in (ACCOUNT, "+447700900123", "weekdays after 6pm", "Uxbridge Road bus stop"):
        assert private not in page.text
    claim = browser.post(f"/officer/cases/{case.reference}/assign")
    assert claim.status_code == 303, claim.text
    page = browser.get(f"/officer/cases/{case.reference}")
    assert ACCOUNT in page.text and 'id="summary-only"' not in page.text
