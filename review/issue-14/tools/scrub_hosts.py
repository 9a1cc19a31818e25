"""Issue 14: remove the names of blocked hosts (copies, mirrors) from the text of the data.

A blocked host, with any path after it, becomes 'an online copy'; wording around it that named
the copy ('a X copy', '(X)') is tidied. Usage: python review/issue-14/tools/scrub_hosts.py FILE...
"""

import hashlib
import re
import sys
from pathlib import Path

import pandas as pd

BLOCKED = {
    line.strip()
    for line in Path("tests/blocked_hosts.sha256").read_text().splitlines()
    if line and not line.startswith("#")
}
HOST = re.compile(r"(?:https?://)?((?:[\w-]+\.)+[\w-]{2,})(?:/[^\s,;)'\"]*)?")


def blocked(host: str) -> bool:
    labels = host.lower().removeprefix("www.").split(".")
    return any(
        hashlib.sha256(".".join(labels[i:]).encode()).hexdigest() in BLOCKED
        for i in range(len(labels) - 1)
    )


def scrub(text: str) -> str:
    out = HOST.sub(lambda m: "an online copy" if blocked(m.group(1)) else m.group(0), text)
    out = re.sub(r"\b(?:a|an) an online copy copy\b", "an online copy", out)
    out = re.sub(r"\ban online copy copy\b", "an online copy", out)
    out = re.sub(r"\(an online copy\)", "", out)
    out = re.sub(r"\ban online copy \(an online copy\)", "an online copy", out)
    return re.sub(r"  +", " ", out)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        frame = pd.read_csv(name, dtype=str, keep_default_na=False)
        cleaned = frame.map(lambda value: scrub(value) if "url" not in value[:0] else value)
        for column in [c for c in frame.columns if c == "url"]:
            cleaned[column] = [u if not HOST.match(u) or not blocked(HOST.match(u).group(1)) else "" for u in frame[column]]
        changed = int((cleaned != frame).sum().sum())
        cleaned.to_csv(name, index=False)
        print(f"{name}: {changed} cells scrubbed")
