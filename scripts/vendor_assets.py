"""Copy the explorer's browser assets from node_modules into api/static/vendor/.

The files and where each comes from are listed in ``api/static/vendor/manifest.json``;
they are committed so that ``make run`` and the wheel need no Node.js.  Run ``make vendor``
after ``npm install`` changes a version; ``tests/web/test_assets.py`` fails until then.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "api" / "static" / "vendor"


def manifest() -> dict[str, str]:
    files: dict[str, str] = json.loads((VENDOR / "manifest.json").read_text("utf-8"))["files"]
    return files


def main() -> int:
    modules = ROOT / "node_modules"
    for name, source in manifest().items():
        path = modules / source
        if not path.is_file():
            print(f"{path}: missing; run npm ci first", file=sys.stderr)
            return 2
        shutil.copyfile(path, VENDOR / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
