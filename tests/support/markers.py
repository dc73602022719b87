"""Which kind a test is (unit, build or browser), read from what it uses rather than from a list.

A test is `browser` if it uses the browser fixtures, `build` if it or one of its fixtures reaches a
site build (a call of `build_site` or `build_with_engine`, of the engine's own `build` function in
the test's process, or a `mkdocs` or `properdocs` `build` command run as a process, followed
through the test package's helper functions and the methods of its classes), and `unit`
otherwise. The markers are registered in pyproject.toml; `--strict-markers` rejects others.
The reading is by names, so a test that names a building helper without calling it is `build`
too: it errs towards the slower kind, never towards a slow `unit` test.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterator

import pytest

BROWSER_FIXTURES = frozenset({"browser", "context", "page"})
BUILD_CALLS = frozenset({"build_site", "build_with_engine"})
ENGINES = frozenset({"mkdocs", "properdocs"})
# Where the engines' own build function lives, for a test that builds in its own process.
ENGINE_BUILD_MODULES = frozenset({f"{engine}.commands.build" for engine in ENGINES})
TEST_PACKAGE = "tests"


def code_objects(code: types.CodeType) -> Iterator[types.CodeType]:
    """A function's code and the code of the functions, lambdas and comprehensions inside it."""
    yield code
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            yield from code_objects(constant)


def runs_an_engine_build(code: types.CodeType) -> bool:
    """Whether the code holds a command such as `python -m mkdocs build` or `properdocs build`."""
    strings = {c for c in code.co_consts if isinstance(c, str)}
    return "build" in strings and bool(strings & ENGINES)


def is_engine_build(value: object) -> bool:
    return callable(value) and getattr(value, "__module__", None) in ENGINE_BUILD_MODULES


def is_ours(value: object) -> bool:
    module = getattr(value, "__module__", None) or getattr(value, "__name__", "")
    return module == TEST_PACKAGE or module.startswith(f"{TEST_PACKAGE}.")


def called_helpers(function: types.FunctionType, names: set[str]) -> Iterator[Callable]:
    """The functions of the test package that `function` names, directly or as module.name."""
    for name in names:
        value = function.__globals__.get(name)
        if isinstance(value, types.ModuleType) and is_ours(value):
            yield from (getattr(value, n) for n in names if callable(getattr(value, n, None)))
        elif isinstance(value, types.FunctionType) and is_ours(value):
            yield value
        elif isinstance(value, type) and is_ours(value):
            yield from (v for v in vars(value).values() if isinstance(v, types.FunctionType))


def reaches_a_build(function: Callable, seen: set[Callable] | None = None) -> bool:
    """Whether calling `function` builds a site, following the test package's own helpers."""
    seen = set() if seen is None else seen
    function = getattr(function, "__wrapped__", function)
    if function in seen or not isinstance(function, types.FunctionType):
        return False
    seen.add(function)
    codes = list(code_objects(function.__code__))
    names = {name for code in codes for name in code.co_names}
    if names & BUILD_CALLS or any(runs_an_engine_build(code) for code in codes):
        return True
    if any(is_engine_build(function.__globals__.get(name)) for name in names):
        return True
    return any(reaches_a_build(helper, seen) for helper in called_helpers(function, names))


def fixture_functions(item: pytest.Function) -> Iterator[Callable]:
    """The functions of every fixture the test uses, its fixtures' fixtures included."""
    for definitions in item._fixtureinfo.name2fixturedefs.values():
        yield from (definition.func for definition in definitions if is_ours(definition.func))


def kind(item: pytest.Function) -> str:
    """The marker the test gets: `browser`, `build` or `unit`."""
    if BROWSER_FIXTURES & set(item.fixturenames):
        return "browser"
    functions = [item.function, *fixture_functions(item)]
    return "build" if any(reaches_a_build(f) for f in functions) else "unit"
