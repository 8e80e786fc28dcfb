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


def test_coming_back_codes_hash_at_owasps_one_lane_cost_and_verify(monkeypatch):
    """A code is hashed on the submit turn: 19 MiB, 2 passes, one lane (not both cores)."""
    monkeypatch.delenv("CODE_ARGON2_TIME_COST")
    monkeypatch.delenv("CODE_ARGON2_MEMORY_KIB")
    settings = Settings()
    assert (settings.code_argon2_time_cost, settings.code_argon2_memory_kib) == (2, 19456)
    from bot import passwords
    from bot.returning import secret

    monkeypatch.setattr(passwords, "get_settings", lambda: settings)
    stored = secret.hash_code("482913")
    assert "$m=19456,t=2,p=1$" in stored
    assert secret.matches(stored, "482 913")
    assert not secret.matches(stored, "482914")
    assert not secret.matches(None, "482913")


def test_a_low_code_cost_is_refused_outside_the_test_suite():
    with pytest.raises(InsecureSettings, match="CODE_ARGON2_TIME_COST / CODE_ARGON2_MEMORY_KIB"):
        Settings(environment="production", argon2_time_cost=3, argon2_memory_kib=65536,
                 code_argon2_time_cost=1, code_argon2_memory_kib=19456)
