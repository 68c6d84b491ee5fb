'use strict';
// One staff member's Teams-like client: a Chromium page on that user's Agents Playground.
// Every helper acts the way a person does (click the chat, type, pick the @mention, click a card
// button) and reads what the page shows. To know when the bot has finished a turn it listens to
// the Playground's own websocket streams: the log stream reports each activity sent to the bot
// with the bot's HTTP status (the bot sends its replies before it answers), and the conversation
// stream carries every message the bot sent, which is checked with the Adaptive Cards library.
const path = require('node:path');
const { readMessages, playgroundWarnings } = require('./dom');
const { messageProblems } = require('./cards');
const { PostFrameOrder } = require('./post-order');
const { ARTIFACTS, slug } = require('./paths');
const { BOT, GROUP_CHAT, TEAM, CHANNEL } = require('./tenant');

const PLAYGROUND_NAME = 'Microsoft 365 Agents Playground';
const QUIET_MS = Number(process.env.E2E_QUIET_MS || 1500);
const TURN_TIMEOUT_MS = Number(process.env.E2E_TURN_TIMEOUT_MS || 20000);
// The first load of a Playground page (its scripts, the chat list, the install request) is no turn: beside the .NET
// tests on a 2-core CI machine it once took over 20 s, and five scenarios failed before their first message.
const OPEN_TIMEOUT_MS = Number(process.env.E2E_OPEN_TIMEOUT_MS || 3 * TURN_TIMEOUT_MS);

