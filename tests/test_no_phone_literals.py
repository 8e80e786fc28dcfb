"""Every number a resident sees comes from bot/reference_data/signposts.yml: no phone number is
written in Python source or in domain.yml (editing the YAML must change what residents see)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("bot", "api", "actions")
# UK numbers (0800 138 1625, 020 7704 2040, 07717 989 025) and the short service numbers.
NUMBER = re.compile(r"(?<![\w.:/-])(?:0\d(?:[ -]?\d){8,9}|999|101|111|112|18000|18001|116 ?123)"
                    r"(?![\w.-])")


def phone_literals(text: str) -> list[str]:
    return [m.group(0) for m in NUMBER.finditer(text)]


def python_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_the_detector_finds_what_it_should() -> None:
    assert phone_literals("call 999 now, or 0800 138 1625, text 07717 989 025") == [
        "999", "0800 138 1625", "07717 989 025"]
    assert phone_literals("port 8000, 20000 chars, version 3.6.21, /0000000999") == []


def test_no_phone_number_in_python_source() -> None:
    found = {}
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            hits = [n for s in python_strings(path) for n in phone_literals(s)]
            if hits:
                found[str(path.relative_to(ROOT))] = hits
    assert found == {}


def test_no_phone_number_in_the_domain() -> None:
    assert phone_literals((ROOT / "domain.yml").read_text(encoding="utf-8")) == []


def test_no_phone_number_in_the_page_or_its_script() -> None:
    for name in ("index.html", "chat.js"):
        text = (ROOT / "api" / "static" / name).read_text(encoding="utf-8")
        text = re.sub(r"const LINKABLE =.*?;", "", text, flags=re.S)  # the link pattern itself
        assert phone_literals(text) == [], name


def test_editing_the_directory_changes_what_residents_see(tmp_path, monkeypatch) -> None:
    from bot.db import reset_caches
    from bot.report import Report
    from bot.report_form.submitted import support_text
    from bot.wording import say

    folder = tmp_path / "reference"
    folder.mkdir()
    source = (ROOT / "bot" / "reference_data" / "signposts.yml").read_text(encoding="utf-8")
    (folder / "signposts.yml").write_text(source.replace("0800 138 1625", "0800 000 0000"))
    monkeypatch.setenv("REFERENCE_DATA_DIR", str(folder))
    reset_caches()
    try:
        assert "0800 000 0000" in support_text(Report(), "web")
        assert "0800 000 0000" in say("chat.fallback.0", "sms")
        assert "0800 138 1625" not in say("faq.other_ways", "web")
    finally:
        monkeypatch.undo()
        reset_caches()
