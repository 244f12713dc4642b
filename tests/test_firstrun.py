"""The first run from a terminal: one clear line for each mistake."""

from __future__ import annotations

import pytest

from bot.cli import main
from bot.settings import SettingsError, load_settings


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith("sleutel ")


def test_an_organisation_with_an_unknown_language_is_refused(capsys):
    with pytest.raises(SystemExit) as done:
        main(["org", "add", "Buurtwerk Noord", "--locale", "xx"])
    assert done.value.code == 2
    assert "invalid choice: 'xx'" in capsys.readouterr().err


def test_settings_errors_carry_no_pydantic_prefix(monkeypatch):
    monkeypatch.setenv("SLEUTEL_TIMEZONE", "Nowhere/Atlantis")
    with pytest.raises(SettingsError) as error:
        load_settings()
    assert "Value error" not in str(error.value)
