// Reads a GEXF or GraphML file with graphology (as Gephi Lite does) and prints what it found:
// node and edge counts, nodes per kind, edges per relation type. Usage: node check_graphology.mjs FILE
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { MultiDirectedGraph } = require('graphology');
const gexf = require('graphology-gexf');
const graphml = require('graphology-graphml');

const file = process.argv[2];
const text = readFileSync(file, 'utf8');
const graph = file.endsWith('.gexf')
  ? gexf.parse(MultiDirectedGraph, text)
  : graphml.parse(MultiDirectedGraph, text);
const kinds = {};
graph.forEachNode((_, a) => { kinds[a.kind] = (kinds[a.kind] || 0) + 1; });
const relations = {};
graph.forEachEdge((_, a) => { relations[a.relation] = (relations[a.relation] || 0) + 1; });
const labelled = graph.filterNodes((_, a) => typeof a.label === 'string' && a.label.length > 0).length;
console.log(JSON.stringify({ nodes: graph.order, edges: graph.size, kinds, relations, labelled }));
