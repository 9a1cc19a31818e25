"""One-off migration (issue 14), kept for the record: it ran once, at commit 32f0c49, and its input
14-host-classes.csv (which named the copy and mirror sites) has since been removed.

Originally:: data/works.csv from the two review .bib files and the source map;
sources.csv becomes a list of readings (work + locator), with no copy or mirror host in it."""

import re

import pandas as pd
from pybtex.database import parse_file

REVIEW = "review/issue-14/"
hosts = pd.read_csv(REVIEW + "14-host-classes.csv")
blocked = set(hosts.loc[hosts["class"] != "ok", "host"])
sources = pd.read_csv("data/sources.csv", dtype=str, keep_default_na=False)
mapping = pd.read_csv(REVIEW + "14-source-map.csv", dtype=str, keep_default_na=False).set_index(
    "source_id"
)
read_urls = set(sources["url"])


def host(url):
    return re.sub(r"^https?://([^/:]+).*", r"\1", url).lower()


def names(persons):
    return " and ".join(
        re.sub(r"[{}]", "", str(p)) for p in persons
    )


def clean(text):
    return re.sub(r"[{}]", "", text).replace("--", "–").replace("\\&", "&").strip()


rows = []
for path in ("14-works.bib", "14-works-other.bib"):
    for key, entry in parse_file(REVIEW + path).entries.items():
        f = {k: clean(v) for k, v in entry.fields.items()}
        url = f.get("url", "")
        # a work links only where the address was read (not built from a title) and is not a copy
        if url and (url not in read_urls and path.endswith("other.bib") or host(url) in blocked):
            url = ""
        rows.append(
            {
                "work_id": key,
                "kind": f["kind"],
                "type": entry.type,
                "author": names(entry.persons.get("author", [])),
                "editor": names(entry.persons.get("editor", [])),
                "title": f["title"],
                "form": f.get("howpublished", ""),
                "container": f.get("journal", f.get("booktitle", f.get("series", ""))),
                "volume": f.get("volume", ""),
                "issue": f.get("number", ""),
                "place": f.get("address", ""),
                "publisher": f.get("publisher", ""),
                "year": f.get("year", ""),
                "pages": f.get("pages", ""),
                "url": url,
                "note": f.get("note", ""),
            }
        )
works = pd.DataFrame(rows).drop_duplicates("work_id")
ai = set(mapping.index[mapping["host_problem"] == "ai-generated"])
used = set(mapping.loc[~mapping.index.isin(ai), "work_key"])
works = works[works["work_id"].isin(used)]

GENERIC = set("""10 105 137 ac academic aol appspot archive blogg blogspot cloudfront com deno dob edu epfl
explained fastly franco geocities geschichte gutenberg haohe histoire library linode lema lua luna mises
nina org poal pp primidi princeton reference siha slovar transcend tripod wap wiki workers""".split())
BRANDS = sorted(
    {h.split(".")[-2] for h in blocked if h.count(".") >= 1} - GENERIC
    | {"kiwix", "ipfs", "piglix", "wikisum", "grokipedia", "liquisearch", "wikiwand"},
    key=len,
    reverse=True,
)
# a blocked host in full, or a copy site's distinctive name, with the words that call it a copy
brand = re.compile(
    r"(?:\b(?:the |a |an )?(?:"
    + "|".join(map(re.escape, sorted(blocked, key=len, reverse=True)))
    + r"|(?:[\w-]*\.)?(?:" + "|".join(map(re.escape, BRANDS)) + r")(?:\.[a-z.]+)?)"
    r"(?:/[^\s,;)]*)?(?: (?:copy|mirror|proxy|reprint))?\b)",
    re.IGNORECASE,
)


def scrub(text):
    return re.sub(r"\s{2,}", " ", brand.sub("an online copy", text))


sources["work_id"] = sources["source_id"].map(mapping["work_key"])
sources["locator"] = sources["source_id"].map(mapping["locator"])
sources["url"] = [u if u and host(u) not in blocked else "" for u in sources["url"]]
sources["assessment"] = sources["assessment"].map(scrub)
sources = sources[~sources["source_id"].isin(ai)]
columns = ["source_id", "kind", "work_id", "locator", "seed_file", "url", "assessment"]
sources[columns].to_csv("data/sources.csv", index=False)
works.to_csv("data/works.csv", index=False)
print(len(works), "works;", len(sources), "sources;", len(ai), "AI-generated readings dropped")
