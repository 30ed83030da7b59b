// Writes the bundled, made-up example for the shared social-services organisation of
// Bengtsfors (1460) and Mellerud (1461). Deterministic (seeded); run `node scripts/make-example.mjs`
// and commit the result. The data are invented; only their shapes copy real files.
import { mkdirSync, writeFileSync } from 'node:fs';

const dir = new URL('../fixtures/bengtsfors-mellerud/', import.meta.url);
mkdirSync(dir, { recursive: true });

let seed = 22;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (a, b) => a + (b - a) * rand();
const int = (a, b) => Math.floor(between(a, b + 1));
const comma = (v, d = 1) => v.toFixed(d).replace('.', ',');
const cp1252 = (text) => Uint8Array.from(text, (ch) => {
  const c = ch.charCodeAt(0);
  if (c > 0xff) throw new Error(`not Latin-1: ${ch}`);
  return c;
});
const bom = '\uFEFF';

const members = [
  { code: '1460', name: 'Bengtsfors' },
  { code: '1461', name: 'Mellerud' },
];
const services = [
  { id: 'Hemtjänst', base: 87, n: [105, 140], range: [80, 95] },
  { id: 'Särskilt boende', base: 79, n: [45, 70], range: [70, 90] },
];
const questions = [
  { id: 'helhetssyn', offset: 0 },
  { id: 'bemotande', offset: 3 },
  { id: 'trygghet', offset: -1 },
  { id: 'inflytande', offset: -4 },
];
// Designed stories: Mellerud home care improves clearly; Bengtsfors special housing safety slips.
function trueShare(m, s, q, year) {
  let p = s.base + q.offset + (m.code === '1460' ? 1 : -1);
  if (m.code === '1461' && s.id === 'Hemtjänst' && q.id === 'helhetssyn') p += (year - 2020.5) * 1.2 - 1;
  if (m.code === '1460' && s.id === 'Särskilt boende' && q.id === 'trygghet') p += 6 - (year - 2016) * 1.4;
  const [lo, hi] = s.range;
  return Math.min(hi - 1.5, Math.max(lo + 1.5, p));
}

// --- respondent-level answers, latest year (Windows-1252, CRLF, semicolons) ---------------------
const scale = ['Mycket nöjd', 'Ganska nöjd', 'Varken nöjd eller missnöjd', 'Ganska missnöjd', 'Mycket missnöjd'];
const answerRows = ['Löpnummer;Kommun;År;Verksamhet;Fråga;Svar;Kön'];
const latest = new Map();
let person = 0;
for (const m of members) {
  for (const s of services) {
    const people = int(s.n[0], s.n[1]);
    const genders = Array.from({ length: people }, () => (rand() < 0.64 ? 'Kvinna' : 'Man'));
    for (const q of questions) {
      const p = trueShare(m, s, q, 2025) / 100;
      let positive;
      let answered;
      let block;
      do {
      positive = 0;
      answered = 0;
      block = [];
      for (let i = 0; i < people; i++) {
        let answer;
        if (rand() < 0.06) answer = 'Vet ej/Ingen åsikt';
        else if (rand() < 0.02) answer = '';
        else if (rand() < p) answer = scale[rand() < 0.55 ? 0 : 1];
        else answer = scale[int(2, 4)];
        if (answer !== '' && answer !== 'Vet ej/Ingen åsikt') {
          answered++;
          if (answer.endsWith('nöjd') && !answer.includes('missnöjd') && !answer.startsWith('Varken')) positive++;
        }
        const id = String(person + i + 1).padStart(5, '0');
        block.push(`${id};${m.code} ${m.name};2025;${s.id};${q.id};${answer};${genders[i]}`);
      }
      } while ((positive / answered) * 100 < s.range[0] || (positive / answered) * 100 > s.range[1]);
      answerRows.push(...block);
      latest.set(`${m.code}|${s.id}|${q.id}`, { n: answered, share: (positive / answered) * 100 });
    }
    person += people;
  }
}
writeFileSync(new URL('svar-2025.csv', dir), cp1252(`${answerRows.join('\r\n')}\r\n`));

