import { runFloor } from "./floor";

/** `node floor-process.js URL TOKEN COUNT`: the bare undici loop as a whole process, for the whole-process ratio. */
const [url, token, count] = process.argv.slice(2);
runFloor(url ?? "", token ?? "", Number(count)).then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`floor failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
