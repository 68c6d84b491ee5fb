#!/usr/bin/env node
// Opens a Teams app package (zip) and reports, as one JSON object on stdout:
//   files            the zip's entry names
//   manifest         manifest.json as packaged (parsed)
//   schema           { url, file, manifestVersion }: Microsoft's schema the manifest declares, as
//                    bundled in @microsoft/app-manifest (resolved offline; never fetched)
//   schemaErrors     that schema's validation errors for the packaged manifest ([] when valid)
//   problems         other packaging problems (missing entries, a $schema that does not match
//                    manifestVersion, an icon the manifest names but the zip lacks, ...)
//   icons            { color, outline }: each PNG decoded with pngjs, see describePng()
// Exit code: 0 when schemaErrors and problems are both empty, 1 otherwise, 2 on bad usage.
//
// Usage: node inspect-app-package.mjs <appPackage.zip>

import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import pngjs from 'pngjs';
import { describePng } from './png-facts.mjs';

const require = createRequire(import.meta.url);
const { AppManifestUtils } = require('@microsoft/app-manifest');

const SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[0-9.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/i;

/** The package folder's bundled copy of Microsoft's Teams schema for a version such as "v1.30". */
function bundledSchemaFile(version) {
  const packageRoot = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return join(packageRoot, 'build', 'json-schemas', 'teams', version, 'MicrosoftTeams.schema.json');
}

async function main() {
  const zipPath = process.argv[2];
  if (!zipPath) {
    console.error('usage: node inspect-app-package.mjs <appPackage.zip>');
    process.exit(2);
  }
  const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const report = { files: Object.keys(entries), manifest: null, schema: null, schemaErrors: [], problems: [], icons: {} };

  if (!entries['manifest.json']) {
    report.problems.push('manifest.json is not at the root of the package.');
    return report;
  }
  const manifest = JSON.parse(strFromU8(entries['manifest.json']));
  report.manifest = manifest;

  const match = typeof manifest.$schema === 'string' ? manifest.$schema.match(SCHEMA_URL) : null;
  if (!match) {
    report.problems.push(`$schema '${manifest.$schema}' is not a Microsoft Teams manifest schema URL.`);
  } else {
    const version = match[1];
    if (version !== `v${manifest.manifestVersion}`) {
      report.problems.push(`$schema names ${version} but manifestVersion is ${manifest.manifestVersion}.`);
    }
    const file = bundledSchemaFile(version);
    report.schema = { url: manifest.$schema, file, manifestVersion: manifest.manifestVersion };
    if (!existsSync(file)) {
      report.problems.push(`@microsoft/app-manifest bundles no schema for ${version} (looked for ${file}).`);
    } else {
      // The schema is handed over, so the library does not try to download it: offline by construction.
      const schema = JSON.parse(readFileSync(file, 'utf8'));
      report.schemaErrors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
    }
  }

  for (const kind of ['color', 'outline']) {
    const name = manifest.icons?.[kind];
    if (!name) continue;
    if (!entries[name]) {
      report.problems.push(`icons.${kind} names '${name}', which is not in the package.`);
      continue;
    }
    report.icons[kind] = { file: name, ...describePng(pngjs.PNG, Buffer.from(entries[name])) };
  }
  return report;
}

const report = await main();
console.log(JSON.stringify(report, null, 2));
process.exit(report.schemaErrors.length === 0 && report.problems.length === 0 ? 0 : 1);
