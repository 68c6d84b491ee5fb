#!/usr/bin/env node
// Builds the Teams app package (appPackage.zip: manifest.json, color.png, outline.png at the root)
// from manifest/ with the bot's real Microsoft Entra app id and the app version filled in.
//
//   node manifest/package.mjs --app-id <GUID> [--version 1.0.0] [--teams-app-id <GUID>] [--out <folder>]
//
// Needs only Node.js (>= 20.15): the zip writer below uses node:zlib, so no npm install and no `zip`.
// Exit codes: 0 written, 2 bad arguments, 1 anything else (e.g. a placeholder left unfilled).

import { crc32, deflateRawSync } from 'node:zlib'; // zlib.crc32: Node.js 20.15 or later
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const NIL_GUID = '00000000-0000-0000-0000-000000000000';
// The Teams schema's "semver" form: three dot-separated numbers, no leading zeros.
const VERSION = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;

const USAGE = `Usage: node manifest/package.mjs --app-id <GUID> [--version 1.0.0] [--teams-app-id <GUID>] [--out <folder>]

  --app-id        The bot's Microsoft Entra app (client) id: the app registration's
                  "Application (client) ID", or the user-assigned managed identity's client id.
                  The same value as the template parameter appId (MicrosoftAppId).
  --version       The app version Teams shows and compares on upload (default 1.0.0).
                  Raise it for every new upload of a changed package.
  --teams-app-id  The Teams app id (default: the same GUID as --app-id).
  --out           Output folder (default: artifacts/appPackage under the repository).`;

class UsageError extends Error {}

function parseArgs(argv) {
  const options = { version: '1.0.0', out: join(repoRoot, 'artifacts', 'appPackage') };
  const names = { '--app-id': 'appId', '--version': 'version', '--teams-app-id': 'teamsAppId', '--out': 'out' };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    if (arg === '-h' || arg === '--help') return { help: true };
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const key = names[arg];
    if (!key) throw new UsageError(`unknown argument '${arg}'.`);
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value.`);
    }
    options[key] = value;
  }
  return options;
}

function checkGuid(flag, value) {
  if (value === undefined || value === '') {
    throw new UsageError(
      `${flag} is required: the bot's Microsoft Entra app (client) id, a GUID such as 6f1c2a8e-3b4d-4c5e-9f60-7a8b9c0d1e2f.`);
  }
  if (!GUID.test(value)) {
    throw new UsageError(
      `${flag} '${value}' is not a GUID: expected 32 hex digits as 8-4-4-4-12, such as 6f1c2a8e-3b4d-4c5e-9f60-7a8b9c0d1e2f.`);
  }
  if (value === NIL_GUID) throw new UsageError(`${flag} is the all-zero GUID, a placeholder, not an app id.`);
  return value.toLowerCase();
}

/** Replaces {{NAME}} placeholders in every string of the manifest; fails on any left unfilled. */
function fill(node, values, path = '') {
  if (typeof node === 'string') {
    const filled = node.replace(/\{\{([A-Z_]+)\}\}/g, (m, name) => (name in values ? values[name] : m));
    const left = filled.match(/\{\{[^}]*\}\}/);
    if (left) throw new Error(`manifest.json${path}: placeholder ${left[0]} has no value.`);
    return filled;
  }
  if (Array.isArray(node)) return node.map((item, i) => fill(item, values, `${path}[${i}]`));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v, values, `${path}.${k}`)]));
  }
  return node;
}

// ---------------------------------------------------------------- zip writer (PKZIP 2.0, deflate)

/** Zips [name, Buffer] entries. A fixed timestamp (2020-01-01 00:00) keeps the package reproducible. */
function zip(entries) {
  const DOS_TIME = 0;
  const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const compressed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // flags: UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // extra length, comment length, disk number, internal attributes: 0
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

// ---------------------------------------------------------------- main

function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const botId = checkGuid('--app-id', options.appId);
  const teamsAppId = options.teamsAppId === undefined ? botId : checkGuid('--teams-app-id', options.teamsAppId);
  if (!VERSION.test(options.version)) {
    throw new UsageError(`--version '${options.version}' is not a version of the form 1.0.0 (three numbers).`);
  }

  const template = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8'));
  const manifest = fill(template, { BOT_ID: botId, TEAMS_APP_ID: teamsAppId, VERSION: options.version });
  const files = [['manifest.json', Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8')]];
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    files.push([icon, readFileSync(join(here, icon))]);
  }

  const outDir = resolve(options.out);
  mkdirSync(outDir, { recursive: true });
  const target = join(outDir, 'appPackage.zip');
  writeFileSync(target, zip(files));
  console.log(`Wrote ${target}`);
  console.log(`  Teams app id ${teamsAppId}, bot id ${botId}, version ${options.version}, manifest ${manifest.manifestVersion}`);
  console.log(`  Upload it in the Teams admin center (Manage apps > Upload new app) or sideload it in Teams (Apps > Manage your apps > Upload an app).`);
}

try {
  main();
} catch (e) {
  if (e instanceof UsageError) {
    console.error(`error: ${e.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(`error: ${e.message}`);
  process.exit(1);
}
