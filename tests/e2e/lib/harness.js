'use strict';
// The end-to-end harness: the bot process, one Agents Playground per signed-in staff member, and
// one headless Debian Chromium whose pages are those members' clients. Everything it starts it
// stops, also when a test fails (node:test `after` hook; process groups; SIGKILL on exit).
const fs = require('node:fs');
const { test, before, after } = require('node:test');
const { chromium } = require('playwright-core');
const { Bot } = require('./bot');
const { Playground } = require('./playground');
const { Client } = require('./client');
const { tempDir, slug } = require('./paths');

const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCENARIO_TIMEOUT_MS = Number(process.env.E2E_SCENARIO_TIMEOUT_MS || 120000);
// The few scenarios of many turns across two people (a campaign from compose to report, a request from ask to approval):
// 32-47 s on an idle machine, 65 s beside the .NET tests in CI, where a slower machine could near the usual budget.
const LONG_SCENARIO_MS = 2 * SCENARIO_TIMEOUT_MS;

class Harness {
  /** `botCommand`: run this instead of src/PolicyBot (it gets PORT and DataFolder). */
  constructor(tag, { botCommand } = {}) {
    this.tag = tag;
    this.bot = new Bot(tag, { command: botCommand });
    this.context = null;
    this.profileDir = null;
    this.clients = new Map();
    this.playgrounds = [];
  }

  async start() {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (run.sh does this)`);
    await this.bot.start();
    this.profileDir = tempDir('chromium-profile');
    this.context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1400, height: 1000 },
      locale: 'en-US',
      timezoneId: 'UTC',
    });
  }

  /** The client of staff member `userName` (a Playground signed in as them, and a page on it). */
  async as(userName) {
    if (this.clients.has(userName)) {
      const c = this.clients.get(userName);
      await c.bringToFront();
      return c;
    }
    const pg = new Playground(userName, this.bot.endpoint, this.tag);
    this.playgrounds.push(pg);
    await pg.start();
    const client = new Client(this.context, pg, userName, this.tag);
    this.clients.set(userName, client);
    client.installMessages = await client.open();
    return client;
  }

  /** Stops the bot process and starts it again with the same data folder and port. */
  async restartBot() { await this.bot.restart(); }

  async screenshotAll(prefix) {
    for (const [name, c] of this.clients) {
      if (c.page) await c.screenshot(`${slug(prefix).slice(0, 60)}-${slug(name)}`).catch(() => {});
    }
  }

  async assertPagesHealthy() {
    for (const c of this.clients.values()) if (c.page) await c.assertPageHealthy();
  }

  async stop() {
    const errors = [];
    const attempt = async (fn) => { try { await fn(); } catch (e) { errors.push(e); } };
    for (const c of this.clients.values()) await attempt(() => c.close());
    if (this.context) await attempt(() => this.context.close());
    for (const pg of this.playgrounds) await attempt(() => pg.stop());
    await attempt(() => this.bot.dispose());
    if (this.profileDir) fs.rmSync(this.profileDir, { recursive: true, force: true });
    this.clients.clear();
    if (errors.length) throw errors[0];
  }
}

/** A harness started before the file's tests and stopped after them (also when they fail). */
function useHarness(tag, opts) {
  const h = new Harness(tag, opts);
  before(() => h.start(), { timeout: 180000 });
  after(() => h.stop(), { timeout: 60000 });
  return h;
}

/**
 * A test that, on failure, screenshots every client into artifacts/, and that fails whenever a
 * page shows a card the client cannot render properly.
 */
function scenario(h, name, fn, opts = {}) {
  return test(name, { timeout: SCENARIO_TIMEOUT_MS, ...opts }, async (t) => {
    try {
      await fn(t);
      await h.assertPagesHealthy();
    } catch (e) {
      await h.screenshotAll(`FAILED-${slug(h.tag)}-${slug(name)}`);
      throw e;
    }
  });
}

module.exports = { Harness, useHarness, scenario, LONG_SCENARIO_MS };
