import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { splitRecords, type RawRecord } from '../src/cli/records.js';

async function split(input: string, limit = 1000, chunkSize = 7): Promise<RawRecord[]> {
  async function* chunks() {
    for (let i = 0; i < input.length; i += chunkSize) yield input.slice(i, i + chunkSize);
  }
  const out: RawRecord[] = [];
  for await (const record of splitRecords(chunks(), limit)) out.push(record);
  return out;
}

describe('splitting a stream of records', () => {
  it('splits a JSON array of objects, whatever the chunk boundaries', async () => {
    const input = ' [ {"a": "x,]}"}, {"b": [1, 2, {"c": "\\"]"}]} ,{"d":1}]\n';
    for (const size of [1, 2, 3, 5, 100]) {
      expect((await split(input, 1000, size)).map((r) => ('text' in r ? JSON.parse(r.text) : r))).toEqual([
        { a: 'x,]}' },
        { b: [1, 2, { c: '"]' }] },
        { d: 1 },
      ]);
    }
  });

  it('splits NDJSON by lines and skips blank lines', async () => {
    expect(await split('{"a":1}\n\n{"b":2}\r\n{"c":3}')).toEqual([
      { text: '{"a":1}' },
      { text: '{"b":2}\r' },
      { text: '{"c":3}' },
    ]);
  });

  it('turns an oversized record into an error and goes on', async () => {
    const big = `{"x":"${'y'.repeat(200)}"}`;
    expect(await split(`[{"a":1},${big},{"b":2}]`, 100)).toEqual([
      { text: '{"a":1}' },
      { error: 'record is over the 100-character limit' },
      { text: '{"b":2}' },
    ]);
    expect(await split(`{"a":1}\n${big}\n{"b":2}\n`, 100)).toEqual([
      { text: '{"a":1}' },
      { error: 'record is over the 100-character limit' },
      { text: '{"b":2}' },
    ]);
  });

  it('reports a truncated array and text after it', async () => {
    expect(await split('[{"a":1},{"b":')).toEqual([
      { text: '{"a":1}' },
      { error: 'the JSON array ends in the middle of this record (truncated input)' },
    ]);
    expect(await split('[{"a":1}] x')).toEqual([
      { text: '{"a":1}' },
      { error: 'unexpected text after the closing ] of the JSON array' },
    ]);
  });

  test.prop([fc.array(fc.jsonValue(), { maxLength: 20 }), fc.integer({ min: 1, max: 50 })])(
    'any JSON array round-trips element by element',
    async (values, chunk) => {
      const records = await split(JSON.stringify(values), 1_000_000, chunk);
      expect(records.map((r) => ('text' in r ? JSON.parse(r.text) : r))).toEqual(
        values.map((v) => JSON.parse(JSON.stringify(v))),
      );
    },
  );
});

describe('malformed arrays', () => {
  it('reports an empty slot as its own record instead of renumbering', async () => {
    expect(await split('[{"a":1},,{"b":2}]')).toEqual([
      { text: '{"a":1}' },
      { error: 'malformed JSON: an empty element in the array' },
      { text: '{"b":2}' },
    ]);
    expect(await split('[{"a":1},]')).toEqual([
      { text: '{"a":1}' },
      { error: 'malformed JSON: an empty element in the array' },
    ]);
    expect(await split('[]')).toEqual([]);
  });

  it('keeps a stray closing brace inside its record', async () => {
    expect(await split('[{"a":1}}, {"b":2}]')).toEqual([
      { error: 'malformed JSON: unbalanced brackets in this record' },
      { text: ' {"b":2}' },
    ]);
  });

  it('refuses empty input', async () => {
    await expect(split('   \n')).rejects.toThrow(/the input is empty/);
  });
});
