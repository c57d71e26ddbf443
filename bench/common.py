"""What every benchmark shares: Django on a scratch database, the corpora read at run time, one line per figure.

Corpus text is never copied into the repository: files are read from --corpus (default ../shared/corpora).
"""

import argparse
import csv
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("PARLEY_CORPORA", REPO.parent / "shared" / "corpora"))
DEFAULT_PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
SEED = 20260101
FAILED: list[str] = []
csv.field_size_limit(10_000_000)


# --- arguments and output ------------------------------------------------------------------------


def parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder holding bbc/, reuters21578/, ...")
    p.add_argument("--pg", default=DEFAULT_PG, help="PostgreSQL server URL without a database name")
    return p


def figure(name: str, value: float, target: str, ok: bool, unit: str = "") -> bool:
    """One line per measured figure: name, value, target, PASS|FAIL."""
    shown = f"{value:.3f}" if isinstance(value, float) else str(value)
    print(f"{name:<40} {shown + unit:>14}  {target:<14} {'PASS' if ok else 'FAIL'}", flush=True)
    if not ok:
        FAILED.append(name)
    return ok


def finish() -> None:
    """Exit status 1 when any figure missed its target, so `make bench` says so."""
    sys.exit(1 if FAILED else 0)


def note(text: str) -> None:
    """Context that is not a figure (kept apart from figure lines by a leading '#')."""
    print(f"# {text}", flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


@contextmanager
def stopwatch() -> Iterator[Callable[[], float]]:
    """Elapsed seconds, readable during and after the block."""
    start, end = time.perf_counter(), None

    def elapsed() -> float:
        return (end or time.perf_counter()) - start

    try:
        yield elapsed
    finally:
        end = time.perf_counter()


def machine() -> str:
    import platform

    with open("/proc/cpuinfo") as cpuinfo:
        cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "?")
    load = os.getloadavg()[0]
    return (
        f"{platform.node()}, {os.cpu_count()} CPU ({cpu}), Python {platform.python_version()}, "
        f"load {load:.1f}, code {code_version()}"
    )


def code_version() -> str:
    """The commit measured, and whether the application code differed from it (read-only git)."""
    import subprocess

    def git(*args: str) -> str:
        result = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, check=False)  # noqa: S603,S607
        return result.stdout.strip()

    dirty = git("status", "--porcelain", "--", "articles", "entities", "config")
    return f"{git('rev-parse', '--short', 'HEAD') or 'unknown'}{' + uncommitted changes' if dirty else ''}"


# --- corpora: file lists only; the text stays where it is -----------------------------------------


def _hash_file(path: Path) -> str:
    """Same identity as articles.models.content_hash, without Django: duplicates are left out of a sample."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def unique(paths: list[Path]) -> list[Path]:
    seen: set[str] = set()
    kept = []
    for path in paths:
        digest = _hash_file(path)
        if digest not in seen:
            seen.add(digest)
            kept.append(path)
    return kept


def _check(folder: Path) -> Path:
    if not folder.is_dir():
        sys.exit(f"corpus folder {folder} not found: pass --corpus (see docs/benchmarks.md)")
    return folder


def politics_sample(corpus: Path, limit: int) -> list[Path]:
    """BBC politics and Wikinews 2019-2020 (news about officials), duplicates out, shuffled with a fixed seed."""
    bbc = sorted(_check(corpus / "bbc" / "politics").glob("*.txt"))
    wikinews = sorted(_check(corpus / "wikinews_2019_2020" / "articles").glob("*.txt"))
    files = unique(bbc + wikinews)
    random.Random(SEED).shuffle(files)
    return files[:limit]


def reuters_sample(corpus: Path, limit: int) -> list[Path]:
    """Dated Reuters articles about officials and institutions first (PEOPLE/ORGS tags or topic trade), shuffled."""
    root = _check(corpus / "reuters21578")
    with open(root / "index.tsv", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    political = [r for r in rows if r["people"] or r["orgs"] or "trade" in r["topics"].split(",")]
    rest = [r for r in rows if r not in political]
    rng = random.Random(SEED)
    rng.shuffle(political)
    rng.shuffle(rest)
    files = unique([root / r["file"] for r in political + rest][: int(limit * 1.2) + 50])
    return files[:limit]


def total_bytes(paths: list[Path]) -> int:
    return sum(p.stat().st_size for p in paths)


# --- databases ----------------------------------------------------------------------------------


def pg_admin(server: str):
    import psycopg

    return psycopg.connect(f"{server.rstrip('/')}/postgres", autocommit=True)


def pg_create(server: str, name: str) -> str:
    """A new empty database (dropped first if a previous run left it); its URL."""
    from psycopg import sql

    with pg_admin(server) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return f"{server.rstrip('/')}/{name}"


def pg_drop(server: str, name: str) -> None:
    from psycopg import sql

    with pg_admin(server) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def sqlite_url() -> str:
    """A scratch SQLite file in a temporary folder that is removed when the script ends."""
    import atexit
    import shutil

    folder = tempfile.mkdtemp(prefix="parley-bench-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return f"sqlite:///{folder}/bench.sqlite3"


def django_setup(database_url: str) -> None:
    """Django with production-like settings (DEBUG off, so no query log grows) on the given database."""
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-key-never-used-to-serve")
    os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")
    os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT_MS", "0")  # building 100,000 articles is a batch job
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    import django

    django.setup()


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def empty_tables() -> None:
    """Every row gone, so each repetition ingests into an empty knowledge base."""
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)


def child_env(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="config.settings.local",
        DJANGO_DEBUG="0",
        DJANGO_LOG_LEVEL="WARNING",
    )
    env.setdefault("DATABASE_STATEMENT_TIMEOUT_MS", "0")
    env.setdefault("DJANGO_SECRET_KEY", "bench-only-key-never-used-to-serve")
    return env
