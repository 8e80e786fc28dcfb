"""``tellonce run``: the whole service on 127.0.0.1 until Ctrl-C."""

from __future__ import annotations

import os
import signal
import time

import typer

from bot.launcher import Stack
from bot.migrations import upgrade_head
from bot.settings import get_settings


def run(
    port: int = typer.Option(int(os.environ.get("PORT", "8000")), help="Gateway port (PORT)"),
    rasa_port: int = typer.Option(5005),
    action_port: int = typer.Option(5055),
) -> None:
    """Migrate, then start Rasa, the action server and the gateway; Ctrl-C stops all."""
    settings = get_settings()
    upgrade_head()
    stack = Stack(settings, rasa_port=rasa_port, action_port=action_port, gateway_port=port)
    stopping = False

    def _stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    stack.start()
    typer.echo("starting Rasa (loading the model takes a little while)...")
    try:
        stack.wait_ready()
        typer.echo(f"TellOnce is ready: {stack.gateway_url}/ (Ctrl-C stops everything)")
        typer.echo(f"logs: {stack.log_dir}")
        while not stopping:
            for name, proc in stack.procs.items():
                if proc.poll() is not None:
                    typer.echo(f"{name} stopped unexpectedly:\n{stack.tail(name)}", err=True)
                    stopping = True
            time.sleep(0.5)
    except (RuntimeError, TimeoutError) as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from exc
    finally:
        typer.echo("stopping...")
        stack.stop()
