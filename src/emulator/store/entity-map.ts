/**
 * A map of entities by id that remembers, for each entity, the origin of the request that created it (the
 * suite run a runner's request names); replacing an entity keeps its creator, deleting it forgets it.
 */
export class EntityMap<V> extends Map<string, V> {
  private readonly creators = new Map<string, string>();
  private readonly origin: () => string | undefined;

  constructor(origin: () => string | undefined) {
    super();
    this.origin = origin;
  }

  override set(id: string, value: V): this {
    // asked first: without an origin (no suite run named) there is nothing to remember, and no lookup of the id
    const origin = this.origin?.();
    if (origin !== undefined && !this.has(id)) this.creators.set(id, origin);
    return super.set(id, value);
  }

  override delete(id: string): boolean {
    this.creators.delete(id);
    return super.delete(id);
  }

  override clear(): void {
    this.creators.clear();
    super.clear();
  }

  /** Who created the entity, when a request said so. */
  createdBy(id: string): string | undefined {
    return this.creators.get(id);
  }
}
