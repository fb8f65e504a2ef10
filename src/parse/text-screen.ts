import { INPUT_LIMITS } from "../vocabulary/input-limits";
import { flowDepth } from "./suite-bounds";
import { hasForbiddenCharacter } from "./suite-hazards";

/** A "*" that may start an alias: at the start, or after white space, a bracket or a comma. */
const MAYBE_ALIAS = /(?:^|[\s,[{])\*/;

/**
 * The checks made of a suite's text before YAML reads it (a character YAML forbids, flow collections nested past the
 * limit), made on the text as it comes in pieces: each piece gives back the region to parse, up to its last line break
 * that follows no backslash (flowDepth's regions), or undefined once the text fails a check (the whole-file parse then
 * reports it). The rest waits for the next piece.
 */
export class TextScreen {
  private depth = 0;
  private rest = "";
  private lastChar = "";
  /** whether a region so far may hold an alias */
  maybeAlias = false;

  /** The next region to parse ("" while a line goes on), or undefined when the text fails a check. */
  take(piece: string): string | undefined {
    const text = this.rest + piece;
    const cut = lastClosingBreak(text);
    this.rest = text.slice(cut);
    return this.vet(text.slice(0, cut));
  }

  /** The last region, after the last piece. */
  end(): string | undefined {
    const last = this.rest;
    this.rest = "";
    return this.vet(last);
  }

  private vet(region: string): string | undefined {
    if (region === "") return region;
    if (hasForbiddenCharacter(region)) return undefined;
    const flow = flowDepth(region, INPUT_LIMITS.nesting, this.depth);
    if (flow.over !== undefined) return undefined;
    this.depth = flow.depth;
    if (!this.maybeAlias) this.maybeAlias = MAYBE_ALIAS.test(this.lastChar + region);
    this.lastChar = region.at(-1) ?? "";
    return region;
  }
}

/** Where the text after its last line break that follows no backslash starts (0 when there is none). */
function lastClosingBreak(text: string): number {
  for (let at = text.lastIndexOf("\n"); at >= 0; at = text.lastIndexOf("\n", at - 1)) {
    if (at === 0 || text[at - 1] !== "\\") return at + 1;
  }
  return 0;
}
