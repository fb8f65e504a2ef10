const SCHEMA_SUFFIX = /\.schema\.json$/;

/** Canonical schema name of a schema $id: "contact.schema.json" -> "contact". */
export function schemaNameOf(id: string): string {
  return id.replace(SCHEMA_SUFFIX, "");
}

/** The $id of a canonical schema name: "callbacks/message-delivery" -> "callbacks/message-delivery.schema.json". */
export function schemaIdOf(name: string): string {
  return `${name}.schema.json`;
}

/** Comparison key of a schema name: lowercase, without "-", "_", spaces and a ".schema.json" suffix. */
export function normalizeSchemaName(name: string): string {
  return name.trim().replace(SCHEMA_SUFFIX, "").toLowerCase().replace(/[-_ ]/g, "");
}

/** Callback triggers whose schema name is not simply the trigger in kebab-case. */
const TRIGGER_ALIASES: Record<string, string> = {
  SMART_CONVERSATIONS: "smart-conversation",
};

/** The callback schema name of a webhook trigger: MESSAGE_DELIVERY -> "callbacks/message-delivery". */
export function callbackSchemaNameOf(trigger: string): string {
  const upper = trigger.trim().toUpperCase();
  const kebab = TRIGGER_ALIASES[upper] ?? upper.toLowerCase().replace(/_/g, "-");
  return `callbacks/${kebab}`;
}

/** How many spellings a name index remembers the answer for (the emulator asks for the same few on every request). */
const RESOLVED_LIMIT = 1000;

/** Lookup of canonical schema names by their normalized spelling. */
export class SchemaNameIndex {
  private readonly byKey = new Map<string, string>();
  /** answers already given, by the spelling asked for */
  private readonly resolved = new Map<string, string | undefined>();

  constructor(names: Iterable<string>) {
    for (const name of names) this.byKey.set(normalizeSchemaName(name), name);
  }

  /** The canonical name for what a user wrote; bare callback names ("MessageDelivery") are tried under callbacks/. */
  resolve(name: string): string | undefined {
    if (this.resolved.has(name)) return this.resolved.get(name);
    const key = normalizeSchemaName(name);
    const found = this.byKey.get(key) ?? this.byKey.get(`callbacks/${key}`);
    if (this.resolved.size >= RESOLVED_LIMIT) this.resolved.clear();
    this.resolved.set(name, found);
    return found;
  }
}
