/**
 * The HTML renderers' own templating: a tagged template literal that escapes every interpolated value.
 * Only a `SafeHtml` (made by `html` itself, or by `trusted` for the page's constant CSS and script) goes
 * in unescaped, so a title such as `<script>alert(1)</script>` is always shown as text.
 */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** What may be interpolated: text and numbers (escaped), fragments, lists of them; nothing for null, undefined, false. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for quoted attribute values alike. Control characters (a parse
 * error in HTML, invisible or a box on screen) become visible escapes such as \x1b. */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => ESCAPES[c]!)
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g,
      (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
    );
}

function piece(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(piece).join('');
  if (value === null || value === undefined || value === false || value === true) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += piece(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** For the page's own constants (CSS, the print script) only: never for data. */
export const trusted = (text: string): SafeHtml => new SafeHtml(text);

/** Fragments joined by a separator (escaped like any other value). */
export const join = (items: readonly HtmlValue[], separator: HtmlValue): SafeHtml =>
  new SafeHtml(items.map(piece).join(piece(separator)));

/** Only http(s) addresses become links; anything else (javascript:, data:, a typo) stays text. */
export function link(url: string, text: string = url): SafeHtml {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url) ? html`<a href="${url}">${text}</a>` : html`${text}`;
}

/** A number as an SVG coordinate: two decimals at most, no "-0", so output stays small and stable. */
export const n = (value: number): string => {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
};
