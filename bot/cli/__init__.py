"""The ``tellonce`` command. Sub-commands live in small modules registered here."""

from __future__ import annotations

import typer

app = typer.Typer(help="TellOnce: report hate crime and hate incidents, tell it once.",
                  no_args_is_help=True)


@app.command()
def migrate() -> None:
    """Bring the database schema up to date (Alembic is the only way the schema changes)."""
    from bot.migrations import upgrade_head

    upgrade_head()
    typer.echo("database is up to date")


def _register() -> None:
    """Attach sub-command groups; imported lazily so ``tellonce --help`` stays fast."""
    from bot.cli import officer, run

    app.add_typer(officer.app, name="officer")
    from bot.cli import keys

    app.add_typer(keys.app, name="keys")
    app.command("run")(run.run)
    from bot.cli import outbox

    app.add_typer(outbox.app, name="outbox")
    from bot.cli import retention, seed

    app.add_typer(retention.app, name="retention")
    app.command("seed")(seed.seed)
    from bot.cli import extract

    app.command("extract")(extract.extract_command)
    from bot.cli import perpetrators

    app.add_typer(perpetrators.app, name="perpetrators")
    app.add_typer(perpetrators.hotspots_app, name="hotspots")


_register()


def main() -> None:
    """The ``tellonce`` entry point: a refusal to start on missing or weak secrets is one clear
    line naming the settings (never their values), exit code 2, not a traceback."""
    from bot.settings import InsecureSettings

    try:
        app()
    except InsecureSettings as exc:
        typer.echo(f"tellonce: {exc}", err=True)
        raise SystemExit(2) from None

