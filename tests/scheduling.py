"""Which tests share an xdist worker (``--dist loadgroup``): the tests on the shared real stack,
each resilience module (its own stack) and each module with a costly module fixture, so each
is built once; everything else spreads over the workers.

pytest 9 ignores the ``@group`` suffix xdist 3.8 writes into node ids, so xdist's own
loadgroup spread every test and each worker built every costly fixture (the played set twice,
two minutes of CPU). The groups are read from the node id's file instead."""

from __future__ import annotations

from pathlib import Path

from xdist.scheduler import LoadScopeScheduling

ROOT = Path(__file__).resolve().parent.parent
LIVE_STACK = "live_stack"
COSTLY_MODULES = frozenset({
    "tests/extraction/test_targets.py", "tests/extraction/test_learned.py",
    "tests/conversation/test_tell_once_over_the_set.py", "tests/officer/test_openapi.py"})


def live_stack_files() -> frozenset[str]:
    """Test modules that name the real stack's fixture (the workers check every test that uses
    it is in one of them: ``check``)."""
    return frozenset(p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("test_*.py")
                     if LIVE_STACK in p.read_text(encoding="utf-8"))


_LIVE_STACK_FILES = live_stack_files()


def group(nodeid: str) -> str | None:
    path = nodeid.split("::", 1)[0]
    if path in _LIVE_STACK_FILES:
        return LIVE_STACK
    if path.startswith("tests/resilience/") or path in COSTLY_MODULES:
        return path
    return None


def check(path: str, fixturenames: list[str]) -> None:
    """A test on the real stack in a module the scan missed would start a stack of its own."""
    if LIVE_STACK in fixturenames and path not in _LIVE_STACK_FILES:
        raise ValueError(f"{path} uses {LIVE_STACK} through another fixture: name it in the "
                         "module so tests/scheduling.py groups it")


class GroupedScheduling(LoadScopeScheduling):
    """xdist's scope scheduling with one scope per group above and one per test otherwise."""

    def _split_scope(self, nodeid: str) -> str:
        return group(nodeid) or nodeid
