#!/usr/bin/env python3
"""Shard a corpus over Apache Spark: each partition's article paths are piped through
`zhitu extract --jsonl -` (extraction of one document is pure), the fragments are collected into
one .jsonl file, and `zhitu merge FRAGMENTS.jsonl -o graph.json` combines them exactly.

usage: spark_shard.py ZHITU_BINARY CORPUS_DIR OUT.jsonl [PARTITIONS] [MASTER]
(MASTER defaults to local[*]; needs `pip install pyspark` and a Java runtime.)
Not part of CI: see README, "Sharding a corpus".
"""
import os
import shlex
import sys
import time

from pyspark import SparkContext


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    zhitu, corpus, out = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
    partitions = int(sys.argv[4]) if len(sys.argv) > 4 else 8
    master = sys.argv[5] if len(sys.argv) > 5 else "local[*]"
    paths = sorted(
        os.path.abspath(os.path.join(root, f))
        for root, _, files in os.walk(corpus)
        for f in files
        if f.endswith((".txt", ".html", ".htm"))
    )
    sc = SparkContext(master, "zhitu-shard")
    sc.setLogLevel("ERROR")
    started = time.time()
    # each element is one path: pipe() writes a partition's paths to the process's stdin, one a
    # line, and its stdout lines (one fragment per document) become the result
    fragments = sc.parallelize(paths, partitions).pipe(
        f"{shlex.quote(zhitu)} extract --jsonl --threads 1 -", checkCode=True
    )
    lines = fragments.collect()
    with open(out, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")
    sc.stop()
    print(f"{len(paths)} articles -> {len(lines)} fragments in {time.time() - started:.1f} s "
          f"({partitions} partitions, {master})")


if __name__ == "__main__":
    main()
