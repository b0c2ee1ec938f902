// Entry point: mounts the runner on every example (and the Playground) of each page Material
// shows, including pages reached by instant navigation. Each element is mounted once, and a
// running Python compiles the page's programs ahead of a Run.
import { prepareAhead } from "./client.js";
import { mountExample, programsOnPage } from "./example.js";
import { mountPlayground } from "./playground.js";

document$.subscribe(() => {
  // The Playground first: it mounts the example inside it in its own way.
  for (const element of /** @type {NodeListOf<HTMLElement>} */ (
    document.querySelectorAll("[data-playground]:not([data-runner])"))) {
    mountPlayground(element);
  }
  for (const element of /** @type {NodeListOf<HTMLElement>} */ (
    document.querySelectorAll(".example:not([data-runner])"))) {
    mountExample(element);
  }
  prepareAhead(programsOnPage());
});
