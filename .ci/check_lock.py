"""Offline check that each lock file is current with the requirements file it was compiled from (`make lock`).

pip-compile --check would resolve against the index; CI must not need the network. This reads the files alone:
every pin of a .in file (and of the .in files it includes with -r) is in its lock at that version, every package
the lock says it took from a .in file is still named there, and every locked package carries hashes.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCKS = ["requirements.txt", "requirements-dev.txt", "bench/load/requirements.txt"]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(\S+)")
VIA_INPUT = re.compile(r"#\s+(?:via\s+)?-r\s+(\S+\.in)")


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(source: Path) -> dict[str, str]:
    """The pinned requirements of a .in file and of those it includes, by normalised name."""
    found: dict[str, str] = {}
    for line in source.read_text().splitlines():
        line = line.split(" #")[0].strip()
        if line.startswith("-r "):
            found |= pins(source.parent / line[3:].strip())
        elif match := PIN.match(line):
            found[norm(match[1])] = match[2]
    return found


def locked(lock: Path) -> tuple[dict[str, str], dict[str, set[str]], set[str]]:
    """The lock's versions, the .in files each package came from directly, and the packages with no hash."""
    versions: dict[str, str] = {}
    inputs: dict[str, set[str]] = {}
    unhashed: set[str] = set()
    current = ""
    for line in lock.read_text().splitlines():
        if match := PIN.match(line):
            current = norm(match[1])
            versions[current] = match[2]
            inputs[current] = set()
            if not line.rstrip().endswith("\\"):
                unhashed.add(current)
        elif current and (via := VIA_INPUT.search(line)):
            inputs[current].add(Path(via[1]).name)
    return versions, inputs, unhashed


def problems(lock: Path) -> list[str]:
    source = lock.with_suffix(".in")
    wanted = pins(source)
    versions, inputs, unhashed = locked(lock)
    found = [
        f"{name}=={v} is in {source.name} but {lock.name} has {versions.get(name, 'nothing')}"
        for name, v in wanted.items()
        if versions.get(name) != v
    ]
    found += [
        f"{name} is locked as a requirement of {', '.join(sorted(ins))}, which no longer names it"
        for name, ins in inputs.items()
        if ins and name not in wanted
    ]
    found += [f"{name} has no hash in {lock.name}" for name in sorted(unhashed)]
    return found


def main() -> int:
    failures = [f"{lock}: {p}" for lock in LOCKS for p in problems(ROOT / lock)]
    for failure in failures:
        print(failure)
    if failures:
        print("The lock files are stale: run `make lock` and commit them.")
        return 1
    print(f"lock files current: {', '.join(LOCKS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
