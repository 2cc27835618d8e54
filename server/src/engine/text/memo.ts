/**
 * Results of pure functions of a text (phrase matches, word counts, stems), kept by the text: an
 * edit changes one block, and the next lint finds every other block's results here. Bounded by
 * the characters of the texts kept; when full, it starts over.
 */
export class TextMemo<V> {
  private readonly map = new Map<string, V>();
  private chars = 0;

  constructor(private readonly budget = 1_000_000) {}

  get(text: string, compute: (text: string) => V): V {
    let value = this.map.get(text);
    if (value === undefined) {
      value = compute(text);
      if (this.chars + text.length > this.budget) {
        this.map.clear();
        this.chars = 0;
      }
      this.map.set(text, value);
      this.chars += text.length;
    }
    return value;
  }
}
