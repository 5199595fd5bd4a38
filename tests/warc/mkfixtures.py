#!/usr/bin/env python3
"""Writes the WARC test archives of tests/warc (run from anywhere).

Each archive is small and written by hand here: the record reader's unit
tests (tests/unit/t_warc.c) read every *.warc and *.warc.gz beside this
script and compare what they see with the NAME.expect file of the same
name (LEDE_BLESS=1 build/unit rewrites those).  The text is the project's
own.  Run it again after changing a case; the output is the same bytes
every time (gzip members carry no time stamp).
"""
import gzip
import os
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
DATE = "2024-10-01T12:00:00Z"
_ids = [0]


def rid():
    _ids[0] += 1
    return "<urn:uuid:00000000-0000-4000-8000-%012d>" % _ids[0]


def record(wtype, body, uri=None, ctype=None, extra=(), version="1.0",
           length=None, sep=b"\r\n\r\n"):
    """One WARC record: its header block, body and blank line."""
    h = ["WARC/" + version, "WARC-Type: " + wtype, "WARC-Date: " + DATE,
         "WARC-Record-ID: " + rid()]
    if uri is not None:
        h.append("WARC-Target-URI: " + uri)
    if ctype is not None:
        h.append("Content-Type: " + ctype)
    h.extend(extra)
    h.append("Content-Length: %d" % (len(body) if length is None else length))
    return ("\r\n".join(h) + "\r\n\r\n").encode() + body + sep


def http(body, status="200 OK", headers=("Content-Type: text/html; charset=utf-8",),
         version="HTTP/1.1"):
    head = version + " " + status + "\r\n" + "".join(h + "\r\n" for h in headers)
    return head.encode() + b"\r\n" + body


def response(uri, body, **kw):
    return record("response", http(body, **kw), uri=uri,
                  ctype="application/http; msgtype=response")


def request(uri):
    body = ("GET / HTTP/1.1\r\nHost: %s\r\nUser-Agent: lede-test\r\n\r\n"
            % uri.split("/")[2]).encode()
    return record("request", body, uri=uri,
                  ctype="application/http; msgtype=request")


def chunked(data, sizes):
    """data in chunks of the given sizes (the rest as one last chunk)."""
    out, i = b"", 0
    for n in sizes + [len(data)]:
        part = data[i:i + n]
        if not part:
            break
        out += b"%x\r\n" % len(part) + part + b"\r\n"
        i += len(part)
    return out + b"0\r\n\r\n"


def gz(data):
    return gzip.compress(data, mtime=0)


def page(title, *paras):
    body = "".join("<p>%s</p>\n" % p for p in paras)
    return ("<!DOCTYPE html>\n<html><head><title>%s</title></head>\n"
            "<body><h1>%s</h1>\n%s</body></html>\n" % (title, title, body)).encode()


WARCINFO = record("warcinfo", b"software: lede mkfixtures.py\r\nformat: WARC File Format 1.0\r\n",
                  ctype="application/warc-fields")

HARBOUR = page("Ferry talks resume", "The harbour board met the ferry crews on Monday.",
               "Both sides said the talks would go on.")
COUNCIL = b"Council votes on the bridge\n\nThe council voted seven to two for the new bridge.\n"
MARKET = page("Market day", "Stalls opened at dawn in the old square.")


def write(name, data, gzip_each=False):
    if gzip_each:
        data = b"".join(gz(r) for r in data)
    else:
        data = b"".join(data)
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def good():
    """WARC/1.0, plain: what a crawler writes, and what is skipped."""
    recs = [
        WARCINFO,
        request("http://news.example/harbour"),
        response("http://news.example/harbour", HARBOUR),
        record("metadata", b"via: http://news.example/\r\n", uri="http://news.example/harbour",
               ctype="application/warc-fields"),
        response("http://news.example/old", b"",
                 status="301 Moved Permanently",
                 headers=("Location: http://news.example/new", "Content-Length: 0")),
        response("http://news.example/gone", page("Not found"), status="404 Not Found"),
        response("http://news.example/logo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
                 headers=("Content-Type: image/png",)),
        record("resource", COUNCIL, uri="file:///notes/council.txt", ctype="text/plain"),
        record("revisit", http(b"", headers=()), uri="http://news.example/harbour",
               ctype="application/http; msgtype=response",
               extra=("WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest",)),
        # A folded header line, a field name in another case, HTTP/1.0.
        record("response", http(b"Tide tables for the week.\n", version="HTTP/1.0",
                                headers=("content-TYPE: text/plain",)),
               uri="http://news.example/tides",
               extra=("WARC-Payload-Digest: sha1:AAAA\r\n  BBBB",),
               ctype="application/http;\r\n msgtype=response"),
        # No Content-Type: sniffed.
        response("http://news.example/bare", MARKET, headers=()),
        response("http://news.example/x", page("Ferry timetable", "Boats leave on the hour."),
                 headers=("Content-Type: application/xhtml+xml",)),
    ]
    write("good.warc", recs)


