"""The CSS purge (which selectors and rules it keeps or drops) and the one stylesheet the pages link."""

import os
from pathlib import Path

import pytest
import tinycss2

from edition.site.bundle import BUNDLE, bundle_stylesheets
from edition.site.purge import RUNTIME_CLASSES, content_tokens, purge_stylesheet, site_tokens

TOKENS = {"used", "other", "usedid", "show"}


def purge(css: str) -> str:
    return purge_stylesheet(css, TOKENS)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_rules_with_unused_classes_go_and_used_ones_stay():
    assert purge(".unused{color:red}") == ""
    assert purge(".used{color:red}") == ".used{color:red}\n"
    assert purge("div.used > p.other:hover{color:red}") == "div.used > p.other:hover{color:red}\n"
    assert purge(".used .unused{color:red}") == ""
    assert purge(".used.unused{color:red}") == ""


def test_only_the_used_selectors_of_a_list_stay():
    assert purge(".used, .unused {color:red}") == ".used{color:red}\n"
    assert purge(".unused,\n  p .used ,.other{margin:0}") == "p .used,.other{margin:0}\n"


def test_ids_are_required_like_classes():
    assert purge("#unusedid{color:red}") == ""
    assert purge("#usedid{color:red}") == "#usedid{color:red}\n"


def test_tags_attributes_and_pseudo_classes_never_rule_a_selector_out():
    for selector in ["body", "*", ":root", "a:hover", "p::before", "svg|rect", "[hidden]"]:
        assert purge(selector + "{margin:0}") == selector + "{margin:0}\n"
    css = 'html[data-theme=dark] .used,[class*="unused"]{color:red}'
    assert purge(css) == 'html[data-theme=dark] .used,[class*="unused"]{color:red}\n'


def test_classes_inside_functional_pseudo_classes_are_not_required():
    assert purge(":not(.unused){color:red}") == ":not(.unused){color:red}\n"
    css = ".used:not(.unused, #unusedid){color:red}"
    assert purge(css) == css + "\n"
    for pseudo in [":is(.unused, .used)", ":where(.unused)", "a:has(> .unused)"]:
        assert purge(pseudo + "{color:red}") == pseudo + "{color:red}\n"
    # the selector's own classes still count
    assert purge(".unused:is(.used){color:red}") == ""


def test_escaped_class_names():
    # ".\31 0" is the class "10"; "sm:flex" is no single word of a page, so it is kept
    assert purge(r".\31 0{color:red}") == ""
    assert purge_stylesheet(r".\31 0{color:red}", {"10"}) == r".\31 0{color:red}" + "\n"
    assert purge(r".sm\:flex{display:flex}") == r".sm\:flex{display:flex}" + "\n"


def test_lists_with_vendor_pseudo_elements_are_kept_whole_or_dropped():
    css = ".used::-moz-selection,.unused::selection{color:red}"
    assert purge(css) == css + "\n"
    assert purge(".unused::-moz-selection,.unused::selection{color:red}") == ""


def test_media_blocks_are_purged_inside_and_dropped_when_empty():
    assert purge("@media (max-width:600px){.unused{color:red}}") == ""
    css = "@media (max-width:600px){.used{color:red} .unused{color:blue}}"
    assert purge(css) == "@media (max-width:600px){.used{color:red}}\n"
    nested = "@supports (display:grid){@media print{.unused{color:red}}}"
    assert purge(nested) == ""
    layered = "@layer base{.used{color:red}.unused{color:blue}}"
    assert purge(layered) == "@layer base{.used{color:red}}\n"


def test_other_at_rules_are_kept_untouched():
    for css in [
        '@charset "UTF-8";',
        '@import "../basic.css";',
        "@layer a,b;",
        '@font-face{font-family:"Font Awesome 6 Free";src:url(fa.woff2) format("woff2")}',
        "@keyframes fa-spin{0%{transform:rotate(0)}to{transform:rotate(1turn)}}",
        "@page{margin:1cm}",
    ]:
        assert purge(css) == css + "\n"


def test_declarations_and_custom_properties_are_kept_exactly():
    css = ":root{--pst-color: #fff; --empty:;--x:{a:b}; color : var( --pst-color ) !important }"
    assert purge(css) == css + "\n"


def test_only_licence_comments_are_kept():
    css = "/*! Bootstrap, MIT */\n/* a note */\n.used{color:red}"
    assert purge(css) == "/*! Bootstrap, MIT */\n.used{color:red}\n"


