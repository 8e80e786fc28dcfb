"""``tellonce seed --cases N``: synthetic cases for demos and benchmarks."""

from __future__ import annotations

import typer


def seed(
    cases: int = typer.Option(1000, "--cases", min=1, help="How many cases to create"),
    random_seed: int = typer.Option(20260101, "--seed", help="Same seed, same data"),
    allow_production: bool = typer.Option(False, "--allow-production",
                                          help="Needed when ENVIRONMENT=production"),
) -> None:
    """Create realistic synthetic cases (18 months, all wards, rising trends) in bulk."""
    from bot.db import session_scope
    from bot.seed import seed_cases
    from bot.settings import get_settings

    settings = get_settings()
    if settings.environment == "production" and not allow_production:
        typer.echo("refusing to seed synthetic cases into a production database", err=True)
        raise typer.Exit(1)
    with session_scope() as session:
        result = seed_cases(session, settings, cases, seed=random_seed)
    typer.echo(f"seeded {result.cases} cases ({result.officers} seed officers) "
               f"in {result.seconds:.1f} s")
