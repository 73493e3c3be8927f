import type { Curve } from '../kb/model-schema.js';

/**
 * The named curves of the scoring model (data/model.yaml chooses one per part, with its parameters).
 * Each maps an observation against what is expected to a fit in 0..1.
 */
export interface CurveInput {
  /** nodes: nodes needed; ratio: load / ceiling; target: typical value; decades: value. */
  value: number;
  /** nodes: practical ceiling; target: the target; decades: what is held comfortably. */
  reference: number;
}

const CURVES: { [F in Curve['fn']]: (curve: Extract<Curve, { fn: F }>, input: CurveInput) => number } = {
  nodes: ({ fullUpTo, atCeiling }, { value: nodes, reference: ceiling }) => {
    if (nodes <= fullUpTo) return 1;
    if (ceiling <= fullUpTo) return nodes <= ceiling ? 1 : (atCeiling * ceiling) / nodes;
    if (nodes <= ceiling) return 1 - ((1 - atCeiling) * Math.log(nodes / fullUpTo)) / Math.log(ceiling / fullUpTo);
    return (atCeiling * ceiling) / nodes;
  },
  ratio: ({ fullAt, zeroAt }, { value: ratio }) =>
    ratio <= fullAt ? 1 : ratio >= zeroAt ? 0 : (zeroAt - ratio) / (zeroAt - fullAt),
  target: ({ fullAtShare, atTarget }, { value: typical, reference: target }) => {
    const full = target * fullAtShare;
    if (typical <= full) return 1;
    if (typical <= target) return 1 - ((1 - atTarget) * (typical - full)) / (target - full);
    return (atTarget * target) / typical;
  },
  decades: ({ perDecade, floor }, { value, reference: comfortable }) =>
    value <= comfortable ? 1 : Math.max(floor, 1 - perDecade * Math.log10(value / comfortable)),
};

export function applyCurve(curve: Curve, input: CurveInput): number {
  return (CURVES[curve.fn] as (c: Curve, i: CurveInput) => number)(curve, input);
}
