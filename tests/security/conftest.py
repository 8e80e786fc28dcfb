"""Security tests reuse the officer API's fixtures (app, officers, cases, tokens) and the
gateway's stand-ins for Rasa and the action server."""

from tests.api.conftest import fake_actions, fake_rasa  # noqa: F401
from tests.officer.conftest import auth, client, make_case, make_officer  # noqa: F401
from tests.workspace.conftest import signed_in  # noqa: F401
