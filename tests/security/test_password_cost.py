"""Argon2's cost: production strength by default, lowered only for the test suite, and never
accepted below OWASP's minimum outside ENVIRONMENT=test."""

from __future__ import annotations

import pytest

from bot.settings import InsecureSettings, Settings


def test_the_default_cost_is_argon2_cffis_and_hashes_carry_it(monkeypatch):
    monkeypatch.delenv("ARGON2_TIME_COST")
    monkeypatch.delenv("ARGON2_MEMORY_KIB")
    settings = Settings()
    assert (settings.argon2_time_cost, settings.argon2_memory_kib) == (3, 65536)
    from bot import passwords

    monkeypatch.setattr(passwords, "get_settings", lambda: settings)
    stored = passwords.hash_password("correct horse battery staple")
    assert "$m=65536,t=3," in stored
    assert passwords.verify_password(stored, "correct horse battery staple")
    assert not passwords.verify_password(stored, "wrong")


def test_a_cheap_hash_from_the_suite_still_verifies_at_full_cost(monkeypatch):
    from bot import passwords

    cheap = passwords.hash_password("s3cret code")
    assert "$m=1024,t=1," in cheap  # the suite's cost (tests/conftest.py)
    full = Settings(argon2_time_cost=3, argon2_memory_kib=65536)
    monkeypatch.setattr(passwords, "get_settings", lambda: full)
    assert passwords.verify_password(cheap, "s3cret code")  # a hash carries its parameters


@pytest.mark.parametrize("environment", ["production"])
def test_a_low_cost_is_refused_outside_the_test_suite(environment):
    with pytest.raises(InsecureSettings, match="ARGON2_TIME_COST / ARGON2_MEMORY_KIB"):
        Settings(environment=environment, argon2_time_cost=1, argon2_memory_kib=1024)
