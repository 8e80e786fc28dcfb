"""The officers' workspace: server-rendered pages under /officer/ on the same domain layer as
the officer API (``bot.casework``), so there is one set of rules and one audit trail.

``router`` holds every page; ``install(app)`` adds it and the refusal handlers to the app.
"""

from fastapi import APIRouter, FastAPI

from api.workspace import (
    account,
    accounts,
    auth,
    case,
    errors,
    insight,
    perpetrators,
    queue,
    static,
    work,
)

router = APIRouter(include_in_schema=False)
for module in (static, auth, queue, case, work, perpetrators, insight, accounts, account):
    router.include_router(module.router)


def install(app: FastAPI) -> None:
    """Serve the workspace on ``app`` (pages and refusal handlers)."""
    errors.install(app)
    app.include_router(router)
