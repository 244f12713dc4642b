"""The deployment files as an operator uses them: compose.yaml's secrets and commands, the
image's command and health check, and secrets read from files. (No Docker engine runs
here: the files are read and their commands run against the installed package.)"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from bot.cli import build_parser
from bot.settings import FILE_VARIABLES, SettingsError, load_settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_every_secret_is_a_file_under_secrets_and_none_is_written_in(compose):
    defined = compose["secrets"]
    for name, service in compose["services"].items():
        for secret in service.get("secrets", []):
            assert secret in defined, (name, secret)
        for variable, value in (service.get("environment") or {}).items():
            assert "PASSWORD" not in variable or variable.endswith("_FILE"), variable
            assert "TOKEN" not in variable or variable.endswith("_FILE"), variable
            if variable.endswith("_FILE"):
                assert value.startswith("/run/secrets/"), variable
    assert all(entry["file"].startswith("./secrets/") for entry in defined.values())
    read = {v.removesuffix("_FILE") for v in compose["services"]["bot"]["environment"]}
    assert read <= set(FILE_VARIABLES)  # the bot reads every file it is given


def test_the_commands_of_compose_and_the_image_are_sleutel_commands(compose):
    parser = build_parser()
    command = compose["services"]["bot"]["command"]
    assert command[0] == "sleutel"
    assert parser.parse_args(command[1:]).command == "run"
    dockerfile = (ROOT / "Dockerfile").read_text()
    cmd = re.search(r"^CMD (\[.*\])$", dockerfile, re.M).group(1)
    assert yaml.safe_load(cmd) == command
    listen_port = re.search(r"SLEUTEL_LISTEN=[\d.]+:(\d+)", dockerfile).group(1)
    assert f"127.0.0.1:{listen_port}/healthz" in dockerfile  # the health check asks the bot
    assert re.search(r"^COPY .*\bLICENSE\b", dockerfile, re.M)  # pyproject's license-files
    keys_new = shlex.split("sleutel keys new")
    assert parser.parse_args(keys_new[1:]).command == "keys"


def test_the_webhook_proxy_passes_only_the_webhook(compose):
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text()
    assert "handle /telegram" in caddyfile and "reverse_proxy bot:8080" in caddyfile
    assert compose["services"]["proxy"]["profiles"] == ["webhook"]


def test_secrets_are_read_from_files(tmp_path):
    token = tmp_path / "telegram_token"
    token.write_text("123:abc\n")
    empty = tmp_path / "webhook_secret"
    empty.write_text("")
    settings = load_settings(
        {
            "TELEGRAM_TOKEN_FILE": str(token),
            "SLEUTEL_WEBHOOK_SECRET_FILE": str(empty),
            "SLEUTEL_DATA_DIR": str(tmp_path / "data"),
        }
    )
    assert settings.token() == "123:abc"
    assert settings.webhook_secret is None  # an empty file sets nothing
    with pytest.raises(SettingsError, match=r"^TELEGRAM_TOKEN_FILE: cannot read"):
        load_settings({"TELEGRAM_TOKEN_FILE": str(tmp_path / "missing")})
