"""The floor for the load driver: Rasa's own ``rasa init`` assistant (default pipeline and
policies) with one custom action, built under ``var/bench-floor`` at run time, trained once and
cached. Nothing generated is committed. Its cost per turn is what Rasa itself costs here; ours
divided by it is what the TellOnce assistant adds."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FLOOR = ROOT / "var" / "bench-floor"
VERSION = "1"  # bump when the patch below changes: the cached model is retrained
ACTION = '''from rasa_sdk import Action


class ActionHelloWorld(Action):
    def name(self):
        return "action_hello_world"

    def run(self, dispatcher, tracker, domain):
        dispatcher.utter_message(text="Hello World!")
        return []
'''
# One whole floor conversation: greeting, the custom action, a question, the sad path, goodbye.
SCRIPT = ["hello there", "I am feeling great", "are you a bot?", "hi", "I am sad",
          "yes", "goodbye"]


def _template(rasa_python: Path) -> Path:
    out = subprocess.run(  # noqa: S603 - fixed argv
        [str(rasa_python), "-c",
         "import rasa.cli, pathlib; print(pathlib.Path(rasa.cli.__file__).parent"
         " / 'initial_project')"],
        capture_output=True, text=True, check=True,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
    )
    return Path(out.stdout.strip())


def _key(template: Path) -> str:
    digest = hashlib.sha256(VERSION.encode())
    for path in sorted(template.rglob("*.yml")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def build(rasa_bin: Path) -> Path:
    """Create (or reuse) the floor project and its trained model; return the model path."""
    template = _template(rasa_bin.parent / "python")
    key = _key(template)
    model = FLOOR / "models" / "floor.tar.gz"
    if (FLOOR / ".key").exists() and (FLOOR / ".key").read_text() == key and model.exists():
        return model
    shutil.rmtree(FLOOR, ignore_errors=True)
    shutil.copytree(template, FLOOR, ignore=shutil.ignore_patterns("__pycache__"))
    (FLOOR / "actions" / "actions.py").write_text(ACTION)
    domain = yaml.safe_load((FLOOR / "domain.yml").read_text())
    domain["actions"] = ["action_hello_world"]
    (FLOOR / "domain.yml").write_text(yaml.safe_dump(domain, sort_keys=False))
    stories = (FLOOR / "data" / "stories.yml").read_text()
    # the happy path answers with the custom action instead of a plain response
    happy, rest = stories.split("- story: sad path 1", 1)
    happy = happy.replace("action: utter_happy", "action: action_hello_world")
    (FLOOR / "data" / "stories.yml").write_text(happy + "- story: sad path 1" + rest)
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
    env.pop("VIRTUAL_ENV", None)
    with (FLOOR / "train.log").open("wb") as log:
        subprocess.run(  # noqa: S603
            [str(rasa_bin), "train", "--fixed-model-name", "floor", "--out", "models"],
            cwd=FLOOR, env=env, stdout=log, stderr=subprocess.STDOUT, check=True,
        )
    (FLOOR / ".key").write_text(key)
    return model


@dataclass
class FloorStack:
    """The floor's Rasa server and action server (same SQL tracker store type as ours)."""

    rasa_bin: Path
    model: Path
    rasa_port: int
    action_port: int
    tracker_store: dict
    procs: dict[str, subprocess.Popen] = field(default_factory=dict)

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def start(self) -> None:
        endpoints = FLOOR / f"endpoints-{self.rasa_port}.yml"
        endpoints.write_text(yaml.safe_dump({
            "action_endpoint": {"url": f"http://127.0.0.1:{self.action_port}/webhook"},
            "tracker_store": self.tracker_store,
        }))
        env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2",
               "SANIC_HOST": "127.0.0.1", "PYTHONUNBUFFERED": "1"}
        log = (FLOOR / "actions.log").open("ab")
        self.procs["floor_actions"] = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port",
             str(self.action_port)], cwd=FLOOR, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
        rasa_env = {k: v for k, v in env.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
        log = (FLOOR / "rasa.log").open("ab")
        self.procs["floor_rasa"] = subprocess.Popen(  # noqa: S603
            [str(self.rasa_bin), "run", "-i", "127.0.0.1", "-p", str(self.rasa_port),
             "--model", str(self.model), "--endpoints", str(endpoints)],
            cwd=FLOOR, env=rasa_env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)

    def stop(self) -> None:
        import signal

        for proc in self.procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs.values():
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
