/**
 * The header that carries a suite run's key ("contacts@us") on every request of a run against the in-process
 * emulator, which remembers it for each entity a request creates: the cleanup check names who left what.
 */
export const SUITE_RUN_HEADER = "x-conversation-contract-suite";
