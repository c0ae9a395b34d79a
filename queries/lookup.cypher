// name: lookup
// title: Documents a human reference may name
// description: Candidates for "69-KL/TW", "KL 69" or an id: by exact id, by number, or by kind and sequence number; optionally by year.
// param: id string — a canonical document id
// param: number string — a document number such as 69-KL/TW
// param: kind string — a document kind such as KetLuan
// param: seq_party string — the sequence number followed by "-" (Party form)
// param: seq_state string — the sequence number followed by "/" (State form)
// param: year integer — the year of issue
MATCH (d:Document)
WHERE ($id IS NOT NULL AND d.id = $id)
   OR ($id IS NULL AND $number IS NOT NULL AND toUpper(d.number) = toUpper($number))
   OR ($id IS NULL AND $number IS NULL AND d.kind = $kind
       AND (d.number STARTS WITH $seq_party OR d.number STARTS WITH $seq_state))
WITH d
WHERE $year IS NULL OR d.year = $year
RETURN d.id AS id, d.number AS number, d.kind AS kind, d.year AS year, d.stub AS stub
ORDER BY d.year, d.id
