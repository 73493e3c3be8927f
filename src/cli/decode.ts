import { isUtf8 } from 'node:buffer';
import { inputError, type ErrorLocation } from '../errors.js';

/**
 * Bytes of a user file -> text, refusing what is not UTF-8 instead of replacing it with U+FFFD (which
 * would then reach results and ADRs): UTF-16 and UTF-32 (by byte-order mark or by the zero bytes of
 * ASCII text in them), NUL bytes (binary files) and invalid UTF-8, with the line and column of the
 * first bad byte. A UTF-8 byte-order mark is dropped.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const wide = wideEncoding(bytes);
  if (wide) throw inputError(`${wide} is not supported; save the file as UTF-8`, { file });
  if (!isUtf8(bytes)) {
    const offset = firstInvalidUtf8(bytes);
    throw inputError(
      `not valid UTF-8 (byte 0x${bytes[offset]!.toString(16).padStart(2, '0')}); save the file as UTF-8`,
      { file, ...position(bytes, offset) },
    );
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const nul = text.indexOf('\u0000');
  if (nul !== -1)
    throw inputError('looks like a binary file (contains NUL bytes)', { file, ...lineColumnOf(text, nul) });
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** "UTF-16" or "UTF-32" when the start of the bytes says so (a byte-order mark, or ASCII with zero bytes between). */
export function wideEncoding(bytes: Uint8Array): 'UTF-16' | 'UTF-32' | undefined {
  const [a, b, c, d] = bytes;
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff))
    return 'UTF-32';
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return 'UTF-16';
  // Without a mark: text starting with an ASCII character, every other byte zero.
  if (bytes.length >= 4 && a !== 0 && b === 0 && c === 0 && d === 0) return 'UTF-32';
  if (bytes.length >= 2 && ((a !== 0 && b === 0) || (a === 0 && b !== 0)) && zeroShare(bytes) > 0.3) return 'UTF-16';
  return undefined;
}

function zeroShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 256);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  return zeros / n;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (the lead byte of a broken one). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k]!;
      if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return i;
    }
    i += length;
  }
  return bytes.length;
}

/** Line and column (in characters) of a byte offset, counting only the valid text before it. */
function position(bytes: Uint8Array, offset: number): Pick<ErrorLocation, 'line' | 'column'> {
  return lineColumnOf(
    Buffer.from(bytes.buffer, bytes.byteOffset, offset).toString('utf8'),
    offset === 0 ? 0 : Infinity,
  );
}

function lineColumnOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, Math.min(index, text.length));
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
  return { line, column: [...before.slice(lineStart)].length + 1 };
}

/**
 * UTF-8 for a stream of chunks: the text up to the first bad byte, and whether there was one. A sequence
 * cut by a chunk boundary is carried to the next chunk.
 */
export class Utf8Chunks {
  private carry: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): { text: string; invalid: boolean } {
    const bytes = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const end = completeLength(bytes);
    this.carry = Buffer.from(bytes.subarray(end));
    const whole = bytes.subarray(0, end);
    if (isUtf8(whole)) return { text: whole.toString('utf8'), invalid: false };
    return { text: whole.subarray(0, firstInvalidUtf8(whole)).toString('utf8'), invalid: true };
  }

  /** True when the stream ended inside a multi-byte sequence. */
  endsCut(): boolean {
    return this.carry.length > 0;
  }
}

/** Length of the bytes without a trailing, not yet complete multi-byte sequence. */
function completeLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if (b < 0x80) return bytes.length;
    if (b >= 0xc0) {
      const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return needed > back ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}
