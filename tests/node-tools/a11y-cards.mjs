#!/usr/bin/env node
// Accessibility check of Adaptive Cards as people meet them: each card is rendered with Microsoft's renderer
// (npm `adaptivecards`) in Debian's Chromium (playwright-core, never a downloaded browser) under three Teams-like host
// configs (light, dark, high contrast) and checked with axe-core's WCAG 2.1 A and AA rules, collapsed and again with
// every "Details" (Action.ToggleVisibility) section shown. The three configs differ only in colours, so every rule runs
// under the light one and the colour rules (axe's "cat.color": contrast, links told apart by colour alone) under all
// three; the structure the other rules look at is the same in each (a fifth of the check's time). It also reads, per card:
//   headings     - the accessibility tree's headings in order ({ level, name }), as a screen reader's "next heading" meets them;
//   spokenWords  - the words a screen reader reads before it reaches the first button (visible text only);
//   height       - the card's height in CSS pixels at --width (default 560, about a Teams chat message on a laptop);
//   overflow     - at 360 px wide (a phone), anything that sticks out of the card sideways (collapsed and expanded).
//
// Usage: node a11y-cards.mjs [--width N] <card.json | folder>...
// Prints ONE LINE of JSON per card:
//   { file, name, themes: { light|dark|high-contrast: { violations: [{ id, impact, help, state, targets }] } },
//     headings, spokenWords, height, overflow: [..], errors: [..] }
// `violations` lists every WCAG A/AA violation axe reports; callers judge impact (serious and critical fail).
// Exit code: 0 when it ran (whatever it found), 2 on bad usage, 3 when Chromium or a package is missing.
// Env: CHROMIUM (default /usr/bin/chromium).

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';

const require = createRequire(import.meta.url);
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PHONE_WIDTH = 360;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Teams-like host configs, written for this check (Teams' own are not published as a package): Segoe UI, Teams'
// font sizes, and per theme a background and foreground colour for each container style the cards use. The colours
// follow Teams' palettes (light: near-black text on white, brand purple accent; dark: white on #292929; high
// contrast: white on black with yellow and green accents); each text colour is chosen by us, not copied.
// "Dark" and "Light" are what the words say in every theme, as in Teams: light text on a light card is unreadable,
// which is what the planted low-contrast card relies on.
function colours(text, subtle, dark, light, accent, good, warning, attention) {
  const pair = (c, s = c) => ({ default: c, subtle: s });
  return {
    default: pair(text, subtle), dark: pair(dark), light: pair(light),
    accent: pair(accent), good: pair(good), warning: pair(warning), attention: pair(attention),
  };
}

function hostConfig(theme) {
  const styles = {};
  for (const [style, background] of Object.entries(theme.backgrounds)) {
    styles[style] = { backgroundColor: background, foregroundColors: theme.foreground };
  }
  return {
    supportsInteractivity: true,
    fontFamily: "'Segoe UI', system-ui, 'Helvetica Neue', sans-serif",
    fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 200, default: 400, bolder: 600 },
    spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: theme.separator },
    containerStyles: styles,
    actions: { maxActions: 6, actionsOrientation: 'horizontal', actionAlignment: 'left', buttonSpacing: 8, spacing: 'default', showCard: { actionMode: 'inline' } },
    textBlock: { headingLevel: 2 },
  };
}

const THEMES = {
  light: {
    page: '#F5F5F5', button: { background: '#FFFFFF', text: '#242424', border: '#D1D1D1' }, separator: '#E0E0E0',
    backgrounds: { default: '#FFFFFF', emphasis: '#F5F5F5', good: '#E9F5E4', warning: '#FFF4CE', attention: '#FDE7E9', accent: '#E8EBFA' },
    foreground: colours('#242424', '#5C5C5C', '#242424', '#F0F0F0', '#4F52B2', '#0B6A0B', '#6E4B00', '#B10E1C'),
  },
  dark: {
    page: '#1F1F1F', button: { background: '#292929', text: '#FFFFFF', border: '#666666' }, separator: '#3D3D3D',
    backgrounds: { default: '#292929', emphasis: '#1F1F1F', good: '#0E2E0E', warning: '#3D2E00', attention: '#3F1418', accent: '#2A2B45' },
    foreground: colours('#FFFFFF', '#C8C8C8', '#333333', '#FFFFFF', '#A9ADF4', '#9FD89F', '#F9D97A', '#F4A3AB'),
  },
  'high-contrast': {
    page: '#000000', button: { background: '#000000', text: '#FFFFFF', border: '#FFFFFF' }, separator: '#FFFFFF',
    backgrounds: { default: '#000000', emphasis: '#000000', good: '#000000', warning: '#000000', attention: '#000000', accent: '#000000' },
    foreground: colours('#FFFFFF', '#FFFFFF', '#1A1A1A', '#FFFFFF', '#FFFF00', '#3FF23F', '#FFFF00', '#FF8080'),
  },
};

