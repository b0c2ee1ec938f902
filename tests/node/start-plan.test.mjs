// The runner's pure pieces, in Node's test runner (run by tests/test_node.py).
import assert from "node:assert/strict";
import test from "node:test";

import {
  chooseStart, onIOS, plainFromTheStart, PLAIN_START_EXTRA_SECONDS, snapshotFor,
  snapshotFromTheStart,
} from "../../docs/assets/runner/start-plan.js";
import { startingText } from "../../docs/assets/runner/strings.js";

const manifest = {
  snapshot: { bytes: 4_291_982 }, stdlib: { bytes: 2_545_637 }, core: { bytes: 608_109 },
};
const extraBits = (manifest.snapshot.bytes - manifest.core.bytes) * 8;
const evenRate = extraBits / PLAIN_START_EXTRA_SECONDS; // where both starts cost the same

test("a fast connection restores the snapshot", () => {
  assert.equal(chooseStart(manifest, 100e6).how, "snapshot");
  assert.equal(chooseStart(manifest, evenRate * 1.01).how, "snapshot");
});

test("without the standard library's core, a plain start weighs the whole library", () => {
  const whole = { ...manifest, core: undefined };
  const even = ((whole.snapshot.bytes - whole.stdlib.bytes) * 8) / PLAIN_START_EXTRA_SECONDS;
  assert.equal(chooseStart(whole, even * 1.01).how, "snapshot");
  assert.equal(chooseStart(whole, even * 0.99).how, "plain");
});

test("a slow connection starts plainly, and says why", () => {
  const choice = chooseStart(manifest, evenRate * 0.99);
  assert.equal(choice.how, "plain");
  assert.equal(choice.why, "slow-link");
  assert.match(chooseStart(manifest, 1.6e6).reason, /^1\.6 Mbit\/s/);
});

test("some readers start plainly before anything is measured", () => {
  const none = new URLSearchParams();
  const chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) " +
    "Chrome/156.0.0.0 Safari/537.36";
  const iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 " +
    "(KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1";
  const both = { snapshot: { url: "a" }, snapshotIos: { url: "b" } };
  assert.equal(plainFromTheStart(none, { userAgent: chrome }, both), null);
  assert.equal(plainFromTheStart(none, { userAgent: iphone }, both), null);
  assert.equal(plainFromTheStart(none, { userAgent: iphone }, { snapshot: { url: "a" } }).why,
    "safari");
  assert.equal(plainFromTheStart(none, { userAgent: chrome }, {}).why, "failed");
  assert.equal(
    plainFromTheStart(none, { userAgent: chrome, connection: { saveData: true } }, both).why,
    "save-data");
  assert.equal(plainFromTheStart(new URLSearchParams("snapshot=off"), {}, both).why, "off");
});

test("iOS, by Pyodide's own test, starts from its own snapshot; nothing else does", () => {
  const ipad = { userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15",
    platform: "MacIntel", maxTouchPoints: 5 };
  const mac = { ...ipad, maxTouchPoints: 0 };
  const iphone = { userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) " +
    "AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/140.0 Mobile/15E148 Safari/604.1" };
  const both = { snapshot: { url: "a" }, snapshotIos: { url: "b" } };
  assert.equal(onIOS(iphone), true); // Chrome on iOS too: every iOS browser is WebKit
  assert.equal(onIOS(ipad), true); // on the page; a worker has no maxTouchPoints
  assert.equal(onIOS({ ...ipad, maxTouchPoints: undefined }), false);
  assert.equal(onIOS(mac), false); // Safari on a Mac restores the usual snapshot
  assert.equal(snapshotFor(both, iphone).url, "b");
  assert.equal(snapshotFor(both, mac).url, "a");
});

test("the status while starting counts megabytes and names a plain start's reason", () => {
  const t = (key, values = {}) => `${key}${JSON.stringify(values)}`;
  assert.equal(startingText(t, { how: "snapshot", why: null, received: 3_100_000, total: 7_030_000 }),
    'startingBytes{"received":"3.1","total":"7.0"}');
  assert.match(startingText(t, { how: "plain", why: "slow-link", received: 9e6, total: 5e6 }),
    /^startingPlainBytes\{"received":"5\.0","total":"5\.0","why":"why-slow-link\{\}"\}$/);
});

test("a test can ask for the snapshot without the connection being measured", () => {
  assert.deepEqual(snapshotFromTheStart(new URLSearchParams("snapshot=on")),
    { how: "snapshot", why: null, reason: "snapshot=on" });
  assert.equal(snapshotFromTheStart(new URLSearchParams()), null);
  assert.equal(snapshotFromTheStart(new URLSearchParams("snapshot=off")), null);
});
