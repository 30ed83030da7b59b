// The DuckDB side of `npm run bench`: the core numbers of tillit's reports computed by DuckDB
// (@duckdb/node-api, every core) over the same generated file, written to CSV, for a side-by-side time.
//   survey: per municipality × year × service × question, total and per gender: answers with an
//           opinion (n), positive answers and their share (the survey report's core figures);
//   budget: per municipality × activity × month, the year-to-date sums of budget and outcome and the
//           latest full-year forecast (the budget report's core figures).
// Usage: node scripts/bench-duckdb.mjs survey|budget INPUT OUTPUT
import { DuckDBInstance } from '@duckdb/node-api';

const [kind, input, output] = process.argv.slice(2);
const quote = (s) => `'${s.replaceAll("'", "''")}'`;
const source = `read_csv(${quote(input)}, delim = ';', header = true, all_varchar = true)`;

const survey = `
  WITH a AS (
    SELECT split_part("Kommun", ' ', 1) AS area, "År" AS year, "Verksamhet" AS service, "Fråga" AS question,
           "Kön" AS gender, "Svar" AS answer
    FROM ${source}
    WHERE "Svar" <> 'Vet ej/Ingen åsikt'
  )
  SELECT area, year, service, question, coalesce(gender, 'T') AS gender, count(*) AS n,
         count(*) FILTER (WHERE answer IN ('Mycket nöjd', 'Ganska nöjd')) AS positive,
         round(100.0 * positive / n, 4) AS share
  FROM a
  GROUP BY GROUPING SETS ((area, year, service, question), (area, year, service, question, gender))
  ORDER BY ALL`;

const amount = (column) => `CAST(replace("${column}", ',', '.') AS DOUBLE)`;
const budget = `
  WITH m AS (
    SELECT "Kommun" AS area, "Verksamhet" AS activity, left("Period", 4) AS year, "Period" AS period,
           ${amount('Budget månad')} AS budget, ${amount('Utfall månad')} AS actual, ${amount('Prognos helår')} AS forecast
    FROM ${source}
  )
  SELECT area, activity, period,
         sum(budget) OVER w AS budget_ytd, sum(actual) OVER w AS actual_ytd, forecast
  FROM m
  WINDOW w AS (PARTITION BY area, activity, year ORDER BY period ROWS UNBOUNDED PRECEDING)
  ORDER BY ALL`;

const query = { survey, budget }[kind];
if (!query || !output) {
  console.error('usage: node scripts/bench-duckdb.mjs survey|budget INPUT OUTPUT');
  process.exit(2);
}
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(`COPY (${query}) TO ${quote(output)} (HEADER, DELIMITER ',')`);
