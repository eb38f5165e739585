// Offline and installable: after one visit the app starts with no network, keeps and
// saves plans, opens share links and prints; a new build announces itself and waits
// for the person's Reload; the browser is asked to keep the plans.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serveDir } from "../../scripts/static-server.mjs";
import { launch, launchProfile, offlineReady, watchedPage, appReady, createIntensive, storedPlan, waitStored, download, fillStorage, emptyStorage } from "./harness.mjs";

let browser;
// Each test starts its own server; one a failed test left open is closed here, or the
// file's process would never end.
const servers = [];
async function serve(dir) {
  const server = await serveDir(dir);
  servers.push(server);
  return server;
}
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); await Promise.all(servers.map((server) => server.close())); });

/** The plan's location field, inside the editor's folded "Plan details". */
async function locationField(page) {
  const details = page.locator("details.panel", { hasText: "Plan details" });
  if (!(await details.evaluate((d) => d.open))) await details.locator("summary").click();
  return page.getByLabel("Location");
}

test("the manifest makes the app installable, with its icons beside it", async () => {
  const server = await serve("dist");
  // Chromium never offers to install from an incognito context, which browser.newContext() is.
  const profile = mkdtempSync(join(tmpdir(), "planner-profile-"));
  const context = await launchProfile(profile);
  const { page, errors } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await page.request.get(new URL(href, server.url).href)).json();
  assert.equal(manifest.start_url, "./");
  assert.equal(manifest.display, "standalone");
  const css = readFileSync("style/main.css", "utf8");
  assert.ok(css.includes(`--accent: ${manifest.theme_color};`), "theme colour is the stylesheet's accent");
  assert.ok(css.includes(`--paper: ${manifest.background_color};`), "background is the stylesheet's paper");
  const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
  assert.deepEqual(sizes, ["192x192 any", "512x512 any", "512x512 maskable"]);
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, server.url).href);
    assert.equal(response.headers()["content-type"], "image/png");
    const png = await response.body();
    // A PNG's width and height sit at bytes 16 and 20 of its header.
    assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.sizes, icon.src);
  }
  // Chromium's own installability check finds nothing missing.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, []);
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
});

test("after one visit the app works offline: plans listed, an edit saved, a share link opened, print", async () => {
  const server = await serve("dist");
  const context = await browser.newContext();
  const { page, errors, foreign } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  await createIntensive(page, { kind: "affair", who: "a", placement: "midway", a: "Sam", b: "Alex" });
  await page.getByRole("button", { name: "Share link for the couple" }).click();
  await page.waitForSelector('#share-link[aria-busy="false"]');
  const link = await page.locator("#share-link").inputValue();
  await offlineReady(page);

  await context.setOffline(true);
  server.sent.length = 0;
  await page.goto(server.url);
  await appReady(page);
  assert.equal(await page.locator(".plan-card").count(), 1, "the plan is listed");
  await page.getByRole("link", { name: "Sam & Alex: Affair-recovery intensive" }).click();
  await page.waitForSelector(".editor .block");
  const location = await locationField(page);
  await location.fill("Cabin by the lake");
  await location.press("Tab");
  await waitStored(page, (plan) => plan.location === "Cabin by the lake", "the offline edit saved");

  const couple = await context.newPage();
  await couple.goto(link);
  await couple.waitForSelector(".review-day");
  assert.match(await couple.locator(".prep-box").innerText(), /Preparing for the medicine session/);
  await couple.close();

  await page.goto(`${server.url}#/plan/${(await storedPlan(page)).id}/print`);
  await page.waitForSelector(".print-day");
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 1000, "a printed agenda");
  assert.deepEqual(server.sent, [], "nothing reached the server while offline");
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, []);
  await context.close();
  await server.close();
});

