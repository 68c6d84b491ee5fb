'use strict';
// A request to the administration in the Agents Playground: Tess Teacher asks for a class Instagram page in her
// personal chat; Adam Admin (a request decider for every school) gets the request card in the team channel, asks a
// question, Tess answers from her notification, Adam approves; both see the cards change; Tess's next question about
// that page is answered from the approved accounts registry.
const assert = require('node:assert/strict');
const { useHarness, scenario, LONG_SCENARIO_MS } = require('../lib/harness');
const { DETAILS } = require('../lib/policy');

const h = useHarness('requests');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fills the inputs of the last card holding the first label: [label, value] (a value of true ticks a checkbox). */
async function fill(client, inputs) {
  const cards = client.scope().locator('.ac-adaptiveCard').filter({ has: client.page.getByLabel(inputs[0][0], { exact: false }) });
  const card = cards.last();
  for (const [label, value] of inputs) {
    if (value === true) {
      // The renderer's checkboxes are named by their choice's title.
      await card.getByRole('checkbox', { name: label }).first().check();
      continue;
    }
    await card.getByLabel(label, { exact: false }).first().fill(value);
  }
}

/** Polls the page until a bot card's text matches `re`; returns that card. */
async function cardShowing(client, re, what) {
  for (let i = 0; i < 60; i++) {
    const cards = (await client.botMessages()).filter((m) => m.isCard && re.test(m.text));
    if (cards.length) return cards[cards.length - 1];
    await sleep(500);
  }
  const all = (await client.messages()).map((m) => `${m.author}: ${m.isCard ? '[card] ' : ''}${m.text.slice(0, 80)}`);
  const dom = await client.page.evaluate(() => {
    const post = [...document.querySelectorAll('.fui-Card[role=group]')].find((c) => c.innerText.includes('Request #'));
    if (!post) return 'no post';
    const btn = post.querySelector('button[aria-label="Show more information"]');
    const header = btn && btn.parentElement && btn.parentElement.parentElement;
    const describe = (e) => `${e.tagName}.${[...e.classList].join('.')}${e.querySelector('.ac-adaptiveCard') ? '(card)' : ''}${e.querySelector('[role=textbox]') ? '(textbox)' : ''}`;
    return `header=${header ? describe(header) : '-'} children=${[...post.children].map(describe).join(' ; ')}`;
  });
  throw new Error(`no card showing ${what}; the page shows: ${all.join(' || ')}; DOM: ${dom}`);
}

/** Clicks `title` on the last card whose text matches `re` (a decider's tap: the answer is the card itself changing). */
async function tap(client, re, title) {
  const msgs = await client.botMessages();
  const target = [...msgs].reverse().find((m) => m.isCard && re.test(m.text) && m.buttons.includes(title));
  assert.ok(target, `no card matching ${re} with a "${title}" button`);
  const card = client.scope().locator('.ac-adaptiveCard').nth(target.cardIndex);
  return client.turn(() => card.getByRole('button', { name: title, exact: true }).first().click(), { expectReply: false });
}

