"""Drop the CSS rules that no page of the built site can use (run once the whole book is written).

Lighthouse finds the theme's render-blocking stylesheets mostly unused on our pages (about 90 %
of pydata-sphinx-theme.css), and a page's first view on a slow phone waits for all of them.
In the spirit of PurgeCSS's default extractor, a selector is kept unless it names a class or
id that no page or script of the site contains (as a ``[A-Za-z0-9_-]+`` word); a rule goes
when none of its selectors is kept. Stylesheets are parsed and written with tinycss2.
"""

import re
from pathlib import Path
from typing import NoReturn

import tinycss2
from tinycss2.ast import (
    Comment,
    CurlyBracketsBlock,
    FunctionBlock,
    HashToken,
    IdentToken,
    LiteralToken,
    Node,
    ParenthesesBlock,
    ParseError,
    QualifiedRule,
    SquareBracketsBlock,
    WhitespaceToken,
)
from tinycss2.serializer import serialize_identifier

_WORD = re.compile(rb"[A-Za-z0-9_-]+")
_PLAIN_NAME = re.compile(r"[A-Za-z0-9_-]+")
# At-rules whose block holds style rules, purged like the stylesheet itself; every other at-rule
# (@font-face, @keyframes, @import, @page, @layer a,b; ...) is kept as it is.
_GROUPING_AT_RULES = {"media", "supports", "layer", "container"}
# Classes that scripts build by joining strings, so that no page or script holds them whole:
# vega's SVG renderer gives each mark "mark-<type> role-<role>" (edition.css styles chart axes
# through them), Bootstrap gives a shown tooltip "bs-tooltip-auto", which places its arrow, and
# reader.js marks each hidden reading layer as "hide-<layer>".
_VEGA_MARKS = "arc area group image line path rect rule shape symbol text trail"
_VEGA_ROLES = (
    "axis axis-domain axis-grid axis-label axis-tick axis-title frame legend legend-band"
    " legend-entry legend-gradient legend-label legend-symbol legend-title mark scope title"
    " title-subtitle title-text"
)
RUNTIME_CLASSES = frozenset(
    [f"mark-{mark}" for mark in _VEGA_MARKS.split()]
    + [f"role-{role}" for role in _VEGA_ROLES.split()]
    + ["bs-tooltip-auto"]
    + [f"hide-{layer}" for layer in ("narrative", "sources", "data", "method")]
)


def content_tokens(site: Path) -> set[str]:
    """Every ``[A-Za-z0-9_-]+`` word of the site's HTML pages and scripts.

    Scripts count because they add classes at run time ("show", "active", search results).
    """
    words: set[str] = set()
    for pattern in ("*.html", "*.js"):
        for path in site.rglob(pattern):
            if path.is_file():
                # bytes, not text: the words are ASCII, so no file can fail to decode
                words.update(word.decode("ascii") for word in _WORD.findall(path.read_bytes()))
    return words


def purge_stylesheet(css: str, tokens: set[str]) -> str:
    """The stylesheet without the selectors (and rules) that name a class or id not in ``tokens``.

    One rule per line; declarations are kept exactly as tinycss2 serializes them. Raises
    ValueError at the first parse error, with its line and column, rather than lose text.
    """
    # comments are kept as nodes so that "/*! ... */" licence notices (Bootstrap, Font Awesome)
    # survive; the others go
    rules = tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=False)
    kept = _purge_rules(rules, tokens)
    return "\n".join(kept) + "\n" if kept else ""


def site_tokens(site: Path) -> set[str]:
    """The words a built site's pages and scripts hold, with the classes its scripts assemble."""
    return content_tokens(site) | RUNTIME_CLASSES


