import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Proves `npm run lint` fails when a layer rule is broken: each case lints code as if it lived at
// `file`, through the project's real eslint.config.js.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['main/core/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['main/core/api/x.ts', "import keytar from 'keytar';\nexport const k = keytar;"],
    ['main/core/x.ts', "import React from 'react';\nexport const r = React;"],
    ['main/core/api/x.ts', "import { registerIpc } from '../../electron/ipc';\nexport const r = registerIpc;"],
    [
      'main/core/x.ts',
      "import { KeytarSecretStore } from '../secrets/keytar-secret-store';\nexport const s = KeytarSecretStore;",
    ],
    ['main/core/x.ts', "import { createBridge } from '../../preload/bridge';\nexport const b = createBridge;"],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;"],
    ['renderer/x.ts', "import { INVOKE_CHANNELS } from '../preload/contract';\nexport const c = INVOKE_CHANNELS;"],
    ['renderer/x.ts', "import { createBridge } from '../preload/bridge';\nexport const b = createBridge;"],
    ['renderer/x.ts', "import { ok } from '../main/core/result';\nexport const o = ok;"],
    ['renderer/x.ts', "import fs from 'node:fs';\nexport const f = fs;"],
    ['preload/bridge.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;"],
    ['preload/contract/ping.ts', "import { z } from 'zod';\nexport const s = z.string();"],
    ['preload/contract/ping.ts', "import { fail } from '../../main/core/result';\nexport const f = fail;"],
    ['main/boot/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['main/secrets/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['test/shell/x.ts', "import { app } from 'electron';\nexport const a = app;"],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).not.toEqual([]);
  });

  it.each([
    [
      'main/core/x.ts',
      "import { readFile } from 'node:fs/promises';\nimport { z } from 'zod';\nimport type { Result } from '../../preload/contract';\nimport { ok } from './result';\nexport const a = [readFile, z, ok] as unknown as Result<1>;",
    ],
    [
      'main/core/api/x.ts',
      "import { decodeJwt } from 'jose';\nimport { ok } from '../result';\nexport const a = [decodeJwt, ok];",
    ],
    [
      'main/core/workbench/x.ts',
      "import SwaggerParser from '@apidevtools/swagger-parser';\nexport const p = SwaggerParser;",
    ],
    ['main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['preload/index.ts', "import { contextBridge } from 'electron';\nexport const c = contextBridge;"],
    ['renderer/x.ts', "import type { BridgeApi } from '../preload/contract';\nexport type B = BridgeApi;"],
    ['preload/contract/ping.ts', "import { call } from './define';\nexport const c = call;"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toEqual([]);
  });
});
