import { BLOCK_END, BLOCK_START } from './block.js';

/**
 * Reads what `adr check` needs from a Markdown ADR without caring about the rest: the status (front
 * matter, a MADR 2 "* Status:" line, or a Nygard "## Status" section), the "Chosen option:" line and the
 * mqselect block. Line numbers are 1-based, for CI annotations.
 */
export interface ParsedAdr {
  title?: string;
  status?: { value: string; line: number; kind: 'front-matter' | 'list' | 'section' };
  chosen?: { option: string; line: number };
  block?: { json: string; line: number };
  /** Set when the block starts but never ends. */
  unterminatedBlockLine?: number;
}

export function parseAdr(text: string): ParsedAdr {
  const lines = text.split(/\r?\n/);
  const parsed: ParsedAdr = {};
  let body = 0;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) {
      for (let i = 1; i < end; i++) {
        const match = /^status:\s*(.*?)\s*$/.exec(lines[i]!);
        if (match) parsed.status = { value: unquote(match[1]!), line: i + 1, kind: 'front-matter' };
      }
      body = end + 1;
    }
  }
  for (let i = body; i < lines.length; i++) {
    const line = lines[i]!;
    if (parsed.title === undefined && /^# /.test(line)) parsed.title = line.slice(2).trim();
    if (!parsed.status) {
      const listed = /^\s*[*-]\s+Status:\s*(.+?)\s*$/i.exec(line);
      if (listed) parsed.status = { value: listed[1]!, line: i + 1, kind: 'list' };
      else if (/^##\s+Status\s*$/i.test(line)) {
        const next = lines.slice(i + 1).findIndex((l) => l.trim() !== '');
        if (next >= 0) parsed.status = { value: lines[i + 1 + next]!.trim(), line: i + 2 + next, kind: 'section' };
      }
    }
    if (!parsed.chosen) {
      const chosen = /^Chosen option:\s*"([^"]+)"/.exec(line);
      if (chosen) parsed.chosen = { option: chosen[1]!, line: i + 1 };
    }
    if (line.trim() === BLOCK_START && !parsed.block) {
      const end = lines.findIndex((l, j) => j > i && l.trim() === BLOCK_END);
      if (end < 0) parsed.unterminatedBlockLine = i + 1;
      else parsed.block = { json: lines.slice(i + 1, end).join('\n'), line: i + 1 };
    }
  }
  return parsed;
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
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
      ? `status: ${status}`
      : parsed.status.kind === 'list'
        ? bare.replace(/(Status:\s*).*$/i, `$1${status}`)
        : bare.replace(bare.trim(), status)) + cr;
  return lines.join('\n');
}
