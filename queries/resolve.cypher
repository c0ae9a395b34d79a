// name: resolve
// title: Documents a reference may name
// description: Candidate documents for a reference: the document with that exact id, or those whose number matches it ignoring case and spaces; optionally only those of one year. Ordered by date of issue, then id.
// param: ref string — a document id or number, e.g. tw:2012:20-nq-tw or 20-NQ/TW
// param: year integer = null — year of issue
MATCH (d:Document)
WHERE (d.id = $ref
       OR replace(toLower(d.number), ' ', '') = replace(toLower($ref), ' ', ''))
  AND ($year IS NULL OR d.year = $year)
RETURN d.id AS id, d.number AS number, d.year AS year, d.issued AS issued, d.scope AS scope,
       d.kind AS kind, d.title AS title, coalesce(d.stub, false) AS stub
ORDER BY d.issued, d.id
