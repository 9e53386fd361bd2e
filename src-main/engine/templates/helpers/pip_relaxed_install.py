"""Install a package whose dependency tree asks for a release the package index does not have.

pip cannot override a dependency's version bound. So: install the package, and the packages of
its own family it pins exactly (fastmcp pins fastmcp-slim), without dependencies; then install
everything they require, with the bounds of the named packages dropped.

    python pip_relaxed_install.py fastmcp==3.4.11 --relax certifi
"""

import importlib
import importlib.metadata as md
import subprocess
import sys

from pip._vendor.packaging.requirements import Requirement
from pip._vendor.packaging.specifiers import SpecifierSet
from pip._vendor.packaging.utils import canonicalize_name


def pip_install(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", "install", "--disable-pip-version-check", "-q", *args], check=True)


def main(root: str, relax: set[str]) -> None:
    family = canonicalize_name(Requirement(root).name)
    pending, done, deps = [Requirement(root)], set(), set()
    while pending:
        req = pending.pop()
        if canonicalize_name(req.name) in done:
            continue
        done.add(canonicalize_name(req.name))
        pip_install("--no-deps", f"{req.name}{req.specifier}")
        importlib.invalidate_caches()
        extras = req.extras or {""}
        for raw in md.requires(req.name) or []:
            dep = Requirement(raw)
            if dep.marker is not None and not any(dep.marker.evaluate({"extra": e}) for e in extras):
                continue
            dep.marker = None
            name = canonicalize_name(dep.name)
            if name.startswith(family) and str(dep.specifier).startswith("=="):
                pending.append(dep)
                continue
            if name in relax:
                dep.specifier = SpecifierSet("")
            deps.add(str(dep))
    pip_install(*sorted(deps))


if __name__ == "__main__":
    args = sys.argv[1:]
    relaxed = {canonicalize_name(a) for i, a in enumerate(args) if i > 0 and args[i - 1] == "--relax"}
    main(args[0], relaxed)
