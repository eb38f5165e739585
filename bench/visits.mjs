// A phone's first and repeat visit: the editor opened on a network throttled to
// 1.6 Mbps down, 750 kbps up and 150 ms round trip, with the CPU slowed 4×, in a
// phone-sized window. The first visit starts from an empty browser; the repeat visit
// is a new tab in the same browser after the first has finished (for us: after the
// service worker holds its offline copy). Bytes are what the server wrote, headers
// included, so a revalidation's 304 shows as the little it costs.
import { SUBJECTS, seededContext, timeToDrawn } from "./harness.mjs";
import { offlineReady } from "../tests/e2e/harness.mjs";

const PHONE = { viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true };
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

async function throttledTab(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  return page;
}

const bytes = (sent) => sent.reduce((sum, response) => sum + response.bytes, 0);

/** `runs` first-and-repeat visit pairs per subject, each pair in a fresh context. */
export async function measureVisits({ browser, server, plan, runs }) {
  const results = [];
  for (const subject of ["ours", "peer"]) {
    const url = server.url + SUBJECTS[subject].path(plan);
    const visits = { subject, first: [], firstBytes: [], repeat: [], repeatBytes: [], repeatRequests: [] };
    for (let run = 0; run < runs; run++) {
      const context = await seededContext(browser, plan, PHONE);
      server.sent.length = 0;
      const first = await throttledTab(context);
      visits.first.push(await timeToDrawn(first, url));
      if (subject === "ours") await offlineReady(first);
      visits.firstBytes.push(bytes(server.sent));
      await first.close();

      server.sent.length = 0;
      const repeat = await throttledTab(context);
      visits.repeat.push(await timeToDrawn(repeat, url));
      // Anything the visit sets off after drawing (a service-worker update check) counts too.
      await repeat.waitForTimeout(1000);
      visits.repeatBytes.push(bytes(server.sent));
      visits.repeatRequests = server.sent.map((r) => `${r.path} ${r.status}`);
      await context.close();
    }
    results.push(visits);
  }
  return results;
}
