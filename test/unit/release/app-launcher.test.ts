// Which Electron the e2e specs drive: the packaged app named by APPROVALMAX_CONNECT_APP_EXECUTABLE (what
// the release jobs test: its own name, version and asar), else the npm Electron on dist/main, else
// none (the Chromium shell). A wrong path is an error, never a silent fall-back to another app.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_EXECUTABLE_VARIABLE, electronLaunchTarget } from '../../e2e/app-launcher';
import { ROOT } from './builder-config';

const NPM_ELECTRON = '/repo/node_modules/electron/dist/electron';
const PACKAGED = 'release/e2e-app/win-unpacked/ApprovalMax Connect.exe';
const exists = (...files: string[]) => (file: string) => files.includes(file);

describe('electronLaunchTarget', () => {
  it('launches the packaged app itself, with no script argument, when the variable names it', () => {
    const target = electronLaunchTarget({ [APP_EXECUTABLE_VARIABLE]: PACKAGED }, NPM_ELECTRON, exists(path.resolve(ROOT, PACKAGED)));
    expect(target).toEqual({ executablePath: path.resolve(ROOT, PACKAGED), args: [] });
  });

  it('takes an absolute path as it is', () => {
    const absolute = path.resolve('/opt/amc/ApprovalMax Connect');
    expect(electronLaunchTarget({ [APP_EXECUTABLE_VARIABLE]: absolute }, null, exists(absolute))).toEqual({ executablePath: absolute, args: [] });
  });

  it('refuses a path that is not a file, naming the variable and the path, instead of testing another app', () => {
    expect(() => electronLaunchTarget({ [APP_EXECUTABLE_VARIABLE]: PACKAGED }, NPM_ELECTRON, exists())).toThrow(
      new RegExp(`${APP_EXECUTABLE_VARIABLE} is "release/e2e-app/win-unpacked/ApprovalMax Connect\\.exe", but .+ is not a file`),
    );
  });

  it('checks the real file system by default (a folder, such as the .app bundle, is not the executable)', () => {
    expect(() => electronLaunchTarget({ [APP_EXECUTABLE_VARIABLE]: 'release' }, null)).toThrow(/is not a file/);
    expect(electronLaunchTarget({ [APP_EXECUTABLE_VARIABLE]: 'package.json' }, null)).toEqual({ executablePath: path.join(ROOT, 'package.json'), args: [] });
  });

  it('without the variable (or with it empty): the npm Electron on dist/main, or nothing where there is no Electron', () => {
    expect(electronLaunchTarget({}, NPM_ELECTRON, exists())).toEqual({ executablePath: NPM_ELECTRON, args: [path.join(ROOT, 'dist/main/index.cjs')] });
    expect(electronLaunchTarget({ [APP_EXECUTABLE_VARIABLE]: '' }, NPM_ELECTRON, exists())).toEqual({ executablePath: NPM_ELECTRON, args: [path.join(ROOT, 'dist/main/index.cjs')] });
    expect(electronLaunchTarget({}, null, exists())).toBeNull();
  });
});
