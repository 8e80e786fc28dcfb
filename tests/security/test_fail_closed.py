"""Fail closed: no secret in the repository, production by default, refusal to start without
real secrets (naming the settings, never their values), generated development secrets, a cap
on token lifetime, and no API map in production."""

from __future__ import annotations

import json
import os
import re
import secrets
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt
import pytest
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient

from api.main import create_app
from bot.settings import InsecureSettings, Settings, get_settings
from bot.tokens import AUDIENCE, ISSUER, InvalidToken, create_access_token, decode_access_token

ROOT = Path(__file__).resolve().parents[2]
SECRETS = ("SECRET_KEY", "PSEUDONYM_KEY", "PERPETRATOR_MATCH_KEY", "FIELD_ENCRYPTION_KEYS")
PLACEHOLDERS = {"", "...", "CHANGE-ME", '[""]', '["..."]', '["CHANGE-ME"]'}
FERNET_LIKE = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}=(?![A-Za-z0-9_=-])")
# NAME=value, NAME: value, name: str = "value", setenv("NAME", "value"), in any file; a value
# shorter than 12 characters cannot be a secret (the service refuses under 32 everywhere)
ASSIGNED = re.compile(
    r"""(?ix)\b(secret_key|pseudonym_key|perpetrator_match_key|field_encryption_keys|
    totp_secret)["']?[ \t]*(?::[ \t]*str[ \t]*)?(?:=|:|,)[ \t]*\[?(["']?)([^\s'"\],)#]{12,})""")


def tracked_text_files() -> list[Path]:
    names = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    files = []
    for name in names:
        path = ROOT / name
        if path.is_file() and not path.is_symlink() and path.stat().st_size < 2_000_000:
            try:
                files.append((path, path.read_text()))
            except UnicodeDecodeError:
                continue
    return files


def test_no_secret_literal_in_the_repository():
    found = []
    for path, text in tracked_text_files():
        rel = path.relative_to(ROOT)
        for m in FERNET_LIKE.finditer(text):
            found.append(f"{rel}: a Fernet-like key {m.group()[:6]}...")
        if "dev-only-" + "change-me" in text:
            found.append(f"{rel}: the old development secret")
        for m in ASSIGNED.finditer(text):
            quoted, value = m.group(2), m.group(3)
            if path.suffix == ".py" and not quoted:
                continue  # an expression (secrets.token_urlsafe(...)), not a literal
            if value not in PLACEHOLDERS and not re.fullmatch(r"[A-Z_]+|[$<{].*", value):
                found.append(f"{rel}: {m.group(1)} set to a literal")
    assert found == []


def test_env_example_neither_chooses_development_nor_sets_secrets():
    lines = [line.strip() for line in (ROOT / ".env.example").read_text().splitlines()]
    live = dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))
    assert live.get("ENVIRONMENT", "production") == "production"
    assert not set(live) & set(SECRETS)


