import csp from '@doyensec/csp-evaluator';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../../main/static/renderer-assets';
import {
  appMenuTemplate,
  AUTH_PARTITION,
  authWindowPreferences,
  mainWindowPreferences,
} from '../../../main/electron/window-policy';
import { calledNames, compact, listeners, methodCalls, parse, resolveFunction } from './ts-source';

const SIGN_IN_WINDOW = new URL('../../../main/core/oauth/sign-in-window.ts', import.meta.url);

// The Electron security bar (README "Security checks"), asserted exactly. The preferences and the CSP are
// plain data and are checked as values. The handlers live in files that import 'electron', which
// cannot run here (no Electron binary), so they are checked in the TypeScript source instead: the
// calls must exist with exactly these arguments. Each source check is also run on a weakened copy
// of the code, to prove it fails when the protection goes.

describe('webPreferences, exactly', () => {
  it('main window: isolated, sandboxed, no Node anywhere, web security on, the preload given', () => {
    expect(mainWindowPreferences('/p.cjs', true)).toStrictEqual({
      preload: '/p.cjs',
      devTools: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });

  it('sign-in window: the same isolation, no preload, its own in-memory partition', () => {
    expect(authWindowPreferences('auth-1')).toStrictEqual({
      partition: 'auth-1',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });

  it('both windows are built from those functions and nothing else', () => {
    expect(parse('main/electron/main-window.ts').getFullText()).toMatch(
      /webPreferences: mainWindowPreferences\(preloadPath, packaged\),/,
    );
    const auth = parse('main/electron/auth-window.ts');
    expect(auth.getFullText()).toMatch(/webPreferences: authWindowPreferences\(partition\),/);
    // One partition without "persist:" (in memory only), as Electron cannot release a session.
    expect(AUTH_PARTITION).not.toMatch(/^persist:/);
    expect(methodCalls(auth, 'fromPartition').map((c) => c.args.map((a) => compact(a, auth)))).toEqual([
      ['AUTH_PARTITION', '{cache:false}'],
    ]);
  });

  it('the sign-in session is wiped of everything before and after each flow', () => {
    const auth = parse('main/electron/auth-window.ts');
    const wipes =
      methodCalls(auth, 'clearData').length +
      methodCalls(auth, 'clearAuthCache').length +
      methodCalls(auth, 'closeAllConnections').length;
    expect(wipes).toBe(3);
    expect(auth.getFullText().match(/\bwipe\(authSession\)/g)).toHaveLength(2);
  });

  it('packaged builds have no developer tools: not in the window, not in the menu', () => {
    expect(mainWindowPreferences('/p.cjs', false).devTools).toBe(true);
    const roles = (packaged: boolean, platform: string) => JSON.stringify(appMenuTemplate(packaged, platform));
    for (const platform of ['darwin', 'win32', 'linux']) {
      expect(roles(true, platform)).not.toMatch(/toggleDevTools|viewMenu|"reload"|forceReload/);
      expect(roles(false, platform)).toContain('viewMenu');
    }
    expect(roles(true, 'darwin')).toContain('appMenu');
    expect(roles(true, 'win32')).not.toContain('appMenu');
  });
});

describe('the renderer CSP', () => {
  it('is exactly this policy', () => {
    expect(RENDERER_CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('passes the evaluator electronegativity uses, with only the known "\'self\' may host JSONP" caveat', () => {
    const evaluate = (policy: string) =>
      new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3)
        .evaluate()
        .map((f) => ({ directive: f.directive, severity: f.severity }));
    // 'self' is app://connect, which serves only the app's own built bundle: no JSONP, no uploads.
    expect(evaluate(RENDERER_CSP)).toEqual([{ directive: 'script-src', severity: csp.severities.MEDIUM_MAYBE }]);
    // The same check fails a weakened policy.
    expect(
      evaluate(RENDERER_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")).some(
        (f) => f.severity === csp.severities.HIGH,
      ),
    ).toBe(true);
  });
});

/** The checks on one file's handlers, runnable on its real text or on a weakened copy. */
const handlerChecks = {
  'main/electron/hardening.ts': (source: ts.SourceFile) => {
    const created = listeners(source, 'web-contents-created');
    const body = resolveFunction(source, created[0]?.handler);
    return [
      created.length === 1 && created[0]!.receiver === 'app',
      body !== undefined &&
        methodCalls(source, 'setWindowOpenHandler').some(
          (c) =>
            compact(c.args[0]!, source) === "()=>({action:'deny'})" && body.pos <= c.call.pos && c.call.end <= body.end,
        ),
      denies(source, 'setPermissionRequestHandler', 'session.defaultSession'),
      methodCalls(source, 'setPermissionCheckHandler').some(
        (c) => c.receiver === 'session.defaultSession' && compact(c.args[0]!, source) === '()=>false',
      ),
      preventsDefault(source, 'will-attach-webview'),
    ];
  },
  'main/electron/main-window.ts': (source: ts.SourceFile) => {
    const guard = resolveFunction(source, listeners(source, 'will-navigate')[0]?.handler);
    return [
      guard !== undefined && calledNames(guard).has('isAppUrl') && calledNames(guard).has('preventDefault'),
      methodCalls(source, 'loadURL').some((c) => compact(c.args[0]!, source) === 'APP_URL'),
    ];
  },
  'main/electron/auth-window.ts': (source: ts.SourceFile) => {
    const guards = ['will-navigate', 'will-redirect'].map((e) =>
      resolveFunction(source, listeners(source, e)[0]?.handler),
    );
    const [filter, onRequest] = methodCalls(source, 'onBeforeRequest')[0]?.args ?? [];
    const request = resolveFunction(source, onRequest);
    return [
      ...guards.map(
        (g) =>
          g !== undefined &&
          ['isRedirectTarget', 'preventDefault', 'mayNavigate', 'finish'].every((n) => calledNames(g).has(n)),
      ),
      filter !== undefined && compact(filter, source) === "{urls:['<all_urls>']}",
      request !== undefined &&
        calledNames(request).has('isRedirectTarget') &&
        request.getText(source).replace(/\s+/g, '').includes('callback({cancel:true})'),
      methodCalls(source, 'setWindowOpenHandler').some((c) => compact(c.args[0]!, source) === "()=>({action:'deny'})"),
      denies(source, 'setPermissionRequestHandler', 'authSession'),
      methodCalls(source, 'setPermissionCheckHandler').some(
        (c) => c.receiver === 'authSession' && compact(c.args[0]!, source) === '()=>false',
      ),
      preventsDefault(source, 'will-attach-webview'),
      ['clearData', 'clearAuthCache', 'closeAllConnections'].every((m) =>
        methodCalls(source, m).some((c) => c.receiver === 'authSession'),
      ),
      // Timeout, cancel and clean-up come from the shared oneOutcome(): 5 minutes, storage cleared on every outcome.
      /\boneOutcome\(signal, resolve,/.test(source.getFullText()) &&
        /AUTH_TIMEOUT_MS = 5 \* 60_000/.test(readFileSync(SIGN_IN_WINDOW, 'utf8')),
    ];
  },
} as const;

/** `x.setPermissionRequestHandler((_, _, callback) => callback(false))` on the given session. */
function denies(source: ts.SourceFile, method: string, receiver: string): boolean {
  return methodCalls(source, method).some(({ receiver: r, args }) => {
    const fn = args[0] && resolveFunction(source, args[0]);
    const callback = fn?.parameters[2]?.name.getText(source);
    return (
      r === receiver && fn !== undefined && callback !== undefined && compact(fn.body, source) === `${callback}(false)`
    );
  });
}

/** `x.on(event, (event) => event.preventDefault())`. */
function preventsDefault(source: ts.SourceFile, event: string): boolean {
  return listeners(source, event).some((l) => {
    const fn = resolveFunction(source, l.handler);
    return fn !== undefined && compact(fn.body, source).endsWith('.preventDefault()');
  });
}

describe('navigation, new-window, permission and redirect handlers (read from the source)', () => {
  it.each(Object.keys(handlerChecks))('%s has every handler in place', (file) => {
    expect(handlerChecks[file as keyof typeof handlerChecks](parse(file))).toEqual(expect.not.arrayContaining([false]));
  });

  it.each([
    ['main/electron/hardening.ts', "({ action: 'deny' })", "({ action: 'allow' })"],
    ['main/electron/hardening.ts', 'callback(false)', 'callback(true)'],
    ['main/electron/main-window.ts', 'event.preventDefault();', 'void event;'],
    ['main/electron/auth-window.ts', "contents.on('will-redirect', guard);", ''],
    ['main/electron/auth-window.ts', "{ urls: ['<all_urls>'] }", "{ urls: ['https://*/*'] }"],
    ['main/electron/auth-window.ts', 'callback({ cancel: true });', 'callback({});'],
    ['main/electron/auth-window.ts', 'authSession.setPermissionCheckHandler(() => false);', ''],
  ])('the %s check fails when %s becomes %s', (file, from, to) => {
    const real = parse(file).getFullText();
    expect(real).toContain(from);
    expect(handlerChecks[file as keyof typeof handlerChecks](parse(file, real.replace(from, to)))).toContain(false);
  });

  it('the composition root turns the sandbox on for every renderer and installs the hardening', () => {
    const index = parse('main/electron/index.ts');
    expect(methodCalls(index, 'enableSandbox').map((c) => c.receiver)).toEqual(['app']);
    expect(calledNames(index).has('hardenWebContents')).toBe(true);
  });
});
