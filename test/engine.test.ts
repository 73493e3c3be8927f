import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recommend } from '../src/engine/recommend.js';
import type { Result } from '../src/engine/types.js';
import { EXAMPLES, example, requirements, shippedKb } from './helpers.js';

const sumTenths = (r: Result['ranking'][number]) =>
  r.contributions.reduce((s, c) => s + Math.round(c.contribution * 10), 0);

describe('the shipped examples (public contract)', () => {
  const cases = [
    {
      file: 'log-pipeline.yaml',
      broker: 'kafka',
      profile: 'topic',
      mode: 'kafka-kraft-replicated',
      multiDc: 'kafka-mirrormaker2',
    },
    {
      file: 'order-transactions.yaml',
      broker: 'rocketmq',
      profile: 'fifo-topic + delay-topic + transaction-topic',
      mode: 'rocketmq-controller',
      multiDc: 'rocketmq-replicator',
    },
    {
      file: 'task-queue.json',
      broker: 'rabbitmq',
      profile: 'quorum-queue',
      mode: 'rabbitmq-quorum-cluster',
      multiDc: undefined,
    },
    {
      file: 'jms-integration.yaml',
      broker: 'activemq',
      profile: 'artemis',
      mode: 'artemis-replicated-pair',
      multiDc: undefined,
    },
  ];
  it.each(cases)('$file -> $broker ($profile) on $mode', async ({ file, broker, profile, mode, multiDc }) => {
    const result = recommend(await example(file), await shippedKb());
    expect(result.recommendation).toMatchObject({ broker, profile, clusterMode: { id: mode }, clearWinner: true });
    expect(result.ranking[0]!.clusterMode.multiDatacenter?.id).toBe(multiDc);
    for (const r of result.ranking) expect(sumTenths(r)).toBe(Math.round(r.score * 10));
  });

  it(
    'log-pipeline: Kafka sized by load (brokers + 3 controllers) and ahead of RocketMQ on sourced ' + 'throughput',
    async () => {
      const result = recommend(await example('log-pipeline.yaml'), await shippedKb());
      const nodes = Object.fromEntries(result.ranking[0]!.clusterMode.nodes.map((n) => [n.role, n.count]));
      expect(nodes.controller).toBe(3);
      expect(nodes.broker).toBeGreaterThan(3);
      expect(result.comparison?.runnerUp).toBe('rocketmq');
      expect(result.comparison?.decisive.join('\n')).toMatch(/^throughput: Apache Kafka \+/m);
      expect(result.eliminated.map((e) => e.broker)).toContain('activemq');
    },
  );

  it(
    'order-transactions: RocketMQ runs transaction, FIFO and delay topics side by side, with automatic failover ' +
      'and no loss',
    async () => {
      const result = recommend(await example('order-transactions.yaml'), await shippedKb());
      const winner = result.ranking[0]!;
      expect(winner.clusterMode.guarantees).toMatchObject({ acknowledgedLoss: 'never', failover: 'automatic' });
      expect(result.warnings.map((w) => w.id)).toContain('profile-set:rocketmq');
      expect(result.eliminated.map((e) => e.broker).sort()).toEqual(['activemq', 'kafka', 'rabbitmq']);
      expect(result.eliminated.find((e) => e.broker === 'kafka')!.reasons.join(' ')).toMatch(
        /delayed \/ scheduled messages: not supported/,
      );
    },
  );

  it('task-queue: RabbitMQ quorum queues on 3 nodes, with the managed equivalent on AWS', async () => {
    const result = recommend(await example('task-queue.json'), await shippedKb());
    const mode = result.ranking[0]!.clusterMode;
    expect(mode.nodes).toEqual([expect.objectContaining({ count: 3 })]);
    expect(mode.managed?.name).toMatch(/Amazon MQ/);
  });

  it('task-queue without protocols: RabbitMQ still wins, on scoring rather than by elimination', async () => {
    const data = JSON.parse(readFileSync(join(EXAMPLES, 'task-queue.json'), 'utf8'));
    delete data.protocols;
    const result = recommend(await requirements(JSON.stringify(data)), await shippedKb());
    expect(result.recommendation?.broker).toBe('rabbitmq');
    expect(result.ranking.length).toBeGreaterThan(1);
    // Artemis also routes and prioritises, and meets "rare loss" as fully as quorum queues do: without AMQP 0-9-1
    // it is close behind (staff cost keeps RabbitMQ first), so no clear winner is claimed.
    expect(result.ranking[1]!.broker).toBe('activemq');
    expect(result.recommendation!.margin).toBeGreaterThan(0);
  });

  it('jms-integration: names Artemis over Classic and says why', async () => {
    const result = recommend(await example('jms-integration.yaml'), await shippedKb());
    expect(result.ranking[0]!.alternatives).toEqual([expect.objectContaining({ profile: 'classic' })]);
    expect(result.ranking[0]!.alternatives[0]!.behindBy.join(' ')).toMatch(/reliability \+/);
  });
});

