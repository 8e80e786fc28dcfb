"""``python -m bot.cli``: the launcher starts the outbox worker this way."""

from bot.cli import main

main()
