import type { Result } from '../engine/types.js';
import type { DecisionBlock } from './block.js';
import type { ParsedAdr } from './parse.js';

/**
 * The findings of re-checking one ADR: the recorded decision against a fresh result for the same
 * requirements. Pure — the caller re-runs the engine and reports what it found about extra KB files.
 */
export type Severity = 'error' | 'warning';

export interface Finding {
  file: string;
  line: number;
  severity: Severity;
  rule: 'unreadable-block' | 'eliminated' | 'not-first' | 'profile-changed' | 'cluster-mode-changed' | 'chosen-line-mismatch' | 'kb-version-changed' | 'kb-file-missing' | 'kb-file-changed';
  message: string;
}

export interface KbFileStatus {
  missing: string[];
  changed: string[];
}

export function checkDecision(file: string, parsed: ParsedAdr, block: DecisionBlock, fresh: Result, kbFiles: KbFileStatus): Finding[] {
  const line = parsed.block!.line;
  const findings: Finding[] = [];
  const add = (severity: Severity, rule: Finding['rule'], message: string, at = line) => findings.push({ file, line: at, severity, rule, message });
  const decided = block.decision.broker;
  const name = (id: string) => fresh.ranking.find((r) => r.broker === id)?.name ?? fresh.eliminated.find((e) => e.broker === id)?.name ?? id;

  const eliminated = fresh.eliminated.find((e) => e.broker === decided);
  const ranked = fresh.ranking.find((r) => r.broker === decided);
  if (eliminated) {
    add('error', 'eliminated', `${name(decided)} is now eliminated by a hard constraint: ${eliminated.reasons.join('; ')}${fresh.recommendation ? `; ${fresh.recommendation.name} ranks first` : '; no broker is feasible'}`);
  } else if (ranked && ranked.rank !== 1 && fresh.recommendation) {
    const first = fresh.ranking[0]!;
    const why = fresh.comparison?.winner === first.broker && fresh.comparison.runnerUp === decided ? `: ${fresh.comparison.decisive.slice(0, 2).join('; ')}` : '';
    add(block.chosenByHand ? 'warning' : 'error', 'not-first', `${name(decided)} is no longer first: ${first.name} ranks first with ${first.score.toFixed(1)} against ${ranked.score.toFixed(1)}${why}`);
  }
  if (ranked) {
    if (ranked.profile !== block.decision.profile) add('warning', 'profile-changed', `${name(decided)} now fits best as ${ranked.profile}, not ${block.decision.profile}`);
    if (ranked.clusterMode.id !== block.decision.clusterMode) {
      add('error', 'cluster-mode-changed', `the recorded cluster mode ${block.decision.clusterMode} no longer fits ${name(decided)}: now ${ranked.clusterMode.id} (${ranked.clusterMode.name})`);
    }
  }
  const chosen = parsed.chosen;
  const names = [decided, name(decided)].map((s) => s.toLowerCase());
  if (!chosen) add('error', 'chosen-line-mismatch', `no "Chosen option:" line, but the mqselect block records ${name(decided)}`);
  else if (!names.some((n) => chosen.option.toLowerCase().includes(n))) {
    add('error', 'chosen-line-mismatch', `"Chosen option: ${chosen.option}" disagrees with the mqselect block, which records ${name(decided)}`, chosen.line);
  }
  if (fresh.kb.version.replace(/\+custom$/, '') !== block.kb.version.replace(/\+custom$/, '')) {
    add('warning', 'kb-version-changed', `knowledge base ${block.kb.version} at the decision, ${fresh.kb.version} now`);
  }
  for (const missing of kbFiles.missing) add('warning', 'kb-file-missing', `extra knowledge-base file ${missing} is missing; checked without it`);
  for (const changed of kbFiles.changed) add('warning', 'kb-file-changed', `extra knowledge-base file ${changed} changed since the decision (sha256 differs)`);
  return findings;
}
