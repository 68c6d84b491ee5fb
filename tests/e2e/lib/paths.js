'use strict';
const path = require('node:path');
const os = require('node:os');
const fs = require('node:fs');

const E2E_DIR = path.resolve(__dirname, '..');
const REPO_ROOT = path.resolve(E2E_DIR, '..', '..');
const ARTIFACTS = path.join(E2E_DIR, 'artifacts');
const BOT_PROJECT = path.join(REPO_ROOT, 'src', 'PolicyBot', 'PolicyBot.csproj');
// The bot is built outside the working tree so the suite never races other builds over src/*/obj.
const BOT_BUILD_DIR = process.env.E2E_BOT_BUILD_DIR || path.join(os.tmpdir(), 'policybot-e2e-build');
const BOT_DLL = process.env.E2E_BOT_DLL || path.join(BOT_BUILD_DIR, 'bin', 'PolicyBot', 'release', 'PolicyBot.dll');
const POLICIES_DIR = [path.join(REPO_ROOT, '..', 'shared', 'policies'), '/work/shared/policies']
  .find((d) => fs.existsSync(d));

fs.mkdirSync(ARTIFACTS, { recursive: true });

function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `policybot-e2e-${prefix}-`));
}

/** A file name from free text: "Allowed with conditions" -> "allowed-with-conditions". */
function slug(s) {
  return String(s).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

module.exports = { E2E_DIR, REPO_ROOT, ARTIFACTS, BOT_PROJECT, BOT_BUILD_DIR, BOT_DLL, POLICIES_DIR, tempDir, slug };
