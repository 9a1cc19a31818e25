"""What the data page shows: the tables of the package, their sizes and their columns."""

import json
from html import escape

import pandas as pd
from IPython.display import HTML

from .paths import DATA_DIR
from .tables import load_table


def _resources() -> list[dict]:
    return json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))["resources"]


def table_summary() -> pd.DataFrame:
    """One row per table: file, title, number of rows, description."""
    return pd.DataFrame(
        [
            {
                "file": resource["path"],
                "title": resource["title"],
                "rows": len(load_table(resource["name"])),
                "what a row is": resource["description"],
            }
            for resource in _resources()
        ]
    ).set_index("file")


def schema_tables() -> HTML:
    """The columns of every table (name, type, required, description), one HTML table each."""
    parts = []
    for resource in _resources():
        rows = "".join(
            f"<tr><td><code>{escape(field['name'])}</code></td><td>{escape(field.get('type', 'string'))}"
            f"{' (EDTF date)' if field.get('edtf') else ''}</td>"
            f"<td>{'yes' if field.get('constraints', {}).get('required') else ''}</td>"
            f"<td>{escape(field.get('description', ''))}"
            f"{' One of: ' + escape(', '.join(field['constraints']['enum'])) + '.' if 'enum' in field.get('constraints', {}) else ''}</td></tr>"
            for field in resource["schema"]["fields"]
        )
        parts.append(
            f"<table class='schema-table'><caption><code>{escape(resource['path'])}</code>: {escape(resource['title'])}</caption>"
            f"<thead><tr><th scope='col'>column</th><th scope='col'>type</th><th scope='col'>required</th><th scope='col'>description</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
    return HTML("".join(parts))
