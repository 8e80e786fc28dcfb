"""``tellonce retention run``: anonymise closed cases past the retention period, and purge
abandoned conversations from Rasa's tracker store and old Twilio webhook claims."""

from __future__ import annotations

import typer

app = typer.Typer(help="Retention of residents' personal data.", no_args_is_help=True)


@app.command("run")
def run(
    dry_run: bool = typer.Option(False, "--dry-run", help="Only count what would be removed"),
    days: int | None = typer.Option(None, help="Override RETENTION_DAYS_CLOSED for this run"),
) -> None:
    """Anonymise closed cases older than the retention period and delete their conversations
    from Rasa's tracker store; delete tracker events older than TRACKER_RETENTION_DAYS of
    senders with no open case, webhook claims older than INBOUND_CLAIM_RETENTION_DAYS, and
    perpetrator records with no linked case for PERPETRATOR_UNLINKED_RETENTION_DAYS.
    Prints counts only (never personal data)."""
    from bot.db import session_scope
    from bot.perpetrators import purge_unlinked_records
    from bot.retention import (
        purge_abandoned_conversations,
        purge_chat_sessions,
        purge_inbound_claims,
        run_retention,
    )
    from bot.settings import get_settings
    from bot.stats import refresh_planner_statistics

    settings = get_settings()
    if days is not None:
        if days < 1:
            raise typer.BadParameter("must be at least 1", param_hint="--days")
        settings = settings.model_copy(update={"retention_days_closed": days})
    with session_scope() as session:
        claims = purge_inbound_claims(session, settings, dry_run=dry_run)
    with session_scope() as session:
        done, cutoff = run_retention(session, settings, dry_run=dry_run)
        if done.cases and not dry_run:
            refresh_planner_statistics(session)
    with session_scope() as session:
        purged = purge_abandoned_conversations(session, settings, dry_run=dry_run)
    with session_scope() as session:
        chat_state = purge_chat_sessions(session, settings, dry_run=dry_run)
    with session_scope() as session:
        records = purge_unlinked_records(session, settings, dry_run=dry_run)
    verb = "would anonymise" if dry_run else "anonymised"
    typer.echo(f"retention: closed before {cutoff.date().isoformat()} "
               f"({settings.retention_days_closed} days): {verb} {done.cases} case(s)")
    if not dry_run:
        typer.echo(f"  notes cleared: {done.notes}; action details cleared: "
                   f"{done.action_details}; message bodies cleared: {done.messages}; "
                   f"tracker events deleted: {done.tracker_events}; perpetrator links "
                   f"removed: {done.perpetrator_links}")
    delete = "would delete" if dry_run else "deleted"
    typer.echo(f"tracker: events before {purged.cutoff.date().isoformat()} "
               f"({settings.tracker_retention_days} days) with no open case: {delete} "
               f"{purged.events} event(s) of {purged.conversations} conversation(s)")
    typer.echo(f"chat state: untouched for {settings.tracker_retention_days} days: {delete} "
               f"{chat_state} conversation(s)")
    typer.echo(f"perpetrators: no linked case since before {records.cutoff.date().isoformat()} "
               f"({settings.perpetrator_unlinked_retention_days} days): {delete} "
               f"{records.records} record(s)")
    typer.echo(f"inbound: claimed over {settings.inbound_claim_retention_days} day(s) ago: "
               f"{delete} {claims} webhook claim(s)")