test("the offline copy is installed after the plan is painted, without fetching the app again", async () => {
  const server = await serve("dist");
  const context = await browser.newContext();
  // Notes, at each registration, whether the plan was drawn and a frame begun after it.
  await context.addInitScript(() => {
    window.registrations = [];
    const mark = Performance.prototype.mark;
    Performance.prototype.mark = function (name, ...rest) {
      if (name === "app-drawn") requestAnimationFrame(() => { window.frameAfterDrawn = true; });
      return mark.call(this, name, ...rest);
    };
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      window.registrations.push({ drawn: performance.getEntriesByName("app-drawn").length > 0, frame: window.frameAfterDrawn === true });
      return register.apply(this, args);
    };
  });
  const { page, errors } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  await offlineReady(page);
  assert.deepEqual(await page.evaluate(() => window.registrations), [{ drawn: true, frame: true }]);
  // The wasm and its glue (hashed names) come from the HTTP cache while installing:
  // asked again, answered 304, so a first visit moves the app once, not twice.
  const app = server.sent.filter((r) => r.status === 200 && r.path.includes("/intensive-planner-")).map((r) => r.path);
  assert.equal(app.length, 2, `the wasm and its glue, each once: ${app.join(", ")}`);
  assert.equal(new Set(app).size, 2, `the wasm and its glue, each once: ${app.join(", ")}`);
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * A tab running build A, with one plan (Io & Ren), whose server now has build B: build A
 * with one visible difference (its title) and its own service worker.
 */
async function tabWithUpdateWaiting() {
  const b = "tests/e2e/out/build-b";
  rmSync(b, { recursive: true, force: true });
  cpSync("dist", b, { recursive: true });
  const html = readFileSync(`${b}/index.html`, "utf8");
  writeFileSync(`${b}/index.html`, html.replace("<title>Intensive Planner</title>", "<title>Intensive Planner (B)</title>"));
  execFileSync("node", ["scripts/service-worker.mjs", b], { stdio: "ignore" });

  const server = await serve("dist");
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  await createIntensive(page, { a: "Io", b: "Ren" });
  await offlineReady(page);
  await page.goto(server.url);
  await appReady(page);
  assert.equal(await page.title(), "Intensive Planner");

  server.setRoot(b);
  // The app is opened again (build A from its offline copy); the browser finds build B.
  await page.reload();
  await appReady(page);
  return { server, context, page, errors };
}

test("a new build says 'A new version is ready' and waits for Reload; the plans stay", async () => {
  const { server, context, page, errors } = await tabWithUpdateWaiting();
  await page.getByRole("link", { name: "Io & Ren: Couples intensive" }).click();
  await page.waitForSelector(".editor .block");
  await (await locationField(page)).fill("Half-typed");
  const notice = page.getByTestId("update-notice");
  await notice.waitFor({ timeout: 20_000 });
  assert.match(await notice.innerText(), /A new version is ready/);
  // It never reloads by itself: the half-typed text is still there a while later.
  await page.waitForTimeout(1500);
  assert.equal(await page.getByLabel("Location").inputValue(), "Half-typed");
  assert.equal(await page.title(), "Intensive Planner");

  await Promise.all([page.waitForEvent("load"), notice.getByRole("button", { name: "Reload" }).click()]);
  await appReady(page);
  assert.equal(await page.title(), "Intensive Planner (B)", "build B runs");
  assert.equal(await page.getByTestId("update-notice").count(), 0);
  const plan = await storedPlan(page);
  assert.equal(plan.title, "Io & Ren: Couples intensive");
  assert.equal(plan.location, "Half-typed", "the field's text was saved before the reload");
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});

test("the start page says whether plans are kept, and always offers a backup and a restore", async () => {
  const server = await serve("dist");
  const context = await browser.newContext();
  // Counts the app's requests to keep its storage.
  await context.addInitScript(() => {
    const persist = StorageManager.prototype.persist;
    window.persistAsked = 0;
    StorageManager.prototype.persist = function () { window.persistAsked += 1; return persist.call(this); };
  });
  const { page } = await watchedPage(context);
  await page.goto(server.url);
  await appReady(page);
  assert.equal(await page.evaluate(() => window.persistAsked), 0, "nothing to keep yet, so nothing asked");
  await createIntensive(page, { a: "Io", b: "Ren" });
  await page.getByRole("link", { name: "← All intensives" }).click();
  await page.waitForFunction(() => window.persistAsked > 0);
  assert.equal(await page.evaluate(() => window.persistAsked), 1, "asked once, after the first plan was saved");
  // The line says what the browser granted.
  const kept = await page.evaluate(() => navigator.storage.persisted());
  const line = page.getByTestId("keeping");
  await line.filter({ hasText: /\S/ }).waitFor();
  assert.match(await line.innerText(), kept ? /kept persistently in this browser/ : /may clear these plans/);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download a backup of all plans" }).click(),
  ]);
  const backup = "tests/e2e/out/backup-from-start-page.json";
  await download.saveAs(backup);
  assert.equal(JSON.parse(readFileSync(backup, "utf8")).plans.length, 1);

  // Restore goes through the import and its checks: the plan is here already, so it asks.
  await page.getByRole("button", { name: "Delete Io & Ren: Couples intensive" }).click();
  await page.locator(".plan-card").waitFor({ state: "detached" });
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.getByRole("button", { name: "Restore from a backup" }).click(),
  ]);
  await chooser.setFiles(backup);
  await page.getByTestId("import-message").filter({ hasText: "Imported 1 plan" }).waitFor();
  assert.equal(await page.locator(".plan-card").count(), 1);
  await context.close();
  await server.close();
});

