"""Re-encrypt every encrypted column under the newest field key (``tellonce keys rotate``).

Rotation: put a new key first in FIELD_ENCRYPTION_KEYS (old keys after it), restart, run this,
then drop the old keys (docs/security.md). Values already under the newest key are left alone,
so the command can be re-run safely after an interruption. Values are processed in primary-key
batches, each batch its own transaction, never all in memory at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import Column, Engine, Table, Text, bindparam, select, type_coerce

from bot import crypto
from bot.models import AuditBase, Base, EncryptedText
from bot.settings import get_settings


@dataclass
class RotationReport:
    """Counts per ``table.column``: rotated, already current, undecryptable."""

    rotated: dict[str, int] = field(default_factory=dict)
    current: dict[str, int] = field(default_factory=dict)
    failed: dict[str, int] = field(default_factory=dict)

    @property
    def total_failed(self) -> int:
        return sum(self.failed.values())


def encrypted_columns() -> Iterator[tuple[Table, list[Column]]]:
    """Every table with ``EncryptedText`` columns, found from the models (none can be missed)."""
    for metadata in (Base.metadata, AuditBase.metadata):
        for table in metadata.sorted_tables:
            cols = [c for c in table.columns if isinstance(c.type, EncryptedText)]
            if cols:
                yield table, cols


def _rotate_value(token: str, newest: Fernet) -> str | None:
    """The token re-encrypted under the newest key, or None if it already is."""
    try:
        newest.decrypt(token.encode("ascii"))
        return None
    except InvalidToken:
        return crypto.rotate(token)


def rotate_table(engine: Engine, table: Table, cols: list[Column], report: RotationReport,
                 batch_size: int = 500) -> None:
    (pk,) = table.primary_key.columns
    newest = Fernet(get_settings().field_encryption_keys[0].encode())
    raw = [type_coerce(c, Text).label(c.name) for c in cols]
    last = None
    while True:
        stmt = select(pk.label("_pk"), *raw).order_by(pk).limit(batch_size)
        if last is not None:
            stmt = stmt.where(pk > last)
        with engine.begin() as conn:
            rows = conn.execute(stmt).all()
            if not rows:
                return
            last = rows[-1]._pk
            for col in cols:
                key = f"{table.name}.{col.name}"
                updates = []
                for row in rows:
                    token = getattr(row, col.name)
                    if token is None:
                        continue
                    try:
                        new = _rotate_value(token, newest)
                    except (InvalidToken, ValueError):
                        report.failed[key] = report.failed.get(key, 0) + 1
                        continue
                    if new is None:
                        report.current[key] = report.current.get(key, 0) + 1
                    else:
                        updates.append({"_id": row._pk, "_value": new})
                if updates:
                    conn.execute(
                        table.update().where(pk == bindparam("_id"))
                        .values({col.name: bindparam("_value", type_=Text)}),
                        updates,
                    )
                    report.rotated[key] = report.rotated.get(key, 0) + len(updates)


def rotate_all(engine: Engine, batch_size: int = 500) -> RotationReport:
    report = RotationReport()
    for table, cols in encrypted_columns():
        rotate_table(engine, table, cols, report, batch_size)
    return report
