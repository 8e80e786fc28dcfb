"""``tellonce outbox run``: send officers' queued messages through Twilio (the outbox worker)."""

from __future__ import annotations

import signal
import threading

import typer

app = typer.Typer(help="Outbound messages to residents (SMS / WhatsApp).", no_args_is_help=True)


@app.command("run")
def run(
    once: bool = typer.Option(False, "--once", help="Send what is due now, then exit"),
    limit: int = typer.Option(50, help="Rows claimed per batch"),
) -> None:
    """Drain the outbox: claim due messages, send them, record the result; repeat until stopped."""
    from bot.db import get_sessionmaker
    from bot.logging import configure_logging
    from bot.messaging.worker import run_forever, run_once
    from bot.settings import get_settings

    configure_logging()
    settings = get_settings()
    sessions = get_sessionmaker()
    if once:
        total = 0
        while (n := run_once(sessions, settings, limit=limit)) > 0:
            total += n
        typer.echo(f"processed {total} message(s)")
        return
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    typer.echo("outbox worker running (Ctrl-C to stop)")
    run_forever(sessions, settings, stop)