describe('the other bundled examples (as the README states them)', () => {
  it(
    'event-sourcing-replay: Kafka, the only broker with exactly-once read-process-write built in, well ahead of ' +
      'RabbitMQ streams',
    async () => {
      const result = recommend(await example('event-sourcing-replay.yaml'), await shippedKb());
      expect(result.recommendation).toMatchObject({ broker: 'kafka', profile: 'topic', clearWinner: true });
      const streams = result.ranking.find((r) => r.broker === 'rabbitmq')!;
      expect(streams.profile).toBe('stream');
      expect(streams.contributions.find((c) => c.part === 'features.exactlyOnceProcessing')).toMatchObject({
        reasonId: 'support-via-pattern',
      });
      expect(result.eliminated.map((e) => e.broker).sort()).toEqual(['activemq', 'rocketmq']);
    },
  );

  it('iot-telemetry: RabbitMQ streams for MQTT 5 in and fan-out, Artemis close behind', async () => {
    const result = recommend(await example('iot-telemetry.yaml'), await shippedKb());
    expect(result.recommendation).toMatchObject({ broker: 'rabbitmq', profile: expect.stringContaining('stream') });
    expect(result.ranking[0]!.contributions.find((c) => c.part === 'protocols.mqtt-5')).toMatchObject({
      fit: 1,
      observed: expect.stringContaining('publish only'),
    });
  });

  it('rpc-microservices: RabbitMQ classic queues, narrowly ahead of Artemis (no managed Artemis on Azure)', async () => {
    const result = recommend(await example('rpc-microservices.json'), await shippedKb());
    expect(result.recommendation).toMatchObject({ broker: 'rabbitmq', profile: 'classic-queue' });
    expect(result.ranking.map((r) => r.broker).slice(0, 2)).toEqual(['rabbitmq', 'activemq']);
    expect(result.ranking[0]!.score - result.ranking[1]!.score).toBeLessThan(5);
  });

  it('minimal: no clear winner', async () => {
    expect(recommend(await example('minimal.yaml'), await shippedKb()).recommendation?.clearWinner).toBe(false);
  });

  it('nothing stated: what every deployment needs is weighed, capacity waits for a load, the simplest leads', async () => {
    const result = recommend(await example('minimal.yaml'), await shippedKb());
    const weighed = Object.entries(result.weights)
      .filter(([, w]) => w.weight > 0)
      .map(([c]) => c);
    expect(weighed).toEqual(['reliability', 'latency', 'staffCost']);
    expect(result.recommendation?.broker).toBe('rabbitmq');
    expect(result.recommendation?.summary).toContain('general KB ratings of reliability, latency and staff cost');
    expect(result.assumed).toContainEqual(
      expect.objectContaining({ field: 'priorities.throughput', note: expect.stringContaining('once a load') }),
    );
  });
});

describe('honest answers', () => {
  it('a file with nothing but version: 1 gets "no clear winner", with every assumption listed', async () => {
    const result = recommend(await requirements('version: 1\n'), await shippedKb());
    expect(result.recommendation?.clearWinner).toBe(false);
    expect(result.recommendation?.tiedWith?.length).toBeGreaterThan(0);
    expect(result.recommendation?.summary).toMatch(/No clear winner/);
    expect(result.assumed.map((a) => a.field)).toEqual(
      expect.arrayContaining(['priorities.throughput', 'workload.peakMessagesPerSecond', 'reliability.messageLoss']),
    );
  });

  it('no feasible broker gives a null recommendation with every reason', async () => {
    const result = recommend(
      await requirements('version: 1\nfeatures:\n  xaTransactions: strict\n  replay: strict\n'),
      await shippedKb(),
    );
    expect(result.recommendation).toBeNull();
    expect(result.ranking).toEqual([]);
    expect(result.eliminated).toHaveLength(4);
  });

  it.each([
    [
      'zero-rpo-across-datacenters',
      'version: 1\nreliability: {rpoSeconds: 0, messageLoss: never}\ndeployment: {multiDatacenter: active-active}\n',
    ],
    [
      'global-ordering-at-scale',
      'version: 1\nworkload: {peakMessagesPerSecond: 10000000}\nfeatures: {globalOrdering: preferred}\n',
    ],
    ['average-above-peak', 'version: 1\nworkload: {peakMessagesPerSecond: 10, averageMessagesPerSecond: 20}\n'],
    ['rpo-without-second-site', 'version: 1\nreliability: {rpoSeconds: 30}\ndeployment: {multiDatacenter: none}\n'],
    ['priority-versus-ordering', 'version: 1\nfeatures: {priorityQueues: required, ordering: required}\n'],
    ['strict-without-protocols', 'version: 1\nprotocols: {strict: true, required: []}\n'],
  ])('warns about contradictory requirements: %s', async (id, text) => {
    const result = recommend(await requirements(text), await shippedKb());
    expect(result.warnings.map((w) => w.id)).toContain(id);
  });

  it('a low-confidence figure is flagged on the criteria that rest on it', async () => {
    const result = recommend(await example('order-transactions.yaml'), await shippedKb());
    expect(result.ranking[0]!.lowConfidence).toContain('throughput');
    expect(result.ranking[0]!.breakdown.throughput.confidence).toBe('low');
  });

  it('weights override priorities and --weight overrides both', async () => {
    const reqs = await requirements('version: 1\npriorities: {latency: critical}\nweights: {latency: 3}\n');
    expect(recommend(reqs, await shippedKb()).weights.latency).toEqual({ weight: 3, from: 'weights' });
    expect(recommend(reqs, await shippedKb(), { weightOverrides: { latency: 9 } }).weights.latency).toEqual({
      weight: 9,
      from: 'override',
    });
  });

  it('commercial-only features count only when commercial editions are allowed', async () => {
    const base = 'version: 1\nprotocols: [jms]\n';
    const excluded = recommend(await requirements(base), await shippedKb());
    expect(excluded.eliminated.map((e) => e.broker)).toContain('kafka');
    const allowed = recommend(
      await requirements(`${base}deployment: {commercialEditions: allowed}\n`),
      await shippedKb(),
    );
    expect(allowed.ranking.map((r) => r.broker)).toContain('kafka');
  });
});

