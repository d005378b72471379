import path from 'node:path';

/** A start-up step that failed on a known file or folder, so the dialog can name it. */
export class StartupProblem extends Error {
  constructor(
    /** A setting with a wrong value, or a file or folder the system refused. */
    readonly kind: 'setting' | 'path',
    readonly what: string,
    readonly where: string,
    override readonly cause: unknown,
  ) {
    super(`${what} (${where}): ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StartupProblem';
  }
}

/** What the start-up error dialog says: a short title and plain words (what failed, where, what to do). */
export interface StartupFailureMessage {
  readonly title: string;
  readonly message: string;
}

const TITLE = 'ApprovalMax Connect could not start';

/** The data folder setting must be a full path: a relative one would depend on where the app was started from. */
export function checkDataDirSetting(value: string | undefined): void {
  if (value && !path.isAbsolute(value)) {
    throw new StartupProblem(
      'setting',
      'The setting APPROVALMAX_CONNECT_DATA_DIR',
      value,
      new Error('not a full path'),
    );
  }
}

/** Turns any start-up error into words for a person; never a stack trace. */
export function describeStartupFailure(error: unknown, logFile?: string): StartupFailureMessage {
  const details = logFile ? ` The details are in ${logFile}.` : '';
  if (error instanceof StartupProblem) return { title: TITLE, message: describeProblem(error) + details };
  const code = errnoCode(error);
  if (code) return { title: TITLE, message: `${whyForCode(code, 'a file it needs')} ${whatToDo(code)}${details}` };
  return {
    title: TITLE,
    message: `Something unexpected went wrong while ApprovalMax Connect was starting.${details} Start the app again; if this keeps happening, send that log file to your support team.`,
  };
}

function describeProblem(problem: StartupProblem): string {
  if (problem.kind === 'setting') {
    return `${problem.what} is "${problem.where}", which is not a full path. Set it to a full path (for example C:\\Users\\you\\ApprovalMaxConnect or /Users/you/ApprovalMaxConnect) or remove it, then start the app again.`;
  }
  const code = errnoCode(problem.cause) ?? 'UNKNOWN';
  return `${problem.what} ${problem.where} could not be used: ${whyForCode(code, 'it')} ${whatToDo(code)}`;
}

function whyForCode(code: string, subject: string): string {
  switch (code) {
    case 'EPERM':
    case 'EBUSY':
      return `another program is holding ${subject} (often an antivirus scan or a sync client such as OneDrive or Dropbox).`;
    case 'EACCES':
      return `this user account is not allowed to open ${subject}.`;
    case 'ENOSPC':
      return 'the disk is full.';
    case 'EROFS':
      return 'the disk is read-only.';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file stands where a folder should be.';
    default:
      return `the system refused (${code}).`;
  }
}

function whatToDo(code: string): string {
  if (code === 'EPERM' || code === 'EBUSY')
    return 'Wait a minute or pause that program, then start ApprovalMax Connect again.';
  if (code === 'ENOSPC') return 'Free some disk space, then start ApprovalMax Connect again.';
  return 'Check the folder and its permissions (or ask your IT team), then start ApprovalMax Connect again.';
}

function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
