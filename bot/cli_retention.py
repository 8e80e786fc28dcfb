"""``tellonce retention run``: anonymise closed cases past the retention period."""

from __future__ import annotations

import typer

app = typer.Typer(help="Retention of residents' personal data.", no_args_is_help=True)


@app.command("run")
def run(
    dry_run: bool = typer.Option(False, "--dry-run", help="Only count what would be anonymised"),
    days: int | None = typer.Option(None, help="Override RETENTION_DAYS_CLOSED for this run"),
) -> None:
    """Anonymise closed cases older than the retention period and delete their conversations
    from Rasa's tracker store; prints counts only (never personal data)."""
    from bot.db import session_scope
    from bot.retention import run_retention
    from bot.settings import get_settings
    from bot.stats import refresh_planner_statistics

    settings = get_settings()
    if days is not None:
        if days < 1:
            raise typer.BadParameter("must be at least 1", param_hint="--days")
        settings = settings.model_copy(update={"retention_days_closed": days})
    with session_scope() as session:
        done, cutoff = run_retention(session, settings, dry_run=dry_run)
        if done.cases and not dry_run:
            refresh_planner_statistics(session)
    verb = "would anonymise" if dry_run else "anonymised"
    typer.echo(f"retention: closed before {cutoff.date().isoformat()} "
               f"({settings.retention_days_closed} days): {verb} {done.cases} case(s)")
    if not dry_run:
        typer.echo(f"  notes cleared: {done.notes}; action details cleared: "
                   f"{done.action_details}; message bodies cleared: {done.messages}; "
                   f"tracker events deleted: {done.tracker_events}")
