import * as z from 'zod/mini';
import { DIMENSIONS, LANGUAGES, PRIORITIES } from '../requirements/vocabulary.js';
import { BASIS, CLIENT_SUPPORT, SUPPORT, conditionSchema, d } from './schema.js';

/**
 * The scoring model as data (data/model.yaml): every number and curve that decides a ranking, each
 * with a one-line why and a source where one exists. The engine reads nothing else for judgement, so
 * calibrating mqselect is a reviewed data change that `mqselect kb cases` can check.
 */
const why = d(z.string().check(z.minLength(10)), 'one line: why this value');
const source = z.optional(
  d(z.url({ protocol: /^https$/ }), 'where the value comes from, when it comes from somewhere'),
);
const unit = z.number().check(z.minimum(0), z.maximum(1));
const nonNegative = z.number().check(z.nonnegative());
const positive = z.number().check(z.positive());
const param = <T extends z.ZodMiniType>(value: T) => z.strictObject({ value, why, source });
const table = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, unit])) as Record<K, typeof unit>);
const priority = z.enum(PRIORITIES);

/** The small library of named curves a part may use; each takes the parameters it names. */
const curveSchema = z.discriminatedUnion('fn', [
  z.strictObject({
    fn: d(
      z.literal('nodes'),
      'nodes needed -> fit: 1 up to fullUpTo nodes, falling on a log scale to atCeiling at the practical ceiling, ' +
        'then in proportion',
    ),
    fullUpTo: positive,
    atCeiling: unit,
  }),
  z.strictObject({
    fn: d(z.literal('ratio'), 'load / ceiling -> fit: 1 up to fullAt, falling linearly to 0 at zeroAt'),
    fullAt: nonNegative,
    zeroAt: positive,
  }),
  z.strictObject({
    fn: d(
      z.literal('target'),
      'typical / target -> fit: 1 up to fullAtShare of the target, atTarget at the target, then atTarget x target ' +
        '/ typical',
    ),
    fullAtShare: unit,
    atTarget: unit,
  }),
  z.strictObject({
    fn: d(
      z.literal('decades'),
      'value / comfortable -> fit: 1 up to comfortable, minus perDecade per factor of ten beyond, never below floor',
    ),
    perDecade: unit,
    floor: unit,
  }),
]);
export type Curve = z.output<typeof curveSchema>;

const implied = z.strictObject({ when: conditionSchema, why });
const part = z.strictObject({
  weight: d(nonNegative, 'share of the criterion, relative to its other parts'),
  why,
  source,
});
const ratingStep = z.int().check(z.minimum(1), z.maximum(5));
const curvedPart = z.strictObject({ weight: nonNegative, curve: curveSchema, why, source });

