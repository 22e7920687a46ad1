#!/usr/bin/env python3
"""Independent check of cckg's RDF output with rdflib.

usage: rdfcheck.py FORMAT FILE   (FORMAT: turtle, nt, nquads, trig, xml, json-ld)

Prints one line: `<triples or quads> <sha256 of the sorted N-Quads/N-Triples lines>`,
so that two serialisations of the same data print the same line.
"""
import hashlib
import sys

import rdflib

fmt, path = sys.argv[1], sys.argv[2]
quad_formats = {"nquads", "trig", "json-ld-quads"}
if fmt == "json-ld-quads":
    ds = rdflib.Dataset()
    ds.parse(path, format="json-ld")
    lines = sorted(
        f"{s.n3()} {p.n3()} {o.n3()} {g.n3()}" for s, p, o, g in ds.quads((None, None, None, None)) if g is not None and str(g) != "urn:x-rdflib:default"
    )
elif fmt in quad_formats:
    ds = rdflib.Dataset()
    ds.parse(path, format=fmt)
    lines = sorted(
        f"{s.n3()} {p.n3()} {o.n3()} {g.n3()}" for s, p, o, g in ds.quads((None, None, None, None)) if g is not None and str(g) != "urn:x-rdflib:default"
    )
else:
    g = rdflib.Graph()
    g.parse(path, format=fmt)
    lines = sorted(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in g)
digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
print(len(lines), digest)
