"""The documentation stays in step with the code: every command, option and error code is documented."""
import inspect
import pathlib

from khobor import errors
from khobor.cli import build_parser

DOCS = pathlib.Path(__file__).parent.parent / "docs"
CLI_DOC = (DOCS / "cli.md").read_text(encoding="utf-8")


def _subparsers():
    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return action.choices


def test_docs_every_command_and_option_is_documented():
    for name, sub in _subparsers().items():
        assert f"## khobor {name}" in CLI_DOC, name
        for action in sub._actions:
            for opt in action.option_strings:
                if opt.startswith("--") and opt != "--help":
                    assert opt in CLI_DOC, f"{name} {opt}"


def test_docs_every_error_code_is_documented():
    codes = {cls.code for _, cls in inspect.getmembers(errors, inspect.isclass)
             if issubclass(cls, errors.KhoborError) and cls.code != "E000"}
    for code in codes | {"E999"}:
        assert f"| {code} |" in CLI_DOC, code
