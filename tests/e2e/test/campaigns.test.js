'use strict';
// Policy reminders in the Agents Playground: an administrator (Adam Admin, a campaign author) sends a reminder to the
// members of the staff team; a teacher (Tess Teacher) gets it in her own chat, answers the scenario check and
// acknowledges; the administrator sees the report (screenshot campaign-report.png) and downloads the CSV. Then he
// schedules a monthly reminder in plain words, confirms what the bot understood, and sees it in the list.
const assert = require('node:assert/strict');
const { useHarness, scenario, LONG_SCENARIO_MS } = require('../lib/harness');
const { httpGet } = require('../lib/procs');
const { TEAM } = require('../lib/tenant');

const h = useHarness('campaigns');

/** The last Adaptive Card element on the client's page (the card the bot sent last in this conversation). */
async function lastCardElement(client) {
  const cards = client.scope().locator('.ac-adaptiveCard');
  return cards.nth((await cards.count()) - 1);
}

scenario(h, 'an administrator sends a reminder to the team; a teacher acknowledges after the scenario check; the report and the CSV show it', async () => {
  const tess = await h.as('Tess Teacher');   // installed in her personal chat: reachable
  const adam = await h.as('Adam Admin');
  await adam.openChannel('General');         // the app is in the team: the bot learns the team and its channels
  await adam.openPersonalChat();

  // A teacher cannot open the reminder card.
  await tess.bringToFront();
  const [refused] = await tess.send('new reminder');
  assert.match(refused.text, /Sorry, only campaign authors may send policy reminders/);

  await adam.bringToFront();
  const [compose] = await adam.send('new reminder');
  assert.match(compose.text, /New policy reminder/);
  const form = await lastCardElement(adam);
  const audience = `Members of ${TEAM.name} (each in their own chat)`;
  // The Playground draws the card's choice sets as Fluent drop-downs: open "Send to" and pick the team.
  await form.getByRole('combobox').nth(1).click();
  await adam.page.getByRole('option', { name: audience }).click();
  await adam.screenshotLastCard('campaign-compose');
  const [preview] = await adam.click('Preview');
  assert.match(preview.text, /Preview: only you see this/);
  assert.match(preview.text, /the members of Stevensville Staff/);
  await adam.screenshotLastCard('campaign-preview');

  await tess.bringToFront();
  const tessMark = await tess.markNow();
  await adam.bringToFront();
  const [sending] = await adam.click('Send now');
  assert.match(sending.text, /Sending ".*" to the members of Stevensville Staff/);

  // The reminder arrives in Tess's own chat (the delivery engine sends it in the background).
  await tess.bringToFront();
  const arrived = await tess.waitForBotMessages(tessMark, { timeoutMs: 60000 });
  const reminder = arrived.find((m) => m.isCard && /From Adam Admin/.test(m.text));
  assert.ok(reminder, `the reminder card in Tess's chat, got: ${arrived.map((m) => m.text).join(' | ')}`);
  assert.ok(reminder.buttons.includes('Start the scenario check'), reminder.buttons.join(' | '));
  await tess.screenshotLastCard('campaign-reminder');

  // The scenario check: three situations; a verdict each, then the right one with its clause.
  let [card] = await tess.click('Start the scenario check');
  for (let i = 1; i <= 3; i++) {
    assert.match(card.text, new RegExp(`Situation ${i} of 3`));
    [card] = await tess.click('Forbidden');
    assert.match(card.text, /Right: |The policy says: /);
    assert.match(card.text, /Clause /);
  }
  assert.match(card.text, /That was the last situation/);
  await tess.screenshotLastCard('campaign-scenario-done');
  const thanks = await tess.click('I have read and understand this policy');
  assert.ok(thanks.some((m) => /your acknowledgement is recorded/.test(m.text)), thanks.map((m) => m.text).join(' | '));

  // The report, and the CSV through its one-time link.
  await adam.bringToFront();
  const [report] = await adam.send('report');
  assert.match(report.text, /Report: /);
  assert.match(report.text, /Acknowledged\s*1 \(/);
  assert.match(report.text, /Still pending/);
  await adam.screenshotLastCard('campaign-report');

  const adamMark = await adam.markNow();
  await adam.click('Export CSV');
  const sent = adam.botCreates.slice(adamMark.creates).map((c) => c.message);
  const content = sent.flatMap((m) => (m.attachments || []).map((a) => a.content)).find((c) => c && JSON.stringify(c).includes('/downloads/'));
  assert.ok(content, 'the export card carries a download link');
  const url = JSON.stringify(content).match(/http:\/\/[^"]+\/downloads\/[A-Za-z0-9_-]+/)[0];
  const csv = await httpGet(url, 10000);
  const body = typeof csv === 'string' ? csv : csv.body;
  assert.match(body, /name,entra_object_id,delivery,acknowledged_at_utc,acknowledged_revision,status/);
  assert.match(body, /Tess Teacher,00000000-0000-4000-8000-000000000101,sent,[^,]+,2019-05-09 \([0-9a-f]{16}\),acknowledged/);
  require('node:fs').writeFileSync(require('node:path').join(require('../lib/paths').ARTIFACTS, 'campaign-report.csv'), body);
}, { timeout: LONG_SCENARIO_MS });

scenario(h, 'an administrator schedules a monthly reminder in plain words, confirms what was understood and sees it listed', async () => {
    const adam = await h.as('Adam Admin');
    await adam.openPersonalChat();
    const [compose] = await adam.send('new reminder');
    assert.match(compose.text, /New policy reminder/);
    const [preview] = await adam.click('Preview');
    assert.match(preview.text, /Preview: only you see this/);

    // "When, in your words": read in the district's zone and repeated back before anything is saved.
    const card = await lastCardElement(adam);
    await card.getByLabel('When, in your words', { exact: false }).first().fill('every first Monday of the month at 8am');
    const [understood] = await adam.click('Schedule');
    assert.match(understood.text, /first Monday/);
    assert.match(understood.text, /8:00 AM/);
    assert.match(understood.text, /America\/Denver/);
    await adam.screenshotLastCard('campaign-schedule');
    const saved = await adam.click('Yes, save this schedule');
    assert.ok(saved.some((m) => /Saved: ".*" goes to .*every first Monday at 8:00 AM, America\/Denver; next: Monday, /.test(m.text)),
      saved.map((m) => m.text).join(' | '));

    const [list] = await adam.send('reminders');
    assert.match(list.text, /[Ss]cheduled/);
    await adam.screenshotLastCard('campaign-list');
  });
