import type { Result } from '../engine/types.js';
import type { Style } from './style.js';

export const RECOMMEND_FORMATS = ['table', 'json', 'markdown', 'html'] as const;
export type RecommendFormat = (typeof RECOMMEND_FORMATS)[number];

export interface RenderOptions {
  style: Style;
  /** Print every contribution, not only the key reasons. */
  explain: boolean;
  /** Columns to fit (a terminal's width, or --width): prose wrapped, tables narrowed or stacked. None: as always. */
  width?: number;
}

export type Renderer = (result: Result, options: RenderOptions) => string;

/**
 * One renderer per format; a format without one fails to compile. Loaded on demand so the table
 * library is only read when a table is printed.
 */
export const RENDERERS: Record<RecommendFormat, () => Promise<Renderer>> = {
  table: async () => (await import('./table.js')).renderTable,
  json: async () => (await import('./json.js')).renderJson,
  markdown: async () => (await import('./markdown.js')).renderMarkdown,
  html: async () => (await import('./html/report.js')).renderHtml,
};
