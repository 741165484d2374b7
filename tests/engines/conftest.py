"""Engine tests: a local Ray cluster (one per test module that asks for it), the loaded pipeline, samples.

The cluster is a real `ray start --head` in its own process group, on loopback, with its files in a private
temporary directory, stopped (by its process group, never `ray stop`, which would stop every Ray on the
machine) when the module's tests are done.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from eventwire.samples import load_sample_articles

# Set before anything imports Ray in this process: the driver must agree with the cluster that nodes live
# on loopback (Ray otherwise resolves 127.0.0.1 to the machine's public address) and that auth is off.
CLUSTER_ENV = {"RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0", "RAY_AUTH_MODE": "disabled"}
CLUSTER_CPUS = 2


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop_group(proc: subprocess.Popen) -> None:
    for sig, wait in ((signal.SIGTERM, 3), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(wait)
        except subprocess.TimeoutExpired:
            continue
        if sig == signal.SIGTERM:
            # `ray start --block` exits before its children: finish the group off.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
        return


@pytest.fixture(scope="module")
def ray_cluster():
    """The address of a 2-CPU Ray cluster started for this module."""
    for key, value in CLUSTER_ENV.items():
        os.environ[key] = value
    pytest.importorskip("ray", reason="the ray extra is not installed (pip install 'eventwire[ray]')")
    ray_bin = Path(sys.executable).with_name("ray")
    # Short path: Ray's unix sockets live under it and must stay under the 107-character limit.
    tmp = tempfile.mkdtemp(prefix="ewray", dir="/tmp")
    env = {**os.environ, **CLUSTER_ENV, "RAY_TMPDIR": tmp}
    port = _free_port()
    address = f"127.0.0.1:{port}"
    with open(Path(tmp) / "ray-start.log", "w") as log:
        proc = subprocess.Popen(
            [str(ray_bin), "start", "--head", "--block", "--disable-usage-stats", f"--port={port}",
             "--node-ip-address=127.0.0.1", f"--num-cpus={CLUSTER_CPUS}", "--include-dashboard=false",
             f"--temp-dir={tmp}"],
            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 120
        while True:  # `ray status` right after start may not see the node yet: poll
            status = subprocess.run(
                [str(ray_bin), "status", f"--address={address}"], env=env, capture_output=True, text=True
            )
            if status.returncode == 0 and f"/{CLUSTER_CPUS}.0 CPU" in status.stdout:
                break
            if proc.poll() is not None or time.monotonic() > deadline:
                log_text = (Path(tmp) / "ray-start.log").read_text(errors="replace")[-2000:]
                pytest.fail(f"the local Ray cluster did not start:\n{log_text}\n{status.stderr[-2000:]}")
            time.sleep(1)
        yield address
    finally:
        import ray

        if ray.is_initialized():
            ray.shutdown()
        _stop_group(proc)
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def samples():
    return load_sample_articles()


@pytest.fixture(scope="session")
def local_resources():
    from eventwire.engines.local import load_resources

    return load_resources(None, ())

