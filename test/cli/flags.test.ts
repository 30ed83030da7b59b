import { describe, expect, it } from 'vitest';
import { READ_KEYS, READ_OPTIONS } from '../../src/config/options.js';
import { DEFAULT_MAX_ROWS, ingestOverrides } from '../../src/cli/flags.js';
import { buildProgram } from '../../src/cli/program.js';
import { CONFIG, tillit } from './run.js';

describe('read flags', () => {
  it('become overrides under the config\'s keys, a tab by its name, the row limit defaulted', () => {
    expect(ingestOverrides({ inputPeriod: '2025-08', inputMunicipality: '1460', delimiter: 'tab', decimal: ',', gender: 'all', inputIndicator: '' })).toEqual({
      delimiter: '\t', decimal: ',', gender: 'all', period: '2025-08', municipality: '1460', maxRows: DEFAULT_MAX_ROWS,
    });
    expect(ingestOverrides({ maxRows: 5 })).toEqual({ maxRows: 5 });
  });

  it('every command that reads files has every flag of the table, with its help, after the common options', () => {
    const program = buildProgram({ stdout: process.stdout, stderr: process.stderr, env: {} });
    const flags = READ_KEYS.flatMap((key) => { const o = READ_OPTIONS[key]; return 'flag' in o ? [o.flag] : []; });
    for (const name of ['validate', 'report', 'init']) {
      const cmd = program.commands.find((c) => c.name() === name)!;
      const read = cmd.options.filter((o) => o.helpGroupHeading?.startsWith('Reading input files'));
      expect(read.slice(0, flags.length).map((o) => [o.flags, o.description]), name).toEqual(flags.map((f) => [f.name, f.help]));
    }
  });
});

describe('a path option given empty', () => {
  it('is exit 2 naming it, not skipped (--summary, --rejects) or taken as the working directory (--out)', async () => {
    const cases: [string[], string][] = [
      [['report', '--config', CONFIG, '--summary', ''], '--summary: the path is empty ($GITHUB_STEP_SUMMARY outside GitHub Actions, or another unset variable?)'],
      [['report', '--config', CONFIG, '--rejects', ''], '--rejects: the path is empty (an unset variable?)'],
      [['report', '--config', CONFIG, '--out', ''], '--out: the path is empty (an unset variable?)'],
      [['validate', '--config', CONFIG, '--rejects', ''], '--rejects: the path is empty (an unset variable?)'],
      [['init', '--out', ''], '--out: the path is empty (an unset variable?)'],
    ];
    for (const [args, message] of cases) {
      const r = await tillit(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr, args.join(' ')).toBe(`tillit: ${message}\n`);
    }
  });
});
