"""Shared for the export tests: the CLI in a subprocess with the network blocked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from geodata.settings import setting

ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = setting("FEA_CHROMIUM") or "/usr/bin/chromium"


def blocked_env() -> dict:
    """The environment of an export with every outside request failing: Chromium's proxy is a
    closed loopback port (file:// and data: never use it)."""
    env = dict(os.environ)
    env.update({"CHOREO_PROXY_SERVER": "http://127.0.0.1:9", "http_proxy": "http://127.0.0.1:9",
                "https_proxy": "http://127.0.0.1:9", "no_proxy": ""})  # fmt: skip
    return env


def run_export(*args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    """``python app.py export ARGS`` (the command teachers use), network blocked."""
    command = [sys.executable, "app.py", "export", *args]
    return subprocess.run(command, cwd=ROOT, env=blocked_env(), capture_output=True, text=True,
                          timeout=timeout)  # fmt: skip


@pytest.fixture(scope="session")
def needs_chromium():
    if not Path(CHROMIUM).is_file():
        pytest.skip("no chromium")
