"""`python -m bpoprep.content.check_file PATH...`: schema-check single content files.

For writers working on one file at a time: checks each item against its schema (lengths, required
fields, answer indices) without the cross-file references that `bpoprep content check` adds.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import BaseModel

from .catalogue import LIST_FILES, LIST_FOLDERS, ONE_PER_FILE, _Loader
from .schemas import SpeakingDrills


def schema_for(path: Path) -> tuple[type[BaseModel], str]:
    """(schema, shape) for a file, judged by where it sits; shape is 'one', 'list' or 'drills'."""
    for folder, schema in ONE_PER_FILE.items():
        if folder in path.parts:
            return schema, "one"
    for folder, schema in LIST_FOLDERS.items():
        if folder in path.parts:
            return schema, "list"
    if path.name == "speaking.yaml":
        return SpeakingDrills, "drills"
    for rel, (schema, _) in LIST_FILES.items():
        if path.name == Path(rel).name:
            return schema, "list"
    raise SystemExit(f"{path}: cannot tell which kind of content this is from its path")


def check(path: Path) -> tuple[int, list[str]]:
    schema, shape = schema_for(path)
    ld = _Loader(path.parent)
    count = 0
    if shape == "one":
        count = sum(1 for _ in ld.one_per_file_paths([path], schema))
    elif shape == "list":
        count = sum(1 for _ in ld.list_file(path, schema))
    else:
        data = ld.read(path)
        drills = ld.model(schema, data, path) if data is not None else None
        if isinstance(drills, SpeakingDrills):
            count = len(drills.read_aloud) + len(drills.repeat) + len(drills.sentence_build)
    return count, [str(p) for p in ld.problems]


def main(argv: list[str]) -> int:
    failed = False
    for arg in argv:
        count, problems = check(Path(arg))
        for p in problems:
            print(p, file=sys.stderr)
        failed |= bool(problems)
        print(f"{arg}: {count} valid item(s), {len(problems)} problem(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
