"""The TOTP second factor (RFC 6238, ``pyotp``): 6 digits, 30-second steps, one step of clock
drift either way, and each step accepted once (``Officer.totp_last_step``) so a code seen over
a shoulder cannot be replayed."""

from __future__ import annotations

import re
import time

import pyotp

from bot.models import Officer
from bot.settings import Settings

ISSUER = "TellOnce"
SECRET = re.compile(r"[A-Z2-7]{32,64}")


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, username: str, settings: Settings) -> str:
    """The otpauth:// link an authenticator app reads (as a QR code or typed)."""
    return pyotp.TOTP(secret).provisioning_uri(name=username,
                                               issuer_name=f"{ISSUER} {settings.borough}")


def valid_secret(secret: str) -> bool:
    """A base32 secret of 160 to 320 bits, as ``new_secret`` makes (anything else is refused
    before pyotp tries to decode it)."""
    return bool(SECRET.fullmatch(secret))


def matching_step(secret: str, code: str, at: float | None = None) -> int | None:
    """The time step whose code this is (within one step of now), or None."""
    code = "".join(code.split())
    if not (len(code) == 6 and code.isdigit()) or not valid_secret(secret):
        return None
    totp, now = pyotp.TOTP(secret), time.time() if at is None else at
    step = int(now // totp.interval)
    for candidate in (step, step - 1, step + 1):
        if pyotp.utils.strings_equal(totp.at(candidate * totp.interval), code):
            return candidate
    return None


def check(officer: Officer, code: str, at: float | None = None) -> bool:
    """A fresh, valid code for this officer; the step is remembered (caller commits)."""
    if not officer.totp_secret:
        return False
    step = matching_step(officer.totp_secret, code, at)
    if step is None or (officer.totp_last_step is not None and step <= officer.totp_last_step):
        return False
    officer.totp_last_step = step
    return True


def required(officer: Officer, settings: Settings) -> bool:
    """This account must use a second factor (its role is in REQUIRE_TOTP_FOR)."""
    return officer.role in settings.require_totp_for


def enabled(officer: Officer) -> bool:
    return bool(officer.totp_secret)
