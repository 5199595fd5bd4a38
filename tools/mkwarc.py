#!/usr/bin/env python3
"""mkwarc.py: web archives of a page corpus, and the way back to scores.

    tools/mkwarc.py [-o DIR] [CORPUS]
        Wraps the pages of CORPUS (default ../shared/corpora/boilerplate/dev:
        html/ID.html, text/ID.txt, urls.tsv with ID<TAB>URL) in
          DIR/NAME.warc.gz      a WARC/1.1 file as a crawler writes it: per
                                page a request, a response (HTTP/1.1 200 with
                                its headers; every third body chunked, every
                                fourth gzip-coded) and a metadata record,
                                one gzip member per record;
          DIR/NAME.warc.wet.gz  a WET file: a conversion record of each
                                page's text rendering, as Common Crawl's;
        NAME is the corpus's split (dev).  DIR defaults to build/warc; the
        script never writes into the repository's tracked files.

    tools/mkwarc.py --split URLS.tsv PREDDIR < OUTPUT
        Cuts the output of a lede filter on such an archive at its
        "==> URL <==" headers and writes each document to PREDDIR/ID.out,
        with ID found from the URL in URLS.tsv, for a scorer's --pred.  It
        says how many documents it wrote and which URLs it did not know or
        did not see, and exits 1 if any.

Python 3 standard library only.  The output is the same bytes on every run.
"""
import argparse
import gzip
import os
import sys
import uuid

DATE = "2024-10-01T12:00:00Z"


def rid(*parts):
    """A record id that is the same on every run."""
    return "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, "/".join(parts))


def record(wtype, body, version="1.1", fields=()):
    head = ["WARC/" + version, "WARC-Type: " + wtype, "WARC-Date: " + DATE]
    head += list(fields)
    head.append("Content-Length: %d" % len(body))
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body + b"\r\n\r\n"


def member(rec):
    return gzip.compress(rec, compresslevel=6, mtime=0)


def chunked(data, size=4000):
    out = b"".join(b"%x\r\n" % len(data[i:i + size]) + data[i:i + size] +
                   b"\r\n" for i in range(0, len(data), size))
    return out + b"0\r\n\r\n"


def http_response(i, html):
    head = ["HTTP/1.1 200 OK", "Date: Tue, 01 Oct 2024 12:00:00 GMT",
            "Server: lede-mkwarc", "Content-Type: text/html; charset=utf-8"]
    body = html
    if i % 4 == 3:
        body = gzip.compress(body, mtime=0)
        head.append("Content-Encoding: gzip")
    if i % 3 == 2:
        body = chunked(body)
        head.append("Transfer-Encoding: chunked")
    else:
        head.append("Content-Length: %d" % len(body))
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def warcinfo(name, what):
    body = ("software: lede tools/mkwarc.py\r\nformat: WARC File Format 1.1\r\n"
            "description: %s\r\n" % what).encode()
    return record("warcinfo", body, fields=(
        "WARC-Record-ID: " + rid(name, "warcinfo"),
        "WARC-Filename: " + name, "Content-Type: application/warc-fields"))


def page_records(i, pid, url, html):
    host = url.split("/")[2] if url.count("/") >= 2 else "localhost"
    req = ("GET /%s HTTP/1.1\r\nHost: %s\r\nUser-Agent: lede-mkwarc\r\n"
           "Accept: text/html\r\n\r\n" % (url.split("/", 3)[-1], host)).encode()
    resp_id = rid(url, "response")
    yield record("request", req, fields=(
        "WARC-Record-ID: " + rid(url, "request"), "WARC-Target-URI: " + url,
        "WARC-Concurrent-To: " + resp_id,
        "Content-Type: application/http; msgtype=request"))
    yield record("response", http_response(i, html), fields=(
        "WARC-Record-ID: " + resp_id, "WARC-Target-URI: " + url,
        "WARC-IP-Address: 192.0.2.1",
        "Content-Type: application/http; msgtype=response"))
    yield record("metadata", ("corpus-id: %s\r\n" % pid).encode(), fields=(
        "WARC-Record-ID: " + rid(url, "metadata"), "WARC-Target-URI: " + url,
        "WARC-Refers-To: " + resp_id, "Content-Type: application/warc-fields"))


def read_urls(path):
    urls = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                pid, url = line.split("\t", 1)
                urls.append((pid, url))
    return urls


def make(corpus, outdir):
    split = os.path.basename(os.path.normpath(corpus))
    urls = read_urls(os.path.join(corpus, "urls.tsv"))
    os.makedirs(outdir, exist_ok=True)
    warc = os.path.join(outdir, "%s.warc.gz" % split)
    wet = os.path.join(outdir, "%s.warc.wet.gz" % split)
    with open(warc + ".tmp", "wb") as f:
        f.write(member(warcinfo(os.path.basename(warc), "pages of " + corpus)))
        for i, (pid, url) in enumerate(urls):
            with open(os.path.join(corpus, "html", pid + ".html"), "rb") as h:
                html = h.read()
            for rec in page_records(i, pid, url, html):
                f.write(member(rec))
    os.replace(warc + ".tmp", warc)
    with open(wet + ".tmp", "wb") as f:
        f.write(member(warcinfo(os.path.basename(wet), "texts of " + corpus)))
        for pid, url in urls:
            with open(os.path.join(corpus, "text", pid + ".txt"), "rb") as t:
                text = t.read()
            f.write(member(record("conversion", text, version="1.0", fields=(
                "WARC-Target-URI: " + url,
                "WARC-Record-ID: " + rid(url, "conversion"),
                "WARC-Refers-To: " + rid(url, "response"),
                "Content-Type: text/plain"))))
    os.replace(wet + ".tmp", wet)
    print("mkwarc: %d pages: %s, %s" % (len(urls), warc, wet))


def split(urls_path, preddir):
    ids = {url: pid for pid, url in read_urls(urls_path)}
    os.makedirs(preddir, exist_ok=True)
    seen, unknown, cur, buf = set(), [], None, []

    def flush():
        if cur is not None and cur in ids:
            with open(os.path.join(preddir, ids[cur] + ".out"), "wb") as f:
                f.write(b"".join(buf))
            seen.add(cur)

    for line in sys.stdin.buffer:
        name = line.rstrip(b"\n")
        if name.startswith(b"==> ") and name.endswith(b" <=="):
            flush()
            cur, buf = name[4:-4].decode("utf-8", "replace"), []
            if cur not in ids:
                unknown.append(cur)
            continue
        buf.append(line)
    flush()
    missing = [u for u in ids if u not in seen]
    for u in unknown:
        print("mkwarc: unknown document %s" % u, file=sys.stderr)
    for u in missing:
        print("mkwarc: no output for %s" % u, file=sys.stderr)
    print("mkwarc: %d documents written to %s, %d unknown, %d missing"
          % (len(seen), preddir, len(unknown), len(missing)))
    return 1 if unknown or missing else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--out", default="build/warc",
                    help="folder for the archives (default build/warc)")
    ap.add_argument("--split", nargs=2, metavar=("URLS", "PREDDIR"),
                    help="cut lede output read on standard input into PREDDIR")
    ap.add_argument("corpus", nargs="?",
                    default="../shared/corpora/boilerplate/dev")
    args = ap.parse_args()
    if args.split:
        return split(*args.split)
    make(args.corpus, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
