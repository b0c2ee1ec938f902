// The order a "predict, then run" question offers its lines in (predict.js).
import { fingerprint } from "./storage.js";

/** The lines in an order that is not `lines`' own, the same on every visit (a fixed shuffle). */
export function shuffled(lines) {
  let seed = parseInt(fingerprint(lines.join("\n")), 16) || 1;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const order = [...lines];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  // Never the answer itself: then the first two swap places.
  if (order.every((line, i) => line === lines[i])) [order[0], order[1]] = [order[1], order[0]];
  return order;
}