def _purge_rules(rules: list[Node], tokens: set[str]) -> list[str]:
    """The serialized rules that survive, one string per rule."""
    kept: list[str] = []
    for rule in rules:
        if isinstance(rule, ParseError):
            _raise(rule)
        if isinstance(rule, Comment):
            if rule.value.startswith("!"):
                kept.append(rule.serialize())
            continue
        _raise_first_error(rule.prelude)
        _raise_first_error(rule.content or [])
        if isinstance(rule, QualifiedRule):
            prelude = _purge_selectors(rule.prelude, tokens)
            if prelude is not None:
                kept.append(prelude + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.lower_at_keyword in _GROUPING_AT_RULES and rule.content is not None:
            inner = tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True)
            inner_kept = _purge_rules(inner, tokens)
            if inner_kept:
                at_keyword = "@" + serialize_identifier(rule.at_keyword)
                block = "{" + "\n".join(inner_kept) + "}"
                kept.append(at_keyword + tinycss2.serialize(rule.prelude) + block)
        else:
            kept.append(rule.serialize())
    return kept


def _purge_selectors(prelude: list[Node], tokens: set[str]) -> str | None:
    """The selector list without the selectors that cannot match, or None if none can."""
    selectors = _split_selectors(prelude)
    kept = [selector for selector in selectors if _may_match(selector, tokens)]
    if not kept:
        return None
    # A browser drops a whole selector list when one selector is invalid for it, as another
    # engine's vendor-prefixed pseudo-class is: removing that selector alone would switch the
    # others on there, so such a list is kept whole or not at all.
    if any(_has_vendor_pseudo(selector) for selector in selectors):
        kept = selectors
    return ",".join(tinycss2.serialize(selector) for selector in kept)


def _split_selectors(prelude: list[Node]) -> list[list[Node]]:
    """The selectors of a list, split at its top-level commas, without surrounding whitespace."""
    selectors: list[list[Node]] = [[]]
    for token in prelude:
        if _is_literal(token, ","):
            selectors.append([])
        else:
            selectors[-1].append(token)
    return [_trim(selector) for selector in selectors]


def _trim(selector: list[Node]) -> list[Node]:
    # trimmed as tokens, not as text: a trailing "\ " is an escaped space, part of a name
    start, end = 0, len(selector)
    while start < end and isinstance(selector[start], WhitespaceToken):
        start += 1
    while end > start and isinstance(selector[end - 1], WhitespaceToken):
        end -= 1
    return selector[start:end]


def _may_match(selector: list[Node], tokens: set[str]) -> bool:
    """False if the selector names a class or id absent from ``tokens``.

    Only the top level is read: tag names, attributes ([...]) and pseudo-classes never rule a
    selector out, nor do the classes inside :not(), :is(), :where(), :has() and other functions
    (":not(.x)" matches all the more when .x is never used).
    """
    previous: Node | None = None
    for token in selector:
        is_class = isinstance(token, IdentToken) and _is_literal(previous, ".")
        named = is_class or isinstance(token, HashToken)
        # a name with other characters (".sm\:flex") is never one word of the pages: not required
        if named and _PLAIN_NAME.fullmatch(token.value) and token.value not in tokens:
            return False
        previous = token
    return True


def _has_vendor_pseudo(selector: list[Node]) -> bool:
    """Whether the selector has a pseudo-class or -element like ``::-moz-selection``."""
    previous: Node | None = None
    for token in selector:
        if isinstance(token, IdentToken):
            name = token.value
        else:
            name = token.name if isinstance(token, FunctionBlock) else ""
        if _is_literal(previous, ":") and name.startswith("-"):
            return True
        previous = token
    return False


def _is_literal(token: Node | None, value: str) -> bool:
    return isinstance(token, LiteralToken) and token.value == value


def _raise_first_error(nodes: list[Node]) -> None:
    """Raise ValueError at the first parse error in ``nodes`` or in the blocks they contain."""
    for node in nodes:
        if isinstance(node, ParseError):
            _raise(node)
        if isinstance(node, FunctionBlock):
            _raise_first_error(node.arguments)
        elif isinstance(node, (ParenthesesBlock, SquareBracketsBlock, CurlyBracketsBlock)):
            _raise_first_error(node.content)


def _raise(error: ParseError) -> NoReturn:
    where = f"line {error.source_line}, column {error.source_column}"
    raise ValueError(f"CSS parse error at {where}: {error.message}")
