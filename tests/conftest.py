"""Shared fixtures: a store built once from the bundled corpus, and a CLI runner."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import graph
from build_graph import cli

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared_or_skip(*parts: str) -> Path:
    """A path under ../shared; under CI its absence is a failure, elsewhere a skip."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{p} is missing: CI must run beside ../shared")
        pytest.skip(f"{p} not available")
    return p


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("seeds") / "store"
    graph.build(store=path)
    return path


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, store: Path, *args: str, input: str | None = None):
    return runner.invoke(cli, ["--store", str(store), *args], input=input, catch_exceptions=False)


def rows(result) -> list[dict[str, str]]:
    data = json.loads(result.output)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]
