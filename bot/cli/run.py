"""``tellonce run``: the whole service on 127.0.0.1, supervised, until Ctrl-C.

A part that exits is restarted with backoff while the others (the gateway above all) stay up;
a part caught in a crash loop makes the launcher stop everything and exit 1, naming it.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import typer

from bot.launcher import Stack
from bot.logging import configure_logging
from bot.migrations import upgrade_head
from bot.settings import get_settings
from bot.supervisor import CrashLoop


def run(
    port: int = typer.Option(int(os.environ.get("PORT", "8000")), help="Gateway port (PORT)"),
    rasa_port: int = typer.Option(5005),
    action_port: int = typer.Option(5055),
    log_dir: Path = typer.Option(Stack.log_dir, help="Logs and the supervisor's status file"),
) -> None:
    """Migrate, then start Rasa, the action server, the gateway and the outbox worker."""
    configure_logging()
    settings = get_settings()
    upgrade_head()
    stack = Stack(settings, rasa_port=rasa_port, action_port=action_port, gateway_port=port,
                  log_dir=log_dir)
    stopping = False

    def _stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    stack.start()
    typer.echo("starting Rasa (loading the model takes a little while)...")
    try:
        if not stack.wait_ready(cancelled=lambda: stopping):
            return
        typer.echo(f"TellOnce is ready: {stack.gateway_url}/ (Ctrl-C stops everything)")
        typer.echo(f"logs: {stack.log_dir}")
        while not stopping:
            stack.poll()
            time.sleep(0.2)
    except CrashLoop as exc:
        typer.echo(f"giving up: {exc}\n{stack.tail(exc.name)}", err=True)
        raise typer.Exit(1) from exc
    except (RuntimeError, TimeoutError) as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from exc
    finally:
        typer.echo("stopping...")
        stack.stop()
