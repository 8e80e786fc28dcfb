"""An action that fails with the resident's words in its exception (the action server's logging
test): loaded beside the real ``actions`` package, whose import configures the logging."""

from __future__ import annotations

from rasa_sdk import Action

import actions  # noqa: F401 - the real package: its import installs TellOnce's logging


class ActionCrashWithText(Action):
    def name(self) -> str:
        return "action_test_crash"

    def run(self, dispatcher, tracker, domain):  # noqa: ANN001, ANN201
        raise ValueError(f"could not understand {tracker.latest_message.get('text')!r}")
