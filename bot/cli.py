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
    from bot import cli_officer, cli_run

    app.add_typer(cli_officer.app, name="officer")
    from bot import cli_keys

    app.add_typer(cli_keys.app, name="keys")
    app.command("run")(cli_run.run)
    from bot import cli_outbox

    app.add_typer(cli_outbox.app, name="outbox")
    from bot import cli_retention, cli_seed

    app.add_typer(cli_retention.app, name="retention")
    app.command("seed")(cli_seed.seed)
    from bot import cli_extract

    app.command("extract")(cli_extract.extract_command)
    from bot import cli_perpetrators

    app.add_typer(cli_perpetrators.app, name="perpetrators")
    app.add_typer(cli_perpetrators.hotspots_app, name="hotspots")


_register()


if __name__ == "__main__":
    app()
