"""Who a report may go to, by the resident's separate choices (police, support services, the
landlord), and the one exception: a high-risk case may go to the multi-agency risk meeting
(CMARAC) without consent, and the resident is told."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

# referral recipient -> the consent that covers it (None: the serious-risk rule decides)
COVERED_BY = {
    "police": "police",
    "victim_support": "support",
    "stop_hate_uk": "support",
    "housing_provider": "landlord",
    "cmarac": None,
}
WHAT = {
    "police": "the police",
    "support": "support services",
    "landlord": "their landlord or housing provider",
}


class ConsentLike(Protocol):
    consent_police: bool | None
    consent_support: bool | None
    consent_landlord: bool | None
    risk_level: str


@dataclass(frozen=True)
class Basis:
    """Whether the report may go to a recipient, and on what basis (for the packet)."""

    allowed: bool
    reason: str
    without_consent: bool = False


def basis(case: ConsentLike, recipient: str) -> Basis:
    choice = COVERED_BY.get(recipient, "police")
    if choice is None:  # CMARAC
        if case.risk_level == "high":
            return Basis(True, "The case is high risk: it may go to the multi-agency risk meeting "
                         "without consent, and the resident must be told it was shared.",
                         without_consent=case.consent_police is not True)
        if case.consent_police is True:
            return Basis(True, "The resident agreed to share their report with the police and "
                         "partner agencies.")
        return Basis(False, "The case is not high risk and the resident did not agree to share "
                     "with the police, so it cannot go to CMARAC.")
    given = getattr(case, f"consent_{choice}")
    if given is True:
        return Basis(True, f"The resident agreed that the council may share this report with "
                     f"{WHAT[choice]} so that they do not have to tell it again.")
    said = "said no" if given is False else "were not asked, or skipped the question"
    return Basis(False, f"The resident did not consent to sharing this report with "
                 f"{WHAT[choice]} (they {said}), so it cannot go to them. Ask them first.")
