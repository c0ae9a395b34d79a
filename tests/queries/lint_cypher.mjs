// Lint Cypher files with Neo4j's own linter (@neo4j-cypher/language-support).
//
//   node tests/queries/lint_cypher.mjs SCHEMA.json FILE.cypher...
//
// SCHEMA.json is a DbSchema: labels, relationshipTypes, propertyKeys, parameters.
// A file of named queries is linted one query at a time (each starts at a
// `// name:` line); a file without one (a schema file) is linted whole.
// Prints a JSON list of {file, line, column, severity, message} on stdout,
// line and column counted from 1.
import { readFileSync } from 'node:fs';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

function chunks(text) {
  const lines = text.split('\n');
  const starts = lines.flatMap((line, i) => (/^\/\/\s*name:/.test(line) ? [i] : []));
  if (starts.length === 0) return [{ first: 0, text }];
  return starts.map((first, k) => ({
    first,
    text: lines.slice(first, starts[k + 1] ?? lines.length).join('\n'),
  }));
}

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
  console.error('usage: lint_cypher.mjs SCHEMA.json FILE.cypher...');
  process.exit(2);
}
const dbSchema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const found = [];
for (const file of files) {
  for (const chunk of chunks(readFileSync(file, 'utf8'))) {
    for (const d of lintCypherQuery(chunk.text, dbSchema).diagnostics) {
      found.push({
        file,
        line: chunk.first + d.range.start.line + 1,
        column: d.range.start.character + 1,
        severity: SEVERITY[d.severity] ?? String(d.severity),
        message: d.message,
      });
    }
  }
}
console.log(JSON.stringify(found, null, 1));
