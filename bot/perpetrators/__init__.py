"""Perpetrator records: one person across the cases that report them, what was done about
them, and the signals (repeat perpetrators) that follow. Officer roles only; every read is
audited; matching goes through keyed hashes, never a clear-text search (docs/perpetrators.md).

Public API for the rest of the code (the API layer, retention, and the resident status reply):
"""

from bot.perpetrators.access import RecordNotFound, check_role, load_record, visible_ids
from bot.perpetrators.enforcement import TYPES as ENFORCEMENT_TYPES
from bot.perpetrators.enforcement import action_taken, record_enforcement
from bot.perpetrators.links import link_case, release_cases, unlink_case
from bot.perpetrators.records import (
    RecordInput,
    audit_matches_shown,
    create_record,
    record_matches,
)
from bot.perpetrators.retention import purge_unlinked_records
from bot.perpetrators.views import case_section, council_tenant_linked, record_view

__all__ = [
    "ENFORCEMENT_TYPES", "RecordInput", "RecordNotFound", "action_taken", "audit_matches_shown",
    "case_section",
    "check_role", "council_tenant_linked", "create_record", "link_case", "load_record",
    "purge_unlinked_records", "record_enforcement", "record_matches", "record_view",
    "release_cases", "unlink_case", "visible_ids",
]
