// The reference the bench compares against: one single-threaded csv-parse streaming pass over a
// file with default options (plus the file's delimiter), doing no work per row.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const file = process.argv[2];
let rows = 0;
const parser = createReadStream(file).pipe(parse({ delimiter: ';' }));
parser.on('data', () => {
  rows++;
});
parser.on('end', () => console.log(rows));
