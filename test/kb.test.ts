import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleKnowledgeBase } from '../src/kb/load.js';
import { checkIntegrity } from '../src/kb/integrity.js';
import { jsonSchemas } from '../src/schemas/json-schemas.js';
import { DIMENSIONS, SHIPPED_BROKERS } from '../src/requirements/vocabulary.js';
import { ROOT, shippedKb, shippedSources } from './helpers.js';

describe('shipped knowledge base', () => {
  it('passes every integrity rule without errors', async () => {
    const { findings } = await assembleKnowledgeBase(shippedSources());
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('covers the four brokers with stable ids, an asOf date and the required product lines', async () => {
    const kb = await shippedKb();
    expect(kb.brokers.map((b) => b.id).sort()).toEqual([...SHIPPED_BROKERS].sort());
    const products = kb.brokers.flatMap((b) => b.products.map((p) => `${b.id}:${p.name}:${p.versionsCovered}`));
    expect(products.some((p) => p.startsWith('activemq:ActiveMQ Classic'))).toBe(true);
    expect(products.some((p) => /activemq:.*Artemis/.test(p))).toBe(true);
    expect(products.some((p) => /rabbitmq:.*:4\./.test(p))).toBe(true);
    expect(products.some((p) => /rocketmq:.*:5\./.test(p))).toBe(true);
    expect(products.some((p) => /kafka:.*:4\./.test(p))).toBe(true);
    for (const b of kb.brokers) expect(b.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives every dimension of every broker a rating, a rationale and an https source', async () => {
    for (const b of (await shippedKb()).brokers) {
      for (const d of DIMENSIONS) {
        const r = b.dimensions[d];
        expect(r.rating, `${b.id}.${d}`).toBeGreaterThanOrEqual(1);
        expect(r.rationale.length, `${b.id}.${d}`).toBeGreaterThan(20);
        expect(
          r.sources.every((s) => s.startsWith('https://')),
          `${b.id}.${d}`,
        ).toBe(true);
      }
    }
  });

  it('maps the classic RabbitMQ course modes honestly to 4.x', async () => {
    const rabbit = (await shippedKb()).brokers.find((b) => b.id === 'rabbitmq')!;
    const mirrored = rabbit.clusterModes.find((m) => m.id === 'rabbitmq-classic-mirrored')!;
    expect(mirrored.status).toBe('removed');
    expect(mirrored.replacedBy).toBe('rabbitmq-quorum-cluster');
    expect(rabbit.clusterModes.find((m) => m.id === 'rabbitmq-warren-active-standby')!.status).not.toBe('current');
    expect(rabbit.multiDatacenter.map((m) => m.id)).toEqual(
      expect.arrayContaining(['rabbitmq-shovel', 'rabbitmq-federation']),
    );
  });

  it('marks legacy and removed cluster modes with where to go instead', async () => {
    const modes = (await shippedKb()).brokers.flatMap((b) => b.clusterModes);
    expect(modes.find((m) => m.id === 'rocketmq-dledger')!.status).toBe('legacy');
    expect(modes.find((m) => m.id === 'kafka-zookeeper-cluster')!.status).toBe('removed');
    expect(modes.find((m) => m.id === 'activemq-classic-replicated-leveldb')!.status).toBe('removed');
  });
});

describe('ids and order, as linguist keeps languages.yml', () => {
  const { retired = {}, ...lock } = parse(readFileSync(join(ROOT, 'data', 'ids.lock'), 'utf8')) as Record<
    string,
    string[]
  > & { retired?: Record<string, string[]> };
  const current = async (): Promise<Record<string, string[]>> => {
    const kb = await shippedKb();
    return {
      brokers: kb.brokers.map((b) => b.id),
      profiles: kb.brokers.flatMap((b) => b.profiles.map((p) => `${b.id}/${p.id}`)),
      clusterModes: kb.brokers.flatMap((b) => b.clusterModes.map((m) => m.id)),
      multiDatacenter: kb.brokers.flatMap((b) => b.multiDatacenter.map((m) => m.id)),
      rules: kb.rules.map((r) => r.id),
      cases: readdirSync(join(ROOT, 'data', 'cases')).map((f) => f.replace(/\.yaml$/, '')),
    };
  };

  it('never removes an id: every id in data/ids.lock is still defined, as the same kind', async () => {
    const now = await current();
    const removed = Object.entries(lock).flatMap(([kind, ids]) =>
      ids.filter((id) => !now[kind]?.includes(id) && !retired[kind]?.includes(id)).map((id) => `${kind}: ${id}`),
    );
    expect(
      removed,
      'retire an entry (status: removed), or list an id with no status under retired:, instead of deleting it',
    ).toEqual([]);
  });

  it('never brings a retired id back: ids under retired: stay in the lock and out of the KB', async () => {
    const now = await current();
    const back = Object.entries(retired).flatMap(([kind, ids]) =>
      ids.filter((id) => now[kind]?.includes(id) || !lock[kind]?.includes(id)).map((id) => `${kind}: ${id}`),
    );
    expect(back).toEqual([]);
  });

  it(
    'never takes an id without recording it: every id is in data/ids.lock (so a retired one cannot come back as ' +
      'something else)',
    async () => {
      const now = await current();
      const unlocked = Object.entries(now).flatMap(([kind, ids]) =>
        ids.filter((id) => !lock[kind]?.includes(id)).map((id) => `${kind}: ${id}`),
      );
      expect(unlocked, 'add new ids to data/ids.lock').toEqual([]);
    },
  );

  it('keeps entries sorted where the files say they are: rules by id, the lock itself', async () => {
    const rules = (
      parse(readFileSync(join(ROOT, 'data', 'rules.yaml'), 'utf8')) as { rules: Array<{ id: string }> }
    ).rules.map((r) => r.id);
    expect(rules).toEqual([...rules].sort());
    for (const [kind, ids] of Object.entries(lock)) expect(ids, kind).toEqual([...ids].sort());
  });
});

describe('integrity rules', () => {
  it('report every offender, not only the first', async () => {
    const kb = await shippedKb();
    const kafka = structuredClone(kb.brokers.find((b) => b.id === 'kafka')!);
    kafka.profiles.push({ ...kafka.profiles[0]!, capabilities: {}, protocols: {} });
    kafka.clusterModes[0]!.profiles.push('no-such-profile');
    kafka.clusterModes[1]!.profiles.push('also-missing');
    delete (kafka.capabilities as Record<string, unknown>).replay;
    delete (kafka.capabilities as Record<string, unknown>).ordering;
    const findings = checkIntegrity({ brokers: [kafka], rules: [] });
    const byRule = (rule: string) => findings.filter((f) => f.rule === rule);
    expect(byRule('unique-ids')).toHaveLength(1);
    expect(byRule('references-resolve').map((f) => f.message)).toEqual([
      expect.stringContaining('no-such-profile'),
      expect.stringContaining('also-missing'),
    ]);
    expect(byRule('explicit-none').length).toBeGreaterThanOrEqual(2);
  });

  it('refuse rules that read priorities or weights, which would break linear scoring', () => {
    const findings = checkIntegrity({
      brokers: [],
      rules: [
        {
          id: 'bad',
          when: { path: 'priorities.latency', op: 'equals', value: 'critical' },
          then: [{ warn: true }],
          because: 'never',
          sources: [],
        },
      ],
    });
    expect(findings).toEqual([expect.objectContaining({ rule: 'rules-read-requirements', where: 'rules.bad.when' })]);
  });

  it('name a broker written in a language the model cannot judge a team readable in', async () => {
    const kb = await shippedKb();
    const rabbit = structuredClone(kb.brokers.find((b) => b.id === 'rabbitmq')!);
    rabbit.products[0]!.implementationLanguages = ['go'];
    const findings = checkIntegrity({ brokers: [rabbit], rules: [], model: kb.model });
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'implementation-runtimes', message: expect.stringContaining('written in go') }),
    ]);
    expect(checkIntegrity({ brokers: kb.brokers, rules: kb.rules, model: kb.model })).toEqual([]);
  });

  it('reject a broker file with an unknown key, naming file, path and line', async () => {
    const sources = [
      ...shippedSources(),
      { file: 'extra.yaml', text: 'kind: rules\nrules:\n  - id: x\n    whn: {}\n', layer: 'user' as const },
    ];
    await expect(assembleKnowledgeBase(sources)).rejects.toThrow(/unknown key|is required/);
  });
});

describe('JSON Schemas in data/schema', () => {
  it('are in sync with the zod schemas (run `npm run schemas` after changing them)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const committed = JSON.parse(readFileSync(join(ROOT, 'data', 'schema', `${name}.schema.json`), 'utf8'));
      expect(committed, name).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });
});

describe('version', () => {
  it('the CLI version equals package.json', async () => {
    const { VERSION } = await import('../src/cli/version.js');
    expect(VERSION).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});
