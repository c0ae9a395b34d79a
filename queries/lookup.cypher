// name: lookup_id
// title: The document of an id
// description: The candidate for a canonical document id, through the id index; optionally of a year.
// param: id string — a canonical document id
// param: year integer — the year of issue
MATCH (d:Document {id: $id})
WHERE $year IS NULL OR d.year = $year
RETURN d.id AS id, d.number AS number, d.kind AS kind, d.year AS year, d.stub AS stub

// name: lookup_number
// title: Documents of a number
// description: Candidates for a number such as 69-KL/TW, ignoring case; optionally of a year.
// param: number string — a document number such as 69-KL/TW
// param: year integer — the year of issue
MATCH (d:Document)
WHERE toUpper(d.number) = toUpper($number) AND ($year IS NULL OR d.year = $year)
RETURN d.id AS id, d.number AS number, d.kind AS kind, d.year AS year, d.stub AS stub
ORDER BY d.year, d.id

// name: lookup_sequence
// title: Documents of a kind and sequence number
// description: Candidates for "KL 69" or "Kết luận 69": documents of the kind whose number starts with the sequence number and "-" (Party form) or "/" (State form), found as a range of the number index; optionally of a year.
// param: kind string — a document kind such as KetLuan
// param: party list — [from, to]: numbers from "69-" (included) to "69." (excluded)
// param: state list — [from, to]: numbers from "69/" (included) to "690" (excluded)
// param: year integer — the year of issue
CALL {
    MATCH (d:Document)
    WHERE d.number >= $party[0] AND d.number < $party[1]
    RETURN d
    UNION
    MATCH (d:Document)
    WHERE d.number >= $state[0] AND d.number < $state[1]
    RETURN d
}
WITH d
WHERE d.kind = $kind AND ($year IS NULL OR d.year = $year)
RETURN d.id AS id, d.number AS number, d.kind AS kind, d.year AS year, d.stub AS stub
ORDER BY d.year, d.id
