// The plans page (duplicate, delete with undo), the narrow-screen editor, and the
// problems panel leading to its block.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launch, watchedPage, appReady, createIntensive, newEditor } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test("plans can be duplicated, and a deletion can be undone", async () => {
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  await createIntensive(page, { a: "Noor", b: "Jamie" });
  await page.getByRole("link", { name: "← All intensives" }).click();
  await page.getByRole("button", { name: "Duplicate" }).click();
  const titles = () => page.locator(".plan-card h2").allInnerTexts();
  assert.deepEqual(await titles(), ["Noor & Jamie: Couples intensive", "Noor & Jamie: Couples intensive (copy)"]);
  await page.getByRole("button", { name: "Delete Noor & Jamie: Couples intensive (copy)" }).click();
  await page.getByRole("button", { name: "Undo delete" }).waitFor();
  assert.deepEqual(await titles(), ["Noor & Jamie: Couples intensive"]);
  assert.match(await page.locator(".notices").innerText(), /Deleted “Noor & Jamie: Couples intensive \(copy\)”/);
  await page.getByRole("button", { name: "Undo delete" }).click();
  assert.equal((await titles()).length, 2);
  await page.reload();
  await appReady(page);
  assert.equal((await titles()).length, 2, "the undone deletion is stored again");
  assert.deepEqual(errors, []);
  await context.close();
});

test("on a narrow screen the editor shows one day at a time", async () => {
  const { context, page } = await newEditor(browser, server, { days: "3" }, { width: 600, height: 900 });
  const visibleDays = () => page.locator(".day-heading").allInnerTexts();
  assert.equal((await visibleDays()).length, 1);
  assert.match((await visibleDays())[0], /^Day 1/);
  await page.getByRole("button", { name: "Day 3", exact: true }).click();
  assert.match((await visibleDays())[0], /^Day 3/);
  assert.equal(await page.getByRole("button", { name: "Day 3", exact: true }).getAttribute("aria-pressed"), "true");
  const shown = await page.locator(".block-wrap").evaluateAll((els) => els.filter((e) => e.style.display !== "none").length);
  const day3 = await page.locator(".block", { hasText: /, day 3,/ }).count();
  assert.equal(shown, day3, "only day 3's blocks are drawn");
  await context.close();
});

test("choosing a problem moves focus to its block", async () => {
  const { context, page } = await newEditor(browser, server, { days: "3", who: "b", placement: "opening" });
  await page.locator("[data-rule=R3-dosing-readiness] button").click();
  // Focus moves after the next frame, which a busy machine may delay.
  await page.waitForFunction(() => document.activeElement?.classList.contains("block"));
  const focused = await page.evaluate(() => document.activeElement?.textContent || "");
  assert.match(focused, /KAP dosing session/);
  assert.match(focused, /, day 1,/);
  await context.close();
});

test("the form offers only what it can build: a one-day intensive has no midway", async () => {
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  await page.getByRole("button", { name: "New intensive" }).click();
  await page.getByLabel("Number of days").selectOption("1");
  await page.getByLabel("Who doses").selectOption("a");
  const placement = page.getByLabel("Placement of the dosing");
  assert.equal(await placement.locator("option[value=midway]").isDisabled(), true);
  assert.equal(await placement.locator("option[value=opening]").isDisabled(), false);
  assert.match(await page.locator("#np-placement-why").innerText(), /^Midway is not offered with these answers: A 1-day intensive has no midway/);
  const sessions = page.getByLabel("Dosing sessions per partner");
  assert.equal(await sessions.locator("option[value='2']").isDisabled(), true, "no second session in one day");
  assert.match(await page.locator("#np-sessions-why").innerText(), /do not fit a 1-day intensive/);
  // A longer intensive offers both again.
  await page.getByLabel("Number of days").selectOption("3");
  assert.equal(await placement.locator("option[value=midway]").isDisabled(), false);
  assert.equal(await page.locator("#np-placement-why").innerText(), "");
  assert.deepEqual(errors, []);
  await context.close();
});

test("dosing answers survive switching who doses away and back", async () => {
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  await page.getByRole("button", { name: "New intensive" }).click();
  await page.getByLabel("Number of days").selectOption("7");
  const who = page.getByLabel("Who doses");
  const placement = page.getByLabel("Placement of the dosing");
  const sessions = page.getByLabel("Dosing sessions per partner");
  const together = page.getByLabel("When both dose");
  await who.selectOption("both");
  await placement.selectOption("midway");
  await sessions.selectOption("2");
  // Four doses from the middle of seven days can't keep a day between each partner's
  // doses: the form does not offer separate sessions then, and says why beside the choice.
  const separate = together.locator("option[value=separate]");
  assert.equal(await separate.isDisabled(), true, "separate sessions are not offered midway");
  assert.match(
    await page.locator("#np-together-why").innerText(),
    /^Separate sessions is not offered with these answers: 4 dosing sessions do not fit a 7-day intensive: a partner's next dose starts at least 24 h after the last one ends/,
  );
  await placement.selectOption("opening");
  assert.equal(await separate.isDisabled(), false, "from the opening they fit");
  assert.equal(await page.locator("#np-together-why").innerText(), "");
  await together.selectOption("separate");
  // Midway is now the choice that does not fit, and the form says so.
  assert.equal(await placement.locator("option[value=midway]").isDisabled(), true);
  assert.match(await page.locator("#np-placement-why").innerText(), /^Midway is not offered with these answers: 4 dosing sessions/);
  await who.selectOption("nobody");
  assert.equal(await placement.isVisible(), false, "no dosing questions when nobody doses");
  assert.equal(await together.isVisible(), false);
  await who.selectOption("a");
  assert.equal(await together.isVisible(), false, "the shared-session question is for both partners only");
  await who.selectOption("both");
  assert.deepEqual(
    [await placement.inputValue(), await sessions.inputValue(), await together.inputValue()],
    ["opening", "2", "separate"],
  );
  await page.getByRole("button", { name: "Create the schedule" }).click();
  await page.waitForSelector(".editor .block");
  // The kept answers made the plan: two sessions for each partner, taken separately
  // (four sessions, where a shared one would make two), a day of work after each pair.
  const dosing = page.locator(".block", { hasText: "KAP dosing session" });
  const days = (await dosing.allInnerTexts()).map((text) => text.match(/, (day \d+),/)?.[1]);
  assert.deepEqual(days, ["day 1", "day 2", "day 4", "day 5"]);
  assert.deepEqual(errors, []);
  await context.close();
});