def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (*SECRETS, "ENVIRONMENT", "ARGON2_TIME_COST", "ARGON2_MEMORY_KIB",
                 "CODE_ARGON2_TIME_COST", "CODE_ARGON2_MEMORY_KIB"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(ROOT / "tests")  # no .env file there


def test_production_is_the_default_and_refuses_missing_secrets(monkeypatch):
    clean_env(monkeypatch)
    with pytest.raises(InsecureSettings) as caught:
        Settings()
    message = str(caught.value)
    assert "ENVIRONMENT=production" in message
    assert all(name in message for name in SECRETS)


def test_weak_secrets_are_refused_by_name_never_by_value(monkeypatch):
    clean_env(monkeypatch)
    strong, short = secrets.token_urlsafe(48), secrets.token_urlsafe(12)
    monkeypatch.setenv("SECRET_KEY", short)
    monkeypatch.setenv("PSEUDONYM_KEY", strong)
    monkeypatch.setenv("PERPETRATOR_MATCH_KEY", strong)  # reused
    monkeypatch.setenv("FIELD_ENCRYPTION_KEYS", json.dumps(["not-a-fernet-key"]))
    with pytest.raises(InsecureSettings) as caught:
        Settings(environment="test")
    message = str(caught.value)
    assert "shorter than 32 characters: SECRET_KEY" in message
    assert "the same value used twice: PERPETRATOR_MATCH_KEY, PSEUDONYM_KEY" in message
    assert "FIELD_ENCRYPTION_KEYS holds a value that is not a Fernet key" in message
    for value in (short, strong, "not-a-fernet-key"):
        assert value not in message


def test_a_malformed_setting_does_not_echo_its_value(monkeypatch):
    value = "not-json-" + secrets.token_hex(8)
    monkeypatch.setenv("FIELD_ENCRYPTION_KEYS", value)
    with pytest.raises(Exception) as caught:  # noqa: B017 - pydantic-settings' own error
        Settings()
    assert value not in str(caught.value)


def test_development_generates_secrets_once_owner_only(monkeypatch, tmp_path):
    clean_env(monkeypatch)
    path = tmp_path / "var" / "secrets.env"
    first = Settings(environment="development", dev_secrets_file=path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = Settings(environment="development", dev_secrets_file=path)
    assert (first.secret_key, first.field_encryption_keys) == (again.secret_key,
                                                              again.field_encryption_keys)
    assert len({first.secret_key, first.pseudonym_key, first.perpetrator_match_key}) == 3
    Fernet(first.field_encryption_keys[0].encode())  # a real key
    other = Settings(environment="development", dev_secrets_file=tmp_path / "b.env")
    assert other.secret_key != first.secret_key  # random, not a constant
    # a secret set explicitly wins over the file
    mine = secrets.token_urlsafe(40)
    monkeypatch.setenv("SECRET_KEY", mine)
    assert Settings(environment="development", dev_secrets_file=path).secret_key == mine


def test_the_makefile_runs_in_development_mode():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^export ENVIRONMENT \?= development$", makefile, re.M)
    assert "var/secrets.env" in makefile


TINY = secrets.token_urlsafe(12)  # a real but too short secret: refused, and never printed


def production_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in SECRETS and not k.startswith(("ARGON2_", "CODE_ARGON2_"))}
    env.update(ENVIRONMENT="production", SECRET_KEY=TINY,
               DATABASE_URL="sqlite:////nonexistent/never.db")
    return env


@pytest.mark.parametrize("argv,code", [
    ([str(ROOT / ".venv" / "bin" / "tellonce"), "run"], 2),
    ([sys.executable, "-m", "bot.cli", "migrate"], 2),
    ([sys.executable, "-c", "from api.main import create_app; create_app()"], 1),
    ([sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", "0"], 1),
], ids=["tellonce run", "tellonce migrate", "gateway", "action server"])
def test_services_refuse_to_start_without_real_secrets(argv, code, tmp_path):
    done = subprocess.run(argv, cwd=tmp_path, env={**production_env(), "PYTHONPATH": str(ROOT)},
                          capture_output=True, text=True, timeout=120)
    output = done.stdout + done.stderr
    assert done.returncode == code, output
    assert "refusing to start (ENVIRONMENT=production)" in output
    assert "missing PSEUDONYM_KEY, PERPETRATOR_MATCH_KEY" in output
    assert "shorter than 32 characters: SECRET_KEY" in output
    assert TINY not in output


def test_token_lifetime_is_capped_whatever_the_token_says(client, make_officer):
    settings = get_settings()
    officer = make_officer("supervisor")
    now = datetime.now(UTC)
    year = jwt.encode({"sub": officer.username, "iss": ISSUER, "aud": AUDIENCE, "ver": 0,
                       "iat": int(now.timestamp()),
                       "exp": int((now + timedelta(days=365)).timestamp())},
                      settings.secret_key, algorithm="HS256")
    with pytest.raises(InvalidToken, match="longer than allowed"):
        decode_access_token(year, settings)
    assert client.get("/api/v1/cases",
                      headers={"Authorization": f"Bearer {year}"}).status_code == 401
    ok = create_access_token(officer.username, settings)
    assert client.get("/api/v1/cases", headers={"Authorization": f"Bearer {ok}"}).status_code == 200
    with pytest.raises(InsecureSettings, match="ACCESS_TOKEN_MINUTES"):
        Settings(access_token_minutes=120, access_token_max_minutes=60)


def test_api_docs_are_off_in_production_and_on_in_development(db_url):
    base = get_settings()
    for environment, expected in (("production", 404), ("test", 404), ("development", 200)):
        app = create_app(base.model_copy(update={"environment": environment}))
        with TestClient(app) as tc:
            for path in ("/docs", "/redoc", "/openapi.json"):
                assert tc.get(path).status_code == expected, (environment, path)
