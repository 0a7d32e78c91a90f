// Where an item lands when it is moved in an ordered list: the one rule the composer shows and
// the server stores.

/** `items` with `item` moved (or inserted) at `position`; past the end means last. */
export function placedAt<T>(items: readonly T[], item: T, position: number): T[] {
  const rest = items.filter((other) => other !== item);
  rest.splice(Math.min(Math.max(position, 0), rest.length), 0, item);
  return rest;
}
