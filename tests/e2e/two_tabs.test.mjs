// Two tabs on one plan: saves are serialised across tabs, a tab that missed the other's
// write merges instead of overwriting, and a field changed in both waits for a choice.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launch, storedPlan, waitStored, placeOf, twoTabs, watchedPage } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const HOMEWORK = "Homework: journaling prompt";
const FEEDBACK = "Feedback and treatment plan";

const block = (page, title) => page.locator(".block", { hasText: title }).first();

const minutes = (start) => { const [h, m] = start.split(":").map(Number); return h * 60 + m; };

test("twenty trials of moves made in two tabs at the same moment: none is lost", async () => {
  const { context, first, second } = await twoTabs(browser, server);
  const start = await storedPlan(first.page);
  const homework0 = minutes(start.blocks.find((b) => b.title === HOMEWORK).start);
  const feedback0 = minutes(start.blocks.find((b) => b.title === FEEDBACK).start);
  for (let trial = 0; trial < 20; trial++) {
    const key = trial % 2 === 0 ? "ArrowDown" : "ArrowUp";
    const shift = trial % 2 === 0 ? 15 : 0;
    await block(first.page, HOMEWORK).focus();
    await block(second.page, FEEDBACK).focus();
    // Both tabs press at one agreed instant, each on its own block.
    const at = Date.now() + 150;
    const press = (page) => page.evaluate(({ at, key }) => new Promise((resolve) => {
      setTimeout(() => {
        document.activeElement.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
        resolve();
      }, Math.max(0, at - Date.now()));
    }), { at, key });
    await Promise.all([press(first.page), press(second.page)]);
    await waitStored(first.page, (p) =>
      minutes(p.blocks.find((b) => b.title === HOMEWORK).start) === homework0 + shift &&
      minutes(p.blocks.find((b) => b.title === FEEDBACK).start) === feedback0 + shift,
    `trial ${trial + 1}: both moves stored`);
    // Each tab comes to show both moves.
    for (const page of [first.page, second.page]) {
      await page.waitForFunction(({ titles, times }) => titles.every((title, i) =>
        [...document.querySelectorAll(".block")].some((b) => b.textContent.includes(title) && b.textContent.includes(times[i]))),
      { titles: [HOMEWORK, FEEDBACK], times: [homework0 + shift, feedback0 + shift].map((m) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`) });
    }
  }
  assert.equal(await first.page.getByTestId("clash-notice").count(), 0, "different blocks merge without asking");
  assert.deepEqual([...first.errors, ...second.errors], []);
  await context.close();
});

const TRIALS = Number(process.env.TRIALS ?? 12);
test("twelve trials of a tab closed within 10 ms of its move, the other tab moving too: no move is lost", async () => {
  const { context, first, second } = await twoTabs(browser, server);
  await first.page.close();
  const start = await storedPlan(second.page);
  let homework = minutes(start.blocks.find((b) => b.title === HOMEWORK).start);
  let feedback = minutes(start.blocks.find((b) => b.title === FEEDBACK).start);
  const errors = [...second.errors];
  for (let trial = 0; trial < TRIALS; trial++) {
    const closing = await watchedPage(context);
    await closing.page.goto(second.page.url());
    await closing.page.waitForSelector(".editor .block");
    const key = trial % 2 === 0 ? "ArrowDown" : "ArrowUp";
    const shift = trial % 2 === 0 ? 15 : -15;
    await block(closing.page, HOMEWORK).focus();
    await block(second.page, FEEDBACK).focus();
    const at = Date.now() + 150;
    const press = (page, at) => page.evaluate(({ at, key }) => new Promise((resolve) => {
      setTimeout(() => {
        document.activeElement.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
        resolve();
      }, Math.max(0, at - Date.now()));
    }), { at, key });
    // The closing tab is closed as a person closes it, 0 to 10 ms after its move, the
    // other tab's move a few milliseconds before or after it.
    const [lead, wait] = [[4, 0], [0, 3], [-3, 6], [2, 10]][trial % 4];
    await Promise.all([
      press(second.page, at - lead),
      press(closing.page, at).then(() => new Promise((r) => setTimeout(r, wait))).then(() => closing.page.close({ runBeforeUnload: true })),
    ]);
    homework += shift;
    feedback += shift;
    await waitStored(second.page, (p) =>
      minutes(p.blocks.find((b) => b.title === HOMEWORK).start) === homework &&
      minutes(p.blocks.find((b) => b.title === FEEDBACK).start) === feedback,
    `trial ${trial + 1}: both moves stored`);
    errors.push(...closing.errors);
  }
  assert.equal(await second.page.getByTestId("clash-notice").count(), 0, "different blocks merge without asking");
  assert.deepEqual([...errors, ...second.errors], []);
  await context.close();
});

test("a tab that has not heard of the other's save merges its own change into it", async () => {
  const { context, first, second } = await twoTabs(browser, server, { hold: true });
  await second.page.evaluate(() => { window.__held = []; });
  const before = await storedPlan(first.page);
  await block(first.page, HOMEWORK).focus();
  await first.page.keyboard.press("ArrowDown");
  const afterFirst = await waitStored(first.page, (p) => p.revision === before.revision + 1, "the first tab's move");
  // The second tab still shows the old plan, and moves another block.
  await block(second.page, FEEDBACK).focus();
  await second.page.keyboard.press("ArrowDown");
  const merged = await waitStored(second.page, (p) => p.revision === before.revision + 2, "the second tab's move");
  assert.equal(placeOf(merged, HOMEWORK), placeOf(afterFirst, HOMEWORK), "the first tab's move kept");
  assert.notEqual(placeOf(merged, FEEDBACK), placeOf(before, FEEDBACK), "the second tab's move saved");
  // The second tab shows both, before it hears anything.
  const shown = await block(second.page, HOMEWORK).textContent();
  assert.ok(shown.includes(placeOf(afterFirst, HOMEWORK).split(" ")[1].slice(0, 5)), shown);
  await second.page.evaluate(() => window.__releaseStorage());
  await first.page.waitForFunction((time) =>
    [...document.querySelectorAll(".block")].some((b) => b.textContent.includes("Feedback and treatment plan") && b.textContent.includes(time)),
  placeOf(merged, FEEDBACK).split(" ")[1].slice(0, 5));
  assert.equal(await second.page.getByTestId("clash-notice").count(), 0);
  await context.close();
});

async function typeDetail(page, id, text) {
  const details = page.locator("details.panel");
  if (!(await details.evaluate((d) => d.open))) await details.locator("summary").click();
  await page.locator(id).fill(text);
  await page.locator(id).press("Tab");
}

test("a title typed in one tab and a location in the other are both saved", async () => {
  const { context, first, second } = await twoTabs(browser, server, { hold: true });
  await second.page.evaluate(() => { window.__held = []; });
  await typeDetail(first.page, "#pd-title", "Spring intensive");
  await waitStored(first.page, (p) => p.title === "Spring intensive", "the title");
  await typeDetail(second.page, "#pd-location", "Harbour Room");
  const stored = await waitStored(second.page, (p) => p.location === "Harbour Room", "the location");
  assert.equal(stored.title, "Spring intensive", "the other tab's title is not lost");
  assert.equal(await second.page.locator(".editor-title").innerText(), "Spring intensive");
  await context.close();
});

test("the same field changed in two tabs: the saved one is shown, and the other can be chosen", async () => {
  const { context, first, second } = await twoTabs(browser, server, { hold: true });
  await second.page.evaluate(() => { window.__held = []; });
  await typeDetail(first.page, "#pd-title", "Typed in the first tab");
  await waitStored(first.page, (p) => p.title === "Typed in the first tab", "the first title");
  await typeDetail(second.page, "#pd-title", "Typed in the second tab");
  const notice = second.page.getByTestId("clash-notice");
  await notice.waitFor();
  const said = await notice.innerText();
  assert.match(said, /Both sets of changes are combined and saved/);
  assert.match(said, /The title: shown “Typed in the first tab”; this tab had “Typed in the second tab”/);
  assert.equal((await storedPlan(second.page)).title, "Typed in the first tab", "what the notice says is saved is saved");
  assert.equal(await second.page.locator(".editor-title").innerText(), "Typed in the first tab");
  // A reload forgets neither the clash nor the value that was not kept.
  await second.page.reload();
  await notice.waitFor();
  assert.match(await notice.innerText(), /The title: shown “Typed in the first tab”; this tab had “Typed in the second tab”/);
  await notice.getByRole("button", { name: "Use this tab's" }).click();
  await waitStored(second.page, (p) => p.title === "Typed in the second tab", "the chosen title");
  assert.equal(await notice.count(), 0);
  assert.equal(await second.page.locator(".editor-title").innerText(), "Typed in the second tab");
  await second.page.reload();
  await second.page.waitForSelector(".editor .block");
  assert.equal(await notice.count(), 0, "a settled clash stays settled after a reload");
  await context.close();
});

// Notes being typed are not yet a change: another tab's save must not sweep them away.
async function halfTypeNotes(page, title, text) {
  await block(page, title).click();
  await page.locator("#bf-couple-notes").fill(text); // no Tab: still typing
}

test("notes half-typed in one tab while the other commits notes on that block: a clash, not lost", async () => {
  const { context, first, second } = await twoTabs(browser, server);
  await halfTypeNotes(second.page, HOMEWORK, "Half-typed in the second tab");
  await block(first.page, HOMEWORK).click();
  await first.page.locator("#bf-couple-notes").fill("Committed in the first tab");
  await first.page.locator("#bf-couple-notes").press("Tab");
  const notice = second.page.getByTestId("clash-notice");
  await notice.waitFor();
  assert.match(await notice.innerText(), /this tab had “Half-typed in the second tab”/);
  await notice.getByRole("button", { name: "Use this tab's" }).click();
  await waitStored(second.page, (p) => p.blocks.find((b) => b.title === HOMEWORK).couple_notes === "Half-typed in the second tab",
    "the typed notes, chosen");
  assert.deepEqual([...first.errors, ...second.errors], []);
  await context.close();
});

test("notes half-typed in one tab while the other deletes the block: the block stays, deletion offered", async () => {
  const { context, first, second } = await twoTabs(browser, server);
  await halfTypeNotes(second.page, HOMEWORK, "Typed while it was deleted");
  await block(first.page, HOMEWORK).click();
  await first.page.getByRole("button", { name: "Delete block" }).click();
  const notice = second.page.getByTestId("clash-notice");
  await notice.waitFor();
  assert.match(await notice.innerText(), /deleted/i);
  const stored = await waitStored(second.page, (p) => p.blocks.some((b) => b.title === HOMEWORK),
    "the block kept with the typed notes");
  assert.equal(stored.blocks.find((b) => b.title === HOMEWORK).couple_notes, "Typed while it was deleted");
  assert.equal(await second.page.locator("#bf-couple-notes").inputValue(), "Typed while it was deleted");
  assert.deepEqual([...first.errors, ...second.errors], []);
  await context.close();
});

// The settings form, open in two tabs: each save is merged with what the other saved
// since the form opened, field by field, never a stale form swapped in.
async function openSettings(page) {
  await page.goto(page.url().split("#")[0] + "#/");
  await page.getByText("Settings: date and time style, practice details").click();
}

async function saveSettings(page) {
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByRole("status").filter({ hasText: /^Saved/ }).waitFor();
}

const storedSettings = (page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem("intensive-planner/settings")).settings);

test("settings saved from two tabs' open forms: each keeps the other's change, a clash is offered", async () => {
  const { context, first, second } = await twoTabs(browser, server);
  await openSettings(first.page);
  await openSettings(second.page);
  await first.page.getByLabel("Location").fill("Suite 4, Santa Cruz");
  await saveSettings(first.page);
  // The second form still shows what it opened with; its save changes only the style.
  await second.page.getByLabel("Date and time style").selectOption("day-first-24-hour");
  await saveSettings(second.page);
  let kept = await storedSettings(second.page);
  assert.equal(kept.practice.location, "Suite 4, Santa Cruz", "the first tab's location is not swapped out");
  assert.equal(kept.date_style, "DayFirst24Hour");
  assert.match(await second.page.getByRole("status").filter({ hasText: /^Saved/ }).innerText(),
    /^Saved, with what another tab saved meanwhile kept: the location\./, "the taken-in change is said");
  assert.equal(await second.page.getByLabel("Location").inputValue(), "Suite 4, Santa Cruz", "the form shows what is kept");

  // Both change the contact: the saved one stays, the other is offered, one click away.
  await first.page.getByLabel("Therapist contact").fill("first@example.org");
  await saveSettings(first.page);
  await second.page.getByLabel("Therapist contact").fill("second@example.org");
  await saveSettings(second.page);
  kept = await storedSettings(second.page);
  assert.equal(kept.practice.therapist.contact, "first@example.org");
  assert.equal(kept.date_style, "DayFirst24Hour");
  const clash = second.page.getByTestId("settings-clash");
  assert.match(await clash.innerText(), /The therapist's contact: kept “first@example.org”; this form had “second@example.org”/);
  await clash.getByRole("button", { name: "Use this form's" }).click();
  kept = await storedSettings(second.page);
  assert.equal(kept.practice.therapist.contact, "second@example.org");
  assert.equal(kept.practice.location, "Suite 4, Santa Cruz");
  assert.equal(await clash.count(), 0, "a settled clash goes");
  assert.equal(await second.page.getByLabel("Therapist contact").inputValue(), "second@example.org");
  assert.deepEqual([...first.errors, ...second.errors], []);
  await context.close();
});

// A plan holds at most 24 follow-ups: one the two tabs together add past that waits in
// the clash list until there is room, never dropped.
test("follow-ups two tabs add past the limit: the one left out is offered back once there is room", async () => {
  const { context, first, second } = await twoTabs(browser, server, { hold: true });
  const add = (page) => page.getByRole("button", { name: "Add a follow-up session" }).click();
  const count = (n) => (p) => p.follow_ups.length === n;
  for (let n = (await storedPlan(first.page)).follow_ups.length; n < 23; n++) await add(first.page);
  await waitStored(first.page, count(23), "23 follow-ups");
  await second.page.getByTestId("follow-up").nth(22).waitFor();
  await second.page.evaluate(() => { window.__held = []; });
  // The first tab adds the 24th, an hour long; the second, not hearing of it, adds its own.
  await add(first.page);
  await first.page.getByTestId("follow-up").nth(23).getByLabel("Length").selectOption("60");
  await waitStored(first.page, (p) => count(24)(p) && p.follow_ups.at(-1).minutes === 60, "the first tab's 24th");
  await add(second.page);
  const notice = second.page.getByTestId("clash-notice");
  await notice.waitFor();
  assert.match(await notice.innerText(),
    /shown without it, as a plan holds at most 24 follow-up sessions \(remove one to bring it back\); this tab had it/);
  const offered = await second.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("intensive-planner/clashes/"))
    .flatMap((k) => JSON.parse(localStorage.getItem(k)).clashes).map((c) => c.alternative.RestoreFollowUp));
  assert.equal(offered.length, 1, "one left out, one offered back");
  const isLeftOut = (f) => f.date === offered[0].date && f.minutes === 90;
  assert.ok(offered.every(isLeftOut), JSON.stringify(offered));
  assert.equal((await storedPlan(second.page)).follow_ups.filter(isLeftOut).length, 0, "left out of the saved plan");
  // While full, taking it is refused in words and the clash stays.
  const useIt = notice.getByRole("button", { name: "Use this tab's" });
  await useIt.click();
  await second.page.getByTestId("editor-message")
    .filter({ hasText: "A plan holds at most 24 follow-up sessions: remove one first." }).waitFor();
  assert.equal(await notice.getByRole("listitem").count(), 1, "the clash is still listed");
  await second.page.getByRole("button", { name: /^Remove follow-up / }).first().click();
  await useIt.click();
  const stored = await waitStored(second.page, (p) => p.follow_ups.some(isLeftOut), "the left-out session back");
  assert.equal(stored.follow_ups.length, 24);
  assert.equal(await notice.count(), 0, "settled");
  await context.close();
});
