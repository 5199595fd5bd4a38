#!/usr/bin/env python3
"""Lays out the paragraphs of a text file in the five styles of the
paragraph tests (blank lines; indents; short last lines; one paragraph per
line; CRLF with hyphenation) and writes NAME.style-X.in beside NAME.out.
Run by hand to refresh the fixtures; the tests themselves need no Python."""
import sys, textwrap

src, base = sys.argv[1], sys.argv[2]
paras = [" ".join(p.split()) for p in open(src, encoding="utf-8").read().split("\n\n") if p.strip()]
def wrap(p, w):
    return textwrap.wrap(p, w, break_long_words=False, break_on_hyphens=False)
styles = {
    "a": "\n\n".join("\n".join(wrap(p, 72)) for p in paras) + "\n",
    "b": "".join("\n".join(wrap("    " + p, 72)) + "\n" for p in paras),
    "c": "".join("\n".join(wrap(p, 66)) + "\n" for p in paras),
    "d": "".join(p + "\n" for p in paras),
}
# e: CRLF, and long words split by a hyphen at every third line end.
out, n = [], 0
for p in paras:
    lines = wrap(p, 72)
    for i in range(len(lines) - 1):
        n += 1
        words = lines[i + 1].split(" ")
        w = words[0]
        if n % 3 == 0 and len(w) >= 8 and w.isalpha() and len(lines[i]) + 1 + 4 <= 72:
            lines[i] += " " + w[:3] + "-"
            lines[i + 1] = w[3:] + lines[i + 1][len(w):]
    out.append("\r\n".join(lines))
styles["e"] = "\r\n\r\n".join(out) + "\r\n"
for k, v in styles.items():
    open(f"{base}.style-{k}.in", "w", encoding="utf-8", newline="").write(v)
open(f"{base}.out", "w", encoding="utf-8").write("\n\n".join(paras) + "\n")
