/**
 * Splits a stream of requirement records — a JSON array, or NDJSON / concatenated JSON documents, decided
 * by the first character — into record texts without holding the whole input, so the size limit applies
 * per record, not per file.
 */
import { inputError } from '../errors.js';
import { Utf8Chunks, wideEncoding } from './decode.js';

export type RawRecord = { text: string } | { error: string };

export async function* splitRecords(
  chunks: AsyncIterable<string | Buffer>,
  limit: number,
  file?: string,
): AsyncGenerator<RawRecord> {
  // Bytes that are not UTF-8 stop the run (the records before them are answered) instead of reaching
  // results as U+FFFD.
  const decoder = new Utf8Chunks();
  const where = file === undefined ? {} : { file };
  let splitter: Splitter | undefined;
  let records = 0;
  for await (const chunk of chunks) {
    if (!splitter && typeof chunk !== 'string') {
      const wide = wideEncoding(chunk);
      if (wide) throw inputError(`${wide} is not supported; save the input as UTF-8`, where);
    }
    const { text: decoded, invalid } =
      typeof chunk === 'string' ? { text: chunk, invalid: false } : decoder.push(chunk);
    let text = decoded;
    const nul = text.indexOf('\u0000');
    if (nul !== -1) text = text.slice(0, nul);
    if (!splitter) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const first = text.search(/\S/);
      if (first !== -1) splitter = text[first] === '[' ? new ArraySplitter(limit) : new DocumentSplitter(limit);
    }
    if (splitter) {
      for (const record of splitter.push(text)) {
        records++;
        yield record;
      }
    }
    if (invalid)
      throw inputError(`not valid UTF-8 in record ${records} (counting from 0); save the input as UTF-8`, where);
    if (nul !== -1)
      throw inputError(`looks like a binary file (a NUL byte in record ${records}, counting from 0)`, where);
  }
  if (decoder.endsCut())
    throw inputError(
      'not valid UTF-8 at the end of the input (a cut multi-byte character); save the input as UTF-8',
      where,
    );
  if (!splitter) throw inputError('the input is empty (expected a JSON array or NDJSON of requirement objects)', where);
  yield* splitter.end();
}

interface Splitter {
  push(text: string): Generator<RawRecord>;
  end(): Generator<RawRecord>;
}

/** Collects the pieces of one record; past the limit it keeps only the fact that it was too long. */
class Piece {
  private parts: string[] = [];
  private length = 0;
  oversized = false;
  /** Set when the record's brackets do not balance (e.g. a stray "}"). */
  broken = false;
  constructor(private readonly limit: number) {}
  add(text: string): void {
    if (this.oversized || text === '') return;
    this.length += text.length;
    if (this.length > this.limit) {
      this.oversized = true;
      this.parts = [];
    } else this.parts.push(text);
  }
  take(): RawRecord | undefined {
    const text = this.parts.join('');
    const record = this.oversized
      ? { error: `record is over the ${this.limit}-character limit` }
      : this.broken
        ? { error: 'malformed JSON: unbalanced brackets in this record' }
        : text.trim() === ''
          ? undefined
          : { text };
    this.parts = [];
    this.length = 0;
    this.oversized = false;
    this.broken = false;
    return record;
  }
}

/**
 * NDJSON, and concatenated JSON documents as jq writes them without -c (pretty-printed, one after
 * another): a record ends at a line end where its brackets balance, or where the next document starts
 * on the same line. A line starting with "{" while a record is still open starts a new record, so one
 * broken line does not swallow the rest of the stream.
 */
class DocumentSplitter implements Splitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private lineStart = true;
  /** Non-blank text since the last record boundary. */
  private content = false;
  private piece: Piece;
  constructor(limit: number) {
    this.piece = new Piece(limit);
  }

  *push(text: string): Generator<RawRecord> {
    let start = 0;
    const cut = (end: number): RawRecord | undefined => {
      this.piece.add(text.slice(start, end));
      start = end;
      this.depth = 0;
      this.content = false;
      return this.piece.take();
    };
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const lineStart = this.lineStart;
      this.lineStart = false;
      if (c === NEWLINE) {
        this.lineStart = true;
        // A JSON string never spans lines: an unclosed one is this record's error, not the next one's.
        if (this.inString) {
          this.inString = false;
          this.piece.broken = true;
        }
        if (this.depth === 0) {
          const record = cut(i);
          start = i + 1;
          if (record) yield record;
        }
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (
        (c === OPEN_CURLY && lineStart && this.depth > 0) ||
        ((c === OPEN_CURLY || c === OPEN_SQUARE) && this.depth === 0 && this.content)
      ) {
        const record = cut(i);
        if (record) yield record;
      }
      if (c > 32) this.content = true;
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_CURLY || c === OPEN_SQUARE) this.depth++;
      else if (c === CLOSE_CURLY || c === CLOSE_SQUARE) {
        if (this.depth === 0) this.piece.broken = true;
        else this.depth--;
      }
    }
    this.piece.add(text.slice(start));
  }

  *end(): Generator<RawRecord> {
    if (this.depth > 0) this.piece.broken = true;
    const record = this.piece.take();
    if (record) yield record;
  }
}

const NEWLINE = 10;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_SQUARE = 91;
const CLOSE_SQUARE = 93;
const OPEN_CURLY = 123;
const CLOSE_CURLY = 125;

/** A state machine over a top-level JSON array: nesting depth, strings and escapes. */
class ArraySplitter implements Splitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private closed = false;
  private trailing = false;
  private separators = 0;
  private piece: Piece;

  constructor(limit: number) {
    this.piece = new Piece(limit);
  }

  *push(text: string): Generator<RawRecord> {
    // Where the current record's text starts in this chunk (0 when it began in an earlier chunk).
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.closed) {
        if (c > 32) this.trailing = true;
        continue;
      }
      if (this.depth === 0) {
        if (c === OPEN_SQUARE) {
          this.depth = 1;
          start = i + 1;
        }
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (this.depth === 1 && (c === COMMA || c === CLOSE_SQUARE)) {
        this.piece.add(text.slice(start, i));
        const record = this.piece.take();
        if (record) yield record;
        // "[]" is an empty batch; an empty slot anywhere else ("[a,,b]", "[a,]") is an error of its own.
        else if (c === COMMA || this.separators > 0) yield { error: 'malformed JSON: an empty element in the array' };
        if (c === COMMA) this.separators++;
        start = i + 1;
        if (c === CLOSE_SQUARE) {
          this.closed = true;
          this.depth = 0;
        }
        continue;
      }
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_CURLY || c === OPEN_SQUARE) this.depth++;
      else if (this.depth === 1 && c === CLOSE_CURLY) this.piece.broken = true;
      else if (c === CLOSE_CURLY || c === CLOSE_SQUARE) this.depth--;
    }
    if (!this.closed && this.depth > 0) this.piece.add(text.slice(start));
  }

  *end(): Generator<RawRecord> {
    if (!this.closed) {
      const record = this.piece.take();
      yield {
        error: record
          ? 'the JSON array ends in the middle of this record (truncated input)'
          : 'the JSON array is not closed with ]',
      };
    }
    if (this.trailing) yield { error: 'unexpected text after the closing ] of the JSON array' };
  }
}
