"""`python -m bpoprep.content [ROOT]`: validate the curriculum and print what it holds."""

import sys
from pathlib import Path

from .catalogue import DATA_DIR, ContentError, load


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA_DIR
    try:
        cat = load(root)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
    for name, n in cat.counts().items():
        print(f"{name:>22}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
