/**
 * Prose that fits a width: wrapped at word boundaries with a hanging indent, ANSI escapes and wide
 * characters measured as a terminal shows them. Without a width, text is left exactly as it is.
 */
export const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a string takes in a terminal: escapes take none, East Asian wide characters two, combining marks none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(ANSI, '')) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x300 && code <= 0x36f) || code === 0x200b) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/**
 * Greedy word wrap to `width` columns. Words break at spaces; a word wider than the line breaks after a
 * hyphen, slash or comma, and only then anywhere — except a URL, which stays whole (a terminal can
 * still open it).
 */
export function wrapWords(text: string, width: number): string[] {
  // Pieces of one word follow each other without a space.
  const tokens: Array<{ text: string; glued: boolean }> = [];
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const plain = word.replace(ANSI, '');
    if (displayWidth(word) <= width || plain !== word || /^\(?<?https?:\/\//.test(plain))
      tokens.push({ text: word, glued: false });
    else pieces(word, width).forEach((piece, i) => tokens.push({ text: piece, glued: i > 0 }));
  }
  const lines: string[] = [];
  let line = '';
  for (const { text: token, glued } of tokens) {
    const joined = line === '' ? token : glued ? line + token : `${line} ${token}`;
    if (line === '' || displayWidth(joined) <= width) line = joined;
    else {
      lines.push(line);
      line = token;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** A word too wide for a line: its parts after hyphens, slashes and commas, each part no wider than the line. */
function pieces(word: string, width: number): string[] {
  return word.split(/(?<=[-/,])/).flatMap((part) => {
    const chars = [...part];
    const out: string[] = [];
    let piece = '';
    for (const char of chars) {
      if (piece !== '' && displayWidth(piece + char) > width) {
        out.push(piece);
        piece = '';
      }
      piece += char;
    }
    return [...out, piece];
  });
}

/**
 * One line of prose to `width`: continuation lines align after the leading spaces and a list marker
 * ("- ", "+ ", "* ", "1. "), or two further in for a label ("   cluster: "), so lists still read as lists.
 */
export function wrapLine(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const plain = line.replace(ANSI, '');
  const lead = /^( *)((?:[-+*•]|\d+\.) )?/.exec(plain)!;
  const indent = lead[1]!.length + (lead[2] ? lead[2].length : 2);
  const hanging = indent <= width / 2 ? indent : 2;
  // The leading spaces belong to the first line; they are not a word.
  const start = line.length - line.trimStart().length;
  const body = wrapWords(line.slice(start), width - lead[1]!.length);
  const first = line.slice(0, start) + body[0]!;
  const rest = wrapWords(body.slice(1).join(' '), width - hanging).filter((l) => l !== '');
  return [first, ...rest.map((l) => ' '.repeat(hanging) + l)];
}

/**
 * Every line longer than `width` wrapped; lines that fit (tables fitted to the width among them) are left as they
 * are.
 */
export function wrapText(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}
