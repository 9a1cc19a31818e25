"""Keep only the Font Awesome icons the built pages use (run once the whole book is written).

The theme ships Font Awesome whole: a 157 kB solid-icon font and 72 kB of CSS rules, one per
icon, in its stylesheet, of which the book's pages use about fifteen icons. This step reads
which ``fa-*`` icons the built pages name, drops the other icons' rules from the theme's
stylesheet and subsets the icon fonts to the glyphs those rules still point at (fontTools).
"""

import re
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

THEME_CSS = Path("_static/styles/pydata-sphinx-theme.css")
FONT_DIR = Path("_static/vendor/fontawesome/webfonts")
FONTS = ["fa-solid-900.woff2", "fa-regular-400.woff2", "fa-brands-400.woff2"]
_ICON_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:before,?)+)\{content:"\\([0-9a-f]+)"\}')
_ICON_NAME = re.compile(r"\bfa-[a-z0-9-]+")


def used_icons(site: Path) -> set[str]:
    """Every ``fa-…`` class named in the built pages."""
    names: set[str] = set()
    for page in site.rglob("*.html"):
        names.update(_ICON_NAME.findall(page.read_text(encoding="utf-8")))
    return names


def purge_icon_rules(css: str, keep: set[str]) -> tuple[str, set[int]]:
    """The stylesheet without the rules of unused icons, and the code points still in use."""
    codepoints: set[int] = set()

    def rule(match: re.Match) -> str:
        selectors = [
            s
            for s in match.group(1).rstrip(",").split(",")
            if s[1:].removesuffix(":before") in keep
        ]
        if not selectors:
            return ""
        codepoints.add(int(match.group(2), 16))
        return ",".join(selectors) + '{content:"\\' + match.group(2) + '"}'

    return _ICON_RULE.sub(rule, css), codepoints


def subset_font(path: Path, codepoints: set[int]) -> None:
    """Rewrite a woff2 font with only the glyphs of ``codepoints`` (and what they need)."""
    # recalcTimestamp=False: otherwise the time of saving goes into the font and every build differs
    font = TTFont(path, recalcTimestamp=False)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    font.flavor = "woff2"
    font.save(path)


def slim_icons(site: Path) -> dict[str, int]:
    """Purge the theme's unused icons in a built site; returns the bytes each file now has."""
    css_path = site / THEME_CSS
    if not css_path.exists():
        return {}
    css, codepoints = purge_icon_rules(css_path.read_text(encoding="utf-8"), used_icons(site))
    css_path.write_text(css, encoding="utf-8")
    sizes = {str(THEME_CSS): css_path.stat().st_size}
    for name in FONTS:
        font_path = site / FONT_DIR / name
        if font_path.exists():
            subset_font(font_path, codepoints)
            sizes[name] = font_path.stat().st_size
    return sizes
