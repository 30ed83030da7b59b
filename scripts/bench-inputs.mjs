// National-scale generated inputs, shared by `npm run bench` and `scripts/compare-output.mjs`:
// respondent answers for every municipality 2015–2025, and monthly budget rows per municipality and
// activity. A fixed seed makes the same bytes on every run and every machine.
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';

async function write(path, header, rows) {
  const out = createWriteStream(path);
  let buf = `${header}\n`;
  let n = 0;
  for (const line of rows()) {
    buf += `${line}\n`;
    n++;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.end(buf);
  await new Promise((r) => out.on('finish', r));
  return n;
}

function seeded(seed) {
  return () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
}

/** The 290 municipality codes and names, from the register tillit ships (needs a build). */
export async function municipalities(root) {
  const { MUNICIPALITIES } = await import(join(root, 'dist/register.js'));
  return [...MUNICIPALITIES.entries()];
}

const services = ['Hemtjänst', 'Särskilt boende', 'Korttidsboende', 'Dagverksamhet'];
const questions = ['helhetssyn', 'bemotande', 'trygghet', 'inflytande', 'maten', 'aktiviteter', 'ensamhet', 'halsa', 'besvar', 'tid', 'respekt', 'information'];
const answers = ['Mycket nöjd', 'Ganska nöjd', 'Varken nöjd eller missnöjd', 'Ganska missnöjd', 'Mycket missnöjd', 'Vet ej/Ingen åsikt'];
const years = Array.from({ length: 11 }, (_, i) => 2015 + i);

/** Writes about `answerRows` respondent answers to `path`; returns the number of rows written. */
export function writeSurvey(path, codes, answerRows) {
  const rand = seeded(42);
  const perGroup = answerRows / (codes.length * years.length * services.length * questions.length);
  return write(path, 'Löpnummer;Kommun;År;Verksamhet;Fråga;Svar;Kön', function* () {
    let id = 0;
    let carry = 0;
    for (const year of years) for (const [code, name] of codes) for (const service of services) {
      carry += perGroup * questions.length;
      const people = Math.floor(carry / questions.length);
      carry -= people * questions.length;
      for (let p = 0; p < people; p++) {
        id++;
        const gender = rand() < 0.62 ? 'Kvinna' : 'Man';
        const label = rand() < 0.5 ? `${code} ${name}` : code;
        for (const q of questions) {
          const u = rand();
          const a = u < 0.45 ? 0 : u < 0.8 ? 1 : u < 0.88 ? 2 : u < 0.92 ? 3 : u < 0.94 ? 4 : 5;
          yield `${id};${label};${year};${service};${q};${answers[a]};${gender}`;
        }
      }
    }
  });
}

const activities = ['Äldreomsorg', 'Hemtjänst', 'Särskilt boende', 'LSS', 'Individ- och familjeomsorg', 'Ekonomiskt bistånd', 'Förskola', 'Grundskola', 'Gymnasieskola', 'Kultur', 'Fritid', 'Teknisk verksamhet', 'Gemensam administration'];

/** Writes about `budgetRows` monthly budget rows to `path`; returns the number of rows written. */
export function writeBudget(path, codes, budgetRows) {
  const rand = seeded(4242);
  const months = Math.max(1, Math.round(budgetRows / (codes.length * activities.length)));
  return write(path, 'Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad;Prognos helår', function* () {
    for (let m = 0; m < months; m++) {
      const period = `${2015 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      for (const [code] of codes) for (const activity of activities) {
        const annual = 10_000 + Math.floor(rand() * 400_000);
        const month = annual / 12;
        yield `${period};${code};${activity};${annual};${month.toFixed(1).replace('.', ',')};${(month * (0.95 + rand() * 0.1)).toFixed(1).replace('.', ',')};${Math.round(annual * (0.98 + rand() * 0.05))}`;
      }
    }
  });
}
