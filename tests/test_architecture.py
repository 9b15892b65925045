"""The layout's promises (docs/architecture.md): no import cycles between modules (at import time or through an
import inside a function), settings reach every command that analyses, and the printable report needs no web
stack."""

from __future__ import annotations

import ast
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from multipolar.cli.app import app

from .conftest import GOLD, ROOT
from .handmade_store import Row, write_store

PACKAGE = ROOT / "src" / "multipolar"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _tree(path: Path) -> ast.Module:
    """A module's syntax tree, parsed once for all the checks here."""
    return ast.parse(path.read_text(encoding="utf-8"))


def _imported(node: ast.Import | ast.ImportFrom, modules: set[str]) -> set[str]:
    """The multipolar modules one import statement names (`from a import b` names `a.b` when that is a module)."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names} & modules
    if node.level or not node.module:
        return set()
    found = set()
    for alias in node.names:
        submodule = f"{node.module}.{alias.name}"
        found.add(submodule if submodule in modules else node.module)
    return found & modules


def _module_level_imports(path: Path, modules: set[str]) -> set[str]:
    """The multipolar modules a module imports when it is imported: its top-level statements only (imports
    inside functions run later; `if TYPE_CHECKING:` blocks never run)."""
    found: set[str] = set()
    for node in _tree(path).body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found |= _imported(node, modules)
    return found


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and (
        (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING")
        or (isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING"))


def _all_imports(path: Path, modules: set[str]) -> dict[str, int]:
    """Every multipolar module a module imports, at its top or inside a function (those run when the
    function is called), with the line of the first such import. `if TYPE_CHECKING:` blocks are left out:
    they never run, and `from __future__ import annotations` keeps the names they bring as text."""
    found: dict[str, int] = {}
    pending: list[ast.AST] = [_tree(path)]
    while pending:
        node = pending.pop()
        if _is_type_checking(node):
            assert isinstance(node, ast.If)
            pending.extend(node.orelse)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            for module in _imported(node, modules):
                found[module] = min(found.get(module, node.lineno), node.lineno)
        pending.extend(ast.iter_child_nodes(node))
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_level_import_cycle() -> None:
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(paths)
    graph = {name: _module_level_imports(path, modules) - {name} for name, path in paths.items()}
    assert _cycles(graph) == []


KNOWN_FUNCTION_LEVEL_CYCLES: list[list[str]] = []
"""Cycles that close only through an import inside a function: a debt each; the list may only shrink (web/'s
api-app-pages cycle was the last, broken by the web/pages/ split)."""


def _describe(cycle: list[str], graph: dict[str, dict[str, int]], paths: dict[str, Path]) -> str:
    links = [f"{a} imports {b} ({paths[a].relative_to(ROOT)}:{graph[a][b]})"
             for a in cycle for b in cycle if b in graph[a]]
    return "an import cycle, counting imports inside functions:\n    " + "\n    ".join(links)


def test_no_import_cycle_even_inside_functions() -> None:
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(paths)
    graph = {name: {m: line for m, line in _all_imports(path, modules).items() if m != name}
             for name, path in paths.items()}
    new = [c for c in _cycles({name: set(found) for name, found in graph.items()})
           if c not in KNOWN_FUNCTION_LEVEL_CYCLES]
    assert not new, "\n".join(_describe(cycle, graph, paths) for cycle in new)


def test_the_import_reader_sees_imports_inside_functions_and_skips_type_checking(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from typing import TYPE_CHECKING\nimport multipolar.a\nif TYPE_CHECKING:\n"
                      "    from multipolar.b import B\nelse:\n    import multipolar.e\n"
                      "def f() -> None:\n    from multipolar import c\n"
                      "    from multipolar.d import thing\n", encoding="utf-8")
    modules = {"multipolar", "multipolar.a", "multipolar.b", "multipolar.c", "multipolar.d", "multipolar.e"}
    assert _all_imports(module, modules) == {"multipolar.a": 2, "multipolar.e": 6, "multipolar.c": 8,
                                             "multipolar.d": 9}
    assert _module_level_imports(module, modules) == {"multipolar.a"}


def _commands(group: typer.Typer) -> list[typer.models.CommandInfo]:
    found = list(group.registered_commands)
    for sub in group.registered_groups:
        assert sub.typer_instance is not None
        found += _commands(sub.typer_instance)
    return found


def test_every_command_takes_settings() -> None:
    import inspect

    missing = []
    for command in _commands(app):
        assert command.callback is not None
        if "settings_file" not in inspect.signature(command.callback).parameters:
            missing.append(command.callback.__name__)
    assert missing == [], f"commands without --settings: {missing}"


STORE_COMMANDS = [["show", "x"], ["upgrade"], ["export", "-f", "gdelt", "-o", "{tmp}/out.tsv"], ["dyad", "CHN", "RUS"],
                  ["top"], ["blocs"], ["flows"], ["test-claim", "SANCTION USA->RUS", "GOLDSTEIN CHN<->RUS"],
                  ["causal"], ["report"]]


@pytest.mark.parametrize("command", STORE_COMMANDS, ids=[c[0] for c in STORE_COMMANDS])
def test_a_store_command_reads_its_settings_file(tmp_path: Path, command: list[str]) -> None:
    """Each command reads `--settings` before it does anything: a file naming an unknown setting is its error."""
    db = tmp_path / "small.duckdb"
    db.touch()  # never opened: the settings come first
    settings = tmp_path / "bad.yaml"
    settings.write_text("no_such_setting: 1\n", encoding="utf-8")
    args = [a.format(tmp=tmp_path) for a in command]
    done = CliRunner().invoke(app, [*args, "--db", str(db), "--settings", str(settings)])
    assert done.exit_code == 1, done.output
    assert "unknown settings" in done.stderr and "no_such_setting" in done.stderr
    assert "Traceback" not in done.output


def test_actors_list_reads_its_actors_files_from_the_settings(tmp_path: Path) -> None:
    plain_file, mine_file = tmp_path / "plain.yaml", tmp_path / "mine.yaml"
    plain_file.write_text("knowledge_base: false\n", encoding="utf-8")  # the curated tables only: faster to load
    mine_file.write_text(f"knowledge_base: false\nactors_files: ['{GOLD / 'fictional_actors.yaml'}']\n",
                         encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(app, ["actors", "list", "--kind", "state", "--settings", str(plain_file)])
    mine = runner.invoke(app, ["actors", "list", "--kind", "state", "--settings", str(mine_file)])
    assert plain.exit_code == 0 and mine.exit_code == 0
    assert "\nVLD\tValdoria\t" not in plain.stdout
    assert "\nVLD\tValdoria\t" in mine.stdout


NO_WEB = """
import importlib.abc, sys
class NoWeb(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"fastapi", "starlette", "uvicorn", "plotly"}:
            raise ImportError(f"{name} is not installed here")
