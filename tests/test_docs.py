"""Documentation is checked by the suite: commands, settings and error codes are documented."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from dyadwatch.cli import cli
from dyadwatch.errors import Errors, Warnings
from dyadwatch.settings import Settings, env_name

from conftest import ROOT

DOCS = ROOT / "docs"


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_docs_every_command_is_documented(command: str) -> None:
    assert f"## dyadwatch {command}" in (DOCS / "cli.md").read_text()
    assert f"dyadwatch {command}" in (ROOT / "README.md").read_text()


@pytest.mark.parametrize("name", [f.name for f in fields(Settings)])
def test_docs_every_setting_is_documented(name: str) -> None:
    text = (DOCS / "settings.md").read_text()
    assert f"`{name}`" in text and f"`{env_name(name)}`" in text


@pytest.mark.parametrize("code", [c for c in dir(Errors) if re.fullmatch(r"DW\d+", c)] +
                         [c for c in dir(Warnings) if re.fullmatch(r"W\d+", c)])
def test_docs_every_error_code_is_documented(code: str) -> None:
    assert f"| {code} |" in (DOCS / "cli.md").read_text()
    message = getattr(Errors, code, None) or getattr(Warnings, code)
    assert message.startswith(f"[{code}]")


def test_public_api_is_explicit() -> None:
    import dyadwatch

    assert dyadwatch.__all__ == sorted(dyadwatch.__all__)
    for name in dyadwatch.__all__:
        assert getattr(dyadwatch, name) is not None
