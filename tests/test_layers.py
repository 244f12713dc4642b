"""The layers keep their direction: bot -> flows -> storage."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(package: str) -> dict[str, set[str]]:
    found = {}
    for path in (ROOT / package).rglob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = names
    return found


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("flows", {"telegram", "sqlalchemy", "aiohttp", "bot"}),
        ("storage", {"telegram", "aiohttp", "bot", "flows"}),
    ],
)
def test_lower_layers_do_not_reach_up_or_sideways(package: str, forbidden: set[str]):
    offenders = {
        path: names & forbidden
        for path, names in imported_modules(package).items()
        if names & forbidden
    }
    assert offenders == {}


def test_only_bot_imports_telegram():
    users = {
        path
        for package in ("bot", "flows", "storage")
        for path, names in imported_modules(package).items()
        if "telegram" in names
    }
    assert users and all(path.startswith("bot/") for path in users)


def test_flows_reach_neither_sqlalchemy_nor_telegram_even_indirectly():
    """Every module under flows/ imported on its own, in a fresh interpreter: what it
    pulls in, however deep, must not include the database or the chat platform."""
    import subprocess
    import sys

    script = (
        "import importlib, pkgutil, sys, flows\n"
        "for m in pkgutil.walk_packages(flows.__path__, 'flows.'):\n"
        "    importlib.import_module(m.name)\n"
        "loaded = {n.split('.')[0] for n in sys.modules}\n"
        "print(sorted(loaded & {'sqlalchemy', 'telegram', 'aiohttp', 'bot'}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
