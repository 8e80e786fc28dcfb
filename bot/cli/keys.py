"""``tellonce keys ...``: field-encryption keys (generate a key, rotate stored data)."""

from __future__ import annotations

import typer

app = typer.Typer(help="Field-encryption keys (see docs/security.md).", no_args_is_help=True)


@app.command("generate")
def generate() -> None:
    """Print a new Fernet key to put first in FIELD_ENCRYPTION_KEYS."""
    from bot.crypto import generate_key

    typer.echo(generate_key())


@app.command("rotate")
def rotate(batch_size: int = typer.Option(500, min=1, help="Rows per transaction")) -> None:
    """Re-encrypt every encrypted column under the newest key (the first in the list)."""
    from bot.db import get_engine
    from bot.key_rotation import rotate_all

    report = rotate_all(get_engine(), batch_size)
    for key in sorted(set(report.rotated) | set(report.current) | set(report.failed)):
        typer.echo(f"{key}: rotated {report.rotated.get(key, 0)}, "
                   f"already current {report.current.get(key, 0)}, "
                   f"undecryptable {report.failed.get(key, 0)}")
    if report.total_failed:
        typer.echo(f"{report.total_failed} values could not be decrypted with any configured "
                   "key: keep the old keys until this is resolved.", err=True)
        raise typer.Exit(1)
    typer.echo(f"done: {sum(report.rotated.values())} values re-encrypted under the newest key")
