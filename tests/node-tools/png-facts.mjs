// Facts about a PNG that the Teams icon rules are about, decoded with pngjs (not with our encoder).
// Also runnable: node png-facts.mjs <file.png>... prints { "<file>": facts, ... } as JSON.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * @param PNG pngjs' PNG class
 * @param {Buffer} bytes the file
 * @returns {{width, height, colorType, pixels, transparent, partlyTransparent, opaque,
 *            whiteOrTransparent, notWhiteVisible, firstNotWhiteVisible, distinctOpaqueColors, rgbaSha256}}
 *   transparent: alpha 0; partlyTransparent: 0 < alpha < 255; opaque: alpha 255;
 *   whiteOrTransparent: pixels that are alpha 0 or pure white (any alpha);
 *   notWhiteVisible: visible (alpha > 0) pixels whose colour is not pure white;
 *   rgbaSha256: SHA-256 of the decoded 8-bit RGBA pixels, to compare images whatever their compression.
 */
export function describePng(PNG, bytes) {
  const png = PNG.sync.read(bytes);
  const facts = {
    width: png.width,
    height: png.height,
    colorType: png.colorType,
    pixels: png.width * png.height,
    transparent: 0,
    partlyTransparent: 0,
    opaque: 0,
    whiteOrTransparent: 0,
    notWhiteVisible: 0,
    firstNotWhiteVisible: null,
    distinctOpaqueColors: 0,
    rgbaSha256: createHash('sha256').update(png.data).digest('hex'),
  };
  const colors = new Set();
  for (let i = 0; i < facts.pixels; i++) {
    const [r, g, b, a] = png.data.subarray(i * 4, i * 4 + 4);
    if (a === 0) facts.transparent++;
    else if (a === 255) facts.opaque++;
    else facts.partlyTransparent++;
    if (a === 255) colors.add((r << 16) | (g << 8) | b);
    const white = r === 255 && g === 255 && b === 255;
    if (a === 0 || white) facts.whiteOrTransparent++;
    else {
      facts.notWhiteVisible++;
      facts.firstNotWhiteVisible ??= { x: i % png.width, y: Math.floor(i / png.width), rgba: [r, g, b, a] };
    }
  }
  facts.distinctOpaqueColors = colors.size;
  return facts;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { default: pngjs } = await import('pngjs');
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: node png-facts.mjs <file.png>...');
    process.exit(2);
  }
  console.log(JSON.stringify(Object.fromEntries(files.map((f) => [f, describePng(pngjs.PNG, readFileSync(f))])), null, 2));
}
