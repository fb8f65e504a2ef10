import type { PlannedSuite } from "../model";
import { stepCount } from "../vocabulary/suite-steps";

/** Which part of a run this process executes: index is 1-based (1..total), like `--shard 1/3`. */
export interface ShardSpec {
  index: number;
  total: number;
  /** recorded duration in ms by suite key ("contacts@us"), from an earlier results.json (`--shard-timings`) */
  timings?: ReadonlyMap<string, number>;
}

/** Suites linked by needs, which must run in one shard, and what they weigh together. */
interface Group {
  /** the group's smallest key: ties between equal weights break on it, so every machine decides alike */
  root: string;
  members: PlannedSuite[];
  weight: number;
}

/**
 * Which shard (0-based) each item goes to. Suites linked by needs form a group that stays in one shard; groups go,
 * heaviest first, to the shard with the least weight so far (longest processing time first), then the heaviest and
 * the lightest shard trade groups while that narrows their gap. A group weighs the recorded durations of its suites
 * (a suite the timings lack counts as their average), or without timings the number of its steps. Only the plan and
 * the timings decide, never the order of the input or the machine.
 */
export function shardAssignment(items: PlannedSuite[], total: number, timings?: ReadonlyMap<string, number>): Map<string, number> {
  const weigh = weigher(timings);
  const groups = groupsByNeeds(items).map((members): Group => ({
    root: members.map((m) => m.key).sort()[0]!, members, weight: members.reduce((sum, m) => sum + weigh(m), 0),
  }));
  groups.sort((a, b) => b.weight - a.weight || (a.root < b.root ? -1 : 1));
  const shards: Group[][] = Array.from({ length: total }, () => []);
  const loads = new Array<number>(total).fill(0);
  for (const group of groups) {
    const lightest = loads.indexOf(Math.min(...loads));
    shards[lightest]!.push(group);
    loads[lightest]! += group.weight;
  }
  for (let round = 0; round < groups.length && trade(shards, loads); round++);
  const owner = new Map<string, number>();
  shards.forEach((shard, index) => shard.forEach((group) => group.members.forEach((member) => owner.set(member.key, index))));
  return owner;
}

/**
 * One trade between the heaviest and the lightest shard: the move of a group, or the swap of two, that brings their
 * loads closest together; false when none narrows the gap. Candidates are taken in the groups' sorted order, so the
 * same plan always makes the same trade.
 */
function trade(shards: Group[][], loads: number[]): boolean {
  const heavy = loads.indexOf(Math.max(...loads));
  const light = loads.indexOf(Math.min(...loads));
  const gap = loads[heavy]! - loads[light]!;
  let best: { give: Group; take?: Group; after: number } | undefined;
  for (const give of shards[heavy]!) {
    for (const take of [undefined, ...shards[light]!]) {
      const moved = give.weight - (take?.weight ?? 0);
      const after = Math.abs(gap - 2 * moved);
      if (moved > 0 && after < gap && after < (best?.after ?? gap)) best = { give, take, after };
    }
  }
  if (!best) return false;
  const { give, take } = best;
  shards[heavy] = shards[heavy]!.filter((g) => g !== give);
  shards[light] = shards[light]!.filter((g) => g !== take);
  shards[light]!.push(give);
  if (take) shards[heavy]!.push(take);
  const moved = give.weight - (take?.weight ?? 0);
  loads[heavy]! -= moved;
  loads[light]! += moved;
  return true;
}

/** The items of one shard, in their planned order. */
export function shardItems(items: PlannedSuite[], shard: ShardSpec): PlannedSuite[] {
  const owner = shardAssignment(items, shard.total, shard.timings);
  return items.filter((item) => owner.get(item.key) === shard.index - 1);
}

function weigher(timings: ReadonlyMap<string, number> | undefined): (item: PlannedSuite) => number {
  if (!timings) return (item) => stepCount(item.suite);
  const known = [...timings.values()];
  const average = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  return (item) => timings.get(item.key) ?? average;
}

/** The items in groups linked by needs (union-find over the keys). */
function groupsByNeeds(items: PlannedSuite[]): PlannedSuite[][] {
  const parent = new Map(items.map((item) => [item.key, item.key]));
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(key, root);
    return root;
  };
  for (const item of items) {
    for (const need of item.needs) {
      if (!parent.has(need)) continue;
      const [a, b] = [find(item.key), find(need)].sort();
      parent.set(b!, a!);
    }
  }
  const groups = new Map<string, PlannedSuite[]>();
  for (const item of items) {
    const root = find(item.key);
    const group = groups.get(root);
    if (group) group.push(item);
    else groups.set(root, [item]);
  }
  return [...groups.values()];
}