describe('rules as data', () => {
  it('a fired rule is recorded as a contribution with its id and reason, and changes the fit', async () => {
    const kb = await shippedKb();
    const result = recommend(await requirements('version: 1\nteam: {opsEngineers: 1}\n'), kb);
    const kafka = result.ranking.find((r) => r.broker === 'kafka')!;
    const fired = kafka.contributions.find((c) => c.part === 'rule:small-ops-team-component-types')!;
    expect(fired).toMatchObject({ criterion: 'staffCost', fit: -0.1, reasonId: 'small-ops-team-component-types' });
    expect(fired.contribution).toBeLessThan(0);
  });

  it('a low load with one operator warns that running a broker may not pay (peak, else the average)', async () => {
    const kb = await shippedKb();
    const warned = async (yaml: string) =>
      recommend(await requirements(`version: 1\n${yaml}`), kb).warnings.some(
        (w) => w.id === 'rule:low-load-one-operator-broker-overhead',
      );
    expect(await warned('workload: {peakMessagesPerSecond: 800}\nteam: {opsEngineers: 1}\n')).toBe(true);
    expect(await warned('workload: {averageMessagesPerSecond: 50}\nteam: {opsEngineers: 0}\n')).toBe(true);
    expect(
      await warned(
        'workload: {peakMessagesPerSecond: 5000, averageMessagesPerSecond: 50}\n' + 'team: {opsEngineers: 1}\n',
      ),
    ).toBe(false);
    expect(await warned('workload: {peakMessagesPerSecond: 800}\nteam: {opsEngineers: 3}\n')).toBe(false);
    expect(await warned('team: {opsEngineers: 1}\n')).toBe(false);
    expect(
      await warned(
        'workload: {peakMessagesPerSecond: 800}\nteam: {opsEngineers: 1}\ndeployment: {managedService: preferred}\n',
      ),
    ).toBe(false);
  });

  it('user rules can eliminate a broker or a profile, and warn', async () => {
    const kb = await shippedKb();
    const custom = {
      ...kb,
      rules: [
        ...kb.rules,
        {
          id: 'no-kafka-here',
          when: { path: 'deployment.platform', op: 'equals' as const, value: 'azure' },
          then: [{ eliminate: { broker: 'kafka' } }],
          because: 'company policy: no Kafka on Azure',
          sources: [],
        },
        {
          id: 'no-classic-queues',
          when: { path: 'deployment.platform', op: 'stated' as const },
          then: [{ eliminate: { broker: 'rabbitmq', profile: 'classic-queue' } }],
          because: 'policy: replicated queues only',
          sources: [],
        },
        {
          id: 'azure-note',
          when: { path: 'deployment.platform', op: 'equals' as const, value: 'azure' },
          then: [{ warn: true as const }],
          because: 'check the Azure landing zone',
          sources: [],
        },
      ],
    };
    const result = recommend(await requirements('version: 1\ndeployment: {platform: azure}\n'), custom);
    expect(result.eliminated.find((e) => e.broker === 'kafka')!.reasons).toEqual([
      'company policy: no Kafka on Azure [rule no-kafka-here]',
    ]);
    expect(result.ranking.find((r) => r.broker === 'rabbitmq')!.profile).not.toBe('classic-queue');
    expect(result.warnings).toContainEqual({ id: 'rule:azure-note', message: 'check the Azure landing zone' });
  });
});
