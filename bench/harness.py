"""
What the benchmark (run.py) and the fault tests (faults.py) share: the production environment
of a gunicorn server, starting and stopping one, plain HTTP requests, wrk and its report, and a
description of the machine.

Everything listens on and talks to 127.0.0.1 only; every wait has a timeout.
"""

import http.client
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = BASE_DIR / ".venv" / "bin" / "python"
GUNICORN = BASE_DIR / ".venv" / "bin" / "gunicorn"
HOST = "127.0.0.1"
# Requested with a query parameter the page cache does not know, so that even on a server with
# the page cache on, hello is never looked up in or stored to the cache: the same bare view on
# every server, the baseline the pages are compared with.
HELLO_PATH = "/bench/hello/?bare=1"


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def production_env(database_url, redis_url, page_cache_seconds, workers, static_root, **extra):
    """The environment of `make serve` (DEBUG off, random key, no HTTPS redirect on plain http),
    pointed at the given database and Redis, with a cache key prefix of its own."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "GUNICORN_", "PAGE_CACHE", "CACHE_KEY", "BENCH_"))
    }
    env.update(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=f"bench-{secrets.token_hex(4)}",
        PAGE_CACHE_SECONDS=str(page_cache_seconds),
        WEB_CONCURRENCY=str(workers),
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="0",
        SERVE_MEDIA="1",
        # The site plus the baseline view (bench/urls.py).
        DJANGO_SETTINGS_MODULE="bench.settings",
        PYTHONPATH=str(BASE_DIR),
        STATIC_ROOT=str(static_root),
        # gunicorn.conf.py recycles a worker every ~10,000 requests. At benchmark rates that is
        # every few seconds, each time re-importing Django: a cost real traffic at these request
        # counts per hour never sees. Recycling is off for the measurements.
        GUNICORN_MAX_REQUESTS="0",
        LOG_LEVEL="WARNING",
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


def manage(env, *args, timeout=600):
    """Run a management command with `env`; raise with its output if it fails."""
    result = subprocess.run(
        [str(PYTHON), "manage.py", *map(str, args)],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


class StaticRoot:
    """A temporary STATIC_ROOT filled by `collectstatic` (WhiteNoise needs its manifest)."""

    def __init__(self, env):
        self.path = Path(tempfile.mkdtemp(prefix="bench-static-"))
        self.env = dict(env, STATIC_ROOT=str(self.path))

    def __enter__(self):
        manage(self.env, "collectstatic", "--noinput", "--verbosity", "0")
        return self.path

    def __exit__(self, *exc):
        shutil.rmtree(self.path, ignore_errors=True)


@dataclass
class Server:
    """A gunicorn master started with the repository's gunicorn.conf.py, on its own port."""

    name: str
    env: dict
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    def start(self, ready_timeout=60):
        env = dict(self.env, PORT=str(self.port), GUNICORN_BIND=f"{HOST}:{self.port}")
        self.log = tempfile.NamedTemporaryFile(prefix=f"bench-{self.name}-", suffix=".log", delete=False)
        self.process = subprocess.Popen(
            [str(GUNICORN), "--config", "gunicorn.conf.py"],
            cwd=BASE_DIR,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn {self.name} exited:\n{self.log_tail()}")
            try:
                if get(self.port, HELLO_PATH, timeout=5).status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn {self.name} did not answer in {ready_timeout} s:\n{self.log_tail()}")

    def worker_pids(self):
        """PIDs of the master's children (the workers), from /proc."""
        children = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # The fields after the command name (in parentheses, may hold spaces): state, ppid, …
            if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid:
                children.append(int(entry.name))
        return sorted(children)

    def log_tail(self, lines=40):
        self.log.flush()
        return "\n".join(Path(self.log.name).read_text(errors="replace").splitlines()[-lines:])

    def stop(self, timeout=30):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if getattr(self, "log", None) is not None:
            self.log.close()
            Path(self.log.name).unlink(missing_ok=True)
            self.log = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes
    seconds: float


def get(port, path, headers=None, timeout=30):
    """GET http://127.0.0.1:port/path on a fresh connection; the whole body is read."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        start = time.perf_counter()
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        seconds = time.perf_counter() - start
        return Response(response.status, dict(response.getheaders()), body, seconds)
    finally:
        connection.close()


def drain(port, timeout=180):
    """Wait until the server has worked off the requests a finished wrk run left in its backlog:
    a request queued behind them is answered only then."""
    try:
        get(port, HELLO_PATH, timeout=timeout)
    except OSError:
        pass


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3, "h": 3600e3}


def _milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text).groups()
    return float(number) * UNITS[unit]


def wrk(port, path, connections, seconds, threads=2, timeout_seconds=60, script=None):
    """Run wrk against 127.0.0.1 and return its figures (latencies in ms)."""
    command = [
        "wrk",
        f"-t{min(threads, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        f"--timeout={timeout_seconds}s",
        "--latency",
    ]
    if script:
        command += ["-s", str(script)]
    command.append(f"http://{HOST}:{port}{path}")
    output = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + timeout_seconds + 30, check=True
    ).stdout
    return parse_wrk(output)


def parse_wrk(output):
    percentiles = {
        int(share): _milliseconds(value)
        for share, value in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)\s*$", output, re.MULTILINE)
    }
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    socket_errors = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    error_counts = map(int, socket_errors.groups()) if socket_errors else (0, 0, 0, 0)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests": requests,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": percentiles.get(50) if requests else None,
        "p90": percentiles.get(90) if requests else None,
        "p99": percentiles.get(99) if requests else None,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "output": output,
        "errors": dict(zip(("connect", "read", "write", "timeout"), error_counts, strict=True)),
    }


def load_average():
    """The 1, 5 and 15 minute load averages."""
    return tuple(float(value) for value in Path("/proc/loadavg").read_text().split()[:3])


def _command_output(*command):
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


def machine(database_url, redis_url):
    """What the figures were measured on."""
    import psycopg
    import redis

    cpu = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.MULTILINE)
    with psycopg.connect(database_url) as connection, connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    memory = _command_output("free", "-h").splitlines()
    changed = _command_output("git", "-C", str(BASE_DIR), "status", "--porcelain", "--", ".", ":!bench")
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        # The code measured: the commit, and files changed since (the benchmark's own excluded).
        "commit": _command_output("git", "-C", str(BASE_DIR), "log", "-1", "--format=%h %s"),
        "uncommitted": changed.splitlines(),
        "nproc": _command_output("nproc"),
        "cpu": cpu.group(1) if cpu else "?",
        "memory": memory[1].split()[1] if len(memory) > 1 else "?",
        "free_h": "\n".join(memory),
        "kernel": platform.release(),
        "python": sys.version.split()[0],
        "postgresql": postgres,
        "redis": redis.Redis.from_url(redis_url, socket_timeout=2).info("server")["redis_version"],
        "wrk": _command_output("wrk", "--version").splitlines()[0] if shutil.which("wrk") else "missing",
    }


def setup_django(env):
    """Set the process up as a Django process with `env` (for in-process measurements)."""
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    if str(BASE_DIR) not in sys.path:
        sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
