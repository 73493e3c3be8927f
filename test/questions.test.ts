import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recommend } from '../src/engine/recommend.js';
import { parseRequirementsText } from '../src/requirements/parse.js';
import { requirementLeaves } from '../src/requirements/paths.js';
import {
  BACK_TYPED,
  NOT_STATED,
  SKIP,
  validateAnswer,
  type PromptAdapter,
} from '../src/requirements/prompt-adapter.js';
import { runQuestionnaire } from '../src/requirements/questionnaire.js';
import { NOT_ASKED, QUESTIONS } from '../src/requirements/questions.js';
import { requirementsSchema } from '../src/requirements/schema.js';
import { EXAMPLES, shippedKb } from './helpers.js';
import { withValueAt } from '../src/requirements/access.js';

const kb = await shippedKb();

/**
 * A scripted adapter: answers by field path (raw text for text/number, a value for choices), else
 * accepts the default. Every text answer goes through the same validate callback inquirer gets, so a
 * rejected answer is recorded and the next scripted one is tried, as a user would retype.
 */
function scripted(
  answers: Record<string, string | string[] | boolean | undefined | Array<string>>,
  log: string[] = [],
): PromptAdapter {
  const queue = new Map(
    Object.entries(answers).map(([k, v]) => [k, Array.isArray(v) && k.startsWith('retry:') ? [...v] : v]),
  );
  // Prompts that are no question (the review) have no path: their default is taken.
  const pathOf = (message: string) => QUESTIONS.find((q) => q.message === message)?.path ?? `(prompt) ${message}`;
  return {
    section: (title) => log.push(`# ${title}`),
    show: (text) => log.push(text),
    async text(q, validate) {
      const path = pathOf(q.message);
      const retries = queue.get(`retry:${path}`) as string[] | undefined;
      if (retries && retries.length > 0) {
        while (retries.length > 0) {
          const raw = retries.shift()!;
          const verdict = validate(raw);
          log.push(`${path} <- ${JSON.stringify(raw)}: ${verdict === true ? 'ok' : verdict}`);
          if (verdict === true) return raw;
        }
      }
      const raw = queue.has(path) ? (queue.get(path) as string) : (q.default ?? '');
      const verdict = validate(raw);
      if (verdict !== true) throw new Error(`scripted answer for ${path} rejected: ${verdict}`);
      return raw;
    },
    async select(q) {
      const path = pathOf(q.message);
      const scriptedValue = queue.has(path) ? queue.get(path) : undefined;
      // A yes/no question is a choice with navigation: a scripted boolean answers it.
      const value =
        typeof scriptedValue === 'boolean'
          ? scriptedValue
            ? 'yes'
            : 'no'
          : queue.has(path)
            ? ((scriptedValue as string | undefined) ?? NOT_STATED)
            : (q.default ?? NOT_STATED);
      if (!q.choices.some((c) => c.value === value)) throw new Error(`${path}: "${value}" is not a choice`);
      return value;
    },
    async multi(q) {
      const path = pathOf(q.message);
      return queue.has(path) ? (queue.get(path) as string[] | undefined) : q.defaults;
    },
    async confirm(q) {
      const path = pathOf(q.message);
      return queue.has(path) ? (queue.get(path) as boolean) : q.default;
    },
  };
}

describe('question specs (data)', () => {
  it('reach every field of requirements v1', () => {
    const asked = new Set(QUESTIONS.map((q) => q.path));
    // A list-or-object field (protocols) is reached through the fields of its object form.
    const viaParts = (path: string) => [...asked].some((q) => q.startsWith(`${path}.`));
    const missing = [...requirementLeaves().keys()].filter(
      (path) => !asked.has(path) && !viaParts(path) && !(NOT_ASKED as readonly string[]).includes(path),
    );
    expect(missing).toEqual([]);
  });

  it('map every choice to a valid requirements value', () => {
    for (const q of QUESTIONS.filter((q) => q.choices && !q.path.startsWith('_'))) {
      for (const choice of q.choices!) {
        const value = q.kind === 'multi' ? [choice.value] : choice.value;
        const result = requirementsSchema.safeParse(withValueAt({ version: 1 }, q.path, value));
        expect(result.success, `${q.path} = ${choice.value}`).toBe(true);
      }
    }
  });

  it('give every question a one-line hint and a unit where it asks for a number', () => {
    for (const q of QUESTIONS) {
      expect(q.hint.length, q.path).toBeGreaterThan(10);
      expect(q.hint).not.toContain('\n');
      if (q.kind === 'number')
        expect(q.message, q.path).toMatch(
          /\(((RPO|RTO), )?(msg\/s|bytes|messages|count|×, e\.g\. 3|ms|hours|seconds|0–10)\)\??$/,
        );
    }
  });

  it('ask follow-ups only where they matter', async () => {
    const log: string[] = [];
    const document = await runQuestionnaire(
      scripted(
        {
          'priorities.latency': 'ignore',
          'features.replay': 'not-needed',
          'deployment.multiDatacenter': 'none',
          'deployment.platform': 'on-premises',
        },
        log,
      ),
      {},
      ['kafka'],
    );
    expect(document).not.toHaveProperty('latency');
    const asked = log.join('\n');
    expect(asked).not.toContain('latency.p99Ms');
    expect(document).toEqual({
      version: 1,
      priorities: { latency: 'ignore' },
      features: { replay: 'not-needed' },
      deployment: { multiDatacenter: 'none', platform: 'on-premises' },
    });
  });
});

