"""``tellonce perpetrators rehash`` (after changing PERPETRATOR_MATCH_KEY) and ``tellonce
hotspots backfill`` (place keys for cases written before hotspots, or by bulk loaders)."""

from __future__ import annotations

import typer

app = typer.Typer(help="Perpetrator records (docs/perpetrators.md).", no_args_is_help=True)
hotspots_app = typer.Typer(help="Hotspots in GET /api/v1/stats.", no_args_is_help=True)


@app.command("rehash")
def rehash(batch_size: int = typer.Option(500, min=1, help="Records per transaction")) -> None:
    """Recompute every record's keyed hashes under the current PERPETRATOR_MATCH_KEY (the old
    hashes match nothing once the key changes). Prints counts only."""
    from bot.db import session_scope
    from bot.perpetrators.records import rehash_all

    with session_scope() as session:
        records, identifiers = rehash_all(session, batch_size)
    typer.echo(f"perpetrators: re-hashed {identifiers} identifier(s) of {records} record(s)")


@hotspots_app.command("backfill")
def backfill(batch_size: int = typer.Option(500, min=1, help="Cases per transaction")) -> None:
    """Write hotspot place keys for cases that have none (decrypts their place text once)."""
    from bot.db import session_scope
    from bot.hotspots import backfill_places

    with session_scope() as session:
        written = backfill_places(session, batch_size)
    typer.echo(f"hotspots: wrote {written} place key(s)")
