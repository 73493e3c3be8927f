import * as z from 'zod/mini';
import { formatPath, inputError, usageError } from '../errors.js';
import { describeIssue, issuePath } from '../input/schema-issues.js';
import type { Assignment } from './assignments.js';
import { parseHumanNumber } from './numbers.js';
import { leafKind, requirementLeaves } from './paths.js';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * `--set path=value`: overrides one field of the input without editing the file. The path must be a
 * field of requirements v1; the value is read by the field's type (numbers in human forms, lists as
 * comma-separated words) and then validated with the whole document, like file input.
 */
export function parseAssignment(raw: string): Assignment {
  const eq = raw.indexOf('=');
  if (eq <= 0)
    throw usageError(`--set expects PATH=VALUE, e.g. --set workload.peakMessagesPerSecond=2e6 (got "${raw}")`);
  const path = raw.slice(0, eq).trim();
  const text = raw.slice(eq + 1);
  const segments = path.split('.');
  const bad = segments.find((s) => FORBIDDEN.has(s));
  if (bad !== undefined) throw usageError(`--set ${path}: the segment "${bad}" is not allowed`);
  const leaves = requirementLeaves();
  const schema = leaves.get(path);
  if (!schema) {
    const near = [...leaves.keys()].filter((p) => p.startsWith(`${segments[0]}.`) || p === segments[0]);
    const fieldsHere =
      near.length > 0 ? ` (fields here: ${near.slice(0, 6).join(', ')}${near.length > 6 ? ', …' : ''})` : '';
    throw usageError(`--set ${path}: not a field of requirements v1${fieldsHere}`);
  }
  const value = readValue(path, text, leafKind(schema));
  // The field's own rules at once, so an invalid value fails here, once, and not for every record of a batch.
  const checked = z.safeParse(schema, value, { reportInput: true });
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw inputError(describeIssue(issue), {
      file: '--set',
      path: formatPath([...path.split('.'), ...issuePath(issue)]),
    });
  }
  return { path, value };
}

function readValue(path: string, text: string, kind: string): unknown {
  if (kind === 'number' || kind === 'int' || kind === 'literal') {
    const value = parseHumanNumber(text);
    if (value === undefined)
      throw usageError(`--set ${path}: expected a number such as 2000, 50k, 1.5M or 2e6 (got "${text}")`);
    return value;
  }
  if (kind === 'array') return text.trim() === '' ? [] : text.split(',').map((item) => item.trim());
  if (kind === 'boolean') {
    const word = text.trim();
    if (word === 'true' || word === 'false') return word === 'true';
    throw usageError(`--set ${path}: expected true or false (got "${text}")`);
  }
  return text;
}

/** All --set options, in order (loaded only when there are any: it brings the schema). */
export const parseAssignments = (raw: string[]): Assignment[] => raw.map(parseAssignment);