function cardFiles(args) {
  const files = [];
  for (const arg of args) {
    if (statSync(arg).isDirectory()) files.push(...readdirSync(arg).filter((f) => f.endsWith('.json')).sort().map((f) => join(arg, f)));
    else files.push(arg);
  }
  return files;
}

// ---------- in the page ----------

/** Renders every card of `cards` into its own box `width` px wide under `config`; returns per-card render errors. */
function renderAll({ cards, config, width, theme }) {
  const AC = window.AdaptiveCards;
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => { result.outputHtml = text; result.didProcess = false; };
  document.body.style.background = theme.page;
  const style = document.getElementById('theme') || document.head.appendChild(Object.assign(document.createElement('style'), { id: 'theme' }));
  // Buttons as Teams draws them: one line, cut with an ellipsis when the title is longer than the card is wide.
  style.textContent = `button { background: ${theme.button.background}; color: ${theme.button.text}; border: 1px solid ${theme.button.border};`
    + ` border-radius: 4px; padding: 5px 12px; font: 600 14px 'Segoe UI', system-ui, sans-serif; min-height: 32px; max-width: 100%; min-width: 0; overflow: hidden; }`
    + ` button > * { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }`;
  const root = document.getElementById('root');
  root.replaceChildren();
  const hostConfig = new AC.HostConfig(config);
  return cards.map((json, i) => {
    const box = document.createElement('div');
    box.dataset.card = String(i);
    box.style.width = `${width}px`;
    box.style.margin = '0 0 24px 0';
    root.appendChild(box);
    try {
      const card = new AC.AdaptiveCard();
      card.hostConfig = hostConfig;
      card.parse(json, new AC.SerializationContext(AC.Versions.v1_5));
      const element = card.render();
      if (!element) return 'render() returned no element';
      box.appendChild(element);
      return null;
    } catch (e) {
      return `render failed: ${e && e.message ? e.message : e}`;
    }
  });
}

/** Shows every hidden section: clicks each collapsed Action.ShowCard and each toggle whose target is hidden. */
function expandAll() {
  for (const button of document.querySelectorAll('button[aria-expanded="false"]')) button.click();
  for (const button of document.querySelectorAll('button[aria-controls]')) {
    const targets = button.getAttribute('aria-controls').split(' ').map((id) => document.getElementById(id));
    if (targets.some((t) => !t || !t.checkVisibility())) button.click();
  }
}

/** axe over the whole page (the rules of `tags`, or only their colour rules); each violation node attributed to its card. */
async function runAxe({ tags, colourOnly }) {
  const runOnly = colourOnly
    ? { type: 'rule', values: window.axe.getRules(tags).filter((r) => r.tags.includes('cat.color')).map((r) => r.ruleId) }
    : { type: 'tag', values: tags };
  const results = await window.axe.run(document.getElementById('root'), { runOnly, resultTypes: ['violations'], elementRef: true });
  const found = [];
  for (const v of results.violations) {
    for (const node of v.nodes) {
      const box = node.element && node.element.closest('[data-card]');
      found.push({ card: box ? Number(box.dataset.card) : -1, id: v.id, impact: node.impact || v.impact, help: v.help, target: node.target.join(' '), summary: node.failureSummary });
    }
  }
  return found;
}

/** Per card: words before the first button, height, and what sticks out sideways. */
function measure() {
  const out = [];
  for (const box of document.querySelectorAll('[data-card]')) {
    const card = box.firstElementChild;
    let words = 0;
    if (card) {
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.nodeType === Node.ELEMENT_NODE) {
          if ((n.tagName === 'BUTTON' || n.getAttribute('role') === 'button') && n.checkVisibility()) break;
          continue;
        }
        if (!n.parentElement || !n.parentElement.checkVisibility()) continue;
        words += n.textContent.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      }
    }
    const limit = box.getBoundingClientRect();
    const overflow = [];
    if (card) {
      if (card.scrollWidth > card.clientWidth + 1) overflow.push(`the card scrolls sideways: ${card.scrollWidth} px of content in ${card.clientWidth} px`);
      for (const el of card.querySelectorAll('*')) {
        if (!el.checkVisibility()) continue;
        const r = el.getBoundingClientRect();
        if (r.width > 0 && (r.right > limit.right + 1 || r.left < limit.left - 1)) {
          overflow.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${(el.textContent || '').trim().slice(0, 40)}" spans ${Math.round(r.left - limit.left)}..${Math.round(r.right - limit.left)} px of ${Math.round(limit.width)}`);
          if (overflow.length > 5) break;
        }
      }
    }
    out.push({ spokenWords: words, height: card ? Math.round(card.getBoundingClientRect().height) : 0, overflow });
  }
  return out;
}

