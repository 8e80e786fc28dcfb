"""``tellonce officer ...``: manage officer accounts."""

from __future__ import annotations

import re

import typer
from sqlalchemy import select

from bot.casework.accounts import end_tokens
from bot.db import session_scope
from bot.models import Officer
from bot.passwords import hash_password
from bot.taxonomy import ROLES

USERNAME_PATTERN = r"[A-Za-z0-9_.-]{3,64}"  # the API's pattern, so every account can be named

app = typer.Typer(help="Officer accounts.", no_args_is_help=True)


@app.command("create")
def create(
    username: str = typer.Option(..., help="Login name"),
    password: str = typer.Option(..., help="At least 12 characters", prompt=True, hide_input=True),
    role: str = typer.Option("officer", help="officer | supervisor | admin"),
    display_name: str | None = typer.Option(None, help="Name shown to residents"),
    email: str | None = typer.Option(None),
    phone: str | None = typer.Option(None),
) -> None:
    """Create an officer account (or fail clearly if it exists)."""
    if not re.fullmatch(USERNAME_PATTERN, username):
        raise typer.BadParameter("3-64 of A-Z a-z 0-9 _ . -", param_hint="--username")
    if role not in ROLES:
        raise typer.BadParameter(f"role must be one of {', '.join(ROLES)}", param_hint="--role")
    if len(password) < 12:
        raise typer.BadParameter("password must be at least 12 characters", param_hint="--password")
    with session_scope() as db:
        if db.scalar(select(Officer).where(Officer.username == username)):
            typer.echo(f"officer {username!r} already exists", err=True)
            raise typer.Exit(1)
        db.add(Officer(username=username, password_hash=hash_password(password), role=role,
                       display_name=display_name or username, email=email, phone=phone))
    typer.echo(f"created {role} {username}")


@app.command("invite")
def invite(
    username: str = typer.Option(..., help="Login name"),
    role: str = typer.Option("officer", help="officer | supervisor | admin"),
    display_name: str | None = typer.Option(None, help="Name shown to residents"),
    email: str | None = typer.Option(None),
    phone: str | None = typer.Option(None),
) -> None:
    """Create an account without a password (or, if it exists, reset it) and print a one-time
    link for the officer to set their own (valid ENROLMENT_LINK_HOURS)."""
    from bot.casework.credentials import UNUSABLE, new_link
    from bot.settings import get_settings

    if not re.fullmatch(USERNAME_PATTERN, username):
        raise typer.BadParameter("3-64 of A-Z a-z 0-9 _ . -", param_hint="--username")
    if role not in ROLES:
        raise typer.BadParameter(f"role must be one of {', '.join(ROLES)}", param_hint="--role")
    settings = get_settings()
    with session_scope() as db:
        officer = db.scalar(select(Officer).where(Officer.username == username))
        if officer is None:
            officer = Officer(username=username, password_hash=UNUSABLE, role=role,
                              display_name=display_name or username, email=email, phone=phone)
            db.add(officer)
            db.flush()
        link = new_link(db, officer, "cli", settings)
    typer.echo(f"one-time link for {username} (until {link.expires_at:%Y-%m-%d %H:%M} UTC): "
               f"{link.url(settings)}")


@app.command("deactivate")
def deactivate(username: str = typer.Option(..., help="Login name")) -> None:
    """Deactivate an account: its bearer tokens stop working at once."""
    with session_scope() as db:
        officer = db.scalar(select(Officer).where(Officer.username == username))
        if officer is None:
            typer.echo(f"no officer {username!r}", err=True)
            raise typer.Exit(1)
        officer.active = False
        end_tokens(officer)
    typer.echo(f"deactivated {username}")