scenario(h, 'a teacher asks for a class page, the administrator asks, she answers, he approves, and the registry answers her next question', async () => {
  const adam = await h.as('Adam Admin');
  await adam.openChannel();
  const [done] = await adam.mention('district requests here');
  assert.match(done.text, /Done: staff requests come to this channel/);
  adam.leaveThread();
  const adamMark = await adam.markNow();

  // Tess, in her personal chat, in her own words: the verdict, then the form with the platform filled in.
  const tess = await h.as('Tess Teacher');
  const replies = await tess.send('I want to start a class Instagram page');
  assert.ok(replies.some((m) => m.isCard && /Needs administration/.test(m.text)), `a needs-administration verdict: ${replies.map((m) => m.text).join(' / ')}`);
  assert.ok(replies.some((m) => m.isCard && m.buttons.includes('Check my request')), 'the request form');
  await fill(tess, [
    ['What is it for?', 'Class news and reminders for families'],
    ['Who is it for?', 'Grade 7 families'],
    ['type their name or school e-mail', 'Pat Para'],
    ['Announcements and reminders only', true],
  ]);
  const [summary] = await tess.click('Check my request');
  assert.match(summary.text, /Check your request before I send it/);
  assert.match(summary.text, /Pat Para/);
  const [sent] = await tess.click('Send to administration');
  assert.match(sent.text, /Sent: request #1/);
  await tess.screenshotLastCard('request-sent');

  // Adam's channel gets the request card.
  await adam.bringToFront();
  await adam.waitForBotMessages(adamMark, { timeoutMs: 30000 });
  let card = await cardShowing(adam, /Request #1 · social media presence/, 'the request');
  assert.match(card.text, /SUBMITTED/);
  assert.match(card.text, /Tess Teacher/);
  assert.match(card.text, /Staff should contact the administration if they would like to establish an educational related social media presence\./);
  await adam.screenshotLastCard('request-channel-submitted');

  // He asks a question; the same card changes in place.
  const tessMark = await tess.markNow();
  await fill(adam, [['Conditions to approve', 'Who else will administer the page?']]);
  await tap(adam, /Request #1/, 'Ask for more information');
  card = await cardShowing(adam, /Request #1[\s\S]*NEEDS INFORMATION/, 'the question asked');
  assert.equal((await adam.botMessages()).filter((m) => m.isCard && /Request #1 ·/.test(m.text)).length, 1, 'one request card, changed in place');

  // Tess is told 1:1 and answers from the notification.
  await tess.bringToFront();
  const [asked] = await tess.waitForBotMessages(tessMark, { timeoutMs: 30000 });
  assert.match(asked.text, /Who else will administer the page\?/);
  await fill(tess, [['Your answer', 'Pat Para and our principal.']]);
  const [thanks] = await tess.click('Send answer');
  assert.match(thanks.text, /your answer is on request #1, and it is back in review/);

  // Adam sees her answer on the card and approves.
  await adam.bringToFront();
  card = await cardShowing(adam, /Request #1[\s\S]*IN REVIEW[\s\S]*Pat Para and our principal\./, 'her answer');
  const approvedMark = await tess.markNow();
  await tap(adam, /Request #1/, 'Approve');
  card = await cardShowing(adam, /Request #1[\s\S]*APPROVED/, 'the approval');
  assert.match(card.text, /Adam Admin approved it/);
  await adam.screenshotLastCard('request-channel-approved');

  // Tess is told, and her next question about the page is answered from the registry.
  await tess.bringToFront();
  const [approved] = await tess.waitForBotMessages(approvedMark, { timeoutMs: 30000 });
  assert.match(approved.text, /Request #1 is approved/);
  await tess.send('Can I post class news on our class Instagram?');
  for (let step = 0; step < 6; step++) {
    const last = await tess.lastCard();
    if (/Allowed|Forbidden|Needs administration|Not covered/.test(last.firstText)) break;
    if (last.buttons.includes("It's this account")) {
      assert.match(last.text, /registry of approved accounts/);
      assert.match(last.text, /Instagram/);
      await tess.screenshotLastCard('registry-this-account');
      await tess.click("It's this account");
    } else if (last.buttons.includes("Yes, that's right")) await tess.click("Yes, that's right");
    else if (last.buttons.includes('Class or team news')) await tess.click('Class or team news');
    else throw new Error(`unexpected card: ${last.text} [${last.buttons.join(' | ')}]`);
  }
  const verdict = await tess.lastCard();
  assert.match(verdict.firstText, /Allowed with conditions/);
  // What was understood (the registry's answer among it) sits behind "Details".
  const details = await tess.clickOnCard(DETAILS);
  assert.match(details.text, /Yes, it's approved/);
  await tess.screenshotLastCard('registry-verdict');
}, { timeout: LONG_SCENARIO_MS });
