"""Rasa custom actions (thin adapters over ``bot``).

rasa_sdk imports this package when the action server starts: outside development it must not
start without real secrets, so the settings are checked here (an ImportError stops rasa_sdk
with exit code 1 and the message, which names settings, never values).
"""

from bot.settings import InsecureSettings, get_settings

try:
    get_settings()
except InsecureSettings as exc:
    raise ImportError(str(exc)) from None
