"""The register of people (``book/people.md``), generated from ``data/people.csv``.

Each person gets an index entry (``Surname, First names``), a label ``person-<id>`` that chapters
can link to, their dates and manner of death, rehabilitation and references. ``python -m edition
register`` writes the page; a test checks that it matches the data.
"""

import pandas as pd

from .citations import cite_targets
from .paths import BOOK_DIR

REGISTER_PATH = BOOK_DIR / "people.md"
MANNER_WORDS = {
    "executed": "executed",
    "assassinated": "assassinated",
    "died-in-custody": "died in custody",
    "suicide": "suicide",
    "natural": "natural death",
    "killed-in-action": "killed in action",
    "unknown": "manner of death unknown",
    "": "manner of death not recorded",
}


def index_name(name: str) -> str:
    """'Leon Trotsky' -> 'Trotsky, Leon'; a bracketed alias is dropped."""
    words = name.split(" (")[0].split()
    return f"{words[-1]}, {' '.join(words[:-1])}" if len(words) > 1 else words[0]


def register_markdown(people: pd.DataFrame, sources: pd.DataFrame) -> str:
    """The register page: one entry per person, alphabetical by surname."""
    people = people.assign(sort_name=people["name"].map(index_name)).sort_values("sort_name")
    entries = []
    for person in people.itertuples():
        life = f"{person.born or '?'} – {person.died or '?'}"
        facts = [f"{life}, {MANNER_WORDS[person.death_manner]}."]
        if person.in_testament:
            facts.append("Named in Lenin's Testament.")
        if person.rehabilitated:
            facts.append(f"Rehabilitated {person.rehabilitated}.")
        elif person.rehabilitation_note.startswith("Not applicable"):
            facts.append("Never condemned.")
        elif person.rehabilitation_note:
            facts.append(person.rehabilitation_note.rstrip(".") + ".")
        references = cite_targets(person.source_ids, sources)
        entries.append(
            f"(person-{person.person_id})=\n"
            f"```{{index}} single: {person.sort_name}\n```\n\n"
            f"**{person.name}** ({person.name_ru}). {' '.join(facts)} {{cite:p}}`{references}`\n"
        )
    header = (
        "# People\n\n"
        "% Generated from data/people.csv by `python -m edition register`; do not edit by hand.\n\n"
        "Everyone the edition names, alphabetically by surname, with the dates the references give "
        "(EDTF: `?` uncertain, `~` approximate, `a/b` between two dates, `18XX` century only). "
        "The {ref}`genindex` also lists the pages where each person appears.\n\n"
    )
    return header + "\n".join(entries)