class CardProblemError extends Error {
  constructor(problems) {
    super(`the bot sent something the client cannot show properly:\n  - ${problems.join('\n  - ')}`);
    this.name = 'CardProblemError';
    this.problems = problems;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns something truthy; `check` runs on every poll (it may throw). */
async function until(what, fn, timeoutMs = TURN_TIMEOUT_MS, check = () => {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    check();
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

class Client {
  constructor(context, playground, userName, tag) {
    this.context = context;
    this.playground = playground;
    this.userName = userName;
    this.tag = tag;
    this.page = null;
    this.view = null; // 'chat' | 'channel'
    this.thread = null; // locator of the channel post whose thread we are in
    this.botCreates = []; // messages the bot sent (conversation stream)
    this.toBot = []; // activities the Playground sent to the bot, with the bot's status (log stream)
    this.problems = [];
    this.reported = 0;
    this.pageFindings = new Set(); // page-level findings already reported (they stay on the page)
    this.opened = new Set(); // conversations this page has opened (the Playground installs on the first open)
  }

  // ---------- setup ----------

  async open() {
    const page = await this.context.newPage();
    this.page = page;
    page.setDefaultTimeout(TURN_TIMEOUT_MS);
    // No internet here: the Playground's web fonts and animations come from a CDN. Fail them fast.
    await page.route((url) => !/^(https?|wss?):\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url.toString()), (r) => r.abort());
    page.on('pageerror', (e) => this.problems.push(`page error: ${e.message}`));
    await new PostFrameOrder().install(page); // a bot reply must not reach the page before its own new post does
    page.on('websocket', (ws) => {
      ws.on('framereceived', (f) => {
        let data;
        try { data = JSON.parse(String(f.payload)); } catch { return; }
        if (ws.url().includes('/_ws_conversation/')) this.onConversationFrame(data);
        else if (ws.url().includes('/_ws/log/')) this.onLogFrame(data);
      });
    });
    const mark = this.mark();
    // Opening the page opens the personal chat, and the Playground "installs" the app there.
    const installed = this.installResponse(OPEN_TIMEOUT_MS);
    await page.goto(this.playground.url, { waitUntil: 'domcontentloaded', timeout: OPEN_TIMEOUT_MS });
    await page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor({ timeout: OPEN_TIMEOUT_MS });
    this.view = 'chat';
    this.conversationName = 'Personal Chat';
    this.opened.add(this.conversationName);
    await installed;
    return this.settleNavigation(mark, true, OPEN_TIMEOUT_MS);
  }

  /** The Playground page asks its server to "install" the app the first time it opens a conversation. */
  installResponse(timeout = TURN_TIMEOUT_MS) {
    return this.page.waitForResponse((r) => /\/_debug\/conversation\/[^/]+\/installation$/.test(r.url()), { timeout });
  }

  onConversationFrame(data) {
    if (!data || !data.message || !['createMessage', 'updateMessage'].includes(data.action)) return;
    const m = data.message;
    if (!m.from || m.from.id !== BOT.id) return;
    if (data.action === 'createMessage') this.botCreates.push({ conversationId: data.actionConversationId, message: m });
    for (const p of messageProblems(m)) this.problems.push(`${data.action} in ${data.actionConversationId}: ${p}`);
  }

  onLogFrame(data) {
    const log = data && data.log;
    if (!log || !log.activityName || !log.response) return;
    const status = log.response.statusCode;
    if (log.from === PLAYGROUND_NAME) {
      this.toBot.push({ name: log.activityName, status, conversationId: log.conversationId, body: log.request && log.request.body });
      if (status >= 400) this.problems.push(`the bot answered ${status} to a ${log.activityName} activity`);
    } else if (status >= 400) {
      const err = log.response.body && log.response.body.error;
      this.problems.push(`the Playground rejected the bot's ${log.activityName} with ${status}${err ? ` (${err.code}: ${err.message})` : ''}`);
    }
  }

  // ---------- navigation ----------

  async openConversation(treeName, view) {
    const install = !this.opened.has(treeName);
    const mark = this.mark();
    const installed = install ? this.installResponse() : null;
    await this.page.getByRole('treeitem', { name: treeName, exact: true }).click();
    this.view = view;
    this.conversationName = treeName;
    this.thread = null;
    this.opened.add(treeName);
    await installed;
    return this.settleNavigation(mark, install);
  }

  /**
   * After opening a conversation: the Playground "installs" the app in a conversation the first
   * time this page opens it (installationUpdate + conversationUpdate to the bot). Waits for those
   * and for the page to show what the bot sent; returns those messages.
   */
  async settleNavigation(mark, install, installTimeoutMs = TURN_TIMEOUT_MS) {
    if (install) await until('the install activities to reach the bot', () => this.toBot.length >= mark.toBot + 2, installTimeoutMs, () => this.assertHealthy());
    await sleep(150);
    const sent = this.botCreates.length - mark.creates;
    let shown = await until(`the page to show ${sent} bot message(s)`, async () => {
      const all = await this.botMessages();
      return all.length >= sent ? all : null;
    }, 10000);
    for (let prev = -1; shown.length !== prev;) { prev = shown.length; await sleep(300); shown = await this.botMessages(); }
    this.assertHealthy();
    return sent ? shown.slice(-sent) : [];
  }

  /** Opens the personal chat with the bot; returns the bot messages that arrived (the welcome on first open). */
  openPersonalChat() { return this.openConversation('Personal Chat', 'chat'); }

  openGroupChat() { return this.openConversation(GROUP_CHAT.name, 'chat'); }

  openChannel(name = CHANNEL.name) { return this.openConversation(`${TEAM.name} - ${name}`, 'channel'); }

  async bringToFront() { await this.page.bringToFront(); }

  // ---------- reading ----------

  scope() {
    if (this.view === 'channel' && this.thread) return this.thread;
    return this.page.locator('body');
  }

  async messages() {
    return this.scope().evaluate(readMessages);
  }

  async botMessages() {
    return (await this.messages()).filter((m) => m.author === BOT.name);
  }

  /** The last card the bot sent in the current conversation (or thread): {firstText, text, buttons, ...}. */
  async lastCard() {
    const cards = (await this.botMessages()).filter((m) => m.isCard);
    if (!cards.length) throw new Error('the bot has sent no card here');
    return cards[cards.length - 1];
  }

  mark() {
    return { creates: this.botCreates.length, toBot: this.toBot.length };
  }

  /** Fails (CardProblemError) when the bot sent anything the client cannot show properly. */
  assertHealthy() {
    const fresh = this.problems.slice(this.reported);
    if (fresh.length) { this.reported = this.problems.length; throw new CardProblemError(fresh); }
  }

  /**
   * Also looks at the page: what the Playground says it cannot show (in the conversation and the
   * log panel), and bot cards rendered with no visible content or with untitled buttons. Each
   * finding is reported once (it stays on the page).
   */
  async assertPageHealthy() {
    const findings = [];
    for (const w of await this.page.evaluate(playgroundWarnings)) {
      // The same warning shows in the conversation and in the log panel ("[time] (!) Warning: ...", cut short).
      const key = w.replace(/^\[[^\]]*\]\s*(\(!\)\s*)?(Warning|Error):\s*/, '').slice(0, 60);
      findings.push([`warning:${key}`, `the Playground says: ${w}`]);
    }
    const where = this.conversationName;
    (await this.page.locator('body').evaluate(readMessages)).forEach((m, i) => {
      if (m.author !== BOT.name || !m.isCard) return;
      if (m.emptyCard) findings.push([`${where}#${i}:empty`, `a card rendered with no visible content (${where}, message ${i + 1})`]);
      if (m.untitledButtons) findings.push([`${where}#${i}:untitled`, `a card rendered ${m.untitledButtons} button(s) without a title (${where}, message ${i + 1})`]);
    });
    for (const [key, text] of findings) {
      if (this.pageFindings.has(key)) continue;
      this.pageFindings.add(key);
      this.problems.push(text);
    }
    this.assertHealthy();
  }

  // ---------- acting ----------

  composer() {
    if (this.view === 'channel') {
      if (this.thread) return this.thread.locator('[role=textbox][data-lexical-editor="true"]');
      return this.page.locator('.fui-Card[role=group]').first().locator('[role=textbox][data-lexical-editor="true"]');
    }
    return this.page.locator('[role=textbox][data-lexical-editor="true"]').first();
  }

  /**
   * Does `action` and waits for the bot's answer: the activity reaches the bot and the bot answers
   * it (having sent its replies), then the page shows every message the bot sent. Returns those
   * messages as the page shows them. With expectReply: false, waits QUIET_MS and reports what came.
   */
  async turn(action, { expectReply = true, newThread = false } = {}) {
    const mark = this.mark();
    const before = newThread ? 0 : (await this.botMessages()).length;
    await action();
    if (!expectReply) {
      await sleep(QUIET_MS);
      this.assertHealthy();
      return {
        reachedBot: this.toBot.slice(mark.toBot).filter((a) => a.name === 'message').length,
        replies: this.botCreates.length - mark.creates,
        shown: (await this.botMessages()).slice(before),
      };
    }
    await until(`the activity to reach the bot and the bot to answer (${this.userName})`, () => this.toBot.length > mark.toBot,
      TURN_TIMEOUT_MS, () => this.assertHealthy()); // a rejected or broken message fails at once, not by time-out
    return this.waitForBotMessages({ ...mark, shown: before });
  }

  /** A mark to wait from: what the bot has sent so far, and how many bot messages the page shows here. */
  async markNow() {
    return { ...this.mark(), shown: (await this.botMessages()).length };
  }

  /**
   * Waits for the next bot message(s) after `mark` (from markNow(); e.g. a proactive message) and
   * returns every message the bot sent since, as the page shows them.
   */
  async waitForBotMessages(mark, { timeoutMs = TURN_TIMEOUT_MS } = {}) {
    await until(`a message from the bot (${this.userName})`, () => this.botCreates.length > mark.creates, timeoutMs, () => this.assertHealthy());
    await sleep(150); // the conversation and log streams are two websockets, not ordered with each other
    const sent = this.botCreates.length - mark.creates;
    const all = await until(`the page to show ${sent} new bot message(s)`, async () => {
      const a = await this.botMessages();
      return a.length >= mark.shown + sent ? a : null;
    }, TURN_TIMEOUT_MS).catch(async (e) => { throw new Error(`${e.message}; ${await this.whereShown()}`); });
    this.assertHealthy();
    return all.slice(mark.shown);
  }

  /**
   * Waits until a bot message here is `what` says (a predicate on {text, isCard, ...}: one the bot sends on its own, such
   * as a proactive message); returns it. `description` names it in a time-out.
   */
  async waitUntilShown(description, what, timeoutMs = TURN_TIMEOUT_MS) {
    return until(`${description} (${this.userName})`,
      async () => (await this.botMessages()).find(what), timeoutMs, () => this.assertHealthy());
  }

  async typeInto(box, text) {
    await box.click();
    await this.page.keyboard.type(text);
  }

  /** Types a message and sends it with Enter. In a channel without a thread it starts a new post. */
  async send(text, opts = {}) {
    const newThread = this.view === 'channel' && !this.thread;
    const earlier = newThread ? await this.postsWith(text).count() : 0;
    return this.turn(async () => {
      await this.typeInto(this.composer(), text);
      await this.page.keyboard.press('Enter');
      await this.followNewPost(text, earlier);
    }, { ...opts, newThread });
  }

  /** "@PolicyBot <text>": types "@", picks the bot from the Playground's mention menu, types the rest. */
  async mention(text, opts = {}) {
    const newThread = this.view === 'channel' && !this.thread;
    const earlier = newThread ? await this.postsWith(text).count() : 0;
    return this.turn(async () => {
      const box = this.composer();
      await this.typeInto(box, `@${BOT.name.slice(0, 3)}`);
      await this.page.locator('#typeahead-menu [role=menuitem]', { hasText: BOT.name }).click();
      await this.page.keyboard.type(` ${text}`);
      await this.page.keyboard.press('Enter');
      await this.followNewPost(text, earlier);
    }, { ...opts, newThread });
  }

  /** The channel's posts (not the "Start a new post" composer, which has no header) whose text contains `text`. */
  postsWith(text) {
    return this.page.locator('.fui-Card[role=group]').filter({ has: this.page.locator('.fui-CardHeader') }).filter({ hasText: text });
  }

  /**
   * After sending a new post: waits until one more post than the `earlier` count holds `text`, then follows the
   * newest (the top one), whose thread holds the bot's answers. Waiting for the count, not for any match, keeps an
   * earlier post whose text contains this one ("Can I text this student? (no mention)") from being taken for it.
   */
  async followNewPost(text, earlier) {
    if (this.view !== 'channel' || this.thread) return;
    await until(`the new post "${text}" to show`, async () => (await this.postsWith(text).count()) > earlier, TURN_TIMEOUT_MS);
    this.thread = this.postsWith(text).first();
  }

  /** For a time-out's message: how many bot messages the page shows in the current scope and in the whole page. */
  async whereShown() {
    const all = (await this.page.locator('body').evaluate(readMessages)).filter((m) => m.author === BOT.name);
    const scoped = this.thread ? (await this.botMessages().catch(() => [])).length : all.length;
    return `the page shows ${scoped} bot message(s) ${this.thread ? 'in the followed thread' : 'here'} and ${all.length} in all; last: ${JSON.stringify((all.at(-1) || {}).text || '').slice(0, 120)}`;
  }

  /** Starts a new post in the channel (leaves the current thread). */
  leaveThread() { this.thread = null; }

  /** Clicks the button titled `title` on the last bot card that has one. */
  async click(title, opts = {}) {
    const msgs = await this.botMessages();
    const target = [...msgs].reverse().find((m) => m.isCard && m.buttons.includes(title));
    if (!target) {
      const last = msgs.filter((m) => m.isCard).pop();
      throw new Error(`no bot card here has a button "${title}"; the last card's buttons: ${last ? last.buttons.join(' | ') : '(no card)'}`);
    }
    const card = this.scope().locator('.ac-adaptiveCard').nth(target.cardIndex);
    return this.turn(() => card.getByRole('button', { name: title, exact: true }).first().click(), opts);
  }

  /**
   * Clicks a button of the last bot card that has one and that acts on the card itself ("Details"): no message goes
   * to the bot. Returns the card as the page shows it afterwards.
   */
  async clickOnCard(title) {
    const msgs = await this.botMessages();
    const target = [...msgs].reverse().find((m) => m.isCard && m.buttons.includes(title));
    if (!target) throw new Error(`no bot card here has a button "${title}"`);
    const mark = this.mark();
    const card = this.scope().locator('.ac-adaptiveCard').nth(target.cardIndex);
    await card.getByRole('button', { name: title, exact: true }).first().click();
    await sleep(300);
    if (this.toBot.length !== mark.toBot) throw new Error(`"${title}" sent something to the bot; it should act on the card alone`);
    this.assertHealthy();
    return (await this.botMessages()).filter((m) => m.isCard && m.cardIndex === target.cardIndex)[0];
  }

  /**
   * Where the last bot card sits in the window right now (no scrolling): the window's size, the card's box, and the
   * box of each of its text blocks whose text is in `texts` (first match each), all in CSS pixels of the viewport.
   */
  async lastCardLayout(texts = []) {
    const msgs = await this.botMessages();
    const last = msgs.filter((m) => m.isCard).pop();
    if (!last) throw new Error('no card');
    const card = this.scope().locator('.ac-adaptiveCard').nth(last.cardIndex);
    return card.evaluate((el, wanted) => {
      const norm = (s) => String(s).replace(/[\s\u00a0]+/g, ' ').trim();
      const box = (e) => { const r = e.getBoundingClientRect(); return { top: Math.round(r.top), bottom: Math.round(r.bottom), left: Math.round(r.left), right: Math.round(r.right), height: Math.round(r.height) }; };
      // Seen: inside the window and not under anything else (the Playground's top bar, the composer).
      const seen = (e) => {
        const r = e.getBoundingClientRect();
        if (r.top < 0 || r.bottom > window.innerHeight || r.height === 0) return false;
        return [r.top + 2, (r.top + r.bottom) / 2, r.bottom - 2].every((y) => { const hit = document.elementFromPoint(r.left + Math.min(20, r.width / 2), y); return !!hit && (e.contains(hit) || hit.contains(e)); });
      };
      const blocks = [...el.querySelectorAll('.ac-textBlock, .ac-richTextBlock')].filter((e) => e.checkVisibility() && norm(e.innerText));
      const describe = (e) => ({ text: norm(e.innerText).slice(0, 60), ...box(e), seen: seen(e) });
      const found = {};
      for (const w of wanted) {
        const e = blocks.find((b) => norm(b.innerText).includes(norm(w)));
        found[w] = e ? describe(e) : null;
      }
      // What a card shows at a glance: every text up to and including the first quoted clause.
      const firstQuote = blocks.findIndex((b) => b.classList.contains('ac-richTextBlock'));
      const glance = (firstQuote >= 0 ? blocks.slice(0, firstQuote + 1) : blocks).map(describe);
      return { viewport: { width: window.innerWidth, height: window.innerHeight }, card: box(el), found, glance };
    }, texts);
  }

  // ---------- evidence ----------

  async screenshot(name) {
    const file = path.join(ARTIFACTS, `${slug(name)}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Screenshot of the last bot card only. */
  async screenshotLastCard(name) {
    const msgs = await this.botMessages();
    const last = msgs.filter((m) => m.isCard).pop();
    if (!last) throw new Error('no card to screenshot');
    const file = path.join(ARTIFACTS, `${slug(name)}.png`);
    const card = this.scope().locator('.ac-adaptiveCard').nth(last.cardIndex);
    // A card taller than the window would be shot under the Playground's fixed top bar: grow the window.
    const size = this.page.viewportSize();
    const box = await card.boundingBox();
    if (box && box.height + 300 > size.height) await this.page.setViewportSize({ width: size.width, height: Math.ceil(box.height + 300) });
    try {
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: file });
    } finally {
      await this.page.setViewportSize(size);
    }
    return file;
  }

  async close() {
    if (this.page) await this.page.close().catch(() => {});
    this.page = null;
  }
}

module.exports = { Client, CardProblemError };
