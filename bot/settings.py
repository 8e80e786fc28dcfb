"""All configuration in one pydantic-settings class, read from the environment and `.env`.

Settings are built on first use (``get_settings()``), never at import time, so tests can set the
environment first. Fail closed: ``ENVIRONMENT`` defaults to production, the repository holds no
secret, and outside development a missing or weak secret stops the process (``InsecureSettings``,
naming the settings, never their values). Development fills missing secrets from random ones
generated once under ``var/`` (``bot/dev_secrets.py``).
"""

from __future__ import annotations

import ipaddress
import json
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.secret_check import SECRET_SETTINGS, InsecureSettings, secret_problems

__all__ = ["PROJECT_ROOT", "InsecureSettings", "Settings", "get_settings"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_QUICK_EXIT_URL = "https://www.bbc.co.uk/weather"


class Settings(BaseSettings):
    """Every setting of TellOnce; names map to upper-case environment variables."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", hide_input_in_errors=True)

    environment: Literal["development", "test", "production"] = "production"
    # Argon2id cost for officer passwords and coming-back codes (argon2-cffi's defaults). Only
    # ENVIRONMENT=test may lower it (the suite hashes thousands of times); never in production.
    argon2_time_cost: int = Field(default=3, ge=1)
    argon2_memory_kib: int = Field(default=65536, ge=8)
    # Coming-back codes (6 digits, one hash per report, on the submit turn): OWASP's second
    # Argon2id configuration (19 MiB, 2 passes, one lane): 20 ms of one core instead of 150 ms
    # over both, and no stronger against an offline guess at a million codes either way; the
    # online guard (bot/returning/guard.py) is what protects a code.
    code_argon2_time_cost: int = Field(default=2, ge=1)
    code_argon2_memory_kib: int = Field(default=19456, ge=8)
    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'tellonce.db'}"
    tracker_database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'rasa_tracker.db'}"
    redis_url: str | None = None
    # Fernet keys (newest first) Rasa encrypts its tracker events with
    # (deploy/rasa/tracker/tellonce_tracker_store.py). Empty: derived one-way from
    # FIELD_ENCRYPTION_KEYS (bot.crypto.tracker_keys); production gives Rasa keys of its own.
    tracker_encryption_keys: list[str] = Field(default_factory=list)

    # One Rasa server, or several replicas as a comma list (the gateway round-robins per turn and
    # fails over on a refused connection; replicas need the SQL tracker store and REDIS_URL).
    rasa_url: str = "http://127.0.0.1:5005"
    action_server_url: str = "http://127.0.0.1:5055"
    rasa_timeout_seconds: float = 10.0
    # At most this many turns in Rasa at once per gateway process; a turn that cannot get a
    # place within `rasa_queue_seconds` gets the kind "try again in a minute" reply at once.
    rasa_max_concurrent: int = Field(default=16, ge=1)
    rasa_queue_seconds: float = Field(default=2.0, ge=0)
    # The action server accepts only calls carrying this secret (header X-TellOnce-Action-Secret,
    # sent by Rasa from the endpoints file). `tellonce run` makes a random one when unset; the
    # action server refuses to start without one. It binds `action_server_bind` (127.0.0.1;
    # 0.0.0.0 only in a container whose port only Rasa can reach).
    action_server_secret: str = ""
    action_server_bind: str = "127.0.0.1"
    # Start Rasa with deploy/rasa/patches on PYTHONPATH (its action-response schema is checked
    # once instead of on every call: about a fifth of Rasa's CPU per turn).
    rasa_validation_cache: bool = True
    # `tellonce run` rotates each part's log under var/log this often and deletes rotated logs
    # older than LOG_RETENTION_DAYS (in containers the platform's log driver does both).
    log_rotate_hours: float = Field(default=24.0, gt=0)
    log_retention_days: float = Field(default=14.0, gt=0)
    # Written by `tellonce run`'s supervisor: /healthz shows a part that is restarting.
    supervisor_status_file: Path | None = None

    # No defaults: production needs real ones; development reads `dev_secrets_file`.
    secret_key: str = ""
    pseudonym_key: str = ""
    # Fernet keys, newest first; older keys still decrypt (rotation, see docs/security.md).
    field_encryption_keys: list[str] = Field(default_factory=list)
    # /docs, /redoc and /openapi.json: unset means on in development only.
    api_docs: bool | None = None
    # Random development secrets, generated once (mode 0600) when development lacks them.
    dev_secrets_file: Path = PROJECT_ROOT / "var" / "secrets.env"
    access_token_minutes: int = Field(default=30, ge=1)
    # A bearer token whose exp - iat exceeds this is refused, whatever it says (bot/tokens.py).
    access_token_max_minutes: int = Field(default=60, ge=1)
    # Officer sign-in (bot/sign_in_throttle.py): failures allowed before each further attempt
    # waits 2, 4, 8... seconds (at most the max), failures that lock a username (an address:
    # more, an office shares one) for the lockout, and how long an idle counter is kept.
    sign_in_backoff_after: int = Field(default=3, ge=1)
    sign_in_backoff_max_seconds: int = Field(default=60, ge=1)
    sign_in_lockout_after: int = Field(default=10, ge=1)
    sign_in_address_lockout_after: int = Field(default=50, ge=1)
    sign_in_lockout_minutes: int = Field(default=15, ge=1)
    sign_in_window_minutes: int = Field(default=15, ge=1)
    # Argon2 checks run in a pool of their own (never the one /chat and Twilio use), at most
    # this many at once; beyond `password_check_max_waiting` queued, sign-in answers 503.
    password_check_workers: int = Field(default=2, ge=1)
    password_check_max_waiting: int = Field(default=32, ge=1)
    # Roles that must sign in with a TOTP second factor, e.g. "supervisor,admin" (empty: none).
    require_totp_for: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # A one-time link for a new officer to set their own password lasts this long.
    enrolment_link_hours: int = Field(default=72, ge=1)
    # The officers' workspace (/officer/): a session ends after this long without a request,
    # and in any case this many hours after signing in.
    workspace_idle_minutes: int = Field(default=30, ge=1)
    workspace_session_hours: int = Field(default=12, ge=1)

    # More full case reads than this by one officer within the window is flagged in the audit
    # log (officer.bulk_reads, once per window) and logged as a warning.
    bulk_read_limit: int = Field(default=40, ge=1)
    bulk_read_window_minutes: int = Field(default=60, ge=1)

    reference_prefix: str = "HF"
    council_name: str = "Hammersmith & Fulham Council"
    borough: str = "Hammersmith & Fulham"
    response_days_high: int = 1
    response_days_standard: int = 3
    # The council team residents are pointed to (overrides signposts.yml `council.asb_unit`).
    council_team_phone: str | None = None
    council_team_email: str | None = None
    council_team_url: str | None = None
    # Who is told at once, through the outbox, when a resident in danger sends their report
    # early ("send what I've told you now"): an email address and/or a mobile number (E.164).
    duty_contact_email: str | None = None
    duty_contact_sms: str | None = None

    max_message_chars: int = 2000
    # Abuse limits (docs/security.md), none of which a person reaches but a script does.
    # Messages per sender (a web page's id, a phone number) per minute, on every channel.
    rate_limit_sender_per_minute: int = Field(default=30, ge=1)
    # Web chat messages per client address per minute: generous, as a library or a mobile
    # network puts many residents behind one address.
    rate_limit_address_per_minute: int = Field(default=300, ge=1)
    # Twilio webhook calls per client address per minute (all of them come from Twilio).
    rate_limit_twilio_address_per_minute: int = Field(default=1200, ge=1)
    # Reports sent per client address (web) or per number (SMS, WhatsApp) per hour.
    reports_per_address_per_hour: int = Field(default=10, ge=1)
    # Client addresses (or networks, e.g. 10.0.0.0/8) exempt from the per-address limits only,
    # for the council's load tests and monitoring: a comma list or a JSON list.
    trusted_addresses: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Officer messages to residents, per case and per officer, in any 24 hours.
    messages_per_case_per_day: int = Field(default=10, ge=1)
    messages_per_officer_per_day: int = Field(default=200, ge=1)
    # Strict-Transport-Security on every answer served over HTTPS (0: not sent).
    hsts_max_age_seconds: int = Field(default=31_536_000, ge=0)
    # Coming back with a reference and secret: failed checks allowed per case and per sender
    # within the window, then a cool-down (the same kind reply either way).
    return_max_failures_per_case: int = 5
    return_max_failures_per_sender: int = 10
    return_window_minutes: int = 15
    return_lockout_minutes: int = 15
    # A rating replied by text this many days after a case was closed is its feedback.
    feedback_reply_days: int = 14
    # Where "Exit this page" on the web chat goes: an http(s) URL (or a same-site path). An
    # outside, neutral site by default (GOV.UK's pattern): our own domain in the history says
    # where they were.
    quick_exit_url: str = DEFAULT_QUICK_EXIT_URL
    reference_data_dir: Path = PROJECT_ROOT / "bot" / "reference_data"
    # Reports kept (encrypted) while the database is unavailable, sent when it is back.
    spool_dir: Path = PROJECT_ROOT / "var" / "spool"
    # The learned extraction classifiers (make train-extractor); off or missing: rules only.
    extractor_model: bool = True
    extractor_model_dir: Path = PROJECT_ROOT / "models" / "extractor"

    retention_days_closed: int = 365 * 2
    # `tellonce retention run` also deletes Rasa tracker events older than this of senders with
    # no open case (abandoned conversations), and Twilio webhook claims (their stored replies
    # can echo the resident's words) older than `inbound_claim_retention_days`.
    tracker_retention_days: int = Field(default=30, ge=1)
    inbound_claim_retention_days: int = Field(default=3, ge=1)
    # Risk triage rules (reasons, levels, keyword lists): editable YAML.
    triage_rules_path: Path = PROJECT_ROOT / "bot" / "config" / "triage.yml"
    # Insight: a strand or ward is "rising" when its monthly average over the last
    # `rising_recent_months` whole months is at least `rising_threshold_pct` % above its monthly
    # average over the `rising_baseline_months` before, with >= `rising_min_cases` recent cases.
    rising_recent_months: int = 3
    rising_baseline_months: int = 12
    rising_threshold_pct: float = 50.0
    rising_min_cases: int = 3
    # how long GET /api/v1/stats may reuse a rising-trend answer (0: recount every time)
    rising_cache_seconds: int = 300
    # Hotspots in GET /api/v1/stats: at least `hotspot_min_cases` incidents at the same place
    # text or estate, or in the same ward and strand, within `hotspot_window_days` days.
    hotspot_min_cases: int = Field(default=3, ge=2)
    hotspot_window_days: int = Field(default=90, ge=1)

    # Perpetrator records (docs/perpetrators.md): identifiers are matched through HMAC with this
    # key of its own (re-hash after changing it: `tellonce perpetrators rehash`). A record with
    # no linked case for `perpetrator_unlinked_retention_days` is deleted by retention.
    perpetrator_match_key: str = ""
    perpetrator_unlinked_retention_days: int = Field(default=30, ge=0)

    twilio_account_sid: str = ""
    twilio_auth_token: str = ""
    twilio_sms_number: str = ""
    twilio_whatsapp_sender: str = ""
    twilio_api_base_url: str | None = None
    twilio_whatsapp_content_sid: str = ""
    twilio_whatsapp_content_variables: str = "{}"
    public_base_url: str = "http://127.0.0.1:8000"
    trust_forwarded_headers: bool = False
    # Outbound (officer messages): the outbox worker. Run it with `tellonce outbox run`, or set
    # OUTBOX_WORKER_IN_GATEWAY to run it in a background thread of the gateway.
    outbox_worker_in_gateway: bool = False
    outbox_poll_seconds: float = 2.0
    outbox_max_attempts: int = 5
    # Email to residents (and duty notes): the council's SMTP relay. Unset host: email waits.
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: str = ""
    smtp_from: str | None = None
    smtp_starttls: bool = True
    smtp_ssl: bool = False
    smtp_timeout_seconds: float = 15.0
    # A worker's claim on a row lasts this long: a worker killed mid-send leaves the row to be
    # claimed again after it (unless Twilio's status callback for the send arrived meanwhile).
    outbox_lease_seconds: float = Field(default=300.0, gt=0)
    # First line of every outbound message: neutral, so a lock-screen preview reveals nothing.
    outbound_first_line: str = "A message from {council_name}."

    @field_validator("require_totp_for", mode="before")
    @classmethod
    def _roles(cls, value: object) -> object:
        from bot.taxonomy import ROLES

        if isinstance(value, str):
            value = json.loads(value) if value.strip().startswith("[") else value.split(",")
        if not isinstance(value, list | tuple):
            return value
        roles = [str(v).strip() for v in value if str(v).strip()]
        unknown = sorted(set(roles) - set(ROLES))
        if unknown:
            raise ValueError(f"REQUIRE_TOTP_FOR names no such role: {', '.join(unknown)}")
        return roles

    @field_validator("trusted_addresses", mode="before")
    @classmethod
    def _address_list(cls, value: object) -> object:
        """``TRUSTED_ADDRESSES=10.0.0.5, 192.0.2.0/24`` or a JSON list; each must parse."""
        if isinstance(value, str):
            text = value.strip()
            value = json.loads(text) if text.startswith("[") else [
                v.strip() for v in text.split(",") if v.strip()]
        if isinstance(value, list):
            for item in value:
                ipaddress.ip_network(str(item), strict=False)  # ValueError names the bad one
        return value

    @model_validator(mode="after")
    def _fail_closed(self) -> Settings:
        """A missing or weak secret would let anyone forge tokens or read data: refuse it
        outside development; in development use the generated ones under var/."""
        if self.access_token_minutes > self.access_token_max_minutes:
            raise InsecureSettings("ACCESS_TOKEN_MINUTES is above ACCESS_TOKEN_MAX_MINUTES")
        if self.environment == "development":
            self._fill_dev_secrets()
        problems = secret_problems(self)
        if self.environment != "test" and (self.argon2_time_cost < 2
                                           or self.argon2_memory_kib < 19456):
            problems.append("ARGON2_TIME_COST / ARGON2_MEMORY_KIB below OWASP's minimum (2 "
                            "passes, 19 MiB): only ENVIRONMENT=test may lower them")
        if self.environment != "test" and (self.code_argon2_time_cost < 2
                                           or self.code_argon2_memory_kib < 19456):
            problems.append("CODE_ARGON2_TIME_COST / CODE_ARGON2_MEMORY_KIB below OWASP's "
                            "minimum (2 passes, 19 MiB): only ENVIRONMENT=test may lower them")
        if problems:
            raise InsecureSettings(
                f"refusing to start (ENVIRONMENT={self.environment}): "
                + "; ".join(problems)
                + ". Set real secrets (docs/security.md), or use ENVIRONMENT=development "
                "(make run) for random local ones."
            )
        return self

    def _fill_dev_secrets(self) -> None:
        from bot.dev_secrets import ensure

        missing = [name for name in (*SECRET_SETTINGS, "FIELD_ENCRYPTION_KEYS")
                   if not getattr(self, name.lower())]
        if missing:
            generated = ensure(self.dev_secrets_file)
            for name in missing:
                value = generated[name]
                setattr(self, name.lower(),
                        json.loads(value) if name == "FIELD_ENCRYPTION_KEYS" else value)

    @property
    def api_docs_enabled(self) -> bool:
        return self.environment == "development" if self.api_docs is None else self.api_docs

    @property
    def rasa_urls(self) -> list[str]:
        return [u.strip().rstrip("/") for u in self.rasa_url.split(",") if u.strip()]

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, built once on first use."""
    return Settings()
