"""axe-core (WCAG 2.1 A and AA rules) on every page of the built book, in light and dark mode."""

import json

import pytest
from conftest import ROOT, open_page, require
from test_site import site_pages

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _axe_violations(page) -> list[dict]:
    require(AXE.exists(), f"axe-core is not installed at {AXE} (run `npm ci` at the root)")
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations
             .filter(v => v.impact === 'serious' || v.impact === 'critical')
             .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))""",
        WCAG,
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violation_on_any_page(built_site, site_url, browser, scheme):
    found = {}
    for path in site_pages(built_site):
        context, page, _ = open_page(browser, f"{site_url}/{path}", scheme)
        violations = _axe_violations(page)
        if violations:
            found[path] = violations
        context.close()
    assert not found, (
        f"axe-core ({scheme} mode) found serious or critical violations:\n{json.dumps(found, indent=1)}"
    )
