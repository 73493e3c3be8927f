import { CRITERIA, type Criterion } from '../engine/types.js';
import { usageError } from '../errors.js';
import { parseHumanNumber } from '../requirements/numbers.js';

/** `--weight dim=N` values, validated like file input: the name is checked, N must be 0..10. */
export function parseWeightOverrides(values: string[]): Partial<Record<Criterion, number>> {
  const overrides: Partial<Record<Criterion, number>> = {};
  for (const value of values) {
    const match = /^([A-Za-z]+)=(.+)$/.exec(value);
    if (!match) throw usageError(`--weight expects NAME=NUMBER, e.g. --weight latency=8 (got "${value}")`);
    const [, name, raw] = match as unknown as [string, string, string];
    if (!(CRITERIA as readonly string[]).includes(name))
      throw usageError(`--weight: unknown criterion "${name}" (one of ${CRITERIA.join(', ')})`);
    const weight = parseHumanNumber(raw);
    if (weight === undefined || weight < 0 || weight > 10)
      throw usageError(`--weight ${name}: expected a number from 0 to 10 (got "${raw}")`);
    overrides[name as Criterion] = weight;
  }
  return overrides;
}

export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** A comma-separated option, e.g. --decision-makers "Ana, Ben" (repeatable). */
export const splitList = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

/** Today in the local time zone, as people write dates in ADRs. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A whole number option such as --robustness 10000 or --seed 7, within 0..max. */
export function parseCount(option: string, raw: string, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value > max)
    throw usageError(`${option}: expected a whole number from 0 to ${max} (got "${raw}")`);
  return value;
}
