import { CommanderError } from 'commander';
import { EXIT, MqselectError, usageError, type ExitCode } from '../errors.js';
import { oneLine } from '../render/text.js';
import { writeStderr } from './io.js';
import { program } from './program.js';

/**
 * The entry point: builds the program, runs one command, and maps every outcome to an exit code.
 * The only place that ends the process; commands return exit codes and throw MqselectError.
 */

async function main(argv: string[]): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  // A reader that stops early (| head) closes the pipe: that is not an error of ours. Any other failed
  // write (a full disk, /dev/full, a closed descriptor) is: one line on stderr and exit 2, never a stack
  // trace or exit 1 (which means "no feasible broker").
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    writeStderr(`mqselect: cannot write the output: ${errnoText(error)}`);
    process.exit(EXIT.usage);
  });
  // stderr is where errors would be reported; when it cannot be written, there is nowhere left to say so,
  // and the exit code must stay the one the command chose.
  process.stderr.on('error', () => undefined);
  process.on('SIGINT', function cancel() {
    writeStderr('mqselect: cancelled');
    // End by the signal itself, as a well-behaved program does: the shell reports 130 and a calling loop
    // stops too. process.exit() would wait for a read still blocked on a FIFO that has no writer.
    process.off('SIGINT', cancel);
    process.kill(process.pid, 'SIGINT');
    process.exit(EXIT.cancelled);
  });
  const verbose = argv.includes('--verbose');
  try {
    await program((c) => (code = c)).parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; everything else commander rejects is a usage error.
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof MqselectError) {
      writeStderr(`mqselect: ${oneLine(error.toUserLine())}`);
      if (verbose && error.stack) writeStderr(error.stack);
      return error.exitCode;
    }
    const internal = usageError(
      `internal error: ${(error as Error).message ?? String(error)}` +
        `${verbose ? '' : ' (run with --verbose for details)'}`,
    );
    writeStderr(`mqselect: ${oneLine(internal.message)}`);
    if (verbose) writeStderr((error as Error).stack ?? '');
    return EXIT.usage;
  }
}

/** "no space left on device (ENOSPC)" from "ENOSPC: no space left on device, write". */
function errnoText(error: NodeJS.ErrnoException): string {
  const text = error.message.replace(/^[A-Z]+: /, '').replace(/, \w+$/, '');
  return error.code ? `${text} (${error.code})` : text;
}

// If the event loop ran dry before main() settled (a promise that never resolves), that is an internal
// error, not a success: say so and exit 2 rather than 0.
let settled = false;
process.on('beforeExit', () => {
  if (settled) return;
  settled = true;
  writeStderr('mqselect: internal error: the command stopped before it finished (run with --verbose for details)');
  process.exitCode = EXIT.usage;
});
void main(process.argv).then((code) => {
  settled = true;
  process.exitCode = code;
});
