"""The case vocabulary from DESIGN.md, in one place (stored in the database and Rasa slots)."""

from __future__ import annotations

REPORTER_ROLES = ("victim", "witness", "third_party")
STRANDS = (
    "race",
    "religion",
    "sexual_orientation",
    "disability",
    "transgender",
    "sex_gender",
    "alternative_subculture",
    "other",
)
INCIDENT_TYPES = (
    "verbal_abuse",
    "threats",
    "physical_assault",
    "property_damage",
    "online_abuse",
    "harassment",
    "other",
)
PERPETRATORS = ("neighbour", "known", "unknown")
HOUSING = ("council", "housing_association", "private_rent", "owner", "other")
CONTACT_METHODS = ("phone", "sms", "whatsapp", "email", "none")
CHANNELS = ("web", "sms", "whatsapp")
CASE_STATUSES = ("new", "triaged", "in_progress", "closed")
RISK_LEVELS = ("standard", "medium", "high")
ROLES = ("officer", "triage", "supervisor", "admin")
UNKNOWN = "unknown"  # a skipped question: the form must not ask it again

STRAND_LABELS = {
    "race": "race or ethnicity",
    "religion": "religion or belief",
    "sexual_orientation": "sexual orientation",
    "disability": "disability",
    "transgender": "transgender identity",
    "sex_gender": "sex or gender (misogyny)",
    "alternative_subculture": "alternative subculture",
    "other": "something else",
}
INCIDENT_LABELS = {
    "verbal_abuse": "verbal abuse",
    "threats": "threats",
    "physical_assault": "physical assault",
    "property_damage": "damage to property",
    "online_abuse": "online abuse",
    "harassment": "harassment",
    "other": "something else",
}

# Issue 8: what matters to the resident, and the person it happened to.
FAITHS = ("muslim", "jewish", "sikh", "hindu", "christian", "other")
WISHES = ("stop_it", "action_against", "support", "record_only", "other")
ACCESS_NEEDS = ("interpreter", "bsl", "easy_read", "other")
SAFEGUARDING = ("child", "adult")
CONSENTS = ("police", "support", "landlord")
# A landlord can act on a neighbour who is their tenant: the consent question is asked then.
LANDLORD_TENURES = ("council", "housing_association", "private_rent")