export const modelSchema = z.strictObject({
  kind: z.literal('model'),
  weights: z.strictObject({
    priorities: param(
      z.strictObject(
        Object.fromEntries(PRIORITIES.map((p) => [p, nonNegative])) as Record<
          (typeof PRIORITIES)[number],
          typeof nonNegative
        >,
      ),
    ),
    implied: param(
      d(priority, 'the priority of a criterion the user did not rank but stated a fact for (a number, a team fact)'),
    ),
    unstated: param(d(nonNegative, 'the weight of a criterion the user said nothing about')),
    nothingStated: param(
      d(
        z.strictObject(
          Object.fromEntries(DIMENSIONS.map((dim) => [dim, priority])) as Record<
            (typeof DIMENSIONS)[number],
            typeof priority
          >,
        ),
        'the priority of each criterion when the user ranked or stated nothing at all',
      ),
    ),
    features: param(z.strictObject({ preferred: priority, required: priority })),
  }),
  impliedBy: d(
    z.strictObject(
      Object.fromEntries(DIMENSIONS.map((dim) => [dim, implied])) as Record<
        (typeof DIMENSIONS)[number],
        typeof implied
      >,
    ),
    'what makes an unranked criterion count: a condition on the requirements (never on priorities or weights)',
  ),
  thresholds: z.strictObject({
    strength: param(
      d(unit, 'a criterion fitting at least this well is a strength, below it a weakness (reasons, ADRs)'),
    ),
    clearWinnerPoints: param(positive),
    ratingsOnlyPoints: param(positive),
    tieMarginDimensions: param(
      d(
        z.array(z.enum(DIMENSIONS)),
        'on an exact tie, the dimensions whose KB ratings (times their weights) tell apart brokers that both ' +
          'meet a need',
      ),
    ),
  }),
  sizing: z.strictObject({
    headroom: param(unit),
    baseNodes: param(z.int().check(z.positive())),
    defaultMessageBytes: param(positive),
    perMessageCostBytes: param(positive),
    outOfReach: param(positive),
    practicalDiskPerNodeBytes: param(positive),
  }),
  confidence: z.strictObject({
    basis: param(table(BASIS)),
    unreplicated: param(unit),
    smallerMessages: param(unit),
    noFigure: param(unit),
  }),
  momentum: z.strictObject({
    status: param(z.strictObject({ active: unit, maintenance: unit, 'end-of-life': unit })),
    fewReleases: param(z.strictObject({ below: z.int().check(z.positive()), factor: unit })),
  }),
  maturity: z.strictObject({
    newWithinDays: param(
      d(z.int().check(z.positive()), 'a feature released this many days or fewer before the KB date is new'),
    ),
    newFactor: param(unit),
  }),
  scales: z.strictObject({
    rating: param(z.strictObject({ '1': unit, '2': unit, '3': unit, '4': unit, '5': unit })),
    support: param(table(SUPPORT)),
    clients: param(table(CLIENT_SUPPORT)),
    managed: param(z.strictObject({ 'same-software': unit, operator: unit, commercial: unit, 'api-compatible': unit })),
    rpo: param(
      z.strictObject({
        syncForZeroRpo: unit,
        sync: unit,
        asyncNoRpo: unit,
        asyncZeroRpo: unit,
        asyncWithinRpo: unit,
        asyncBeyondRpo: unit,
        asyncUndocumented: unit,
      }),
    ),
    consumerPositions: param(z.strictObject({ replicated: unit, 'not-replicated': unit, unknown: unit })),
  }),
  criteria: z.strictObject({
    throughput: z.strictObject({ nodes: curvedPart, orderedQueue: curvedPart }),
    reliability: z.strictObject({
      rating: z.strictObject({
        weight: nonNegative,
        needed: d(
          z.strictObject({ tolerated: ratingStep, rare: ratingStep, never: ratingStep }),
          'the rating that fully meets each stated (or assumed) message-loss need; a higher one adds nothing',
        ),
        perStepShort: d(unit, 'fit lost for each rating step below the one that meets the need'),
        why,
        source,
      }),
      multiDatacenter: part,
    }),
    latency: z.strictObject({ p99: curvedPart }),
    backlog: z.strictObject({ messages: curvedPart, retention: part }),
    scalability: z.strictObject({
      rating: z.strictObject({
        ...part.shape,
        byLoadShare: z.optional(
          d(
            z.boolean(),
            "with a stated rate and a per-node figure, the rating's gap to 5/5 counts for the share of the base " +
              "cluster's nodes that the load at growth needs (absent: counted in full)",
          ),
        ),
      }),
      headroom: curvedPart,
      topics: curvedPart,
    }),
    staffCost: z.strictObject({
      rating: part,
      experience: part,
      languages: part,
      sourceLanguage: z.strictObject({
        weight: nonNegative,
        runtimes: d(
          z.array(z.array(z.enum(LANGUAGES)).check(z.minLength(1))),
          'the languages brokers are written in, grouped by runtime: a team writing one reads a broker written in ' +
            'another of its group',
        ),
        why,
        source,
      }),
      managedPreferred: part,
      managedAcceptable: part,
      momentum: part,
    }),
    features: z.strictObject({ preferred: part, required: part, protocol: part }),
  }),
});
export type Model = z.output<typeof modelSchema>;
