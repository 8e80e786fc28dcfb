"""Every sentence a resident can see, in one home: the YAML files beside this module.

``say(key, channel, **values)`` renders one entry for a channel ("web", "sms", "whatsapp").
An entry is a string for every channel, or a mapping of variants: ``web``, ``text`` (SMS and
WhatsApp), ``sms``, ``whatsapp``. Placeholders are ``str.format`` fields: ``{council}``,
``{sp.<signpost>.<field>}`` (the signposting directory, so no number is ever written twice) and
whatever the caller passes.
"""

from __future__ import annotations

from bot.wording.catalogue import (
    CHANNELS,
    TEXT_CHANNELS,
    WordingError,
    catalogue,
    count,
    keys,
    raw,
    say,
)

__all__ = ["CHANNELS", "TEXT_CHANNELS", "WordingError", "catalogue", "count", "keys", "raw", "say"]
