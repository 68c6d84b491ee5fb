'use strict';
// "Was this right?" in the Playground: a teacher taps "Helpful" or "Not right" (and then what was wrong) on a verdict
// card; a request decider (Adam Admin, lib/bot.js) lists the "not right" answers with their situations, no names.
const assert = require('node:assert/strict');
const { useHarness, scenario } = require('../lib/harness');
const { SITUATIONS, answerUntilVerdict, assertVerdictCard } = require('../lib/policy');

const h = useHarness('feedback');

scenario(h, 'a teacher taps "Helpful" on a verdict card once; a second tap changes nothing', async () => {
  const tess = await h.as('Tess Teacher');
  await tess.send('can I text this student?');
  const { card } = await answerUntilVerdict(tess, SITUATIONS.textUrgent);
  assertVerdictCard(card, { verdict: 'Allowed' });
  assert.deepEqual(card.buttons.filter((b) => b === 'Helpful' || b === 'Not right'), ['Helpful', 'Not right']);
  const [thanks] = await tess.click('Helpful');
  assert.match(thanks.text, /Thanks: noted that this answer helped\./);
  const [again] = await tess.click('Helpful');
  assert.match(again.text, /already noted that this answer helped/);
});

scenario(h, '"Not right" asks what was wrong; the decider sees it with its situation and no name', async () => {
  const tess = await h.as('Tess Teacher');
  await tess.send('can I text this student?');
  await answerUntilVerdict(tess, SITUATIONS.textPersonal);
  const [ask] = await tess.click('Not right');
  assert.ok(ask.isCard && /What was not right\?/.test(ask.text), `a card asking what was wrong, got: ${ask.text}`);
  assert.deepEqual(ask.buttons, ['The verdict', 'What I understood', 'The clause', 'Something else']);
  const [noted] = await tess.click('The verdict');
  assert.match(noted.text, /noted that the verdict was not right/);
  await tess.screenshot('feedback-teacher');

  const adam = await h.as('Adam Admin');
  const [report] = await adam.send('feedback');
  assert.ok(report.isCard, `a report card, got: ${report.text}`);
  assert.match(report.text, /1 answer was marked "not right"/);
  assert.match(report.text, /Forbidden \(rule /);
  assert.match(report.text, /The verdict/);
  assert.match(report.text, /Personal or social/);
  assert.ok(!report.text.includes('Tess'), `no name on the report: ${report.text}`);
  await adam.screenshotLastCard('feedback-report');

  const [refused] = await tess.send('feedback');
  assert.match(refused.text, /only request deciders may/);
});
