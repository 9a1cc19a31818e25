"""Command line: ``python -m edition build|pdf|check|vendor|bib|register`` (``--help`` says what each does)."""

import argparse
import sys
from pathlib import Path

from .paths import DATA_DIR


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m edition")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the data package; list every problem")
    check.add_argument("data_dir", nargs="?", type=Path, default=DATA_DIR)
    commands.add_parser(
        "vendor", help="refresh the served vega libraries from npm at Altair's versions"
    )
    commands.add_parser(
        "bib", help="write book/references.bib and book/bibliography.md from data/works.csv"
    )
    commands.add_parser("register", help="write book/people.md from data/people.csv")
    from .site.build import add_arguments, build

    add_arguments(
        commands.add_parser(
            "build",
            help="build the book: notebooks run in parallel into the cache, nothing run when nothing changed",
        )
    )
    pdf = commands.add_parser(
        "pdf", help="print the built book to one PDF (_build/html/edition.pdf) with Chromium"
    )
    pdf.add_argument("root", nargs="?", type=Path, default=Path("."))
    args = parser.parse_args(argv)

    if args.command == "pdf":
        from .site.pdf import PrintError, make_pdf

        try:
            print(f"wrote {make_pdf(args.root)}")
            return 0
        except PrintError as error:
            print(error, file=sys.stderr)
            return 1

    if args.command == "build":
        try:
            return build(args.root, args.strict, args.jobs)
        except RuntimeError as error:  # a notebook failed: its traceback, not ours
            print(error, file=sys.stderr)
            return 1

    if args.command == "vendor":
        from .site.vendor import vendor

        vendor()
        return 0
    if args.command == "bib":
        from .citations import BIB_PATH, BIBLIOGRAPHY_PATH, bibliography_markdown, bibtex
        from .tables import load_works

        BIB_PATH.write_text(bibtex(load_works()), encoding="utf-8")
        BIBLIOGRAPHY_PATH.write_text(bibliography_markdown(), encoding="utf-8")
        print(f"wrote {BIB_PATH} and {BIBLIOGRAPHY_PATH}")
        return 0
    if args.command == "register":
        from .register import REGISTER_PATH, register_markdown
        from .tables import load_people, load_sources

        REGISTER_PATH.write_text(register_markdown(load_people(), load_sources()), encoding="utf-8")
        print(f"wrote {REGISTER_PATH}")
        return 0
    from .data import DataError
    from .tables import validate_and_cache

    try:
        report, _ = validate_and_cache(
            args.data_dir
        )  # valid: the typed tables are cached for the loaders
    except DataError as error:
        for problem in error.problems:
            print(problem)
        print(f"{len(error.problems)} problem(s) in {args.data_dir}", file=sys.stderr)
        return 1
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
