// Development check of the case library from source (no build): validates every data/cases file and
// prints the agreement report. Run: npx tsx scripts/cases-report.ts [--json]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkUniqueCases, parseCaseText } from '../src/cases/load.js';
import { caseReport } from '../src/cases/report.js';
import { assembleKnowledgeBase } from '../src/kb/load.js';
import { shippedKbFileNames } from '../src/kb/shipped-files.js';
import { renderCaseReport } from '../src/render/cases.js';
import { PLAIN } from '../src/render/style.js';

const files = shippedKbFileNames(readdirSync('data/brokers'));
const { kb } = await assembleKnowledgeBase(
  files.map((f) => ({ file: `data/${f}`, text: readFileSync(`data/${f}`, 'utf8'), layer: 'shipped' as const })),
);
const parsed = [];
for (const name of readdirSync('data/cases')
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort()) {
  const file = join('data', 'cases', name);
  try {
    parsed.push({ file, case: await parseCaseText(readFileSync(file, 'utf8'), file) });
  } catch (error) {
    console.log((error as { toUserLine?: () => string }).toUserLine?.() ?? String(error));
    process.exitCode = 2;
  }
}
const report = caseReport(checkUniqueCases(parsed), kb);
console.log(process.argv.includes('--json') ? JSON.stringify(report, null, 2) : renderCaseReport(report, PLAIN));
