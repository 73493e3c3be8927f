import type { Result } from '../engine/types.js';
import type { DecisionBlock } from './block.js';
import { isKnownStatus, type ParsedAdr } from './parse.js';

/**
 * The findings of re-checking one ADR: the recorded decision against a fresh result for the same
 * requirements. Pure — the caller re-runs the engine and reports what it found about extra KB files.
 */
type Severity = 'error' | 'warning';

export interface Finding {
  file: string;
  line: number;
  column?: number;
  severity: Severity;
  rule:
    | 'unreadable-block'
    | 'eliminated'
    | 'not-first'
    | 'ranking-changed'
    | 'profile-changed'
    | 'cluster-mode-changed'
    | 'chosen-line-mismatch'
    | 'kb-version-changed'
    | 'kb-file-missing'
    | 'kb-file-changed'
    | 'front-matter'
    | 'unknown-status'
    | 'several-blocks';
  message: string;
}

export interface KbFileStatus {
  /** Recorded extra KB files that could not be found or read, with why: the decision cannot be re-checked. */
  missing: Array<{ file: string; reason: string }>;
  changed: string[];
}

/**
 * What is wrong with the record itself, before its decision is re-run: front matter that is not YAML, a
 * status that says neither live nor retired, a second block. Each would otherwise be passed unread.
 */
export function checkRecord(file: string, parsed: ParsedAdr): Finding[] {
  const findings: Finding[] = [];
  if (parsed.frontMatterError)
    findings.push({
      file,
      line: parsed.frontMatterError.line,
      severity: 'error',
      rule: 'front-matter',
      message: `${parsed.frontMatterError.message}; the status cannot be read, so the decision is checked as live`,
    });
  else if (parsed.status && !isKnownStatus(parsed.status.value)) {
    findings.push({
      file,
      line: parsed.status.line,
      severity: 'error',
      rule: 'unknown-status',
      message:
        `unknown status "${parsed.status.value}" (expected proposed, accepted, rejected, deprecated or ` +
        `superseded by …); the decision is checked as live`,
    });
  }
  for (const line of parsed.extraBlockLines) {
    findings.push({
      file,
      line,
      severity: 'error',
      rule: 'several-blocks',
      message:
        `a second mqselect-decision block; an ADR records one decision (the block at ` +
        `line ${parsed.block?.line ?? parsed.unterminatedBlockLine} was checked)`,
    });
  }
  return findings;
}

/** The KB files are missing: the decision cannot be re-run, and that is an error, never a pass. */
export function missingKbFindings(file: string, parsed: ParsedAdr, kbFiles: KbFileStatus): Finding[] {
  return kbFiles.missing.map(({ file: kbFile, reason }) => ({
    file,
    line: parsed.block!.line,
    severity: 'error',
    rule: 'kb-file-missing',
    message:
      `the decision rests on the extra knowledge-base file ${kbFile}, which ${reason}; not re-checked ` +
      `(give it with --kb FILE, or the repository with --root DIR)`,
  }));
}

export function checkDecision(
  file: string,
  parsed: ParsedAdr,
  block: DecisionBlock,
  fresh: Result,
  kbFiles: Pick<KbFileStatus, 'changed'>,
): Finding[] {
  const line = parsed.block!.line;
  const findings: Finding[] = [];
  const add = (severity: Severity, rule: Finding['rule'], message: string, at = line) =>
    findings.push({ file, line: at, severity, rule, message });
  const decided = block.decision.broker;
  const name = (id: string) =>
    fresh.ranking.find((r) => r.broker === id)?.name ?? fresh.eliminated.find((e) => e.broker === id)?.name ?? id;

  const eliminated = fresh.eliminated.find((e) => e.broker === decided);
  const ranked = fresh.ranking.find((r) => r.broker === decided);
  if (eliminated) {
    add(
      'error',
      'eliminated',
      `${name(decided)} is now eliminated by a hard constraint: ${eliminated.reasons.join('; ')}` +
        `${fresh.recommendation ? `; ${fresh.recommendation.name} ranks first` : '; no broker is feasible'}`,
    );
  } else if (ranked && fresh.recommendation) {
    const first = fresh.ranking[0]!;
    const recordedFirst = block.recommended?.broker;
    if (block.chosenByHand) {
      // Chosen by hand over the top rank: that the tool ranks another first is the record itself, not news.
      // Only a ranking that moved since is worth a warning.
      if (first.broker !== recordedFirst) {
        const now =
          first.broker === decided
            ? `${name(decided)}, chosen by hand, now ranks first itself`
            : `${first.name} now ranks first with ${first.score.toFixed(1)} against ${ranked.score.toFixed(1)} ` +
              `for ${name(decided)}`;
        add(
          'warning',
          'ranking-changed',
          `the ranking changed since the decision: ${now} (recorded ` +
            `first: ${recordedFirst === undefined ? 'none' : name(recordedFirst)})`,
        );
      }
    } else if (ranked.rank !== 1) {
      const why =
        fresh.comparison?.winner === first.broker && fresh.comparison.runnerUp === decided
          ? `: ${fresh.comparison.decisive.slice(0, 2).join('; ')}`
          : '';
      add(
        'error',
        'not-first',
        `${name(decided)} is no longer first: ${first.name} ranks first with ${first.score.toFixed(1)} ` +
          `against ${ranked.score.toFixed(1)}${why}`,
      );
    }
  }
  if (ranked) {
    if (ranked.profile !== block.decision.profile)
      add(
        'warning',
        'profile-changed',
        `${name(decided)} now fits best as ${ranked.profile}, not ${block.decision.profile}`,
      );
    if (ranked.clusterMode.id !== block.decision.clusterMode) {
      add(
        'error',
        'cluster-mode-changed',
        `the recorded cluster mode ${block.decision.clusterMode} no longer fits ${name(decided)}: ` +
          `now ${ranked.clusterMode.id} (${ranked.clusterMode.name})`,
      );
    }
  }
  const chosen = parsed.chosen;
  const names = [decided, name(decided)].map((s) => s.toLowerCase());
  if (!chosen && parsed.chosenProblem)
    add(
      'error',
      'chosen-line-mismatch',
      `${parsed.chosenProblem.message}; the mqselect block records ${name(decided)}`,
      parsed.chosenProblem.line,
    );
  else if (!chosen)
    add(
      'error',
      'chosen-line-mismatch',
      `no "Chosen option:" line (MADR: Chosen option: "${name(decided)}", because …), but the mqselect block ` +
        `records ${name(decided)}`,
    );
  else if (!names.some((n) => chosen.option.toLowerCase().includes(n))) {
    add(
      'error',
      'chosen-line-mismatch',
      `"Chosen option: ${chosen.option}" disagrees with the mqselect block, which records ${name(decided)}`,
      chosen.line,
    );
  }
  if (fresh.kb.version.replace(/\+custom$/, '') !== block.kb.version.replace(/\+custom$/, '')) {
    add('warning', 'kb-version-changed', `knowledge base ${block.kb.version} at the decision, ${fresh.kb.version} now`);
  }
  for (const changed of kbFiles.changed)
    add(
      'warning',
      'kb-file-changed',
      `extra knowledge-base file ${changed} changed since the decision (sha256 differs)`,
    );
  return findings;
}
