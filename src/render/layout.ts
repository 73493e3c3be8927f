import Table from 'cli-table3';
import { ANSI, displayWidth, wrapLine, wrapWords } from './wrap.js';

/**
 * Tables that fit a width: narrowed (compact padding, optional columns left out, wrapped cells) or, when
 * nothing fits, stacked as lines. Without a width a table is exactly as it always was: piped output does
 * not change.
 */
export interface TableSpec {
  head: string[];
  rows: string[][];
  /** cli-table3 options of the full-width table (style, chars, colWidths, wordWrap). */
  options?: Table.TableConstructorOptions;
  /** Columns that may be left out, in this order, before the table is stacked (shown elsewhere too). */
  droppable?: number[];
  /** How many leading cells head a row in the stacked form (default 1); the others become "head: value" items. */
  labelColumns?: number;
}

/** The table as it always was when it fits (or no width is given); else the narrowest form that fits. */
export function fitTable(spec: TableSpec, width: number | undefined): string {
  const full = build(spec.head, spec.rows, spec.options ?? {});
  if (width === undefined || tableWidth(full) <= width) return full;
  // Leaving out a column that is shown elsewhere reads better than breaking words, so that comes first.
  const drops = [[], ...(spec.droppable ?? []).map((_, i, all) => all.slice(0, i + 1))];
  for (const wrap of [false, true]) {
    for (const dropped of drops) {
      const columns = spec.head.map((_, i) => i).filter((c) => !dropped.includes(c));
      const pick = (row: string[]) => columns.map((c) => row[c] ?? '');
      const narrowed = narrow(pick(spec.head), spec.rows.map(pick), spec.options ?? {}, width, wrap);
      if (narrowed !== undefined) return narrowed;
    }
  }
  return stacked(spec, width);
}

function build(head: string[], rows: string[][], options: Table.TableConstructorOptions): string {
  const table = new Table({ ...options, head });
  for (const row of rows) table.push(row);
  return table.toString();
}

const tableWidth = (rendered: string) => Math.max(...rendered.split('\n').map(displayWidth));
const cellLines = (cell: string) => cell.split('\n');
const widest = (cell: string) => Math.max(0, ...cellLines(cell).map(displayWidth));
/** The narrowest a cell gets by wrapping: its longest word, broken after hyphens where it has them. */
const narrowest = (cell: string) =>
  Math.max(1, ...cellLines(cell).flatMap((l) => l.split(/ |(?<=[-/,])/).map(displayWidth)));

/**
 * Compact padding (one space, on the left), and with `wrapCells` the widest columns wrapped first, each
 * down to its longest word; undefined when even that is wider than `width`.
 */
function narrow(
  head: string[],
  rows: string[][],
  options: Table.TableConstructorOptions,
  width: number,
  wrapCells: boolean,
): string | undefined {
  const all = [head, ...rows];
  const borders = head.length + 1;
  const natural = head.map((_, c) => Math.max(...all.map((row) => widest(row[c] ?? ''))) + 1);
  const floor = wrapCells
    ? head.map((_, c) => Math.min(natural[c]!, Math.max(...all.map((row) => narrowest(row[c] ?? ''))) + 1))
    : natural;
  const widths = [...natural];
  const total = () => widths.reduce((a, b) => a + b, 0) + borders;
  while (total() > width) {
    // Shrink the column with the most room above its floor, one column at a time.
    let best = -1;
    for (let c = 0; c < widths.length; c++)
      if (widths[c]! > floor[c]! && (best === -1 || widths[c]! - floor[c]! > widths[best]! - floor[best]!)) best = c;
    if (best === -1) return undefined;
    widths[best]!--;
  }
  const wrap = (cell: string, c: number) =>
    cellLines(cell)
      .flatMap((line) => wrapWords(line, widths[c]! - 1))
      .join('\n');
  const style = { ...(options.style ?? {}), 'padding-left': 1, 'padding-right': 0 };
  return build(
    head.map(wrap),
    rows.map((row) => row.map(wrap)),
    { ...options, style, colWidths: widths, wordWrap: false },
  );
}

/** Each row as a heading (its first cells) and its other cells as "head: value" items, wrapped as prose. */
function stacked(spec: TableSpec, width: number): string {
  const labels = spec.labelColumns ?? 1;
  const lines: string[] = [];
  for (const row of spec.rows) {
    const label = row
      .slice(0, labels)
      .filter((cell) => cell.replace(ANSI, '') !== '')
      .join(' ');
    const items = row
      .slice(labels)
      .map((cell, i) => ({ head: spec.head[labels + i] ?? '', cell: cell.replace(/\n/g, ', ') }))
      .filter(({ cell }) => cell.replace(ANSI, '').trim() !== '')
      .map(({ head, cell }) => (head === '' ? cell : `${head}: ${cell}`));
    lines.push(...wrapLine(label, width), ...wrapLine(`  ${items.join('; ')}`, width));
  }
  return lines.join('\n');
}
