"""A chapter's figures handed to its prose, read the same way in the book and in JupyterLab.

The prose names a figure as ``{eval}`figures.<name>```. In a live notebook, jupyterlab-myst
evaluates that expression in the kernel, so ``figures`` must be the namespace ``publish`` returns.
The book's build does not evaluate prose (its notebooks run in a cache); the site layer instead
reads ``figures.<name>`` as the value glued here under ``<name>`` (myst-nb's glue).
"""

from types import SimpleNamespace

PROSE_NAMESPACE = "figures"  # the name the prose reads the figures from


class Figure(str):
    """A figure as the prose prints it: its text, without the quotes a string's repr adds."""

    def __repr__(self) -> str:
        return str(self)


def publish(values: dict[str, object]) -> SimpleNamespace:
    """Glue each figure for the book's build and return them all as one namespace for the
    notebook's own prose (assign it to ``figures``)."""
    from myst_nb import glue  # the book's mechanism for passing a kernel's values to its pages

    for name, value in values.items():
        glue(name, value, display=False)
    return SimpleNamespace(
        **{
            name: Figure(value) if isinstance(value, str) else value
            for name, value in values.items()
        }
    )
