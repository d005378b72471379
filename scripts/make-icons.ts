// `npm run icons`: renders build/icon.svg (the one source image) with Chromium into every icon the
// installers need, so electron-builder converts nothing on the release machines:
//   build/icon.png        1024 px, the master
//   build/icons/NxN.png   Linux (AppImage) sizes
//   build/icon.ico        Windows: 16–256 px, PNG-compressed entries (Windows Vista and later)
//   build/icon.icns       macOS: 16–1024 px including the @2x variants
// The outputs are committed; run this again only when the SVG changes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../test/shell/find-chromium';

const BUILD = path.resolve(import.meta.dirname, '../build');
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** macOS icon types that hold PNG data, with their pixel size (@2x types carry double pixels). */
const ICNS_TYPES: ReadonlyArray<readonly [string, number]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/** Packs PNG images into a .ico file (one directory entry per size; 256 is written as 0). */
export function packIco(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** Packs PNG images into an .icns file: 'icns', total length, then type + length + data per image. */
export function packIcns(images: ReadonlyArray<{ type: string; png: Buffer }>): Buffer {
  const chunks = images.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([header, ...chunks]);
}

async function renderAll(svg: string, sizes: readonly number[]): Promise<Map<number, Buffer>> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const rendered = new Map<number, Buffer>();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      const scaled = svg.replace(/width="1024" height="1024"/, `width="${size}" height="${size}"`);
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">${scaled}</body></html>`,
      );
      rendered.set(
        size,
        await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }),
      );
    }
    return rendered;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const svg = readFileSync(path.join(BUILD, 'icon.svg'), 'utf8');
  if (!svg.includes('width="1024" height="1024"'))
    throw new Error('build/icon.svg must declare width="1024" height="1024"');
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, s]) => s)])].sort((a, b) => a - b);
  const png = await renderAll(svg, sizes);
  const get = (size: number) => png.get(size) ?? Buffer.alloc(0);

  writeFileSync(path.join(BUILD, 'icon.png'), get(1024));
  mkdirSync(path.join(BUILD, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) writeFileSync(path.join(BUILD, 'icons', `${size}x${size}.png`), get(size));
  writeFileSync(path.join(BUILD, 'icon.ico'), packIco(ICO_SIZES.map((size) => ({ size, png: get(size) }))));
  writeFileSync(path.join(BUILD, 'icon.icns'), packIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: get(size) }))));
  console.log(`Icons written to ${BUILD}: icon.png, icons/*.png (${LINUX_SIZES.join(', ')}), icon.ico, icon.icns`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
