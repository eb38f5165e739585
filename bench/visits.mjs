// A phone's first and repeat visit: the editor opened on a network throttled to
// 1.6 Mbps down, 750 kbps up and 150 ms round trip, with the CPU slowed 4×, in a
// phone-sized window. The first visit starts from an empty browser; the repeat visit
// is a new tab in the same browser after the first has finished (for us: after the
// service worker holds its offline copy). Bytes are what the server wrote, headers
// included, so a revalidation's 304 shows as the little it costs. First contentful
// paint is read for every visit. The couple's path is a first visit to a share link of
// the same plan, in an empty browser: timed to the review readable (the first day's
// agenda drawn) and to interactive (the app drawn with its handlers, and the review).
import { SUBJECTS, seededContext, timeToDrawn } from "./harness.mjs";
import { offlineReady } from "../tests/e2e/harness.mjs";

export const PHONE = { viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true };
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

export async function throttledTab(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  return page;
}

const bytes = (sent) => sent.reduce((sum, response) => sum + response.bytes, 0);

const firstPaint = (page) => page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null);

/** Marks when the page hands the wasm to the browser and when it is compiled and
 * instantiated, for the repeat visit's phases; the same Response goes through, so
 * Chrome's compiled-code cache is used as without the probe. */
export async function probeWasmStart(context) {
  await context.addInitScript(() => {
    for (const name of ["instantiateStreaming", "instantiate"]) {
      const original = WebAssembly[name];
      WebAssembly[name] = async (...args) => {
        performance.mark("wasm-handed");
        const result = await original.apply(WebAssembly, args);
        performance.mark("wasm-instantiated");
        return result;
      };
    }
  });
}

/** Where a visit's time went, each phase's end in ms from navigation start. */
export const PHASES = [
  ["page in (document received)", "document"],
  ["glue script in", "script"],
  ["wasm handed to the browser", "wasm-handed"],
  ["wasm in (from the service worker)", "wasm"],
  ["wasm compiled and instantiated", "wasm-instantiated"],
  ["app started (main called)", "app-start"],
  ["plans read from storage", "plans-read"],
  ["plan drawn, handlers attached", "app-drawn"],
];

export const readPhases = (page) => page.evaluate(() => {
  const resource = (suffix) => performance.getEntriesByType("resource").find((r) => r.name.endsWith(suffix))?.responseEnd;
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime;
  return {
    document: performance.getEntriesByType("navigation")[0]?.responseEnd,
    script: resource(".js"),
    wasm: resource(".wasm"),
    ...Object.fromEntries(["wasm-handed", "wasm-instantiated", "app-start", "plans-read", "app-drawn"].map((n) => [n, mark(n)])),
  };
});

/** The couple's share link of `plan`, made by the app itself in an unthrottled tab. */
async function shareLink(browser, server, plan) {
  const context = await seededContext(browser, plan, { viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await timeToDrawn(page, server.url + SUBJECTS.ours.path(plan));
  await page.getByRole("button", { name: "Share link for the couple" }).click();
  await page.waitForSelector('#share-link[aria-busy="false"]');
  const link = await page.locator("#share-link").inputValue();
  await context.close();
  return link;
}

/** A first visit to the share link: readable when the first day's agenda exists. */
async function shareLinkVisit(browser, link) {
  const context = await browser.newContext(PHONE);
  await context.addInitScript(() => {
    const seen = new MutationObserver(() => {
      if (document.querySelector(".review-day")) {
        performance.mark("review-readable");
        seen.disconnect();
      }
    });
    seen.observe(document, { childList: true, subtree: true });
  });
  const page = await throttledTab(context);
  await page.goto(link);
  await page.waitForFunction(() => performance.getEntriesByName("review-readable").length > 0
    && performance.getEntriesByName("app-drawn").length > 0, null, { timeout: 120_000 });
  const [readable, drawn] = await page.evaluate(() => ["review-readable", "app-drawn"]
    .map((name) => performance.getEntriesByName(name)[0].startTime));
  const visit = { readable, interactive: Math.max(readable, drawn), paint: await firstPaint(page) };
  await context.close();
  return visit;
}
/** `runs` first-and-repeat visit pairs per subject, each pair in a fresh context. */
export async function measureVisits({ browser, server, plan, runs }) {
  const results = [];
  for (const subject of ["ours", "peer"]) {
    const url = server.url + SUBJECTS[subject].path(plan);
    const visits = { subject, first: [], firstBytes: [], firstPaint: [], repeat: [], repeatBytes: [], repeatPaint: [],
      repeatRequests: [], repeatPhases: [] };
    for (let run = 0; run < runs; run++) {
      const context = await seededContext(browser, plan, PHONE);
      if (subject === "ours") await probeWasmStart(context);
      server.sent.length = 0;
      const first = await throttledTab(context);
      visits.first.push(await timeToDrawn(first, url));
      visits.firstPaint.push(await firstPaint(first));
      if (subject === "ours") await offlineReady(first);
      visits.firstBytes.push(bytes(server.sent));
      await first.close();

      server.sent.length = 0;
      const repeat = await throttledTab(context);
      visits.repeat.push(await timeToDrawn(repeat, url));
      visits.repeatPaint.push(await firstPaint(repeat));
      if (subject === "ours") visits.repeatPhases.push(await readPhases(repeat));
      // Anything the visit sets off after drawing (a service-worker update check) counts too.
      await repeat.waitForTimeout(1000);
      visits.repeatBytes.push(bytes(server.sent));
      visits.repeatRequests = server.sent.map((r) => `${r.path} ${r.status}`);
      await context.close();
    }
    if (subject === "ours") {
      const link = await shareLink(browser, server, plan);
      visits.shareLink = { readable: [], interactive: [], paint: [], bytes: [], linkChars: link.length };
      for (let run = 0; run < runs; run++) {
        server.sent.length = 0;
        const visit = await shareLinkVisit(browser, link);
        for (const key of ["readable", "interactive", "paint"]) visits.shareLink[key].push(visit[key]);
        visits.shareLink.bytes.push(bytes(server.sent));
      }
    }
    results.push(visits);
  }
  return results;
}
