"""Reading and validating the edition's data package (``data/datapackage.json``).

``check_package`` finds every problem in the package and reports each as
``file:row:column: value — what was expected``; the loaders refuse a package with any problem
(``DataError``) and otherwise return typed pandas DataFrames. Frictionless checks the Table
Schema (types, required fields, enums, unique and primary keys, foreign keys); this module adds
what Table Schema cannot say: strict UTF-8, EDTF dates and their order, `;`-separated lists of
ids that must resolve, and excerpts that must be verbatim in the source texts.

Custom descriptor properties used in datapackage.json:
- field ``"edtf": true`` — the value is an EDTF date; loaders add ``<field>_earliest`` and
  ``<field>_latest`` columns;
- field ``"listOf": {"resource": R, "field": F}`` — a `;`-separated list of ids of R.F;
- field ``"verbatimIn": F`` — the value is a verbatim quotation of the source text named by the
  row's field F (checked when the source texts are present);
- resource ``"dateOrder": [[a, b], …]`` — date a is not later than date b where both are given;
- resource ``"valueOrder": [[a, b], …]`` — number a is not greater than number b where both are given.

Rules between tables (trials and their defendants, defendants and people, claims and excerpts,
series and the statistical tables) are in ``_cross_table_problems``.
"""

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .dates import date_bounds
from .paths import DATA_DIR, seeds_dir

LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None  # line number in the file (the header is line 1)
    column: str | None
    value: str | None
    expected: str

    def __str__(self) -> str:
        where = ":".join(
            str(part) for part in (self.file, self.row, self.column) if part is not None
        )
        value = "" if self.value is None else f"{self.value!r} — "
        return f"{where}: {value}{self.expected}"


class DataError(ValueError):
    """A data package that breaks its rules; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        listing = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(f"{len(problems)} problem(s) in the data package:\n{listing}")


@dataclass
class CheckReport:
    problems: list[Problem]
    rows: dict[str, int]
    excerpts_checked: int
    excerpts_skipped_reason: str | None
    quotes_checked: int = 0

    def summary(self) -> str:
        tables = ", ".join(f"{name} {count}" for name, count in self.rows.items())
        verbatim = (
            f"{self.excerpts_checked} excerpts and {self.quotes_checked} quoted claims verbatim in their source texts"
            if self.excerpts_skipped_reason is None
            else f"verbatim check SKIPPED: {self.excerpts_skipped_reason}"
        )
        return f"data package valid: {len(self.rows)} tables ({tables}); {verbatim}"


# --- reading ------------------------------------------------------------------------------


def _descriptor(data_dir: Path) -> dict:
    return json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))


def _read_text(path: Path, file: str, problems: list[Problem]) -> str | None:
    """The file's text if it exists, is non-empty and is UTF-8; else record why not."""
    if not path.is_file():
        problems.append(
            Problem(
                file, None, None, None, "file missing: every table in datapackage.json must exist"
            )
        )
        return None
    raw = path.read_bytes()
    if not raw.strip():
        problems.append(
            Problem(file, None, None, None, "file is empty: expected a header row and data")
        )
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start : error.start + 1]
        problems.append(
            Problem(
                file,
                line,
                None,
                repr(byte),
                f"byte {error.start} is not UTF-8: files must be UTF-8",
            )
        )
        return None


def _split_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]


