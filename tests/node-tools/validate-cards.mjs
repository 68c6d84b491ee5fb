#!/usr/bin/env node
// Checks Adaptive Cards with Microsoft's own renderer (npm `adaptivecards`), as Teams would see them:
// schema 1.5 and a Teams-like host config (at most 6 actions per action set, interactivity on).
//
// For each card file given (or each *.json in a folder given) it prints ONE LINE of JSON:
//   { "file", "version", "rendered": bool, "errors": [..], "warnings": [..], "events": [{ phase, event, message }] }
// errors   - the file is not a card; version missing or above 1.5; every parse event (unknown element or action
//            type, an element or property newer than 1.5, an invalid value, ...) and validation event (too many
//            actions, duplicate id, ...) except hints and deprecations; a property the renderer does not know
//            (the library itself ignores those silently, so this script compares each object's JSON with the
//            renderer's schema for it); template leftovers (a "${" in a string, "$data"/"$when" keys);
//            render() throwing or returning no element.
// warnings - hint and deprecation events, and anything the library writes to the console while it works.
// Exit code: 0 when no card has errors, 1 otherwise, 2 on bad usage.
//
// Usage: node validate-cards.mjs <card.json | folder>...
//
// The renderer runs in jsdom (the library's `lib/` entry does not resolve in Node, so the webpack bundle in
// `dist/` is loaded, with the jsdom window's globals exposed for render()).

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { JSDOM } from 'jsdom';

const TEAMS_MAX_VERSION = '1.5';

// Teams: "supports v1.5 or earlier of Adaptive Card features for bot sent cards"; its host config
// (microsoft-teams-light.json in the AdaptiveCards repository's samples/HostConfig) sets actions.maxActions to 6,
// which is also Teams' design guidance ("Don't: Use more than six primary actions").
const TEAMS_HOST_CONFIG = {
  supportsInteractivity: true,
  actions: { maxActions: 6, actionsOrientation: 'horizontal', actionAlignment: 'left', buttonSpacing: 8, spacing: 'default' },
};

// Keys that the renderer reads itself rather than through an object's schema, per JSON type.
const READ_BY_PARSER = {
  AdaptiveCard: ['body', 'actions'],
  Container: ['items'],
  Column: ['items'],
  ColumnSet: ['columns'],
  RichTextBlock: ['inlines'],
  ActionSet: ['actions'],
  'Action.ShowCard': ['card'],
  Table: ['rows'],
  TableRow: ['cells'],
  TableCell: ['items'],
};
const READ_BY_PARSER_EVERYWHERE = ['fallback'];
// Teams extensions the renderer does not know: `msteams` on the card (width, entities for mentions).
const TEAMS_EXTENSIONS = { AdaptiveCard: ['msteams'] };

function installDom() {
  const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>', { pretendToBeVisual: true });
  const window = dom.window;
  globalThis.window = window;
  for (const name of Object.getOwnPropertyNames(window)) {
    if (!(name in globalThis)) {
      Object.defineProperty(globalThis, name, { configurable: true, get: () => window[name] });
    }
  }
  return window;
}

function cardFiles(args) {
  const files = [];
  for (const arg of args) {
    if (statSync(arg).isDirectory()) {
      files.push(...readdirSync(arg).filter(f => f.endsWith('.json')).sort().map(f => join(arg, f)));
    } else {
      files.push(arg);
    }
  }
  return files;
}

function compareVersions(a, b) {
  const [a1, a2] = String(a).split('.').map(Number);
  const [b1, b2] = String(b).split('.').map(Number);
  return a1 !== b1 ? a1 - b1 : (a2 || 0) - (b2 || 0);
}

/** Every "${" in a string value and every $data / $when key: signs of a template that was not bound. */
function templateLeftovers(node, path, out) {
  if (typeof node === 'string') {
    if (node.includes('${')) out.push(`template expression left unbound at ${path}: ${JSON.stringify(node)}`);
  } else if (Array.isArray(node)) {
    node.forEach((item, i) => templateLeftovers(item, `${path}[${i}]`, out));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$data' || key === '$when') out.push(`template key "${key}" left unbound at ${path}`);
      templateLeftovers(value, `${path}.${key}`, out);
    }
  }
}

