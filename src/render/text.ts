/**
 * User text (a title, a context, a reason) is shown, never obeyed: control characters would move the
 * cursor, recolour the terminal or break a Markdown heading, so they are written as visible escapes
 * (\n, \r, \t, \x1b, \u202e). Line and paragraph separators and bidirectional overrides count too.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escape(char: string): string {
  const code = char.charCodeAt(0);
  return (
    NAMED[char] ??
    (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
  );
}

/** Text that must stay on one line (a title, a heading, a file name in an error). */
export function oneLine(text: string): string {
  return text.replace(CONTROL, escape);
}

/** Prose that may span lines (a context): newlines and tabs are kept, CRLF is a newline, the rest is escaped. */
export function prose(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(CONTROL, (char) => (char === '\n' || char === '\t' ? char : escape(char)));
}

/** Text safe inside a Markdown table cell or list item: pipes escaped, line breaks as <br>. */
export const markdownCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
