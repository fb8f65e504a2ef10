import { REGIONS, type Region } from "../../vocabulary/regions";
import { ProjectStore } from "./project-store";

/** All state of the emulator: one store per region, one project store per project id. */
export class World {
  private readonly regions = new Map<Region, Map<string, ProjectStore>>();
  /** the suite run of the request being served (handlers run synchronously, so this is exact); entities created now remember it */
  origin: string | undefined;

  constructor() {
    this.reset();
  }

  /** Forget everything. */
  reset(): void {
    for (const r of REGIONS) this.regions.set(r, new Map());
  }

  /** The store of a project in a region, created on first use. */
  project(region: Region, projectId: string): ProjectStore {
    const projects = this.regions.get(region) as Map<string, ProjectStore>;
    let p = projects.get(projectId);
    if (!p) {
      p = new ProjectStore(projectId, () => this.origin);
      projects.set(projectId, p);
    }
    return p;
  }

  /** Every entity of every region and project, with who created it ("" when no request said). */
  entities(): Array<{ region: string; project_id: string; kind: string; id: string; created_by: string }> {
    return [...this.regions].flatMap(([region, projects]) =>
      [...projects].flatMap(([projectId, store]) =>
        store.entities().map((e) => ({ region, project_id: projectId, kind: e.kind, id: e.id, created_by: e.createdBy ?? "" }))));
  }

  /** Counts per region and project, plus totals. */
  state(): { regions: Record<string, Record<string, Record<string, number>>>; totals: Record<string, number> } {
    const regions: Record<string, Record<string, Record<string, number>>> = {};
    const totals: Record<string, number> = new ProjectStore("").counts();
    for (const [region, projects] of this.regions) {
      const perProject: Record<string, Record<string, number>> = {};
      for (const [id, store] of projects) {
        const counts = store.counts();
        perProject[id] = counts;
        for (const [k, v] of Object.entries(counts)) totals[k] = (totals[k] ?? 0) + v;
      }
      regions[region] = perProject;
    }
    return { regions, totals };
  }
}