test("a browser that grants persistence is said to keep the plans", async () => {
  const server = await serve("dist");
  const context = await browser.newContext();
  const { page } = await watchedPage(context);
  const cdp = await context.newCDPSession(page);
  // The grant must name this test's own browser context, or it goes to the default one.
  const { targetInfo } = await cdp.send("Target.getTargetInfo");
  await cdp.send("Browser.grantPermissions", {
    origin: server.url.replace(/\/$/, ""),
    permissions: ["durableStorage"],
    browserContextId: targetInfo.browserContextId,
  });
  await page.goto(server.url);
  await appReady(page);
  await createIntensive(page, { a: "Io", b: "Ren" });
  await page.getByRole("link", { name: "← All intensives" }).click();
  assert.equal(await page.evaluate(() => navigator.storage.persisted()), true);
  await page.getByTestId("keeping").filter({ hasText: /kept persistently in this browser/ }).waitFor();
  await context.close();
  await server.close();
});

test("Reload for an update asks first when a change could not be saved, and offers a backup", async () => {
  const { server, context, page, errors } = await tabWithUpdateWaiting();
  await page.getByRole("link", { name: "Io & Ren: Couples intensive" }).click();
  await page.waitForSelector(".editor .block");
  const notice = page.getByTestId("update-notice");
  await notice.waitFor({ timeout: 20_000 });
  // Storage full: the next change stays in this tab's memory only.
  await fillStorage(page);
  await (await locationField(page)).fill("Only in memory");
  await page.getByLabel("Location").blur();
  await page.getByTestId("storage-notice").waitFor();

  await notice.getByRole("button", { name: "Reload" }).click();
  await page.waitForTimeout(1500);
  assert.equal(await page.title(), "Intensive Planner", "nothing reloaded yet");
  assert.match(await notice.innerText(), /Not saved\. The browser's storage for this app is full\./);
  assert.match(await notice.innerText(), /The changes to \u201cIo & Ren: Couples intensive\u201d are only in this tab: reloading now loses them/);
  const backup = await download(page, () => notice.getByRole("button", { name: "Download a backup of all plans" }).click());
  assert.equal(JSON.parse(backup.text).plans[0].location, "Only in memory", "the backup holds the unsaved change");

  // "Not now" leaves everything as it was, the change still here.
  await notice.getByRole("button", { name: "Not now" }).click();
  assert.match(await notice.innerText(), /A new version is ready/);
  assert.equal(await page.getByLabel("Location").inputValue(), "Only in memory");

  // With room again, Reload saves the change and goes ahead without asking.
  await emptyStorage(page);
  await Promise.all([page.waitForEvent("load"), notice.getByRole("button", { name: "Reload" }).click()]);
  await appReady(page);
  assert.equal(await page.title(), "Intensive Planner (B)");
  assert.equal((await storedPlan(page)).location, "Only in memory");
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});

test("Reload anyway, when asked, reloads into the new version", async () => {
  const { server, context, page, errors } = await tabWithUpdateWaiting();
  const notice = page.getByTestId("update-notice");
  await notice.waitFor({ timeout: 20_000 });
  await fillStorage(page);
  await createIntensive(page, { a: "Never", b: "Stored", stored: false });
  await page.getByTestId("storage-notice").waitFor();
  await notice.getByRole("button", { name: "Reload" }).click();
  await notice.getByRole("button", { name: "Reload anyway" }).waitFor();
  assert.match(await notice.innerText(), /Never & Stored/);
  await Promise.all([page.waitForEvent("load"), notice.getByRole("button", { name: "Reload anyway" }).click()]);
  await appReady(page);
  assert.equal(await page.title(), "Intensive Planner (B)");
  assert.deepEqual(errors, []);
  await context.close();
  await server.close();
});