def good_gz():
    """WARC/1.1, a gzip member per record, the codings of HTTP bodies."""
    recs = [
        WARCINFO.replace(b"WARC/1.0", b"WARC/1.1"),
        record("response", http(chunked(HARBOUR, [10, 40]),
                                headers=("Content-Type: text/html; charset=UTF-8",
                                         "Transfer-Encoding: chunked")),
               uri="https://news.example/chunked", version="1.1",
               ctype="application/http; msgtype=response"),
        record("response", http(gz(MARKET), headers=("Content-Type: text/html",
                                                     "Content-Encoding: gzip")),
               uri="https://news.example/gzip", version="1.1",
               ctype="application/http; msgtype=response"),
        record("response", http(chunked(gz(COUNCIL), [7]),
                                headers=("Content-Type: text/plain; charset=\"ISO-8859-1\"",
                                         "Content-Encoding: gzip",
                                         "Transfer-Encoding: chunked")),
               uri="https://news.example/both", version="1.1",
               ctype="application/http; msgtype=response"),
        record("response", http(zlib.compress(COUNCIL), headers=("Content-Type: text/plain",
                                                                 "Content-Encoding: deflate")),
               uri="https://news.example/zlib", version="1.1",
               ctype="application/http; msgtype=response"),
        record("response", http(zlib.compress(COUNCIL)[2:-4],
                                headers=("Content-Type: text/plain",
                                         "Content-Encoding: deflate")),
               uri="https://news.example/raw-deflate", version="1.1",
               ctype="application/http; msgtype=response"),
        # CC-NEWS of 2020: HTTP/2 and lower-case names.
        record("response", http(MARKET, version="HTTP/2", status="200",
                                headers=("content-type: text/html; charset=utf-8",
                                         "x-crawler-content-encoding: gzip")),
               uri="https://news.example/h2", version="1.1",
               ctype="application/http; msgtype=response"),
        # A target URI in <...> with spaces, as some writers give it.
        record("response", http(HARBOUR), uri="<https://news.example/a b\tc>",
               version="1.1", ctype="application/http; msgtype=response"),
        record("response", http(b"\x1b\x00\x00", headers=("Content-Type: text/html",
                                                          "Content-Encoding: br")),
               uri="https://news.example/brotli", version="1.1",
               ctype="application/http; msgtype=response"),
    ]
    write("good.warc.gz", recs, gzip_each=True)


def wet():
    """A WET file: the text of each page as a conversion record."""
    info = record("warcinfo", b"isPartOf: lede-test\r\n", version="1.0",
                  ctype="application/warc-fields")
    recs = [info]
    for uri, text in (("http://news.example/harbour", b"Ferry talks resume\nThe harbour board met the ferry crews on Monday.\n"),
                      ("http://news.example/council", COUNCIL)):
        recs.append(record("conversion", text, uri=uri, ctype="text/plain",
                           extra=("WARC-Refers-To: " + rid(),
                                  "WARC-Identified-Content-Language: eng")))
    recs.append(record("conversion", b"No content type here.\n",
                       uri="http://news.example/plain"))
    write("wet.warc.gz", recs, gzip_each=True)


