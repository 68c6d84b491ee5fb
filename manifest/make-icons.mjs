#!/usr/bin/env node
// Draws the two Teams app icons next to this script, from geometry alone (no fetched images):
//   color.png    192x192  white shield on the accent colour, holding a speech bubble with a check mark
//   outline.png   32x32   the same mark as a white outline on a transparent background
// Usage: node manifest/make-icons.mjs [--out <folder>]   (default: this folder)
// Needs only Node.js (>= 18): the PNG encoder below uses node:zlib. The committed PNGs are this
// script's output; re-run it after changing the drawing and commit both files.

import { crc32, deflateSync } from 'node:zlib'; // zlib.crc32: Node.js 20.15 or later
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

// The manifest's accentColor; keep the two in step.
const ACCENT = [0x1f, 0x5c, 0x99];
const WHITE = [0xff, 0xff, 0xff];

// ---------------------------------------------------------------- geometry

/** Flattens a quadratic Bezier from p0 via c to p1 into points (p0 excluded). */
function quad(p0, c, p1, steps = 24) {
  const pts = [];
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    pts.push([u * u * p0[0] + 2 * u * t * c[0] + t * t * p1[0], u * u * p0[1] + 2 * u * t * c[1] + t * t * p1[1]]);
  }
  return pts;
}

/** A heraldic shield: flat top, straight sides, curving to a point at the bottom. */
function shield(cx, top, width, height) {
  const l = cx - width / 2;
  const r = cx + width / 2;
  const shoulder = top + height * 0.42;
  const bottom = [cx, top + height];
  return [
    [l, top],
    [r, top],
    [r, shoulder],
    ...quad([r, shoulder], [r, top + height * 0.84], bottom),
    ...quad(bottom, [l, top + height * 0.84], [l, shoulder]),
  ];
}

/** Where a horizontal line at y crosses the polygon's edges, sorted by x (even-odd rule). */
function crossings(poly, y) {
  const xs = [];
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
  }
  return xs.sort((a, b) => a - b);
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function distanceToPolyline(points, x, y, closed) {
  let best = Infinity;
  const n = closed ? points.length : points.length - 1;
  for (let i = 0; i < n; i++) best = Math.min(best, distanceToSegment(x, y, points[i], points[(i + 1) % points.length]));
  return best;
}

function insideRoundedRect(cx, cy, halfW, halfH, radius, x, y) {
  const ax = Math.abs(x - cx);
  const ay = Math.abs(y - cy);
  if (ax > halfW || ay > halfH) return false;
  const dx = Math.max(ax - (halfW - radius), 0);
  const dy = Math.max(ay - (halfH - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
}

// Shape predicates take (x, y) in pixel units; pixel (i, j) covers [i, i+1) x [j, j+1).
const fillPolygon = (poly) => {
  const rows = new Map(); // the sample rows repeat for every pixel of a row: compute crossings once per row
  return (x, y) => {
    let xs = rows.get(y);
    if (!xs) rows.set(y, (xs = crossings(poly, y)));
    let count = 0;
    while (count < xs.length && xs[count] < x) count++;
    return count % 2 === 1;
  };
};
const strokePolygon = (poly, width) => (x, y) => distanceToPolyline(poly, x, y, true) <= width / 2;
const strokePolyline = (points, width) => (x, y) => distanceToPolyline(points, x, y, false) <= width / 2;
const union = (...shapes) => (x, y) => shapes.some((s) => s(x, y));

// ---------------------------------------------------------------- raster

/**
 * Renders layers (painted in order, each { shape, color }) over a background (RGBA, or null for
 * transparent) into RGBA bytes. Edges are anti-aliased by 8x8 supersampling; colours are composited
 * with the "over" operator, so a white-only drawing on transparent stays pure white with partial alpha.
 */
function render(size, background, layers) {
  const SS = 8;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = background ? [...background.slice(0, 3).map((c) => c / 255), 1] : [0, 0, 0, 0];
      for (const { shape, color } of layers) {
        let hits = 0;
        for (let sy = 0; sy < SS; sy++) {
          for (let sx = 0; sx < SS; sx++) {
            if (shape(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS)) hits++;
          }
        }
        const cov = hits / (SS * SS);
        if (cov === 0) continue;
        const outA = cov + a * (1 - cov);
        const mix = (c, prev) => (c / 255 * cov + prev * a * (1 - cov)) / outA;
        r = mix(color[0], r);
        g = mix(color[1], g);
        b = mix(color[2], b);
        a = outA;
      }
      const o = (py * size + px) * 4;
      rgba[o] = Math.round(r * 255);
      rgba[o + 1] = Math.round(g * 255);
      rgba[o + 2] = Math.round(b * 255);
      rgba[o + 3] = Math.round(a * 255);
      // A fully transparent pixel carries no colour.
      if (rgba[o + 3] === 0) rgba.fill(0, o, o + 3);
    }
  }
  return rgba;
}

// ---------------------------------------------------------------- PNG encoder

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG (colour type 6, no interlace, filter 0 on every row). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- the two icons

function colorIcon() {
  const size = 192;
  // Teams keeps the symbol inside the middle of the tile; the shield spans about 100x116 px.
  const outline = shield(96, 38, 100, 116);
  const bubble = union(
    (x, y) => insideRoundedRect(96, 86, 31, 21, 8, x, y),
    fillPolygon([[80, 100], [96, 100], [78, 118]]),
  );
  const check = strokePolyline([[83, 87], [92, 96], [109, 78]], 7);
  return encodePng(size, render(size, ACCENT, [
    { shape: fillPolygon(outline), color: WHITE },
    { shape: bubble, color: ACCENT },
    { shape: check, color: WHITE },
  ]));
}

function outlineIcon() {
  const size = 32;
  const outline = shield(16, 3, 24, 26); // edges on pixel boundaries, so the 2 px stroke is crisp
  return encodePng(size, render(size, null, [
    { shape: strokePolygon(outline, 2), color: WHITE },
    { shape: strokePolyline([[10.5, 14.5], [14.5, 18.5], [21.5, 10.5]], 2.4), color: WHITE },
  ]));
}

// --out <folder> writes elsewhere (the tests use it to check that the committed icons are this script's output).
const outIndex = process.argv.indexOf('--out');
const outDir = outIndex > 0 ? process.argv[outIndex + 1] : here;
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'color.png'), colorIcon());
writeFileSync(join(outDir, 'outline.png'), outlineIcon());
console.log(`Wrote ${join(outDir, 'color.png')} (192x192) and ${join(outDir, 'outline.png')} (32x32).`);
