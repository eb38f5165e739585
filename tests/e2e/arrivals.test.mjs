// A copy of a plan arriving where the plan is already held is merged against the version
// both share, never swapped in: the therapist's own link, and an updated link at the
// couple's, who have answers not sent yet.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launch, watchedPage, appReady, createIntensive, storedPlan, waitStored, twoTabs, blockForm } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Copies the share link (made again since the last change) and returns it. */
async function copyShareLink(page) {
  const open = page.getByRole("button", { name: "Share link for the couple" });
  if ((await open.getAttribute("aria-expanded")) !== "true") await open.click();
  await page.waitForSelector('#share-link[aria-busy="false"]');
  await page.locator(".share-card").getByRole("button", { name: "Copy" }).click();
  return page.locator("#share-link").inputValue();
}

async function setLocation(page, text) {
  const details = page.locator("details.panel", { hasText: "Plan details" });
  if (!(await details.evaluate((d) => d.open))) await details.locator("summary").click();
  await page.getByLabel("Location").fill(text);
  await page.getByLabel("Location").press("Tab");
}

test("the therapist's own share link, opened where the plan is, loses no private note or later edit", async () => {
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  await createIntensive(page, { who: "a", placement: "midway" });
  await page.locator(".block", { hasText: "KAP dosing session" }).click();
  await blockForm(page).getByLabel("Private notes (therapist only)").fill("PRIVATE-ONLY dose 0.5");
  await blockForm(page).getByLabel("Private notes (therapist only)").press("Tab");
  const link = await copyShareLink(page);
  // Edited after sending.
  await setLocation(page, "Garden Room");
  await waitStored(page, (p) => p.location === "Garden Room", "the new location");

  await page.goto(link);
  await page.getByRole("button", { name: "Save a copy to this browser" }).click();
  await page.getByTestId("import-message").filter({ hasText: "nothing was changed" }).waitFor();
  assert.equal(await page.getByTestId("arrival-choice").count(), 0, "nothing to choose");
  const plan = await storedPlan(page);
  assert.equal(plan.location, "Garden Room");
  assert.ok(plan.blocks.some((b) => b.private_notes === "PRIVATE-ONLY dose 0.5"), "the private note is kept");
  assert.notDeepEqual(plan.kap.readiness_a, { ride_home: plan.kap.readiness_a.ride_home }, "readiness is kept");
  assert.deepEqual(errors, []);
  await context.close();
});

test("an updated link at the couple's brings the therapist's changes in and keeps their answers, undoably", async () => {
  const therapist = await browser.newContext();
  const { page } = await watchedPage(therapist);
  await page.goto(server.url);
  await appReady(page);
  await createIntensive(page, { kind: "affair", who: "a", placement: "midway", a: "Sam", b: "Alex" });
  const first = await copyShareLink(page);

  const couple = await browser.newContext();
  const { page: theirs, errors } = await watchedPage(couple);
  await theirs.goto(first);
  await theirs.getByRole("button", { name: "Save a copy to this browser" }).click();
  await theirs.waitForSelector("#reply-link");
  // The link carries no screen answers or clearance for either partner to read.
  const received = await storedPlan(theirs);
  assert.deepEqual(received.kap.readiness_a.screen, {
    blood_pressure_or_heart: "NotAsked", pregnancy_or_breastfeeding: "NotAsked",
    psychosis_or_mania_history: "NotAsked", recent_brain_injury: "NotAsked", prescriber_cleared: false,
  });
  await theirs.getByLabel("An eye mask").check();
  const question = theirs.locator(".agenda-item", { hasText: "Integration session" }).getByLabel("Your question or comment");
  await question.fill("Can Alex stay in the room?");
  await question.press("Tab");
  await waitStored(theirs, (p) => p.blocks.some((b) => b.couple_question === "Can Alex stay in the room?"), "the question");

  await setLocation(page, "Garden Room");
  const second = await copyShareLink(page);
  await theirs.goto(second);
  await theirs.getByRole("button", { name: "Save a copy to this browser" }).click();
  const choice = theirs.getByTestId("arrival-choice");
  await choice.waitFor();
  assert.match(await choice.innerText(), /The arriving copy is newer in 1 place: The location\./);
  await choice.getByRole("button", { name: "Bring in the changes" }).click();
  await theirs.getByTestId("import-message").filter({ hasText: "Brought in 1 change" }).waitFor();
  await theirs.waitForSelector(".review-day");
  assert.match(await theirs.locator(".review-head").innerText(), /Garden Room/);
  assert.equal(await theirs.locator(".agenda-item", { hasText: "Integration session" }).getByLabel("Your question or comment").inputValue(),
    "Can Alex stay in the room?");
  assert.ok(await theirs.getByLabel("An eye mask").isChecked());
  await waitStored(theirs, (p) => p.location === "Garden Room", "the brought-in location");

  // One step back: the plan as it was, answers still there.
  await theirs.getByTestId("import-message").getByRole("button", { name: "Undo" }).click();
  const undone = await waitStored(theirs, (p) => p.location !== "Garden Room", "the undo");
  assert.ok(undone.blocks.some((b) => b.couple_question === "Can Alex stay in the room?"));
  assert.deepEqual(errors, []);
  await therapist.close();
  await couple.close();
});

test("a reply page opened before another tab's edit adds the answers and keeps that edit", async () => {
  const { context, first, second } = await twoTabs(browser, server, { who: "a", placement: "opening" });
  const link = await copyShareLink(first.page);
  const couple = await browser.newContext();
  const { page: theirs } = await watchedPage(couple);
  await theirs.goto(link);
  await theirs.getByRole("button", { name: "Save a copy to this browser" }).click();
  await theirs.waitForSelector("#reply-link");
  const question = theirs.locator(".agenda-item", { hasText: "Preparation" }).first().getByLabel("Your question or comment");
  await question.fill("Can we bring tea?");
  await question.press("Tab");
  await theirs.waitForSelector('#reply-link[aria-busy="false"]');
  await waitStored(theirs, (p) => p.blocks.some((b) => b.couple_question === "Can we bring tea?"), "the question");
  await theirs.waitForTimeout(100);
  const reply = await theirs.locator("#reply-link").inputValue();

  await first.page.goto(server.url + reply.slice(reply.indexOf("#")));
  await first.page.getByTestId("reply-news").filter({ hasText: "Can we bring tea?" }).waitFor();
  await setLocation(second.page, "Garden Room");
  await waitStored(second.page, (p) => p.location === "Garden Room", "the other tab's location");
  await first.page.getByRole("button", { name: "Add these to the plan" }).click();
  const stored = await waitStored(first.page, (p) => p.blocks.some((b) => b.couple_question === "Can we bring tea?"), "the answer");
  assert.equal(stored.location, "Garden Room", "the other tab's edit stays");
  assert.deepEqual([...first.errors, ...second.errors], []);
  await couple.close();
  await context.close();
});
