// name: shape_task_deadline
// title: Rule TaskDeadline — no task is due before its document is issued
// description: Documents assigning a task whose deadline period (YYYY, YYYY-Qn as its last month, YYYY-MM, YYYY-MM-DD), at its own precision, ends before the document's issue date cut to that precision (pkgsh:TaskDeadline); the value is the task. One row per ASSIGNS edge, not DISTINCT (run_rules merges equal findings): DISTINCT cost memory.
// param: ids list = null — only these focus node ids; null: every document
MATCH (d:Document)-[:ASSIGNS]->(t)
WHERE ($ids IS NULL OR d.id IN $ids) AND d.issued IS NOT NULL AND t.deadline IS NOT NULL
WITH d, t, t.deadline AS deadline
WITH d, t, CASE right(deadline, 3)
             WHEN '-Q1' THEN left(deadline, size(deadline) - 3) + '-03'
             WHEN '-Q2' THEN left(deadline, size(deadline) - 3) + '-06'
             WHEN '-Q3' THEN left(deadline, size(deadline) - 3) + '-09'
             WHEN '-Q4' THEN left(deadline, size(deadline) - 3) + '-12'
             ELSE deadline END AS period_end
WHERE size(period_end) IN [4, 7, 10]
  AND all(i IN range(0, size(period_end) - 1) WHERE
          CASE WHEN i = 4 OR i = 7 THEN substring(period_end, i, 1) = '-'
               ELSE substring(period_end, i, 1) >= '0' AND substring(period_end, i, 1) <= '9' END)
  AND period_end < substring(d.issued, 0, size(period_end))
RETURN d.id AS focus, t.id AS value, labels(t)[0] AS value_label
