// Writes made-up files in the shapes analysts download: Kolada API pages (v3 and v2), an rKolada
// CSV extract, PX-Web CSV (web download and machine export) and two finance-system exports.
// Deterministic; run `node scripts/make-sources.mjs` and commit the result.
import { mkdirSync, writeFileSync } from 'node:fs';

const dir = new URL('../fixtures/sources/', import.meta.url);
mkdirSync(dir, { recursive: true });
let seed = 7;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const cp1252 = (text) => Uint8Array.from(text, (ch) => {
  const c = ch.charCodeAt(0);
  if (c > 0xff) throw new Error(`not Latin-1: ${ch}`);
  return c;
});
const round = (v, d) => Math.round(v * 10 ** d) / 10 ** d;
const years = (a, b) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

// --- Kolada API v3, two pages --------------------------------------------------------------------
const areas = [['1460', 0.6], ['1461', 0.2], ['0000', 0.3], ['0014', 0.25]];
function koladaEntries(kpi, base, ys) {
  const out = [];
  for (const year of ys) {
    for (const [code, slope] of areas) {
      const t = round(base + slope * (year - 2015) + (rand() - 0.5) * 2, year >= 2024 ? 4 : 0);
      const values = ['T', 'K', 'M'].map((gender) => ({
        gender, count: 1, status: '', value: gender === 'T' ? t : round(t + (gender === 'K' ? 1 : -2), 0), isdeleted: false,
      }));
      if (code === '1461' && year === 2016) values[0].value = null;
      if (code === '1460' && year === 2017 && kpi === 'U23471') values[0].status = 'X';
      if (code === '1461' && year === 2019 && kpi === 'U21468') values[0].isdeleted = true;
      out.push({ kpi, municipality: code, period: year, values });
    }
  }
  return out;
}
const page1 = { values: [...koladaEntries('U21468', 86, years(2015, 2019)), ...koladaEntries('U23471', 80, years(2015, 2019))], count: 80, next_url: 'https://api.kolada.se/v3/data/kpi/U21468,U23471/municipality/1460,1461,0000,0014?page=2&per_page=40' };
const page2 = { values: [...koladaEntries('U21468', 86, years(2020, 2024)), ...koladaEntries('U23471', 80, years(2020, 2024))], count: 80, next_url: null };
writeFileSync(new URL('kolada-v3-page1.json', dir), `${JSON.stringify(page1, null, 2)}\n`);
writeFileSync(new URL('kolada-v3-page2.json', dir), `${JSON.stringify(page2, null, 2)}\n`);

// --- Kolada API v2 (next_page, no isdeleted) -----------------------------------------------------
const v2 = { values: [], count: 0, next_page: null };
for (const year of years(2015, 2024)) {
  for (const code of ['1460', '1461']) {
    v2.values.push({ kpi: 'N03001', municipality: code, period: year, values: [{ gender: 'T', count: 1, status: '', value: round((rand() - 0.3) * 5, 1) }] });
  }
}
v2.count = v2.values.length;
writeFileSync(new URL('kolada-v2-n03001.json', dir), JSON.stringify(v2));

// --- rKolada flattened extract written by R's write.csv -----------------------------------------
const r = ['"","kpi","municipality_id","municipality","municipality_type","year","gender","value","count","status"'];
let row = 0;
for (const year of years(2016, 2024)) {
  for (const [code, name, type] of [['1460', 'Bengtsfors', 'K'], ['1461', 'Mellerud', 'K'], ['0000', 'Riket', 'L']]) {
    for (const gender of ['T', 'K', 'M']) {
      const v = code === '1461' && year === 2018 ? 'NA' : String(round(60 + (year - 2016) * 3 + rand() * 10, 1));
      r.push(`"${++row}","U23401","${code}","${name}","${type}",${year},"${gender}",${v},1,${code === '1460' && year === 2020 && gender === 'T' ? '"Preliminär"' : 'NA'}`);
    }
  }
}
writeFileSync(new URL('kolada-rkolada-u23401.csv', dir), `${r.join('\n')}\n`);

// --- PX-Web web download: title, blank line, Windows-1252, CRLF, ".." ----------------------------
const px = ['"Nettokostnad äldreomsorg, kronor per invånare efter region och år"', '', '"region","2019","2020","2021","2022","2023","2024"'];
for (const [label, base] of [['1460 Bengtsfors', 21300], ['1461 Mellerud', 20100], ['14 Västra Götalands län', 17800], ['Riket', 17200]]) {
  const cells = years(2019, 2024).map((y) => (label.startsWith('1461') && y === 2020 ? '".."' : String(Math.round(base * (1 + (y - 2019) * 0.035) + rand() * 300))));
  px.push(`"${label}",${cells.join(',')}`);
}
writeFileSync(new URL('pxweb-nettokostnad.csv', dir), cp1252(`${px.join('\r\n')}\r\n`));

// --- PX-Web machine export: UTF-8, gender stub, no title -----------------------------------------
const pm = ['region;kön;2020;2021;2022;2023;2024'];
for (const [label, base] of [['1460 Bengtsfors', 24.1], ['1461 Mellerud', 23.4]]) {
  for (const g of ['totalt', 'kvinnor', 'män']) {
    pm.push(`${label};${g};${years(2020, 2024).map((y) => (base + (g === 'män' ? -2 : g === 'kvinnor' ? 2 : 0) + (y - 2020) * 0.3).toFixed(1).replace('.', ',')).join(';')}`);
  }
}
writeFileSync(new URL('pxweb-andel-65plus.csv', dir), `${pm.join('\n')}\n`);

// --- Finance system: year-to-date export after August, tkr, NBSP thousands, Unicode minus, total row
const nb = (v) => `${v < 0 ? '−' : ''}${Math.abs(v).toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')}`;
const ytd = [['Äldreomsorg', 214_900, 143_800, 146_950, 219_500], ['Individ- och familjeomsorg', 57_300, 38_200, 38_900, 58_100], ['LSS', 71_600, 47_700, 46_900, 70_400]];
const f = ['Verksamhet;Budget helår (tkr);Budget ack;Utfall ack;Prognos helår;Avvikelse bu-prognos'];
let sums = [0, 0, 0, 0];
for (const [name, ...v] of ytd) {
  f.push(`${name};${v.map(nb).join(';')};${nb(v[0] - v[3])}`);
  sums = sums.map((s, i) => s + v[i]);
}
f.push(`Summa nämnd;${sums.map(nb).join(';')};${nb(sums[0] - sums[3])}`);
writeFileSync(new URL('ekonomi-mellerud-augusti-2025.csv', dir), `\uFEFF${f.join('\r\n')}\r\n`);

// --- Finance system: monthly amounts, costs negative, mnkr in a header ---------------------------
const mo = ['Period;Verksamhet;Periodbudget (mnkr);Periodutfall;Prognos'];
for (let m = 1; m <= 8; m++) {
  for (const [name, annual] of [['Äldreomsorg', 231.4], ['LSS', 68.2]]) {
    const b = annual / 12;
    const a = b * (name === 'Äldreomsorg' ? 1.035 : 0.99);
    mo.push(`2025-${String(m).padStart(2, '0')};${name};−${b.toFixed(2).replace('.', ',')};−${a.toFixed(2).replace('.', ',')};−${(annual * (name === 'Äldreomsorg' ? 1.028 : 0.995)).toFixed(1).replace('.', ',')}`);
  }
}
writeFileSync(new URL('ekonomi-bengtsfors-manad-2025.csv', dir), `${mo.join('\n')}\n`);
console.log('wrote', dir.pathname);
