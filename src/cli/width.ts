/**
 * The width the terminal table is laid out to: `--width N`; else the terminal's, when the table
 * goes to one; else `COLUMNS` (a positive whole number; anything else is not a width); else 80.
 */
export function tableWidth(opts: { flag: number | undefined; toStdout: boolean; stdout: { isTTY?: boolean; columns?: number }; env: NodeJS.ProcessEnv }): number {
  if (opts.flag !== undefined) return opts.flag;
  const terminal = opts.toStdout && opts.stdout.isTTY === true ? opts.stdout.columns : undefined;
  if (terminal !== undefined && Number.isInteger(terminal) && terminal > 0) return terminal;
  const columns = Number(opts.env.COLUMNS);
  if (/^\d+$/.test(opts.env.COLUMNS ?? '') && columns > 0) return columns;
  return 80;
}
