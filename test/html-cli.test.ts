import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

/** The CLI side of the HTML report: --format html, -o/--output with --force, adr new --html. */
const fresh = () => mkdtempSync(join(tmpdir(), 'mqselect-html-'));

describe('recommend --format html', () => {
  it(
    'prints one page on stdout, byte-identical for the same input; -o writes the same bytes and prints the ' + 'path',
    async () => {
      const dir = fresh();
      const out = join(dir, 'report.html');
      const [a, b, written] = await Promise.all([
        runCli(['recommend', 'examples/log-pipeline.yaml', '--format', 'html']),
        runCli(['recommend', 'examples/log-pipeline.yaml', '--format', 'html']),
        runCli(['recommend', 'examples/log-pipeline.yaml', '--format', 'html', '-o', out]),
      ]);
      expect(a.code).toBe(0);
      expect(a.stdout.startsWith('<!DOCTYPE html>\n')).toBe(true);
      expect(a.stdout).toBe(b.stdout);
      expect(written).toMatchObject({ code: 0, stdout: `${out}\n`, stderr: '' });
      expect(readFileSync(out, 'utf8')).toBe(a.stdout);
    },
  );

  it('-o refuses to replace an existing file without --force, in one line, exit 2; --force replaces it', async () => {
    const dir = fresh();
    const out = join(dir, 'report.html');
    writeFileSync(out, 'keep me');
    const refused = await runCli(['recommend', 'examples/task-queue.json', '--format', 'html', '-o', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`mqselect: ${out}: already exists (use --force to replace it)\n`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(readdirSync(dir)).toEqual(['report.html']);
    const forced = await runCli(['recommend', 'examples/task-queue.json', '--format', 'html', '-o', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<h1>Background jobs and notifications for a SaaS web app</h1>');
    expect(readdirSync(dir)).toEqual(['report.html']);
  });

  it('-o works for every format, writes no colour, and still exits 1 when no broker is feasible', async () => {
    const dir = fresh();
    const impossible = join(dir, 'impossible.yaml');
    writeFileSync(impossible, 'version: 1\nfeatures: { xaTransactions: strict, replay: strict }\n');
    const table = await runCli(['recommend', 'examples/task-queue.json', '-o', join(dir, 'out.txt')], {
      env: { FORCE_COLOR: '1' },
    });
    expect(table.code).toBe(0);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).not.toContain('\u001b[');
    const none = await runCli(['recommend', impossible, '--format', 'html', '-o', join(dir, 'none.html')]);
    expect(none.code).toBe(1);
    expect(readFileSync(join(dir, 'none.html'), 'utf8')).toContain('No broker meets the hard constraints.');
  });

  it('--batch does not take --output', async () => {
    const run = await runCli(['recommend', '--batch', '-', '-o', 'x.ndjson'], { input: '{"version":1}\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--output do not apply');
  });
});

describe('compare --format html', () => {
  it('writes one page, to stdout or -o', async () => {
    const dir = fresh();
    const [printed, written] = await Promise.all([
      runCli(['compare', '--format', 'html']),
      runCli(['compare', 'kafka', 'rabbitmq', '--format', 'html', '-o', join(dir, 'c.html')]),
    ]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('<h1>Message brokers compared</h1>');
    expect(written.code).toBe(0);
    const page = readFileSync(join(dir, 'c.html'), 'utf8');
    expect(page).toContain('data-broker="kafka"');
    expect(page).not.toContain('data-broker="activemq"');
  });
});

describe('adr new --html', () => {
  it('writes the report beside the ADR (same base name), the same page recommend prints', async () => {
    const dir = fresh();
    const [run, report] = await Promise.all([
      runCli(['adr', 'new', 'examples/task-queue.json', '--dir', dir, '--date', '2026-11-25', '--html']),
      runCli(['recommend', 'examples/task-queue.json', '--format', 'html']),
    ]);
    expect(run.code).toBe(0);
    const base = join(dir, '0001-use-rabbitmq-quorum-queue-for-background-jobs-and-notificati');
    expect(run.stdout).toBe(`${base}.md\n${base}.html\n`);
    expect(readFileSync(`${base}.html`, 'utf8')).toBe(report.stdout);
    // adr check reads only the Markdown.
    expect((await runCli(['adr', 'check', dir])).code).toBe(0);
  });

  it('writes neither file when the report exists already', async () => {
    const dir = fresh();
    const html = join(dir, '0001-use-rabbitmq-quorum-queue-for-background-jobs-and-notificati.html');
    writeFileSync(html, 'old');
    const run = await runCli([
      'adr',
      'new',
      'examples/task-queue.json',
      '--dir',
      dir,
      '--date',
      '2026-11-25',
      '--html',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('already exists');
    expect(readdirSync(dir)).toEqual([html.slice(dir.length + 1)]);
    expect(existsSync(html.replace(/\.html$/, '.md'))).toBe(false);
  });
});