def _raw_frame(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


# --- checking -----------------------------------------------------------------------------


def _header_problems(descriptor: dict, frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Each table's header must name the fields of its schema, in order. Until every header does,
    no other check runs: checked by position, the columns would all be wrong, and the rules that
    read a missing column, in its table or in another, could not be applied."""
    problems = []
    for resource in descriptor["resources"]:
        frame = frames.get(resource["name"])
        if frame is None:
            continue
        expected = [field["name"] for field in resource["schema"]["fields"]]
        found = list(frame.columns)
        missing = [name for name in expected if name not in found]
        unknown = [name for name in found if name not in expected]
        header = ",".join(expected)
        for name in missing:
            problems.append(
                Problem(
                    resource["path"],
                    1,
                    name,
                    None,
                    f"column missing from the header: expected a column {name!r} (header must be: {header})",
                )
            )
        for name in unknown:
            problems.append(
                Problem(
                    resource["path"],
                    1,
                    name,
                    name,
                    f"unknown column: expected only the fields of the schema in datapackage.json ({header})",
                )
            )
        if not missing and not unknown and found != expected:
            problems.append(
                Problem(
                    resource["path"],
                    1,
                    None,
                    ",".join(found),
                    f"columns out of order: expected {header}",
                )
            )
    return problems


def _frictionless_problems(data_dir: Path, descriptor: dict, readable: set[str]) -> list[Problem]:
    """Schema, key and foreign-key problems, as found by frictionless, for the readable tables."""
    import frictionless  # imported here: a kernel that reads the cached tables never needs it

    resources = [resource for resource in descriptor["resources"] if resource["path"] in readable]
    package = frictionless.Package({**descriptor, "resources": resources}, basepath=str(data_dir))
    report = package.validate(limit_errors=100_000)
    paths = {resource["name"]: resource["path"] for resource in resources}
    problems = []
    for task in report.tasks:
        for error in task.errors:
            column = getattr(error, "field_name", None) or getattr(error, "label", None)
            if getattr(error, "type", "") == "foreign-key":
                column = (
                    ", ".join(error.field_names) if getattr(error, "field_names", None) else column
                )
            value = getattr(error, "cell", None)
            problems.append(
                Problem(
                    paths.get(task.name, task.name),
                    getattr(error, "row_number", None),
                    column,
                    value,
                    f"{error.title}: {error.note}",
                )
            )
    for error in report.errors:
        problems.append(
            Problem("datapackage.json", None, None, None, f"{error.title}: {error.note}")
        )
    return problems


def _ids(frames: dict[str, pd.DataFrame], resource: str, field: str) -> set[str]:
    frame = frames.get(resource)
    return set() if frame is None or field not in frame else set(frame[field])


def _custom_problems(descriptor: dict, frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Dates, their order and lists of ids: the rules Table Schema cannot express."""
    problems = []
    for resource in descriptor["resources"]:
        frame = frames.get(resource["name"])
        if frame is None:
            continue
        file = resource["path"]
        fields = {field["name"]: field for field in resource["schema"]["fields"]}
        bounds: dict[str, list] = {}
        for name, field in fields.items():
            if name not in frame:
                continue
            if field.get("edtf"):
                bounds[name] = []
                for line, value in enumerate(frame[name], start=2):
                    parsed = None
                    if value:
                        try:
                            parsed = date_bounds(value)
                        except ValueError as error:
                            problems.append(
                                Problem(
                                    file,
                                    line,
                                    name,
                                    value,
                                    f"expected an EDTF date such as 1927-11-14, 1929-01, 1936~ ({error})",
                                )
                            )
                    bounds[name].append(parsed)
            if "listOf" in field:
                target = field["listOf"]
                known = _ids(frames, target["resource"], target["field"])
                for line, value in enumerate(frame[name], start=2):
                    for item in _split_list(value):
                        if item not in known:
                            problems.append(
                                Problem(
                                    file,
                                    line,
                                    name,
                                    item,
                                    f"unknown id: expected a {target['field']} of {target['resource']}.csv",
                                )
                            )
        for earlier, later in resource.get("dateOrder", []):
            for index, (first, second) in enumerate(
                zip(bounds.get(earlier, []), bounds.get(later, []))
            ):
                if first and second and first.earliest > second.latest:
                    problems.append(
                        Problem(
                            file,
                            index + 2,
                            later,
                            frame[later].iloc[index],
                            f"date before {earlier} ({frame[earlier].iloc[index]}): expected {later} not earlier than {earlier}",
                        )
                    )
        for smaller, larger in resource.get("valueOrder", []):
            for line, (low, high) in enumerate(
                zip(frame.get(smaller, []), frame.get(larger, [])), start=2
            ):
                if low.isdigit() and high.isdigit() and int(low) > int(high):
                    problems.append(
                        Problem(
                            file,
                            line,
                            smaller,
                            low,
                            f"greater than {larger} ({high}): expected {smaller} ≤ {larger}",
                        )
                    )
    return problems


def _annotation_problems(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Each annotation's span must be a verbatim part of its excerpt."""
    annotations, excerpts = frames.get("annotations"), frames.get("excerpts")
    if annotations is None or excerpts is None:
        return []
    texts = dict(zip(excerpts["excerpt_id"], excerpts["text"]))
    return [
        Problem(
            "annotations.csv",
            line,
            "span",
            row.span,
            f"not found in the text of excerpt {row.excerpt_id}",
        )
        for line, row in enumerate(annotations.itertuples(), start=2)
        if row.excerpt_id in texts and row.span not in texts[row.excerpt_id]
    ]


def _overlap(first: str, second: str) -> bool:
    """Whether two EDTF dates can denote the same day (unparseable dates are reported elsewhere)."""
    try:
        a, b = date_bounds(first), date_bounds(second)
    except ValueError:
        return True
    return a.earliest <= b.latest and b.earliest <= a.latest


def _cross_table_problems(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Rules that join two tables: each fact stated twice must be stated the same way."""
    problems = []
    people = frames.get("people")
    people_by_id = {} if people is None else {row.person_id: row for row in people.itertuples()}
    for line, person in enumerate(people_by_id.values(), start=2):
        status = getattr(
            person, "rehabilitation_status", "rehabilitated"
        )  # a missing column is reported by the schema check
        if getattr(person, "rehabilitated", "") and status != "rehabilitated":
            problems.append(
                Problem(
                    "people.csv",
                    line,
                    "rehabilitation_status",
                    status,
                    f"a rehabilitation date is given ({person.rehabilitated}): expected 'rehabilitated'",
                )
            )
    trials, defendants = frames.get("trials"), frames.get("defendants")
    if trials is not None and defendants is not None:
        counts = defendants["trial_id"].value_counts()
        for line, row in enumerate(trials.itertuples(), start=2):
            listed = int(counts.get(row.trial_id, 0))
            if row.defendants_count.isdigit() and int(row.defendants_count) != listed:
                problems.append(
                    Problem(
                        "trials.csv",
                        line,
                        "defendants_count",
                        row.defendants_count,
                        f"expected {listed}, the rows of defendants.csv for {row.trial_id}",
                    )
                )
    if defendants is not None:
        for line, row in enumerate(defendants.itertuples(), start=2):
            person = people_by_id.get(row.person_id)
            if person is None:
                continue  # reported by the foreign key check
            if row.sentence == "death" and row.sentence_years:
                problems.append(
                    Problem(
                        "defendants.csv",
                        line,
                        "sentence_years",
                        row.sentence_years,
                        "expected empty for a death sentence",
                    )
                )
            if row.sentence == "imprisonment" and not row.sentence_years:
                problems.append(
                    Problem(
                        "defendants.csv",
                        line,
                        "sentence_years",
                        "",
                        "expected the years of imprisonment",
                    )
                )
            if (
                row.fate in ("executed", "died-in-custody")
                and row.fate_date
                and person.died
                and not _overlap(row.fate_date, person.died)
            ):
                problems.append(
                    Problem(
                        "defendants.csv",
                        line,
                        "fate_date",
                        row.fate_date,
                        f"expected the date of death in people.csv for {row.person_id} ({person.died})",
                    )
                )
            if row.fate == "executed" and person.death_manner != "executed":
                problems.append(
                    Problem(
                        "defendants.csv",
                        line,
                        "fate",
                        row.fate,
                        f"people.csv gives death_manner {person.death_manner!r} for {row.person_id}: expected the same manner of death",
                    )
                )
            if (
                row.rehabilitated
                and person.rehabilitated
                and not _overlap(row.rehabilitated, person.rehabilitated)
            ):
                problems.append(
                    Problem(
                        "defendants.csv",
                        line,
                        "rehabilitated",
                        row.rehabilitated,
                        f"expected the rehabilitation date in people.csv for {row.person_id} ({person.rehabilitated})",
                    )
                )
    claims, excerpts, sources = frames.get("claims"), frames.get("excerpts"), frames.get("sources")
    if claims is not None:
        excerpt_rows = (
            {} if excerpts is None else {row.excerpt_id: row for row in excerpts.itertuples()}
        )
        kinds = {} if sources is None else dict(zip(sources["source_id"], sources["kind"]))
        for line, row in enumerate(claims.itertuples(), start=2):
            if kinds.get(row.source_id, "source-text") != "source-text":
                problems.append(
                    Problem(
                        "claims.csv",
                        line,
                        "source_id",
                        row.source_id,
                        "expected one of the five source texts (kind source-text)",
                    )
                )
            if not row.quote and not row.excerpt_id:
                problems.append(
                    Problem(
                        "claims.csv",
                        line,
                        "quote",
                        "",
                        "expected the verbatim quote or an excerpt_id",
                    )
                )
            excerpt = excerpt_rows.get(row.excerpt_id)
            if excerpt is not None and excerpt.source_id != row.source_id:
                problems.append(
                    Problem(
                        "claims.csv",
                        line,
                        "excerpt_id",
                        row.excerpt_id,
                        f"an excerpt of {excerpt.source_id}: expected an excerpt of {row.source_id}",
                    )
                )
            if excerpt is not None and row.quote and row.quote not in excerpt.text:
                problems.append(
                    Problem(
                        "claims.csv",
                        line,
                        "quote",
                        row.quote[:40] + "…",
                        f"expected words of excerpt {row.excerpt_id}",
                    )
                )
            if row.verdict != "unverifiable" and not row.reference_source_ids.strip():
                problems.append(
                    Problem(
                        "claims.csv",
                        line,
                        "reference_source_ids",
                        "",
                        f"a {row.verdict or 'judged'} claim must name the references it was checked against",
                    )
                )
    estimates = frames.get("estimates")
    if estimates is not None:
        for line, row in enumerate(estimates.itertuples(), start=2):
            if not (row.low or row.high or row.point):
                problems.append(
                    Problem(
                        "estimates.csv", line, "point", "", "expected a figure: low, high or point"
                    )
                )
    series = frames.get("series")
    if series is not None:
        described = set(zip(series["table"], series["column"]))
        for line, row in enumerate(series.itertuples(), start=2):
            table = frames.get(row.table)
            if table is not None and row.column not in table:
                problems.append(
                    Problem(
                        "series.csv",
                        line,
                        "column",
                        row.column,
                        f"expected a column of {row.table}.csv",
                    )
                )
        annual = frames.get("repression_annual")
        for column in [] if annual is None else annual.columns:
            if (
                column not in ("year", "source_ids", "note")
                and ("repression_annual", column) not in described
            ):
                problems.append(
                    Problem(
                        "repression_annual.csv",
                        1,
                        column,
                        column,
                        "expected a row in series.csv naming this column's archival source and publication",
                    )
                )
    return problems


def _source_texts(
    frames: dict[str, pd.DataFrame], seeds: Path
) -> tuple[dict[str, str], list[Problem], str | None]:
    """The source texts by source_id, read from ``seeds``; or why they could not be read."""
    sources = frames.get("sources")
    if sources is None:
        return {}, [], "the sources table could not be read"
    if not seeds.is_dir():
        return {}, [], f"source texts not found at {seeds} (set EDITION_SEEDS)"
    texts, problems = {}, []
    for line, row in enumerate(sources.itertuples(), start=2):
        if not row.seed_file:
            continue
        path = seeds / row.seed_file
        if path.is_file():
            texts[row.source_id] = path.read_text(encoding="utf-8")
        else:
            problems.append(
                Problem("sources.csv", line, "seed_file", row.seed_file, f"no such file in {seeds}")
            )
    return texts, problems, None


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _excerpt_problems(
    frames: dict[str, pd.DataFrame], texts: dict[str, str]
) -> tuple[list[Problem], int]:
    """Each excerpt must be the exact text at its locator (line = paragraph, char_start) in its source."""
    excerpts = frames.get("excerpts")
    if excerpts is None:
        return [], 0
    problems, checked = [], 0
    for line, row in enumerate(excerpts.itertuples(), start=2):
        source_text = texts.get(row.source_id)
        if source_text is None:
            continue  # an unknown source is reported by the foreign key check
        try:
            start, paragraph = int(row.char_start), int(row.paragraph)
        except ValueError:
            continue  # a non-integer locator is reported by the schema check
        checked += 1
        if source_text[start : start + len(row.text)] != row.text:
            found = source_text.find(row.text)
            hint = (
                "text not found anywhere in the source"
                if found < 0
                else f"text found at char_start {found}"
            )
            problems.append(
                Problem(
                    "excerpts.csv",
                    line,
                    "text",
                    row.text[:40] + "…",
                    f"not verbatim at char_start {start} of {row.source_id}: {hint}",
                )
            )
        elif _line_of(source_text, start) != paragraph:
            problems.append(
                Problem(
                    "excerpts.csv",
                    line,
                    "paragraph",
                    str(paragraph),
                    f"expected {_line_of(source_text, start)}, the line of {row.source_id} where the text starts",
                )
            )
    return problems, checked


def _occurrences(text: str, part: str) -> list[int]:
    starts, index = [], text.find(part)
    while index >= 0:
        starts.append(index)
        index = text.find(part, index + 1)
    return starts


def _quotation_problems(
    descriptor: dict, frames: dict[str, pd.DataFrame], texts: dict[str, str]
) -> tuple[list[Problem], int]:
    """Fields marked ``verbatimIn`` must quote their row's source text exactly (and at its paragraph)."""
    problems, checked = [], 0
    for resource in descriptor["resources"]:
        frame = frames.get(resource["name"])
        if frame is None:
            continue
        for field in resource["schema"]["fields"]:
            source_field = field.get("verbatimIn")
            if not source_field or field["name"] not in frame or source_field not in frame:
                continue
            for line, (quote, source_id) in enumerate(
                zip(frame[field["name"]], frame[source_field]), start=2
            ):
                source_text = texts.get(source_id)
                if not quote or source_text is None:
                    continue
                checked += 1
                starts = _occurrences(source_text, quote)
                if not starts:
                    problems.append(
                        Problem(
                            resource["path"],
                            line,
                            field["name"],
                            quote[:40] + "…",
                            f"not found verbatim in the source text {source_id}",
                        )
                    )
                    continue
                paragraph = frame["paragraph"].iloc[line - 2] if "paragraph" in frame else ""
                lines = sorted({_line_of(source_text, start) for start in starts})
                if paragraph.isdigit() and int(paragraph) not in lines:
                    problems.append(
                        Problem(
                            resource["path"],
                            line,
                            "paragraph",
                            paragraph,
                            f"expected {' or '.join(map(str, lines))}, the line of {source_id} where the quote begins",
                        )
                    )
    return problems, checked


def check_package(data_dir: Path = DATA_DIR, seeds: Path | None = None) -> CheckReport:
    """Every problem in the data package at ``data_dir`` (an empty list when it is valid)."""
    data_dir = Path(data_dir)
    problems: list[Problem] = []
    try:
        descriptor = _descriptor(data_dir)
    except (OSError, json.JSONDecodeError) as error:
        return CheckReport(
            [Problem("datapackage.json", None, None, None, f"cannot read the descriptor: {error}")],
            {},
            0,
            "no descriptor",
        )
    frames: dict[str, pd.DataFrame] = {}
    for resource in descriptor["resources"]:
        if _read_text(data_dir / resource["path"], resource["path"], problems) is not None:
            try:
                frames[resource["name"]] = _raw_frame(data_dir / resource["path"])
            except pd.errors.ParserError as error:
                problems.append(
                    Problem(
                        resource["path"], None, None, None, f"not a well-formed CSV table ({error})"
                    )
                )
    problems += _header_problems(descriptor, frames)
    if (
        problems
    ):  # a file that cannot be read, or a header that is not the schema's: fix these first
        return CheckReport(
            problems,
            {name: len(frame) for name, frame in frames.items()},
            0,
            "the tables could not all be read",
        )
    readable = {
        resource["path"] for resource in descriptor["resources"] if resource["name"] in frames
    }
    problems += _frictionless_problems(data_dir, descriptor, readable)
    problems += _custom_problems(descriptor, frames)
    problems += _annotation_problems(frames)
    problems += _cross_table_problems(frames)
    texts, missing, skipped = _source_texts(frames, seeds_dir() if seeds is None else Path(seeds))
    excerpt_problems, checked = _excerpt_problems(frames, texts)
    quotation_problems, quotes_checked = _quotation_problems(descriptor, frames, texts)
    problems += missing + excerpt_problems + quotation_problems
    rows = {name: len(frame) for name, frame in frames.items()}
    return CheckReport(problems, rows, checked, skipped, quotes_checked)


# --- typed tables ---------------------------------------------------------------------------


def validated_tables(data_dir: Path = DATA_DIR) -> tuple[CheckReport, dict[str, pd.DataFrame]]:
    """The check's report and every table as a typed DataFrame; DataError if the package has any
    problem (nothing is returned half-loaded). This validates the whole package, which takes
    seconds: the loaders read the tables from a cache instead (``edition.tables``)."""
    report = check_package(data_dir)
    if report.problems:
        raise DataError(report.problems)
    return report, {
        resource["name"]: _typed(resource, data_dir)
        for resource in _descriptor(data_dir)["resources"]
    }


def _typed(resource: dict, data_dir: Path) -> pd.DataFrame:
    frame = _raw_frame(data_dir / resource["path"])
    for field in resource["schema"]["fields"]:
        name, kind = field["name"], field.get("type", "string")
        if kind == "integer":
            frame[name] = pd.to_numeric(frame[name].replace("", None)).astype("Int64")
        elif kind == "number":
            frame[name] = pd.to_numeric(frame[name].replace("", None)).astype("Float64")
        elif kind == "boolean":
            frame[name] = frame[name].map({"true": True, "false": False}).astype("boolean")
        elif "listOf" in field:
            frame[name] = frame[name].map(_split_list)
        if field.get("edtf"):
            bounds = frame[name].map(lambda value: date_bounds(value) if value else None)
            frame[f"{name}_earliest"] = pd.to_datetime(
                bounds.map(lambda b: b.earliest if b else None)
            )
            frame[f"{name}_latest"] = pd.to_datetime(bounds.map(lambda b: b.latest if b else None))
    return frame
