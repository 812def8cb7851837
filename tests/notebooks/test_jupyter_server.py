"""The README's analyst command, ``kedro jupyter lab``, starts a Jupyter server that lists the
notebooks and offers the project's Kedro kernel.

Headless: a free port on 127.0.0.1, no browser, a random token, Jupyter's own folders in a
temporary directory (nothing written to the user's ~/.local); stopped at the end, bounded in
time.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT_S = 90


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, token: str) -> dict | list:
    request = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 (localhost only)
        return json.loads(response.read().decode("utf-8"))


@pytest.mark.slow
def test_kedro_jupyter_lab_serves_the_notebooks(tmp_path):
    port, token = _free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "JUPYTER_DATA_DIR": str(tmp_path / "data"),  # kedro installs its kernel spec here
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "IPYTHONDIR": str(tmp_path / "ipython"),
        "KEDRO_DISABLE_TELEMETRY": "1",
    }
    kedro = Path(sys.executable).with_name("kedro")
    command = [
        str(kedro),
        "jupyter",
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
    ]
    if os.geteuid() == 0:  # CI containers run as root; Jupyter refuses that without the flag
        command.append("--allow-root")
    log = (tmp_path / "jupyter.log").open("w")
    # Own process group: kedro starts ``python -m jupyter lab`` as a child; both are stopped.
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        listing = None
        while time.monotonic() < deadline:
            assert server.poll() is None, (tmp_path / "jupyter.log").read_text()
            try:
                listing = _get(f"{base}/api/contents/notebooks", token)
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(1)
        assert listing is not None, (
            f"no answer in {STARTUP_TIMEOUT_S} s:\n" + (tmp_path / "jupyter.log").read_text()
        )
        names = {item["name"] for item in listing["content"] if item["type"] == "notebook"}
        assert {"00_explore_topics.ipynb", "01_topics.ipynb", "02_gaps.ipynb"} <= names, names
        specs = _get(f"{base}/api/kernelspecs", token)
        assert specs["default"] == "kedro_ambassadeurs_pipeline", specs["default"]
        # Without the token the API refuses: the server is not open to anyone on the machine.
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{base}/api/contents/notebooks", timeout=5)  # noqa: S310
        assert refused.value.code == 403
    finally:
        _stop(server)
        log.close()


def _stop(server: subprocess.Popen) -> None:
    """SIGTERM to kedro and the Jupyter server it started (one process group), then SIGKILL."""
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
