"""`make audit` (scripts/dependency_audit.py): fails only on a finding that is not ignored, and
says plainly that nothing was audited when the vulnerability service is unreachable."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "dependency_audit.py"
spec = importlib.util.spec_from_file_location("dependency_audit", SCRIPT)
dependency_audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(dependency_audit)

REPORT = {"dependencies": [
    {"name": "jinja2", "version": "3.1.2", "vulns": [
        {"id": "GHSA-h5c8-rqwp-cp95", "aliases": ["CVE-2024-22195"], "fix_versions": ["3.1.3"]}]},
    {"name": "httpx", "version": "0.28.1", "vulns": []},
    {"name": "tellonce", "skip_reason": "Dependency not found on PyPI"},
]}


def test_findings_fail_unless_ignored_by_id_or_alias() -> None:
    findings, skipped, audited = dependency_audit.verdict(REPORT, [])
    assert findings == ["jinja2 3.1.2: GHSA-h5c8-rqwp-cp95 (fixed in 3.1.3)"]
    assert skipped == ["tellonce"] and audited == 2
    assert dependency_audit.verdict(REPORT, ["CVE-2024-22195"])[0] == []


def test_a_finding_makes_the_audit_fail(monkeypatch) -> None:
    monkeypatch.setattr(dependency_audit, "unreachable", lambda: None)
    monkeypatch.setattr(dependency_audit, "audit", lambda path, ignore: REPORT)
    assert dependency_audit.main() == 1
    monkeypatch.setattr(dependency_audit, "ignored", lambda: ["GHSA-h5c8-rqwp-cp95"])
    assert dependency_audit.main() == 0


def test_an_unreachable_service_is_said_and_does_not_fail(monkeypatch, capsys) -> None:
    monkeypatch.setattr(dependency_audit, "SERVICE", "http://127.0.0.1:9/{version}")  # nothing listens
    monkeypatch.setattr(dependency_audit, "audit", lambda path, ignore: REPORT)  # never reached
    assert dependency_audit.main() == 0
    out = capsys.readouterr().out
    assert "DEPENDENCY AUDIT NOT DONE" in out and "Nothing was checked" in out
    assert "VULNERABLE" not in out
