/**
 * Whether the report is coloured, decided once here (renderers never ask chalk): never into a file
 * (`--out`) or with `--no-color`; `FORCE_COLOR` (any value but `0`/`false`) colours a pipe too, as CI
 * logs show colour; otherwise `NO_COLOR` turns it off and only a terminal gets colour.
 */
export function wantsColor(opts: { flag: boolean; toStdout: boolean; isTTY: boolean; env: NodeJS.ProcessEnv }): boolean {
  if (!opts.flag || !opts.toStdout) return false;
  const force = opts.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if ((opts.env.NO_COLOR ?? '') !== '') return false;
  return opts.isTTY;
}
