"""The action server: rasa_sdk's app, answering only Rasa (``python -m actions.server``).

Anything that reached the bare rasa_sdk server could post a tracker and write a case. Here
every route but ``/health`` needs the shared secret Rasa sends (``X-TellOnce-Action-Secret``,
from the endpoints file the launcher writes), compared in constant time; the server will not
start without one, and it binds ``ACTION_SERVER_BIND`` (127.0.0.1 by default), never the
``SANIC_HOST`` rasa_sdk would read. No CORS: no browser has any business here.
"""

from __future__ import annotations

import hmac
import logging
import sys
from functools import partial

from rasa_sdk import utils
from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
from rasa_sdk.endpoint import create_app_for_serve, create_argument_parser
from rasa_sdk.executor import ActionExecutor
from sanic import Sanic, response
from sanic.request import Request
from sanic.worker.loader import AppLoader

from bot.launcher import ACTION_SECRET_HEADER
from bot.settings import get_settings

HEADER = ACTION_SECRET_HEADER
OPEN_PATHS = ("/health",)  # the gateway's and the supervisor's liveness check
log = logging.getLogger(__name__)


def build_app(package: str) -> Sanic:
    """The app for the primary process and each Sanic worker (module level: it is pickled)."""
    secret = get_settings().action_server_secret.encode()
    executor = ActionExecutor()
    executor.register_package(package)
    app = create_app_for_serve(executor, cors_origins=None)

    async def require_secret(request: Request):  # noqa: ANN202 - Sanic middleware
        if request.path in OPEN_PATHS:
            return None
        given = request.headers.get(HEADER, "").encode()
        if not secret or not hmac.compare_digest(given, secret):
            log.warning("action call refused path=%s: no or wrong shared secret", request.path)
            return response.json({"error": "unauthorised"}, status=401)
        return None

    app.register_middleware(require_secret, "request", priority=100)
    return app


def main(argv: list[str] | None = None) -> None:
    args = create_argument_parser().parse_args(argv)
    settings = get_settings()
    if not settings.action_server_secret:
        sys.exit("refusing to start the action server: ACTION_SERVER_SECRET is not set "
                 "(`tellonce run` sets one; see docs/security.md)")
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(logging.getLogger(APPLICATION_ROOT_LOGGER_NAME), args.log_file,
                                 args.loglevel, args.logging_config_file)
    utils.update_sanic_log_level()
    loader = AppLoader(factory=partial(build_app, args.actions_module or args.actions
                                       or "actions"))
    app = loader.load()
    app.prepare(host=settings.action_server_bind, port=args.port,
                workers=utils.number_of_sanic_workers())
    log.info("action server on %s:%d (shared secret required)", settings.action_server_bind,
             args.port)
    Sanic.serve(primary=app, app_loader=loader)


if __name__ == "__main__":
    main()
