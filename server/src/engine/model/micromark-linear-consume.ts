/**
 * micromark's EditMap.consume copies the whole event list on every call, which makes parsing
 * quadratic in the number of containers (lists, block quotes) a document closes. This module
 * replaces it by an equivalent that only moves the events after the first edit. It patches a
 * prototype of a dependency, so it is an explicit step (parse.ts calls it before its first
 * parse), never a side effect of importing, and it only installs after a self-test shows the two
 * give the same events on sample edits.
 */
import { EditMap } from 'micromark-util-edit-map';

type Change = [number, number, unknown[]];
interface EditMapLike { map: Change[]; index: Map<number, Change>; consume(events: unknown[]): void; add(at: number, remove: number, add: unknown[]): void }

/** EditMap.consume without the copy of the whole event list: linear in the events after the first edit. */
function linearConsume(this: EditMapLike, events: unknown[]): void {
  this.map.sort((a, b) => a[0] - b[0]);
  if (this.map.length === 0) return;
  const first = this.map[0][0];
  const tail = events.slice(first);
  events.length = first;
  let cursor = first;
  for (const [at, remove, add] of this.map) {
    for (let i = cursor; i < at; i++) events.push(tail[i - first]);
    for (const event of add) events.push(event);
    cursor = at + remove;
  }
  for (let i = cursor - first; i < tail.length; i++) events.push(tail[i]);
  this.map.length = 0;
  this.index.clear();
}

/** Install linearConsume when EditMap still has the shape it was written for and both agree on sample edits. */
function installLinearConsume(): boolean {
  const proto = (EditMap as unknown as { prototype: EditMapLike }).prototype;
  if (typeof proto?.consume !== 'function' || typeof proto.add !== 'function' || proto.consume === linearConsume) return proto?.consume === linearConsume;
  const original = proto.consume;
  const scenarios: Array<Array<[number, number, number]>> = [
    [[3, 0, 2]], [[0, 2, 0], [5, 1, 3]], [[9, 0, 1], [2, 3, 2], [2, 0, 1], [7, 4, 0]], [[12, 0, 2], [11, 1, 0]], [[4, 6, 1], [6, 1, 2]],
  ];
  for (const scenario of scenarios) {
    const run = (consume: (events: unknown[]) => void): unknown[] => {
      const map = new EditMap() as unknown as EditMapLike;
      if (!Array.isArray(map.map) || !(map.index instanceof Map)) throw new Error('EditMap changed shape');
      let label = 100;
      for (const [at, remove, count] of scenario) map.add(at, remove, Array.from({ length: count }, () => label++));
      const events: unknown[] = Array.from({ length: 12 }, (_, i) => i);
      consume.call(map, events);
      return events;
    };
    try {
      if (JSON.stringify(run(original)) !== JSON.stringify(run(linearConsume))) return false;
    } catch {
      return false;
    }
  }
  proto.consume = linearConsume;
  return true;
}

let installed: boolean | undefined;

/**
 * Install the linear EditMap.consume (once). Returns whether it is in use: false if micromark
 * changed shape, in which case parsing still works, only slower.
 */
export function useLinearEditMap(): boolean {
  installed ??= installLinearConsume();
  return installed;
}
