"""Reading the TSV data files of khobor/lang/bn in the data integrity tests."""
import pathlib

import khobor

DATA = pathlib.Path(khobor.__file__).parent / "lang" / "bn"


def lines(name: str) -> list[str]:
    """Return the raw lines of a data file (the last one empty: the file ends with a newline)."""
    return (DATA / name).read_text(encoding="utf-8").split("\n")


def rows(name: str) -> list[list[str]]:
    """Return the rows after the header, split on tabs; fails if the file lacks a final newline."""
    all_lines = lines(name)
    assert all_lines[-1] == "", f"{name} must end with a newline"
    return [line.split("\t") for line in all_lines[1:-1]]