sys.meta_path.insert(0, NoWeb())
from pathlib import Path
from multipolar.corpus import store
from multipolar.present.report import corpus_report, document_report, dyad_report
from tests.handmade_store import Row, write_store
db = Path(sys.argv[1])
write_store(db, [Row("CHN", "RUS", "2023-03-01", 5.0, 1), Row("RUS", "CHN", "2023-04-01", 4.0, 1)])
connection = store.connect(db, read_only=True)
analysis = store.read_analysis(connection, connection.execute("SELECT min(id) FROM documents").fetchone()[0])
connection.close()
pages = [corpus_report(db), dyad_report(db, "CHN", "RUS"), document_report(analysis)]
assert all("<html" in page for page in pages)
assert not any(name.startswith("multipolar.web") for name in sys.modules), sorted(sys.modules)
print("rendered", len(pages))
"""


def test_the_report_renders_without_the_web_stack(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", NO_WEB, str(tmp_path / "small.duckdb")], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "rendered 3"


STAGES = ["errors|settings|records|contract|data_files", "ingest", "coding", "nlp", "model", "pipeline",
          "corpus|evaluate", "present", "web", "cli", "__init__|__main__"]
"""The stages in the order a document meets them: a module imports only from its own stage or earlier ones."""
KNOWN_BACKWARD = {
    ("multipolar.ingest.read", "multipolar.nlp.dates"),  # date normalising, inside a function; it needs no spaCy
    ("multipolar.ingest.read", "multipolar.nlp.limits"),  # the per-document time limit, inside a function
}
"""Debts, each imported inside a function (so no cycle at import time); the list may only shrink."""


def _stage(module: str) -> int:
    name = module.split(".")[1] if "." in module else "__init__"
    return next(i for i, stage in enumerate(STAGES) if name in stage.split("|"))


def test_imports_point_down_the_flow() -> None:
    backward = set()
    for path in PACKAGE.rglob("*.py"):
        me = _module_name(path)
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("multipolar."):
                assert node.module is not None
                if _stage(node.module) > _stage(me):
                    backward.add((me, node.module))
    assert backward == KNOWN_BACKWARD


def test_the_export_command_offers_what_the_registry_lists(tmp_path: Path) -> None:
    from multipolar.corpus.export import FORMATS

    db = tmp_path / "small.duckdb"
    write_store(db, [Row("CHN", "RUS", "2023-03-01", 5.0, 1)])
    runner = CliRunner()
    refused = runner.invoke(app, ["export", "--db", str(db), "-f", "nosuch", "-o", str(tmp_path / "x")])
    assert refused.exit_code == 2 and all(name in refused.output for name in FORMATS)
    for name in FORMATS:
        target = tmp_path / f"out-{name}"
        done = runner.invoke(app, ["export", "--db", str(db), "-f", name, "-o", str(target)])
        assert done.exit_code == 0, (name, done.output)
        assert target.exists() and f"to {target}" in " ".join(done.stderr.split())


def test_data_files_skip_comments_and_blank_lines_and_refuse_a_table_line_without_a_value() -> None:
    from multipolar.data_files import data_lines, word_list, word_table
    from multipolar.errors import DataFileError

    assert "alliance" in word_list("claims/relation_nouns.txt")
    assert not any(line.startswith("#") or not line for line in data_lines("claims/hedges.txt"))
    assert word_table("claims/effect_verbs.tsv")["weaken"] == "-1"
    with pytest.raises(DataFileError, match=r"relation_nouns\.txt: entry 1 "):
        word_table("claims/relation_nouns.txt")
    with pytest.raises(DataFileError, match=r"cannot read the data file claims/none\.txt"):
        data_lines("claims/none.txt")


def test_named_lists_gather_a_list_over_lines_and_split_its_words() -> None:
    """Both multi-list files read one way: the figure reader's (a word a line) and the event coder's ('|')."""
    from multipolar.data_files import named_lists
    from multipolar.errors import DataFileError

    figures = named_lists("figures/words.tsv")
    assert {"barrel", "bushel"} <= figures["goods_units"]
    coding = named_lists("coding/word_lists.tsv")
    assert "list" not in coding and {"say", "state", "claim"} <= coding["say_verbs"]
    with pytest.raises(DataFileError, match=r"relation_nouns\.txt: entry 1 "):
        named_lists("claims/relation_nouns.txt")


def test_no_module_over_500_lines_and_no_function_over_60() -> None:
    """Issue #18's size limits: a module that grows past them is split by what it reads, not left to grow."""
    too_big = []
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").count("\n")
        if lines > 500:
            too_big.append(f"{path.relative_to(PACKAGE)}: {lines} lines")
        for node in ast.walk(_tree(path)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno is not None:
                length = node.end_lineno - node.lineno + 1
                if length > 60:
                    too_big.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}: {length} lines")
    assert not too_big, "over the size limits (500 lines a module, 60 a function):\n" + "\n".join(too_big)
