// Entry point: mounts the runner on every example (and the Playground) of each page Material
// shows, including pages reached by instant navigation. Each element is mounted once, and a
// running Python compiles the page's programs ahead of a Run.
import { prepareAhead } from "./client.js";
import { mountExample, programsOnPage } from "./example.js";
import { mountExercise } from "./exercise.js";
import { mountPlayground } from "./playground.js";
import { mountPredict } from "./predict.js";

document$.subscribe(() => {
  // The Playground and exercises first: they mount the example inside them in their own way.
  for (const element of /** @type {NodeListOf<HTMLElement>} */ (
    document.querySelectorAll("[data-playground]:not([data-runner])"))) {
    mountPlayground(element);
  }
  for (const element of /** @type {NodeListOf<HTMLElement>} */ (
    document.querySelectorAll("[data-exercise]:not([data-runner])"))) {
    mountExercise(element);
  }
  for (const element of /** @type {NodeListOf<HTMLElement>} */ (
    document.querySelectorAll("[data-predict]:not([data-runner])"))) {
    mountPredict(element);
  }
  for (const element of /** @type {NodeListOf<HTMLElement>} */ (
    document.querySelectorAll(".example:not([data-runner])"))) {
    mountExample(element);
  }
  prepareAhead(programsOnPage());
});
