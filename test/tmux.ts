import { execFileSync } from 'node:child_process';

/**
 * Drives a command in a real pseudo-terminal through tmux: each session gets its own server (-L), the
 * screen is polled with capture-pane until the expected text appears — never fixed sleeps.
 */
export class TmuxSession {
  private readonly server: string;

  constructor(
    name: string,
    command: string,
    env: Record<string, string> = {},
    size: { width: number; height: number } = { width: 200, height: 50 },
  ) {
    this.server = `mqselect-${name}-${process.pid}`;
    const exports = Object.entries({ FORCE_COLOR: '0', NO_COLOR: '1', ...env })
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(' ');
    // The trailing read keeps the pane open after the command ends, so its exit code stays visible.
    this.tmux(
      'new-session',
      '-d',
      '-x',
      String(size.width),
      '-y',
      String(size.height),
      `env ${exports} ${command}; echo "EXIT:$?"; read -r _`,
    );
  }

  private tmux(...args: string[]): string {
    // stderr is kept from the test output ("no server running" when a finished pane is killed).
    return execFileSync('tmux', ['-L', this.server, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** The whole pane including scrollback. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-5000');
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', ...keys);
  }

  type(text: string): void {
    this.tmux('send-keys', '-l', '--', text);
  }

  async waitFor(pattern: RegExp | ((screen: string) => boolean), timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    const test = typeof pattern === 'function' ? pattern : (screen: string) => pattern.test(screen);
    for (;;) {
      const screen = this.screen();
      if (test(screen)) return screen;
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${String(pattern)}; ` +
            `screen:\n${screen.split('\n').filter(Boolean).slice(-30).join('\n')}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  kill(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}
