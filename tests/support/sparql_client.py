#!/usr/bin/env python3
"""An independent SPARQL 1.1 Protocol client (SPARQLWrapper) against a cckg endpoint.

usage: sparql_client.py ENDPOINT        (e.g. http://127.0.0.1:7878/sparql)

Prints one JSON object: the rows of one SELECT read as SPARQL JSON, XML and CSV and
sent by POST, an ASK, the triples of a CONSTRUCT read as Turtle (parsed by rdflib), and
what a malformed query raises. The Rust test compares the numbers with its own.
"""
import csv
import io
import json
import sys

import rdflib
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

endpoint = sys.argv[1]
PREFIX = "PREFIX cc: <https://w3id.org/cckg/ontology#>\n"
SELECT = PREFIX + "SELECT ?a ?b WHERE { ?a cc:friendshipCity ?b }"


def client(query, fmt):
    sparql = SPARQLWrapper(endpoint)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


report = {}
report["select_json"] = len(client(SELECT, JSON).queryAndConvert()["results"]["bindings"])
xml = client(SELECT, XML).queryAndConvert()
report["select_xml"] = len(xml.getElementsByTagName("result"))
text = client(SELECT, CSV).queryAndConvert().decode("utf-8")
report["select_csv"] = len(list(csv.reader(io.StringIO(text)))) - 1
post = client(SELECT, JSON)
post.setMethod(POST)
report["select_post"] = len(post.queryAndConvert()["results"]["bindings"])
report["ask"] = client(PREFIX + "ASK { ?a cc:friendshipCity ?b }", JSON).queryAndConvert()["boolean"]
turtle = client(PREFIX + "CONSTRUCT WHERE { ?a cc:friendshipCity ?b }", TURTLE).queryAndConvert()
graph = rdflib.Graph()
graph.parse(data=turtle, format="turtle")
report["construct_triples"] = len(graph)
try:
    client("SELECT ?x WHERE { ?x", JSON).queryAndConvert()
    report["syntax_error"] = None
except SPARQLWrapperException as error:
    report["syntax_error"] = str(error)
print(json.dumps(report))