// ---------- in Node ----------

/** Headings of the accessibility tree under each card, in order (Playwright's ARIA snapshot is that tree). */
async function headingsOf(page, count) {
  const all = [];
  for (let i = 0; i < count; i++) {
    const yaml = await page.locator(`[data-card="${i}"]`).ariaSnapshot();
    const headings = [];
    for (const raw of yaml.split('\n')) {
      // A line whose text has ": " in it is a YAML single-quoted scalar: - 'heading "A: b" [level=2]'.
      const quoted = /^(\s*- )'(.*)'(:?)\s*$/.exec(raw);
      const line = quoted ? quoted[1] + quoted[2].replace(/''/g, "'") : raw;
      const m = /^\s*- heading "((?:[^"\\]|\\.)*)" \[level=(\d+)\]/.exec(line);
      if (m) headings.push({ level: Number(m[2]), name: JSON.parse(`"${m[1]}"`) });
    }
    all.push(headings);
  }
  return all;
}

async function main() {
  const args = process.argv.slice(2);
  let width = 560;
  const wi = args.indexOf('--width');
  if (wi >= 0) { width = Number(args[wi + 1]); args.splice(wi, 2); }
  if (args.length === 0 || !(width > 0)) {
    console.error('usage: node a11y-cards.mjs [--width N] <card.json | folder>...');
    process.exit(2);
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), or set CHROMIUM to a Chromium binary.`);
    process.exit(3);
  }
  const files = cardFiles(args);
  const cards = files.map((f) => JSON.parse(readFileSync(f, 'utf8')));
  const results = files.map((file) => ({ file, name: basename(file, '.json'), themes: {}, headings: [], spokenWords: 0, height: 0, overflow: [], errors: [] }));

  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    // Nothing leaves the machine: the renderer and axe are loaded from node_modules.
    await page.route((url) => !url.toString().startsWith('about:') && !url.toString().startsWith('data:'), (r) => r.abort());
    await page.setContent('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>PolicyBot cards</title></head><body><main id="root"></main></body></html>');
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });

    for (const [name, theme] of Object.entries(THEMES)) {
      const config = hostConfig(theme);
      const renderErrors = await page.evaluate(renderAll, { cards, config, width, theme });
      renderErrors.forEach((e, i) => { if (e && name === 'light') results[i].errors.push(e); });
      const violations = [];
      const rules = { tags: WCAG_TAGS, colourOnly: name !== 'light' };
      for (const v of await page.evaluate(runAxe, rules)) violations.push({ ...v, state: 'collapsed' });
      if (name === 'light') {
        const headings = await headingsOf(page, cards.length);
        const sizes = await page.evaluate(measure);
        results.forEach((r, i) => { r.headings = headings[i]; r.spokenWords = sizes[i].spokenWords; r.height = sizes[i].height; });
      }
      await page.evaluate(expandAll);
      for (const v of await page.evaluate(runAxe, rules)) violations.push({ ...v, state: 'expanded' });
      results.forEach((r) => { r.themes[name] = { violations: [] }; });
      for (const v of violations) {
        if (v.card >= 0) results[v.card].themes[name].violations.push({ id: v.id, impact: v.impact, help: v.help, state: v.state, targets: v.target, summary: v.summary });
      }
    }

    // A phone: 360 px wide, light theme, collapsed and expanded.
    for (const state of ['collapsed', 'expanded']) {
      await page.evaluate(renderAll, { cards, config: hostConfig(THEMES.light), width: PHONE_WIDTH, theme: THEMES.light });
      if (state === 'expanded') await page.evaluate(expandAll);
      const sizes = await page.evaluate(measure);
      sizes.forEach((s, i) => results[i].overflow.push(...s.overflow.map((o) => `${state}: ${o}`)));
    }
  } finally {
    await browser.close();
  }
  for (const r of results) process.stdout.write(JSON.stringify(r) + '\n');
}

main().catch((e) => { console.error(e && e.stack ? e.stack : String(e)); process.exit(1); });