describe('protocols', () => {
  const asking = async (answers: Record<string, string[] | boolean>) => {
    const asked: string[] = [];
    const adapter = scripted(answers);
    // A yes/no question is a choice with navigation: it comes through select.
    const select = adapter.select.bind(adapter);
    adapter.select = async (q) => {
      asked.push(QUESTIONS.find((x) => x.message === q.message)?.path ?? q.message);
      return select(q);
    };
    const document = await runQuestionnaire(adapter, {}, ['kafka']);
    return { document, asked };
  };
  it('asks whether a gateway counts only once a protocol is chosen, and writes strict only when it is', async () => {
    const none = await asking({});
    expect(none.asked).not.toContain('protocols.strict');
    const strict = await asking({ 'protocols.required': ['mqtt'], 'protocols.strict': true });
    expect(strict.asked).toContain('protocols.strict');
    expect(strict.document.protocols).toEqual({ required: ['mqtt'], strict: true });
    const lenient = await asking({ 'protocols.anyOf': ['mqtt', 'mqtt-5'], 'protocols.strict': false });
    expect(lenient.document.protocols).toEqual({ anyOf: ['mqtt', 'mqtt-5'] });
    const plain = await asking({ 'protocols.required': ['amqp-0-9-1'], 'protocols.strict': false });
    expect(plain.document.protocols).toEqual(['amqp-0-9-1']);
  });
});

describe('answers', () => {
  it.each([
    ['workload.peakMessagesPerSecond', '50k', 50_000],
    ['workload.peakMessagesPerSecond', '1.5M', 1_500_000],
    ['workload.peakMessagesPerSecond', '2e6', 2_000_000],
    ['workload.peakMessagesPerSecond', '2_000', 2000],
    ['workload.consumerGroups', '6', 6],
    ['workload.retentionHours', '0', 0],
    ['title', 'Order events', 'Order events'],
    ['workload.topics', '', undefined],
    ['workload.topics', '-', undefined],
  ])('%s accepts %j', (path, raw, value) => {
    expect(
      validateAnswer(
        QUESTIONS.find((q) => q.path === path)!,
        raw,
      ),
    ).toEqual({ ok: true, value });
  });

  it.each([
    ['workload.peakMessagesPerSecond', 'fast', /enter a number such as 2000, 50k/],
    ['workload.peakMessagesPerSecond', '-5', /must be > 0/],
    ['workload.peakMessagesPerSecond', '0', /must be > 0/],
    ['workload.consumerGroups', '1.5', /expected an integer/],
    ['weights.latency', '11', /must be ≤ 10/],
    ['workload.growthFactor', '0.5', /must be ≥ 1/],
  ])('%s rejects %j inline with the reason', (path, raw, reason) => {
    const answer = validateAnswer(
      QUESTIONS.find((q) => q.path === path)!,
      raw,
    );
    expect(answer.ok).toBe(false);
    expect(answer.ok ? '' : answer.reason).toMatch(reason);
  });

  it('a rejected answer is asked again until it is valid', async () => {
    const log: string[] = [];
    const document = await runQuestionnaire(
      scripted({ 'retry:workload.peakMessagesPerSecond': ['lots', '-1', '120k'] }, log),
    );
    expect(log.filter((l) => l.startsWith('workload.peak'))).toEqual([
      'workload.peakMessagesPerSecond <- "lots": enter a number such as 2000, 50k, 1.5M or 2e6, or leave it empty ' +
        'for "not stated"',
      'workload.peakMessagesPerSecond <- "-1": must be > 0, got -1',
      'workload.peakMessagesPerSecond <- "120k": ok',
    ]);
    expect(document).toEqual({ version: 1, workload: { peakMessagesPerSecond: 120_000 } });
  });

  it('the main path: a typical architect session gives a valid file and the same result as recommend', async () => {
    const document = await runQuestionnaire(
      scripted({
        title: 'Order events',
        'workload.peakMessagesPerSecond': '120k',
        'workload.averageMessageBytes': '2048',
        'priorities.reliability': 'critical',
        'reliability.messageLoss': 'never',
        'reliability.failover': 'automatic',
        'features.transactionalMessages': 'required',
        'features.delayedMessages': 'required',
        'workload.maxDelayHours': '2',
        'features.ordering': 'required',
        'deployment.multiDatacenter': 'disaster-recovery',
        'reliability.rpoSeconds': '60',
        'team.languages': ['java'],
      }),
    );
    const requirements = await parseRequirementsText(JSON.stringify(document), 'answers.json');
    expect(requirements.workload?.maxDelayHours).toBe(2);
    expect(recommend(requirements, kb).recommendation?.broker).toBe('rocketmq');
  });
});

