// The release build loads cleanly, stays on 127.0.0.1, and keeps state across a reload.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launch, watchedPage, appReady, createIntensive } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test("the app loads with no console error and no request beyond 127.0.0.1", async () => {
  const context = await browser.newContext();
  const { page, errors, foreign } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  assert.equal(await page.getByRole("heading", { name: "Intensives" }).count(), 1);
  await createIntensive(page);
  await page.waitForTimeout(300);
  assert.deepEqual(errors, [], "console errors");
  assert.deepEqual(foreign, [], "requests to other hosts");
  await context.close();
});

test("a plan created in the UI survives a reload", async () => {
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  await createIntensive(page, { a: "Robin", b: "Kai", days: "2" });
  const title = await page.locator(".editor-title").innerText();
  assert.match(title, /Robin & Kai/);
  await page.reload();
  await appReady(page);
  await page.waitForSelector(".editor .block");
  assert.equal(await page.locator(".editor-title").innerText(), title);
  await page.goto(server.url);
  await appReady(page);
  assert.equal(await page.getByRole("link", { name: title }).count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("each navigation builds its page once, by link or by the app's own step", async () => {
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  const built = () => page.evaluate(() => performance.getEntriesByName("page-built").length);
  assert.equal(await built(), 1, "the first page");
  // The app's own step: creating a plan opens its editor.
  await createIntensive(page);
  await page.waitForTimeout(200);
  assert.equal(await built(), 2, "the editor, once");
  await page.getByRole("link", { name: "Couple review" }).click();
  await page.locator(".review").waitFor();
  await page.waitForTimeout(200);
  assert.equal(await built(), 3, "the review, once");
  await page.goBack();
  await page.waitForSelector(".editor .block");
  await page.waitForTimeout(200);
  assert.equal(await built(), 4, "back to the editor, once");
  // An edit is not a navigation.
  await page.locator(".editor .block").first().focus();
  await page.keyboard.press("ArrowDown");
  await page.waitForTimeout(200);
  assert.equal(await built(), 4, "a move rebuilds no page");
  assert.deepEqual(errors, []);
  await context.close();
});
