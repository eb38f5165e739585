// What the page must never take from the person while it redraws: text half-typed
// into a field, keyboard focus on a tick or a day tab. And a page whose storage is
// blocked still works, saying so.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serveDist, launch, watchedPage, appReady, createIntensive, twoTabs, waitStored, newEditor } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test("text half-typed into a field survives a change made in another tab", async () => {
  const { context, first, second } = await twoTabs(browser, server);
  await first.page.locator(".block", { hasText: "Homework: journaling prompt" }).first().click();
  await first.page.locator("details.panel summary").click();
  // Typed, not yet committed (no change event): the title field keeps the focus.
  await first.page.locator("#bf-couple-notes").evaluate((notes) => { notes.value = "Notes being written"; });
  await first.page.locator("#pd-title").fill("Half-typed title");
  // The other tab changes the location and moves the same block.
  await second.page.locator("details.panel summary").click();
  await second.page.locator("#pd-location").fill("Harbour Room");
  await second.page.locator("#pd-location").press("Tab");
  await second.page.locator(".block", { hasText: "Homework: journaling prompt" }).first().focus();
  await second.page.keyboard.press("ArrowDown");
  await waitStored(second.page, (p) => p.location === "Harbour Room" && p.revision >= 3, "the other tab's changes");
  await first.page.waitForFunction(() => document.querySelector("#pd-location").value === "Harbour Room");
  await first.page.waitForFunction(() => document.querySelector("#bf-start").value === "16:00");
  assert.equal(await first.page.locator("#pd-title").inputValue(), "Half-typed title", "the typed title is kept");
  assert.equal(await first.page.locator("#bf-couple-notes").inputValue(), "Notes being written", "and the notes");
  await context.close();
});

test("ticking a checklist item and choosing a day tab keep keyboard focus", async () => {
  const { context, page } = await newEditor(browser, server, { days: "3", who: "a", placement: "midway" }, { width: 600, height: 900 });
  // A day tab chosen by keyboard keeps focus, and is the one pressed.
  const tab = page.getByRole("button", { name: "Day 2", exact: true });
  await tab.focus();
  await page.keyboard.press("Enter");
  assert.equal(await tab.getAttribute("aria-pressed"), "true");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Day 2");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Space");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Day 1");
  assert.equal(await page.getByRole("button", { name: "Day 1", exact: true }).getAttribute("aria-pressed"), "true");
  // A tick ticked with the space bar keeps focus.
  await page.goto(page.url() + "/review");
  await page.waitForSelector(".review-day");
  const tick = page.getByLabel("An eye mask");
  await tick.focus();
  const id = await tick.getAttribute("id");
  await page.keyboard.press("Space");
  await page.waitForFunction((id) => document.getElementById(id).checked, id);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => document.activeElement?.id), id, "focus stays on the tick");
  await page.keyboard.press("Space");
  await page.waitForFunction((id) => !document.getElementById(id).checked, id);
  assert.equal(await page.evaluate(() => document.activeElement?.id), id);
  await context.close();
});

test("with storage blocked the app starts, works in memory, says so and offers a backup", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });
  });
  const { page, errors } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  const notice = page.getByTestId("storage-notice");
  await notice.waitFor();
  assert.match(await notice.innerText(), /Not saved\. This browser is not letting the app save\./);
  await createIntensive(page, { a: "Blocked", b: "Storage", stored: false });
  // The notice names the plan once its save has been tried, just after the editor shows.
  await notice.filter({ hasText: "Blocked & Storage" }).waitFor();
  const [file] = await Promise.all([page.waitForEvent("download"),
    page.getByTestId("storage-notice").getByRole("button", { name: "Download a backup of all plans" }).click()]);
  assert.match(readFileSync(await file.path(), "utf8"), /Blocked & Storage: Couples intensive/);
  assert.deepEqual(errors, [], "no panic, no console error");
  await context.close();
});