function main() {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    console.error('usage: node validate-cards.mjs <card.json | folder>...');
    process.exit(2);
  }

  installDom();
  const require = createRequire(import.meta.url);
  const AC = require('adaptivecards/dist/adaptivecards.js');

  // Teams renders markdown; this check renders text as plain text (no markdown library), without the library's warning.
  AC.AdaptiveCard.onProcessMarkdown = (_text, result) => { result.didProcess = false; };

  // Record every object the renderer parses, with its JSON, to find properties it does not know.
  let parsed = [];
  const internalParse = AC.SerializableObject.prototype.internalParse;
  AC.SerializableObject.prototype.internalParse = function (source, context) {
    if (source && typeof source === 'object' && !Array.isArray(source)) parsed.push([this, source]);
    return internalParse.call(this, source, context);
  };

  // Anything the library prints while working is a warning for the card at hand (stdout stays JSON only).
  let consoleLines = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    console[level] = (...parts) => consoleLines.push(`console.${level}: ${parts.map(p => (typeof p === 'string' ? p : String(p))).join(' ')}`);
  }

  const hostConfig = new AC.HostConfig(TEAMS_HOST_CONFIG);
  const targetVersion = AC.Versions.v1_5;
  let failed = 0;

  for (const file of cardFiles(args)) {
    const result = { file, name: basename(file, '.json'), version: null, rendered: false, errors: [], warnings: [], events: [] };
    parsed = [];
    consoleLines = [];
    try {
      const json = JSON.parse(readFileSync(file, 'utf8'));
      if (!json || typeof json !== 'object' || Array.isArray(json) || json.type !== 'AdaptiveCard') {
        result.errors.push('not an Adaptive Card: the top level must be an object with "type": "AdaptiveCard"');
      } else {
        result.version = json.version ?? null;
        if (typeof json.version !== 'string' || !/^\d+\.\d+$/.test(json.version)) {
          result.errors.push(`version must be a string such as "1.5", not ${JSON.stringify(json.version)}`);
        } else if (compareVersions(json.version, TEAMS_MAX_VERSION) > 0) {
          result.errors.push(`version ${json.version} is above ${TEAMS_MAX_VERSION}, the highest Teams renders for bots`);
        }
        templateLeftovers(json, '$', result.errors);

        const card = new AC.AdaptiveCard();
        card.hostConfig = hostConfig;
        const context = new AC.SerializationContext(targetVersion);
        card.parse(json, context);
        for (let i = 0; i < context.eventCount; i++) {
          const e = context.getEventAt(i);
          record(result, AC, 'parse', e);
        }

        for (const [object, source] of parsed) {
          const type = typeof object.getJsonTypeName === 'function' ? object.getJsonTypeName() : object.constructor.name;
          const known = new Set([...READ_BY_PARSER_EVERYWHERE, ...(READ_BY_PARSER[type] ?? []), ...(TEAMS_EXTENSIONS[type] ?? [])]);
          const schema = object.getSchema();
          for (let i = 0; i < schema.getCount(); i++) known.add(schema.getItemAt(i).name);
          for (const key of Object.keys(source)) {
            if (!known.has(key) && key !== '$data' && key !== '$when') {
              result.errors.push(`unknown property "${key}" on ${type}${source.id ? ` (id "${source.id}")` : ''}: the renderer ignores it`);
            }
          }
        }

        const validation = card.validateProperties();
        for (const e of validation.validationEvents) record(result, AC, 'validation', e);

        const element = card.render();
        result.rendered = !!element && element instanceof window.HTMLElement;
        if (!result.rendered) result.errors.push('render() returned no element');
      }
    } catch (error) {
      result.errors.push(`${error && error.name ? error.name : 'Error'}: ${error && error.message ? error.message : error}`);
    }
    result.warnings.push(...consoleLines);
    if (result.errors.length > 0) failed++;
    process.stdout.write(JSON.stringify(result) + '\n');
  }
  process.exitCode = failed > 0 ? 1 : 0;
}

function record(result, AC, phase, e) {
  const event = AC.ValidationEvent[e.event] ?? String(e.event);
  result.events.push({ phase, event, message: e.message });
  const text = `${phase}: ${event}: ${e.message}`;
  if (e.event === AC.ValidationEvent.Hint || e.event === AC.ValidationEvent.Deprecated) {
    result.warnings.push(text);
  } else {
    result.errors.push(text);
  }
}

main();
