#!/usr/bin/env python3
"""Real consumers read every Zhitu export with the same node and edge counts, kinds and relation
types as the native JSON: networkx (read_gexf, read_graphml), graphology-gexf and
graphology-graphml (node, what Gephi Lite uses), FalkorDB (an embedded openCypher database)
running the Cypher script, and the CSV headers neo4j-admin reads.

usage: check_exports.py ZHITU_BINARY INPUT... (articles, folders or graph JSON)
Exits non-zero with the first difference. Needs: networkx, falkordblite (pip), node with
`npm install` done in this directory.
"""
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


def expected(graph):
    kinds = collections.Counter(n["kind"] for n in graph["nodes"])
    relations = collections.Counter(e["type"] for e in graph["edges"])
    return len(graph["nodes"]), len(graph["edges"]), dict(kinds), dict(relations)


def same(what, got, want):
    if got != want:
        sys.exit(f"{what}: got {got}, expected {want}")
    print(f"ok  {what}")


def check_networkx(path, reader, want):
    import networkx as nx

    g = reader(path)
    kinds = collections.Counter(d.get("kind") for _, d in g.nodes(data=True))
    relations = collections.Counter(d.get("relation") for _, _, d in g.edges(data=True))
    same(f"networkx {os.path.basename(path)}", (g.number_of_nodes(), g.number_of_edges(), dict(kinds), dict(relations)), want)


def check_graphology(path, want):
    out = subprocess.run(["node", os.path.join(HERE, "check_graphology.mjs"), path], check=True, capture_output=True, text=True)
    got = json.loads(out.stdout)
    same(f"graphology {os.path.basename(path)}", (got["nodes"], got["edges"], got["kinds"], got["relations"]), want)
    same(f"graphology {os.path.basename(path)} labels", got["labelled"], want[0])


def check_csv(directory, want):
    def rows(name):
        with open(os.path.join(directory, name), newline="", encoding="utf-8") as f:
            return list(csv.reader(f))

    nodes, edges, docs, mentions = (rows(n) for n in ("nodes.csv", "edges.csv", "documents.csv", "mentions.csv"))
    same("csv nodes.csv header", nodes[0][:3], ["id:ID(Entity)", "label", ":LABEL"])
    same("csv edges.csv header", edges[0][:3], [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"])
    same("csv documents.csv header", docs[0][:2], ["id:ID(Document)", ":LABEL"])
    same("csv mentions.csv header", mentions[0][:3], [":START_ID(Entity)", ":END_ID(Document)", ":TYPE"])
    kinds = collections.Counter(r[2].split(";")[1].lower() for r in nodes[1:])
    relations = collections.Counter(r[2].lower() for r in edges[1:])
    same("csv counts", (len(nodes) - 1, len(edges) - 1, dict(kinds), dict(relations)), want)
    ids = {r[0] for r in nodes[1:]} | {r[0] for r in docs[1:]}
    dangling = [r for r in edges[1:] + mentions[1:] if r[0] not in ids or r[1] not in ids]
    same("csv references resolve", dangling, [])


def check_falkordb(script, want):
    from redislite.falkordb_client import FalkorDB

    with tempfile.TemporaryDirectory() as tmp:
        db = FalkorDB(os.path.join(tmp, "zhitu.db"))
        g = db.select_graph("zhitu")
        with open(script, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("//"):
                    g.query(line.rstrip(";"))
        nodes = g.query("MATCH (n) RETURN count(n)").result_set[0][0]
        edges = g.query("MATCH ()-[r]->() RETURN count(r)").result_set[0][0]
        kinds = {row[0]: row[1] for row in g.query("MATCH (n:Entity) RETURN n.kind, count(n)").result_set}
        relations = {row[0].lower(): row[1] for row in g.query("MATCH ()-[r]->() RETURN type(r), count(r)").result_set}
        same("falkordb cypher", (nodes, edges, kinds, relations), want)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    zhitu, inputs = sys.argv[1], sys.argv[2:]
    with tempfile.TemporaryDirectory() as tmp:
        base = os.path.join(tmp, "graph.json")
        run(zhitu, "analyze", *inputs, "-o", base)
        with open(base, encoding="utf-8") as f:
            want = expected(json.load(f))
        print(f"graph: {want[0]} nodes, {want[1]} edges")
        paths = {}
        for fmt in ("gexf", "graphml", "cypher", "csv"):
            paths[fmt] = os.path.join(tmp, "graph-csv" if fmt == "csv" else f"graph.{fmt}")
            run(zhitu, "extract", base, "--format", fmt, "-o", paths[fmt])
        import networkx as nx

        check_networkx(paths["gexf"], nx.read_gexf, want)
        check_networkx(paths["graphml"], nx.read_graphml, want)
        check_graphology(paths["gexf"], want)
        check_graphology(paths["graphml"], want)
        check_csv(paths["csv"], want)
        check_falkordb(paths["cypher"], want)
    print("every consumer read every export")


if __name__ == "__main__":
    main()
