"""Fixtures of the resilience tests: the gateway fixtures of tests/api (real local HTTP servers
standing in for Rasa and the action server) are reused as they are."""

from tests.api.conftest import client, fake_actions, fake_rasa, make_app  # noqa: F401