// --- aggregated results 2016–2025 (UTF-8 with BOM, CRLF, decimal comma) -------------------------
const surveyRows = ['År;Kommun;Verksamhet;Fråga;Antal svarande;Andel positiva (%)'];
for (let year = 2016; year <= 2025; year++) {
  for (const m of members) {
    for (const s of services) {
      for (const q of questions) {
        // One gap: Mellerud's special-housing safety series has no 2019 value (not surveyed).
        if (m.code === '1461' && s.id === 'Särskilt boende' && q.id === 'trygghet' && year === 2019) continue;
        let n;
        let share;
        const known = year === 2025 ? latest.get(`${m.code}|${s.id}|${q.id}`) : undefined;
        if (known) ({ n, share } = known);
        else {
          n = int(s.n[0] - 10, s.n[1] - 15);
          const p = trueShare(m, s, q, year) / 100;
          // Redraw a sample that falls outside the plausible range; the example stays believable.
          do {
            let pos = 0;
            for (let i = 0; i < n; i++) if (rand() < p) pos++;
            share = (pos / n) * 100;
          } while (share < s.range[0] || share > s.range[1]);
        }
        // One cell below the publication threshold.
        if (m.code === '1461' && s.id === 'Särskilt boende' && q.id === 'inflytande' && year === 2018) n = 24;
        surveyRows.push(`${year};${m.code} ${m.name};${s.id};${q.id};${n};${comma(share)}`);
      }
    }
  }
  for (const s of services) {
    for (const q of questions) {
      const national = (s.id === 'Hemtjänst' ? 88 : 81) + q.offset * 0.8 + (year - 2018) * 0.1;
      surveyRows.push(`${year};Riket;${s.id};${q.id};${int(60000, 75000)};${comma(national)}`);
    }
  }
}
writeFileSync(new URL('kvalitet-2016-2025.csv', dir), `${bom}${surveyRows.join('\r\n')}\r\n`);

// --- monthly budget follow-up 2024-01..2025-10 --------------------------------------------------
const seasonal = [0.98, 0.95, 1.0, 0.98, 1.0, 1.08, 1.14, 1.1, 0.97, 0.96, 0.93, 0.91];
const seasonSum = seasonal.reduce((a, b) => a + b, 0);
const activities = {
  '1460': [['Äldreomsorg', 231_400, 0.035], ['Individ- och familjeomsorg', 61_800, -0.012], ['LSS', 68_200, 0.006]],
  '1461': [['Äldreomsorg', 214_900, 0.004], ['Individ- och familjeomsorg', 57_300, 0.026], ['LSS', 71_600, -0.018]],
  ORG: [['Gemensam ledning', 14_600, 0.01], ['Specialister', 9_800, -0.02]],
};
function budgetRows(code) {
  const rows = [];
  for (const [activity, annual2025, drift] of activities[code]) {
    for (const year of [2024, 2025]) {
      const annual = Math.round(year === 2024 ? annual2025 / 1.031 : annual2025);
      const yearDrift = year === 2024 ? drift * 0.4 : drift;
      let actualSoFar = 0;
      let budgetSoFar = 0;
      for (let month = 1; month <= (year === 2025 ? 10 : 12); month++) {
        const budget = (annual * seasonal[month - 1]) / seasonSum;
        const actual = budget * (1 + yearDrift + between(-0.012, 0.012));
        actualSoFar += actual;
        budgetSoFar += budget;
        const trend = actualSoFar / budgetSoFar;
        // Forecasts lag the real trend: finance offices hope for the best early in the year.
        const forecast = annual * (1 + (trend - 1) * Math.min(1, 0.45 + month / 16));
        rows.push({ year, month, activity, annual, budget, actual, forecast });
      }
    }
  }
  return rows.sort((a, b) => a.year - b.year || a.month - b.month);
}
// Bengtsfors: costs negative, tkr, decimal comma, NBSP thousands, Unicode minus, UTF-8 with BOM.
const nbsp = (v) => {
  const [i, d] = Math.abs(v).toFixed(1).split('.');
  return `${v < 0 ? '−' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${d}`;
};
const b = ['Period;Kommun;Verksamhet;Budget helår;Budget månad;Utfall månad;Prognos helår'];
for (const r of budgetRows('1460')) {
  b.push(`${r.year}-${String(r.month).padStart(2, '0')};Bengtsfors kommun;${r.activity};${nbsp(-r.annual)};${nbsp(-r.budget)};${nbsp(-r.actual)};${nbsp(-r.forecast)}`);
}
writeFileSync(new URL('budget-bengtsfors.csv', dir), `${bom}${b.join('\r\n')}\r\n`);
// Mellerud: costs positive, kronor, decimal point, comma-separated, LF, no BOM; month names.
const monthNames = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const m = ['Månad,Kommunkod,Verksamhet,Budget helår (kr),Budget månad,Utfall månad,Prognos helår'];
for (const r of budgetRows('1461')) {
  const q = (v) => Math.round(v * 1000).toString();
  m.push(`${monthNames[r.month - 1]} ${r.year},1461,"${r.activity}",${q(r.annual)},${q(r.budget)},${q(r.actual)},${q(r.forecast)}`);
}
writeFileSync(new URL('budget-mellerud.csv', dir), `${m.join('\n')}\n`);
// Shared costs booked on the organisation itself.
const g = ['Period;Organisation;Verksamhet;Budget helår;Budget månad;Utfall månad;Prognos helår'];
for (const r of budgetRows('ORG')) {
  g.push(`${r.year}-${String(r.month).padStart(2, '0')};Gemensam socialförvaltning;${r.activity};${comma(r.annual)};${comma(r.budget)};${comma(r.actual)};${comma(r.forecast)}`);
}
writeFileSync(new URL('budget-gemensamt.csv', dir), `${bom}${g.join('\r\n')}\r\n`);
console.log('wrote', dir.pathname);