def test_purging_is_deterministic_and_idempotent():
    css = (
        '@charset "UTF-8";\n/*! licence */\n:root{--a:1}\n.used, .unused, #usedid {color:red}\n'
        "@media (min-width: 960px) { .used .other { margin: 0 } .unused { margin: 1px } }\n"
        r".\31 0, .sm\:flex, a:not(.unused) { color: blue }"
    )
    once = purge(css)
    assert once == purge(css)
    assert purge(once) == once
    assert ".unused" not in once.replace(":not(.unused)", "")
    assert not [node for node in tinycss2.parse_stylesheet(once) if node.type == "error"]


def test_content_tokens_reads_pages_and_scripts(tmp_path: Path):
    write(tmp_path / "book" / "page.html", '<div class="bd-main used_1">x</div>')
    write(tmp_path / "app.js", 'el.classList.add("show");')
    write(tmp_path / "notes.txt", "ignored")
    tokens = content_tokens(tmp_path)
    assert {"bd-main", "used_1", "show", "classList", "div"} <= tokens
    assert "ignored" not in tokens
    assert "bd" not in tokens


def test_site_tokens_add_the_classes_scripts_assemble(tmp_path: Path):
    write(tmp_path / "index.html", '<main class="used"></main>')
    tokens = site_tokens(tmp_path)
    # vega builds "role-" + role at run time: no script holds the whole class name
    assert (
        "used" in tokens and "role-axis-domain" in tokens and "role-axis-domain" in RUNTIME_CLASSES
    )


def test_the_bundle_joins_purges_and_rebases_the_stylesheets(tmp_path: Path):
    static = tmp_path / "_static"
    write(static / "styles" / "theme.css", '@charset "utf-8";\n@import "../basic.css";\n')
    write(static / "basic.css", ".used{background:url(file.png)}\n.unused{color:blue}\n")
    write(
        static / "styles" / "pydata.css",
        "@font-face{font-family:x;src:url(../vendor/fa.woff2)}\n.show{display:block}\n",
    )
    write(
        static / "edition.css",
        '.used{background:url("img/a.svg")}\n.other{background:url(data:image/png;base64,AA==)}\n',
    )
    size = bundle_stylesheets(
        static, ["styles/theme.css", "styles/pydata.css", "edition.css"], TOKENS
    )
    text = read(static / BUNDLE)
    assert size == len(text.encode())
    assert text == (
        "/* edition bundle: styles/theme.css styles/pydata.css edition.css */\n"  # its parts, named
        ".used{background:url(../file.png)}\n"  # imported in place, URL from styles/
        "@font-face{font-family:x;src:url(../vendor/fa.woff2)}\n.show{display:block}\n"
        '.used{background:url("../img/a.svg")}\n.other{background:url(data:image/png;base64,AA==)}\n'
    )
    # an unchanged bundle is not written again
    os.utime(static / BUNDLE, ns=(0, 0))
    bundle_stylesheets(static, ["styles/theme.css", "styles/pydata.css", "edition.css"], TOKENS)
    assert (static / BUNDLE).stat().st_mtime_ns == 0


def test_the_bundle_refuses_a_missing_sheet_and_a_foreign_import(tmp_path: Path):
    static = tmp_path / "_static"
    with pytest.raises(ValueError, match="no stylesheet to bundle"):
        bundle_stylesheets(static, [], TOKENS)
    with pytest.raises(FileNotFoundError, match="gone.css"):
        bundle_stylesheets(static, ["gone.css"], TOKENS)
    write(static / "cdn.css", '@import "https://cdn.example/x.css";\n')
    with pytest.raises(ValueError, match=r"cdn\.css: @import of 'https://cdn.example/x.css'"):
        bundle_stylesheets(static, ["cdn.css"], TOKENS)


MALFORMED = [".used{color:red}}", ".used{color:red}\n.unused", '.used{content:"a\n}', "a) .used{}"]


@pytest.mark.parametrize("css", MALFORMED)
def test_malformed_stylesheets_are_refused_with_the_file_named(tmp_path: Path, css: str):
    write(tmp_path / "broken.css", css)
    with pytest.raises(ValueError, match=r"broken\.css: CSS parse error at line \d+, column \d+"):
        bundle_stylesheets(tmp_path, ["broken.css"], {"used"})
    assert not (tmp_path / BUNDLE).exists(), "nothing is half-written"


def test_malformed_rule_inside_a_media_block_is_refused():
    with pytest.raises(ValueError, match=r"line 2, column \d+: EOF reached"):
        purge("@media print{\n  .used}")
