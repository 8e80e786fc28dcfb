"""deploy/ is not run here (no Docker engine, no cluster), so check what can be checked: every
file parses, every setting it sets is one TellOnce or Rasa's endpoints file reads, and Rasa's own
reader turns deploy/rasa/endpoints.yml into the PostgreSQL tracker store and Redis lock store."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import yaml

from bot.launcher import RASA_BIN, TRACKER_STORE_TYPE
from bot.settings import PROJECT_ROOT, Settings

DEPLOY = PROJECT_ROOT / "deploy"
ENDPOINT_VARS = set(re.findall(r"\$\{(\w+)\}", (DEPLOY / "rasa" / "endpoints.yml").read_text()))
KNOWN = {name.upper() for name in Settings.model_fields} | ENDPOINT_VARS


def _docs() -> list[tuple[Path, dict]]:
    files = [*sorted((DEPLOY / "k8s").glob("*.yaml")), DEPLOY / "docker-compose.yml"]
    return [(f, d) for f in files for d in yaml.safe_load_all(f.read_text()) if d]


def test_every_setting_named_in_deploy_is_read_by_something() -> None:
    named: set[str] = set()
    for path, doc in _docs():
        if doc.get("kind") in ("ConfigMap", "Secret"):
            named |= set(doc.get("data") or doc.get("stringData") or {})
        if path.name == "docker-compose.yml":
            for service in doc["services"].values():
                named |= set(service.get("environment") or {})
            named |= set(doc["x-app"]["environment"]) | set(doc["x-rasa"]["environment"])
    for line in (DEPLOY / "tellonce.env.example").read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            named.add(line.split("=", 1)[0])
    named -= {"POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"}  # the postgres image's own
    assert named, "no settings found"
    assert named <= KNOWN, f"unknown settings in deploy/: {sorted(named - KNOWN)}"


def test_every_part_has_its_deployment_and_commands_exist() -> None:
    kinds = {(d["kind"], d["metadata"]["name"]) for _, d in _docs() if "metadata" in d}
    for part in ("rasa", "actions", "gateway", "outbox"):
        assert ("Deployment", part) in kinds
    commands = [c.get("command") for _, d in _docs() if d.get("kind") == "Deployment"
                for c in d["spec"]["template"]["spec"]["containers"]]
    assert ["tellonce", "outbox", "run"] in commands
    assert (PROJECT_ROOT / "actions" / "__init__.py").exists()


def test_rasa_reads_the_production_endpoints() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env.update(RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="3",
               ACTION_ENDPOINT_URL="http://actions:5055/webhook", TRACKER_DB_HOST="pg",
               TRACKER_DB_PORT="5432", TRACKER_DB_NAME="tellonce_tracker",
               TRACKER_DB_USER="tellonce", TRACKER_DB_PASSWORD="pw", REDIS_HOST="redis",
               REDIS_PORT="6379", REDIS_DB="0", ACTION_SERVER_SECRET="shared-secret-from-env")
    probe = (
        "import json, sys; from rasa.core.utils import AvailableEndpoints as A; "
        "e = A.read_endpoints(sys.argv[1]); "
        "print('PROBE' + json.dumps({'action': e.action.url, 'headers': e.action.headers, 'tracker': e.tracker_store.kwargs,"
        " 'tracker_type': e.tracker_store.type, 'lock': e.lock_store.type,"
        " 'lock_kwargs': e.lock_store.kwargs, 'lock_url': e.lock_store.url}))"
    )
    done = subprocess.run(  # noqa: S603
        [str(RASA_BIN.parent / "python"), "-c", probe, str(DEPLOY / "rasa" / "endpoints.yml")],
        env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(next(x for x in done.stdout.splitlines() if x.startswith("PROBE"))[5:])
    assert out["action"] == "http://actions:5055/webhook"
    # the action server's shared secret comes from Rasa's environment, never from the file
    assert out["headers"] == {"X-TellOnce-Action-Secret": "shared-secret-from-env"}
    assert out["tracker_type"] == TRACKER_STORE_TYPE
    assert out["tracker"]["dialect"] == "postgresql"
    assert out["tracker"]["db"] == "tellonce_tracker" and out["tracker"]["password"] == "pw"
    assert out["lock"] == "redis" and out["lock_url"] == "redis"


def test_rasa_image_and_tracker_store_have_their_own_credentials() -> None:
    """Rasa's image ships the encrypting tracker store; compose and Kubernetes give the tracker
    database a user of its own and Rasa its key ring, never the app's secrets."""
    dockerfile = (DEPLOY / "rasa" / "Dockerfile").read_text()
    assert "COPY deploy/rasa/tracker" in dockerfile and "/opt/tellonce/tracker" in dockerfile
    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    rasa = compose["x-rasa"]
    assert rasa["environment"]["TRACKER_DB_USER"] == "tellonce_tracker"
    assert rasa["env_file"] == "rasa.env"
    assert "tellonce_tracker:" in compose["x-app"]["environment"]["TRACKER_DATABASE_URL"]
    assert "FIELD_ENCRYPTION_KEYS" not in rasa["environment"]
    assert "TRACKER_ENCRYPTION_KEYS" in (DEPLOY / "rasa.env.example").read_text()
    k8s_rasa = next(d for d in yaml.safe_load_all((DEPLOY / "k8s" / "rasa.yaml").read_text())
                    if d and d["kind"] == "Deployment")
    env = {e["name"] for e in k8s_rasa["spec"]["template"]["spec"]["containers"][0]["env"]}
    assert env == {"TRACKER_DB_PASSWORD", "TRACKER_ENCRYPTION_KEYS", "ACTION_SERVER_SECRET"}
    assert "CREATE ROLE tellonce_tracker" in (DEPLOY / "postgres-init.sh").read_text()
