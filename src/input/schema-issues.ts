import type * as z from 'zod/mini';
import { loadPositionFinder, locationOf, type ParsedDocument } from './document.js';
import { inputError, type ErrorLocation, type MqselectError } from '../errors.js';

/** A zod issue in words a user of the file understands: what was expected and what was found. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const got = 'input' in issue && issue.input !== undefined ? `, got ${preview(issue.input)}` : '';
  const missing = issue.code !== 'unrecognized_keys' && 'input' in issue && issue.input === undefined;
  if (missing) return 'is required';
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${article(issue.expected === 'int' ? 'integer' : issue.expected)}${got}`;
    case 'too_small':
      return (
        `must be ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}` +
        `${issue.origin === 'array' ? ' items' : ''}${got}`
      );
    case 'too_big':
      return (
        `must be ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}` +
        `${issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : ''}${got}`
      );
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${got}`;
    case 'unrecognized_keys':
      return (
        `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (not ` +
        `part of the format)`
      );
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) return `missing or unknown ${String(issue.discriminator)}`;
      const closest = unionBranchIssue(issue);
      return closest ? describeIssue(closest) : `does not match any allowed form${got}`;
    }
    case 'invalid_format':
      return `${issue.message}${got}`;
    default:
      return `${issue.message}${got}`;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function preview(value: unknown): string {
  const text =
    typeof value === 'string'
      ? JSON.stringify(value)
      : Array.isArray(value)
        ? 'a list'
        : value === null
          ? 'null'
          : typeof value === 'object'
            ? 'an object'
            : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * For a value that matches none of a union's forms (protocols: a list or an object), the issue of the form it came
 * closest to: the one found deepest inside the value (an object with a bad field is reported at that field, not as
 * "expected an array"); on a tie, the first form.
 */
function unionBranchIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue | undefined {
  if (issue.code !== 'invalid_union') return undefined;
  const firsts = issue.errors.map((branch) => branch[0]).filter((x): x is z.core.$ZodIssue => x !== undefined);
  return firsts.reduce<z.core.$ZodIssue | undefined>(
    (best, x) => (!best || issuePath(x).length > issuePath(best).length ? x : best),
    undefined,
  );
}

/** Unknown keys are reported at the key itself, not at the object holding it; a union's at its closest form's. */
export function issuePath(issue: z.core.$ZodIssue): PropertyKey[] {
  const base = [...issue.path];
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) return [...base, issue.keys[0]!];
  const branch = unionBranchIssue(issue);
  return branch ? [...base, ...issuePath(branch)] : base;
}

/** Every issue, each placed in the file (line:column) with its field path, in the order zod found them. */
export async function locatedIssues(
  issues: ReadonlyArray<z.core.$ZodIssue>,
  parsed: ParsedDocument,
  file: string,
): Promise<Array<{ location: ErrorLocation; message: string }>> {
  await loadPositionFinder();
  return issues.map((issue) => {
    const path = issuePath(issue);
    const location = locationOf(parsed, file, path, issue.code === 'unrecognized_keys');
    return {
      location: path.length === 0 ? { ...location, path: '(document)' } : location,
      message: describeIssue(issue),
    };
  });
}

export async function schemaError(
  issues: ReadonlyArray<z.core.$ZodIssue>,
  parsed: ParsedDocument,
  file: string,
): Promise<MqselectError> {
  const [first] = await locatedIssues(issues.slice(0, 1), parsed, file);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return inputError(`${first!.message}${more}`, first!.location);
}
