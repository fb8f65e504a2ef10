import { loadOperationMap } from "../../load";
import { SCHEMAS_DIR } from "../contract-loader";
import type { ParityData } from "./data";
import recorded from "./parity-data.json";
import type { ReadmeSection } from "./readme-sections";
import { renderParityMarkdown, renderParityText, renderScopeMarkdown } from "./render";
import { parityTable } from "./table";

export { collectParityData, type ParityData } from "./data";
export { parseScopeNotes } from "./scope-notes";
export { README_SECTIONS, readSection, writeSection } from "./readme-sections";

/** What `npm run gen:parity` recorded last (the emulator's tests' replies, and the scope notes). */
export const PARITY_DATA: ParityData = recorded as ParityData;

/** The README's generated sections for this data and operation map (the package's own by default). */
export function parityReadmeSections(data: ParityData = PARITY_DATA, schemasDir: string = SCHEMAS_DIR): Record<ReadmeSection, string> {
  const table = parityTable(data, loadOperationMap(schemasDir).map.operations);
  return { "emulator-scope": renderScopeMarkdown(data.scope), "emulator-parity": renderParityMarkdown(table) };
}

/** `emulator --parity`: the table per operation and the scope statement, as text or (`json`) as one JSON document. */
export function parityReport(json = false, data: ParityData = PARITY_DATA, schemasDir: string = SCHEMAS_DIR): string {
  const table = parityTable(data, loadOperationMap(schemasDir).map.operations);
  return json ? `${JSON.stringify({ operations: table, notEmulated: data.scope })}\n` : renderParityText(table, data.scope);
}
