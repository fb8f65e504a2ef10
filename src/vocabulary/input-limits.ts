/**
 * Bounds on what a suite may hold, so a pathological file (a multi-megabyte name, thousands of levels of nesting)
 * costs milliseconds and one clear diagnostic instead of minutes or a stack overflow. Far above any real suite.
 */
export const INPUT_LIMITS = {
  /** bytes of one suite file: room for a 100,000-step suite (~11 MB), which the scale bench runs */
  suiteFileBytes: 32 * 1024 * 1024,
  /** levels of mappings and lists inside one another, the suite's own included */
  nesting: 64,
  /** characters of a name: a suite or step name, request, schema, trigger, tag, region, needed suite, variable */
  name: 256,
  /** characters of a mapping key (a JSONPath in expect.body, a header name, a body field); YAML's own bound */
  key: 1024,
} as const;
