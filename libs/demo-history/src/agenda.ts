interface Entry<T> {
  readonly date: string;
  readonly order: number;
  readonly item: T;
}

/** A practice's to-do list in effective-date order (ties: the order things were scheduled); a binary heap. */
export class Agenda<T> {
  private readonly heap: Entry<T>[] = [];
  private counter = 0;

  add(date: string, item: T): void {
    this.heap.push({ date, order: this.counter++, item });
    let index = this.heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(this.heap[index], this.heap[parent])) break;
      [this.heap[index], this.heap[parent]] = [this.heap[parent], this.heap[index]];
      index = parent;
    }
  }

  /** Takes the earliest item, or null when nothing is left before `end`. */
  next(end: string): { date: string; item: T } | null {
    const first = this.heap[0];
    if (!first || first.date >= end) return null;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        const right = left + 1;
        let smallest = index;
        if (left < this.heap.length && this.before(this.heap[left], this.heap[smallest])) smallest = left;
        if (right < this.heap.length && this.before(this.heap[right], this.heap[smallest])) smallest = right;
        if (smallest === index) break;
        [this.heap[index], this.heap[smallest]] = [this.heap[smallest], this.heap[index]];
        index = smallest;
      }
    }
    return { date: first.date, item: first.item };
  }

  private before(a: Entry<T>, b: Entry<T>): boolean {
    return a.date === b.date ? a.order < b.order : a.date < b.date;
  }
}
