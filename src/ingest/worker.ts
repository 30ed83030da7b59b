// A worker thread's part of a large file split by `readParallel`: the same ingest, its own lines.
import { open } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { answerClassifier } from './answers.js';
import { readRange, type PartJob, type PartReply } from './parallel.js';
import { createCsvIngest } from './stream.js';

// Started before its job is known (it loads its modules meanwhile); the job comes as a message.
parentPort!.once('message', (job: PartJob) => void run(job));

async function run(job: PartJob): Promise<void> {
  const ingest = createCsvIngest({ ...job.opts, classify: answerClassifier(job.opts.answerScale!) }, job.head.bom, job.head);
  const fh = await open(job.path);
  try {
    // A CSV reader copies what it keeps: the pieces may share one buffer.
    for await (const chunk of readRange(fh, job.start, job.end, () => true)) if (!ingest.write(chunk)) break;
  } finally {
    await fh.close();
  }
  // A part read on its own has one table at most.
  const { respondents: keys, answers, ...parsed } = ingest.end();
  const table = answers?.[0]?.plain();
  const respondents = keys?.pack();
  const reply: PartReply = { parsed, ...ingest.state() };
  if (table !== undefined) reply.answers = table;
  if (respondents !== undefined) reply.respondents = respondents;
  // The typed arrays cross by transfer; the texts and areas they name are few.
  const transfer = [...(table ? [table.keys.buffer, table.counts.buffer, table.line.buffer, ...(table.scores ? [table.scores.buffer] : [])] : []), ...(respondents ? [respondents.table.buffer] : [])];
  parentPort!.postMessage(reply, transfer);
}
