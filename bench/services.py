"""
PostgreSQL and Redis of the fault tests' own: started on free ports of 127.0.0.1 in temporary
directories, so that restarting or stopping them disturbs nothing else on the machine, and
deleted afterwards.
"""

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import harness

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def as_postgres(*command, timeout=120):
    return subprocess.run(
        ["runuser", "-u", "postgres", "--", *map(str, command)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )


class ScratchPostgres:
    """A PostgreSQL cluster of its own in a temporary directory, on 127.0.0.1 only."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="bench-pg-"))
        self.data = self.root / "data"
        self.port = harness.free_port()
        self.url = f"postgres://postgres@{harness.HOST}:{self.port}/fr_faults"

    def start(self):
        options = f"-p {self.port} -c listen_addresses={harness.HOST} -k {self.root}"
        as_postgres(PG_BIN / "pg_ctl", "-D", self.data, "-l", self.root / "log", "-o", options, "-w", "start")

    def restart(self):
        # With -l the new server writes to the log, not to our pipes (which would keep
        # subprocess.run waiting until the server exits); the options are those of the last start.
        as_postgres(
            PG_BIN / "pg_ctl", "-D", self.data, "-l", self.root / "log", "-m", "fast", "-w", "restart"
        )

    def vacuum_analyze(self):
        """What autovacuum does soon after a bulk load: planner statistics, visibility map."""
        as_postgres(
            PG_BIN / "vacuumdb", "-h", harness.HOST, "-p", self.port, "--analyze", "fr_faults", timeout=600
        )

    def stop(self):
        as_postgres(PG_BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def is_ready(self):
        command = [str(PG_BIN / "pg_isready"), "-q", "-h", harness.HOST, "-p", str(self.port), "-t", "1"]
        return subprocess.run(command, timeout=10).returncode == 0

    def running(self):
        return (self.data / "postmaster.pid").exists() and self.is_ready()

    def __enter__(self):
        shutil.chown(self.root, "postgres", "postgres")
        as_postgres(PG_BIN / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "-E", "UTF8")
        self.start()
        as_postgres(PG_BIN / "createdb", "-h", harness.HOST, "-p", self.port, "fr_faults")
        return self

    def __exit__(self, *exc):
        try:
            if (self.data / "postmaster.pid").exists():
                self.stop()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


class ScratchRedis:
    """A Redis server of its own, without persistence, on 127.0.0.1 only."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="bench-redis-"))
        self.port = harness.free_port()
        self.url = f"redis://{harness.HOST}:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                harness.HOST,
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
            ]
            + ["--dir", str(self.root)],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not self.running():
            if time.monotonic() > deadline:
                raise RuntimeError("Redis did not start")
            time.sleep(0.05)

    def stop(self):
        subprocess.run(
            ["redis-cli", "-p", str(self.port), "shutdown", "nosave"], capture_output=True, timeout=10
        )
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def running(self):
        if self.process is None or self.process.poll() is not None:
            return False
        ping = subprocess.run(
            ["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True, timeout=5
        )
        return ping.stdout.strip() == "PONG"

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        if self.process is not None and self.process.poll() is None:
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
