"""`make audit`: pip-audit of both environments (.venv and .venv-rasa), offline-tolerant.

Fails (exit 1) only on a known vulnerability that is not on the ignore list
(requirements/audit-ignore.txt: one id a line, each explained in docs/security.md). When the
vulnerability service cannot be reached it says so loudly and exits 0: nothing was audited,
which is not the same as nothing found. pip-audit itself reports such a run as "No known
vulnerabilities found", so reachability is checked first.
"""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IGNORE_FILE = ROOT / "requirements" / "audit-ignore.txt"
# pip-audit's default service: PyPI's JSON API, asked per package version (as pip-audit does).
SERVICE = "https://pypi.org/pypi/pip/{version}/json"


NOT_DONE = ("DEPENDENCY AUDIT NOT DONE: the vulnerability service cannot be reached from this "
            "machine ({why}).\nNothing was checked (which is not the same as nothing found): "
            "run `make audit` where pypi.org can be reached.")


def environments() -> dict[str, Path]:
    found = {}
    for name, venv in (("app", ROOT / ".venv"), ("rasa", ROOT / ".venv-rasa")):
        paths = sorted((venv / "lib").glob("python3.*/site-packages"))
        if paths:
            found[name] = paths[0]
    return found


def unreachable(timeout: float = 10.0) -> str | None:
    """Why the vulnerability service cannot be used, or None when it answers with
    vulnerability data for this pip (a mirror may serve package pages but not these)."""
    url = SERVICE.format(version=importlib.metadata.version("pip"))
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:  # noqa: S310 - fixed URL
            if "vulnerabilities" in json.load(answer):
                return None
            return f"{url}: no vulnerability data in the answer"
    except Exception as exc:  # noqa: BLE001 - any failure means: not audited
        return f"{url}: {type(exc).__name__}: {exc}"


def ignored() -> list[str]:
    if not IGNORE_FILE.exists():
        return []
    lines = (line.split("#", 1)[0].strip() for line in IGNORE_FILE.read_text().splitlines())
    return [line for line in lines if line]


def verdict(report: dict, ignore: list[str]) -> tuple[list[str], list[str], int]:
    """(findings not ignored, packages that could not be audited, packages audited) from
    pip-audit's JSON report."""
    findings, skipped, audited = [], [], 0
    for dep in report.get("dependencies", []):
        if "skip_reason" in dep:
            skipped.append(dep["name"])
            continue
        audited += 1
        for vuln in dep.get("vulns", []):
            ids = {vuln["id"], *vuln.get("aliases", [])}
            if not ids & set(ignore):
                fix = ", ".join(vuln.get("fix_versions", [])) or "no fix released"
                findings.append(f"{dep['name']} {dep['version']}: {vuln['id']} (fixed in {fix})")
    return findings, skipped, audited


def audit(path: Path, ignore: list[str]) -> dict:
    argv = [sys.executable, "-m", "pip_audit", "--path", str(path), "--format", "json",
            "--progress-spinner", "off", "--skip-editable"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=900, check=False)  # noqa: S603
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"pip-audit failed (exit {done.returncode}):\n"
                         f"{done.stderr[-2000:]}") from None


def main() -> int:
    why = unreachable()
    if why is not None:
        print(NOT_DONE.format(why=why))
        return 0
    ignore, failed = ignored(), False
    for name, path in environments().items():
        findings, skipped, audited = verdict(audit(path, ignore), ignore)
        if not audited:
            print(f"{name}: " + NOT_DONE.format(why="no package could be looked up"))
            continue
        print(f"{name}: {audited} packages audited, {len(findings)} vulnerabilities "
              f"({len(ignore)} ids ignored, see docs/security.md)")
        if skipped:
            print(f"  not auditable (not on PyPI): {', '.join(skipped)}")
        for line in findings:
            print(f"  VULNERABLE {line}")
        failed |= bool(findings)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
