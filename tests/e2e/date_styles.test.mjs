// Dates and times as the reader writes them: the same intensive reviewed and printed in
// an American browser ("Sunday, December 6, 2026", "9:00–9:30 AM") and a British one
// ("Sunday 6 December 2026", "09:00–09:30"), the editor's grid with them; then the style
// chosen in Settings beats the browser's, and the first plan's practice details prefill
// the next.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launch, watchedPage, appReady, createIntensive, storedPlan, longDate } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const STYLES = {
  us: { time: /9:00\u20139:30 AM/, never: /\b(1[3-9]|2\d):\d\d\b/ },
  day_first: { time: /\b09:00\u201309:30\b/, never: /\d [AP]M\b/ },
};

/** The review and the print of the open plan read in `style` throughout. */
async function readsIn(page, style) {
  const plan = await storedPlan(page);
  const editor = page.url().replace(/\/(review|print)$/, "");
  for (const [where, selector] of [["review", ".review"], ["print", ".print-day"]]) {
    await page.goto(`${editor}/${where}`);
    await page.waitForSelector(selector);
    const text = await page.locator(selector).first().innerText();
    assert.ok(text.includes(longDate(plan.first_day, style === "us")), `${where} in ${style}: ${text.slice(0, 300)}`);
    assert.match(text, STYLES[style].time, `${where} in ${style}`);
    assert.doesNotMatch(text, STYLES[style].never, `${where} in ${style}`);
  }
  await page.goto(editor);
  await page.waitForSelector(".editor .block");
  // The grid's blocks write their times in the style too.
  const times = (await page.locator(".editor .block-meta").allInnerTexts()).join(" ");
  assert.match(times, style === "us" ? /\d:\d\d [AP]M/ : /\b\d\d:\d\d\u2013\d\d:\d\d\b/, `grid in ${style}`);
  assert.doesNotMatch(times, STYLES[style].never, `grid in ${style}: ${times.slice(0, 200)}`);
  // And so does the gutter of hours beside it.
  const hours = await page.locator(".editor .hour").allInnerTexts();
  assert.ok(hours.includes(style === "us" ? "1 PM" : "13:00"), `hours in ${style}: ${hours.join(" ")}`);
  assert.doesNotMatch(hours.join(" "), STYLES[style].never);
}

async function browserIn(locale) {
  const context = await browser.newContext({ locale, viewport: { width: 1400, height: 1000 } });
  const watched = await watchedPage(context);
  await watched.page.goto(server.url);
  await appReady(watched.page);
  return { context, ...watched };
}

test("an American browser reads 12-hour, month first; a British one 24-hour, day first", async () => {
  for (const [locale, style] of [["en-US", "us"], ["en-GB", "day_first"]]) {
    const { context, page, errors } = await browserIn(locale);
    await createIntensive(page, { who: "a", placement: "midway" });
    await readsIn(page, style);
    assert.deepEqual(errors, [], locale);
    await context.close();
  }
});

test("the style chosen in Settings beats the browser's, and the practice details prefill", async () => {
  const { context, page, errors } = await browserIn("en-US");
  await createIntensive(page, { therapist: "Dr Rivera" });
  await page.goto(server.url);
  await page.getByText("Settings: date and time style, practice details").click();
  assert.equal(await page.getByLabel("Therapist", { exact: true }).inputValue(), "Dr Rivera",
    "the first plan's details were kept");
  await page.getByLabel("Date and time style").selectOption("day-first-24-hour");
  await page.getByLabel("Location").fill("Suite 4, Santa Cruz");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
  const settings = await page.evaluate(() => JSON.parse(localStorage.getItem("intensive-planner/settings")));
  assert.equal(settings.settings.date_style, "DayFirst24Hour");
  assert.equal(settings.settings.practice.location, "Suite 4, Santa Cruz");
  const before = await storedPlan(page);
  assert.notEqual(before.location, "Suite 4, Santa Cruz", "existing plans keep their own details");

  await page.reload();
  await appReady(page);
  await page.getByRole("link", { name: before.title }).first().click();
  await page.waitForSelector(".editor .block");
  await readsIn(page, "day_first");

  await page.goto(server.url);
  await page.getByRole("button", { name: "New intensive" }).click();
  assert.equal(await page.getByLabel("Location").inputValue(), "Suite 4, Santa Cruz", "a new intensive starts from them");
  assert.equal(await page.getByLabel("Therapist", { exact: true }).inputValue(), "Dr Rivera");
  assert.deepEqual(errors, []);
  await context.close();
});
