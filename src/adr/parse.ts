import { LineCounter, parseDocument, isMap, isScalar, stringify } from 'yaml';
import { BLOCK_END, BLOCK_MARK, BLOCK_VERSION } from './block.js';

/**
 * Reads what `adr check` needs from a Markdown ADR without caring about the rest: the status (YAML front
 * matter, a MADR 2 "* Status:" line, or a Nygard "## Status" section), the "Chosen option:" line and the
 * mqselect block — and what is wrong with them, so a check never passes what it could not read. Line
 * numbers are 1-based, for CI annotations.
 */
export interface ParsedAdr {
  title?: string;
  status?: { value: string; line: number; kind: 'front-matter' | 'list' | 'section' };
  /** Front matter that is not valid YAML (or not a mapping): its status cannot be read. */
  frontMatterError?: { line: number; message: string };
  chosen?: { option: string; line: number };
  /** A line that starts like "Chosen option" but names no option, and why. */
  chosenProblem?: { line: number; message: string };
  block?: { json: string; line: number };
  /** Set when the block starts but never ends. */
  unterminatedBlockLine?: number;
  /** A block of a version this mqselect does not read (e.g. "v2"), or with no version. */
  unsupportedBlock?: { version: string; line: number };
  /** Further blocks after the first (an ADR records one decision). */
  extraBlockLines: number[];
}

export function parseAdr(text: string): ParsedAdr {
  const lines = text.split(/\r?\n/);
  const parsed: ParsedAdr = { extraBlockLines: [] };
  let body = 0;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) {
      readFrontMatter(lines.slice(1, end).join('\n'), parsed);
      body = end + 1;
    }
  }
  for (let i = body; i < lines.length; i++) {
    const line = lines[i]!;
    if (parsed.title === undefined && /^# /.test(line)) parsed.title = line.slice(2).trim();
    if (!parsed.status && !parsed.frontMatterError) {
      const listed = /^\s*[*-]\s+Status:\s*(.+?)\s*$/i.exec(line);
      if (listed) parsed.status = { value: listed[1]!, line: i + 1, kind: 'list' };
      else if (/^##\s+Status\s*$/i.test(line)) {
        const next = lines.slice(i + 1).findIndex((l) => l.trim() !== '');
        if (next >= 0) parsed.status = { value: lines[i + 1 + next]!.trim(), line: i + 2 + next, kind: 'section' };
      }
    }
    if (!parsed.chosen) {
      const chosen = chosenOption(line);
      if (chosen && 'option' in chosen) parsed.chosen = { option: chosen.option, line: i + 1 };
      else if (chosen) parsed.chosenProblem ??= { line: i + 1, message: chosen.problem };
    }
    const mark = BLOCK_MARK.exec(line.trim());
    if (mark) {
      const version = mark[1]!.trim();
      if (version !== BLOCK_VERSION) {
        parsed.unsupportedBlock ??= { version, line: i + 1 };
        continue;
      }
      if (parsed.block || parsed.unterminatedBlockLine !== undefined) {
        parsed.extraBlockLines.push(i + 1);
        continue;
      }
      const end = lines.findIndex((l, j) => j > i && l.trim() === BLOCK_END);
      if (end < 0) parsed.unterminatedBlockLine = i + 1;
      else {
        parsed.block = { json: lines.slice(i + 1, end).join('\n'), line: i + 1 };
        i = end;
      }
    }
  }
  return parsed;
}

/** The front matter read as YAML, as every tool reading MADR files does; its `status` with its line. */
function readFrontMatter(yaml: string, parsed: ParsedAdr): void {
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const problem = doc.errors[0];
  // Line 1 of the YAML is line 2 of the file (after the opening ---).
  const lineOf = (offset: number) => counter.linePos(offset).line + 1;
  if (problem) {
    parsed.frontMatterError = {
      line: lineOf(problem.pos[0]),
      message:
        `the front matter is not valid ` +
        `YAML: ${problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
    };
    return;
  }
  if (doc.contents === null) return;
  if (!isMap(doc.contents)) {
    parsed.frontMatterError = {
      line: 2,
      message: 'the front matter is not a YAML mapping of fields (status: …, date: …)',
    };
    return;
  }
  const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === 'status');
  if (!pair) return;
  const line = lineOf((pair.key as { range?: [number, number, number] }).range?.[0] ?? 0);
  const value = isScalar(pair.value) ? pair.value.value : undefined;
  if (typeof value === 'string') parsed.status = { value, line, kind: 'front-matter' };
  else
    parsed.status = { value: value === undefined || value === null ? '' : String(value), line, kind: 'front-matter' };
}

/**
 * "Chosen option: "X", because …" as people write it: in quotes or not, with Markdown emphasis around
 * the label or the option (**Chosen option:** "X", Chosen option: **X**), in a list item. Returns the
 * option, a problem when the line names none, or undefined for any other line.
 */
function chosenOption(line: string): { option: string } | { problem: string } | undefined {
  const label = /^\s*(?:>\s*)*(?:[*+-]\s+)?[*_]{0,2}\s*chosen option\s*[*_]{0,2}\s*:\s*[*_]{0,2}(.*)$/i.exec(line);
  if (!label) return undefined;
  let rest = label[1]!.trim();
  const emphasis = /^([*_]{1,2})(.+?)\1(?![*_])/.exec(rest);
  if (emphasis) rest = emphasis[2]!.trim();
  const quoted = /^(["“'‘`«])(.*?)(["”'’`»])/.exec(rest);
  let option: string;
  if (quoted) option = quoted[2]!;
  else if (/^["“'‘`«]/.test(rest)) return { problem: `the option after "Chosen option:" has no closing ${rest[0]}` };
  else option = rest.split(/,|;|\s+because\s|\s+—\s/i)[0]!.replace(/[.\s*_]+$/, '');
  option = option.replace(/^[*_]+|[*_]+$/g, '').trim();
  return option === ''
    ? { problem: 'the "Chosen option:" line names no option (expected e.g. Chosen option: "Apache Kafka", because …)' }
    : { option };
}

/** Statuses MADR and Nygard ADRs use; anything else cannot tell whether the decision is live. */
export function isKnownStatus(status: string): boolean {
  return /^(proposed|accepted|rejected|deprecated|superseded\b.*)$/i.test(status.trim());
}

/** Statuses whose ADRs are history, not live decisions: skipped by `adr check`. */
export function isRetired(status: string | undefined): boolean {
  return status !== undefined && /^(superseded|rejected|deprecated)\b/i.test(status.trim());
}

/** Replaces only the status of an ADR, keeping everything else byte for byte (for --supersedes). */
export function withStatus(text: string, parsed: ParsedAdr, status: string): string | undefined {
  if (!parsed.status) return undefined;
  const lines = text.split('\n');
  const index = parsed.status.line - 1;
  const line = lines[index]!;
  const cr = line.endsWith('\r') ? '\r' : '';
  const bare = line.replace(/\r$/, '');
  lines[index] =
    (parsed.status.kind === 'front-matter'
      ? frontMatterLine('status', status)
      : parsed.status.kind === 'list'
        ? bare.replace(/(Status:\s*).*$/i, `$1${status}`)
        : bare.replace(bare.trim(), status)) + cr;
  return lines.join('\n');
}

/** One `key: value` line of front matter, quoted by the YAML library where the value needs it. */
export function frontMatterLine(key: string, value: string): string {
  return stringify({ [key]: value }, { lineWidth: 0 }).trimEnd();
}
