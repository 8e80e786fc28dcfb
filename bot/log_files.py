"""Rotating the parts' log files under ``tellonce run`` and deleting old ones (settings
``LOG_ROTATE_HOURS``, ``LOG_RETENTION_DAYS``).

Each part writes its stdout and stderr to ``<name>.log``, opened with O_APPEND by the supervisor,
so the file is rotated by copy-then-truncate: the part keeps writing to the same descriptor, at
the new end. A line written between the copy and the truncation is lost (as with logrotate's
copytruncate); nothing is written twice.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path


def rotate(path: Path, now: float | None = None) -> Path | None:
    """Move what ``path`` holds to ``<path>.<UTC time>`` and empty it; None when empty."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now or time.time()))
    target = path.with_name(f"{path.name}.{stamp}")
    n = 1
    while target.exists():
        target, n = path.with_name(f"{path.name}.{stamp}-{n}"), n + 1
    shutil.copyfile(path, target)
    os.truncate(path, 0)
    return target


def expire(path: Path, keep_seconds: float, now: float | None = None) -> list[Path]:
    """Delete this log's rotated files last written more than ``keep_seconds`` ago."""
    now = now or time.time()
    gone = []
    for old in path.parent.glob(f"{path.name}.*"):
        if now - old.stat().st_mtime > keep_seconds:
            old.unlink(missing_ok=True)
            gone.append(old)
    return gone