describe('--from round trip', () => {
  it.each([
    'log-pipeline.yaml',
    'order-transactions.yaml',
    'task-queue.json',
    'jms-integration.yaml',
    'event-sourcing-replay.yaml',
    'iot-telemetry.yaml',
    'rpc-microservices.json',
    'minimal.yaml',
  ])('accepting every pre-filled answer of %s saves a file equal to the original after parsing', async (name) => {
    const original = await parseRequirementsText(readFileSync(join(EXAMPLES, name), 'utf8'), name);
    const document = await runQuestionnaire(
      scripted({}),
      original as Record<string, unknown>,
      kb.brokers.map((b) => b.id),
    );
    expect(await parseRequirementsText(JSON.stringify(document), 'saved.json')).toEqual(original);
  });
});

describe('moving through the questions', () => {
  it('» skips the rest of a section, keeping what --from filled in there', async () => {
    const original = await parseRequirementsText(
      readFileSync(join(EXAMPLES, 'log-pipeline.yaml'), 'utf8'),
      'log-pipeline.yaml',
    );
    const log: string[] = [];
    const document = await runQuestionnaire(
      scripted({ 'features.transactionalMessages': SKIP }, log),
      original as Record<string, unknown>,
      kb.brokers.map((b) => b.id),
    );
    expect(document.features).toEqual(original.features);
    expect(log).toContain('# Features');
    // Asked up to the skip, and none of the other feature questions.
    expect(log.filter((l) => l.startsWith('features.'))).toEqual([]);
  });

  it('← goes back: the previous question is asked again with its answer as the default', async () => {
    const asked: string[] = [];
    let backs = 1;
    const adapter = scripted({ title: 'A title' });
    const text = adapter.text.bind(adapter);
    adapter.text = async (q, validate) => {
      asked.push(`${q.message} [${q.default ?? ''}]`);
      if (q.message.startsWith('What does the system do') && backs-- > 0) return BACK_TYPED;
      return text(q, validate);
    };
    const document = await runQuestionnaire(adapter);
    expect(asked.slice(0, 3)).toEqual([
      'Title of the decision (one line) []',
      'What does the system do, and why does it need a broker? []',
      'Title of the decision (one line) [A title]',
    ]);
    expect(document).toEqual({ version: 1, title: 'A title' });
  });

  it('the review can change one answer; then only follow-ups that became relevant are asked', async () => {
    const asked: string[] = [];
    let reviews = 0;
    const adapter = scripted({ 'features.replay': 'not-needed' });
    const select = adapter.select.bind(adapter);
    const text = adapter.text.bind(adapter);
    adapter.text = async (q, validate) => {
      asked.push(q.message);
      return q.message.startsWith('How long must messages stay') ? '48' : text(q, validate);
    };
    adapter.select = async (q) => {
      if (q.message === 'Use these answers?') return reviews++ === 0 ? 'change' : 'accept';
      if (q.message === 'Which answer?') return q.choices.find((c) => c.label.startsWith('features.replay '))!.value;
      if (q.message.startsWith('replay:') && reviews > 0) return 'required';
      return select(q);
    };
    const document = await runQuestionnaire(adapter);
    expect(document).toEqual({ version: 1, features: { replay: 'required' }, workload: { retentionHours: 48 } });
    // The retention follow-up, and nothing else, was asked after the change.
    expect(asked.filter((m) => m.startsWith('How long must messages stay'))).toHaveLength(1);
  });
});
