// Entry point: mounts the runner on every example (and the Playground) of each page Material
// shows, including pages reached by instant navigation. Each element is mounted once, and a
// running Python compiles the page's programs ahead of a Run. The Playground, exercises and
// predict questions bring their own modules, fetched only by a page that has one.
import { prepareAhead } from "./client.js";
import { mountExample, programsOnPage } from "./example.js";
import { loadStrings } from "./strings.js";

/** What mounts each kind of block, in order: the Playground and exercises first, since they
 * mount the example inside them in their own way.
 * @type {[string, () => Promise<(root: HTMLElement) => unknown>][]} */
const MOUNTERS = [
  ["[data-playground]", async () => (await import("./playground.js")).mountPlayground],
  ["[data-exercise]", async () => (await import("./exercise.js")).mountExercise],
  ["[data-predict]", async () => (await import("./predict.js")).mountPredict],
];

document$.subscribe(async () => {
  await loadStrings();
  for (const [selector, load] of MOUNTERS) {
    const elements = /** @type {NodeListOf<HTMLElement>} */ (
      document.querySelectorAll(`${selector}:not([data-runner])`));
    if (!elements.length) continue;
    try {
      const mount = await load();
      for (const element of elements) mount(element);
    } catch (error) {
      // Its module could not be fetched (offline, before the site was kept): the examples
      // inside still get Run, as plain examples.
      console.warn(`${selector} not mounted: ${error}`);
    }
  }
  for (const element of /** @type {NodeListOf<HTMLElement>} */ (
    document.querySelectorAll(".example:not([data-runner])"))) {
    mountExample(element);
  }
  prepareAhead(programsOnPage());
});
