import { usageError } from '../errors.js';

/**
 * How wide the output may be: --width N (0 = no wrapping), else on a terminal its width (COLUMNS when
 * set, as shells export it, else the terminal's own), else none — piped output stays exactly as it is.
 */
const MIN_WIDTH = 20;

export function outputWidth(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  stream: { isTTY?: boolean; columns?: number },
): number | undefined {
  if (flag !== undefined) {
    const value = Number(flag);
    if (!/^\d+$/.test(flag.trim()) || (value !== 0 && (value < MIN_WIDTH || value > 1000)))
      throw usageError(`--width: expected 0 (no wrapping) or a whole number from ${MIN_WIDTH} to 1000 (got "${flag}")`);
    return value === 0 ? undefined : value;
  }
  return stream.isTTY === true ? terminalWidth(env, stream) : undefined;
}

export function terminalWidth(env: NodeJS.ProcessEnv, stream: { columns?: number }): number {
  const columns = Number(env.COLUMNS);
  if (Number.isInteger(columns) && columns >= MIN_WIDTH) return columns;
  return stream.columns !== undefined && stream.columns >= MIN_WIDTH ? stream.columns : 80;
}
