/** The command line run in-process, its output captured, on a fixed « today » so that default dates never drift. */
import { run, type Io } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function cliAt(today: string): (...argv: string[]) => Promise<CliRun> {
  return async (...argv) => {
    let stdout = '';
    let stderr = '';
    const io: Io = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), today: () => today };
    const code = await run(argv, io);
    return { code, stdout, stderr };
  };
}