def bad():
    g = response("http://news.example/after", page("After", "This record is fine."))
    # A file cut inside a record's body, and one cut inside a header.
    write("bad-cut-body.warc", [g, response("http://news.example/cut", HARBOUR)[:300]])
    write("bad-cut-head.warc", [g, response("http://news.example/cut", HARBOUR)[:120]])
    # WARC-Truncated: the crawler stopped inside a chunk.
    body = http(chunked(HARBOUR, [60])[:100],
                headers=("Content-Type: text/html", "Transfer-Encoding: chunked"))
    write("bad-truncated.warc", [
        record("response", body, uri="http://news.example/long",
               ctype="application/http; msgtype=response",
               extra=("WARC-Truncated: length",)), g])
    # Content-Length too long (by 30 bytes, into the next record), too
    # short (by 40 bytes), and wrong in the second of three.
    h = http(HARBOUR)
    write("bad-overrun.warc", [
        record("response", h, uri="http://news.example/over", length=len(h) + 30,
               ctype="application/http; msgtype=response"), g, g])
    write("bad-underrun.warc", [
        record("response", h, uri="http://news.example/under", length=len(h) - 40,
               ctype="application/http; msgtype=response"), g])
    # Chunks: a bad size in the middle, and a body that says chunked but
    # is not (read as it is).
    c = chunked(HARBOUR, [30, 30]).replace(b"\r\n1e\r\n", b"\r\nzz\r\n", 1)
    write("bad-chunk.warc", [
        record("response", http(c, headers=("Content-Type: text/html",
                                             "Transfer-Encoding: chunked")),
               uri="http://news.example/badchunk",
               ctype="application/http; msgtype=response"),
        record("response", http(HARBOUR, headers=("Content-Type: text/html",
                                                  "Transfer-Encoding: chunked")),
               uri="http://news.example/notchunked",
               ctype="application/http; msgtype=response"),
        g])
    # No blank line between records.
    write("bad-noblank.warc", [response("http://news.example/first", MARKET)[:-4], g])
    # Payloads that are not HTTP: a broken response, and a DNS record
    # (skipped as not HTTP, without a message).
    write("bad-nothttp.warc", [
        record("response", b"<html>no status line</html>\n", uri="http://news.example/nohttp",
               ctype="application/http; msgtype=response"),
        record("response", b"20241001120000\nnews.example. 300 IN A 192.0.2.1\n",
               uri="dns:news.example", ctype="text/dns"),
        g])
    # No Content-Length, and one that is not a number.
    nolen = record("response", http(HARBOUR), uri="http://news.example/nolen",
                   ctype="application/http; msgtype=response")
    nolen = nolen.replace(b"Content-Length: %d\r\n" % len(http(HARBOUR)), b"")
    write("bad-length.warc", [nolen, g,
                              record("resource", COUNCIL, uri="file:///x", ctype="text/plain")
                              .replace(b"Content-Length: %d" % len(COUNCIL), b"Content-Length: 12x"),
                              g])
    # Garbage between two records.
    write("bad-junk.warc", [g, b"this line is not a record\r\n\r\n", g])
    # gzip bodies: corrupt, and one that was stored decoded.
    z = bytearray(gz(COUNCIL))
    z[20] ^= 0xff
    write("bad-body-gzip.warc", [
        record("response", http(bytes(z), headers=("Content-Type: text/plain",
                                                   "Content-Encoding: gzip")),
               uri="http://news.example/corrupt",
               ctype="application/http; msgtype=response"),
        record("response", http(COUNCIL, headers=("Content-Type: text/plain",
                                                  "Content-Encoding: gzip")),
               uri="http://news.example/decoded",
               ctype="application/http; msgtype=response"),
        g])
    # gzip members: the middle one corrupt, the last one cut, trailing garbage.
    a = response("http://news.example/one", MARKET)
    b = response("http://news.example/two", HARBOUR)
    m = bytearray(gz(b))
    m[40] ^= 0x55
    m[41] ^= 0xaa
    with open(os.path.join(HERE, "bad-gzip-corrupt.warc.gz"), "wb") as f:
        f.write(gz(a) + bytes(m) + gz(g))
    with open(os.path.join(HERE, "bad-gzip-cut.warc.gz"), "wb") as f:
        f.write(gz(a) + gz(g)[:-30])
    with open(os.path.join(HERE, "bad-gzip-trailing.warc.gz"), "wb") as f:
        f.write(gz(a) + gz(g) + b"not gzip at all\n")


good()
good_gz()
wet()
bad()
