"""The engine's examples are tests: every doctest in ``metelkaar.matching`` passes.

They run in ``make test`` with the rest of the suite (no ``--doctest-modules``
needed), and every function of the package's public API has an example.
"""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil

import pytest

import metelkaar.matching

MODULES = sorted(
    f"metelkaar.matching.{info.name}" for info in pkgutil.iter_modules(metelkaar.matching.__path__)
) + ["metelkaar.matching"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests_pass(name: str) -> None:
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    failures: list[str] = []
    for test in finder.find(module, name, globs=vars(module).copy()):
        out: list[str] = []
        result = runner.run(test, out=out.append)
        if result.failed:
            failures.append("".join(out))
    assert not failures, "\n".join(failures)


def test_the_modules_are_found() -> None:
    assert {"metelkaar.matching.propose", "metelkaar.matching.bipartite"} <= set(MODULES)


PUBLIC_FUNCTIONS = sorted(
    name for name in metelkaar.matching.__all__
    if inspect.isfunction(getattr(metelkaar.matching, name))
)


@pytest.mark.parametrize("name", PUBLIC_FUNCTIONS)
def test_every_public_function_has_an_example(name: str) -> None:
    obj = getattr(metelkaar.matching, name)
    assert ">>>" in (obj.__doc__ or ""), f"{name} has no Examples section"
