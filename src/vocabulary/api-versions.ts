/*
 * The version segment of the Conversation API's paths: the introduction the project started from calls /v1beta/,
 * the API today serves /v1/ (same operations). The collection's URLs take it from the run variable API_VERSION
 * (the collection's own value, v1, is what Postman uses), and the contract matches a path with either name.
 */

/** The path versions a run can use. */
export const API_VERSIONS = ["v1", "v1beta"] as const;

/** One path version. */
export type ApiVersion = (typeof API_VERSIONS)[number];

/** The version a run uses when --api-version is not given. */
export const DEFAULT_API_VERSION: ApiVersion = "v1";

/** The variable the collection's URLs (and suites' inline URLs) take the version from. */
export const API_VERSION_VARIABLE = "API_VERSION";

/** Other names of an operation map's path version: /v1beta/ is today's /v1/. */
const ALIASES: Readonly<Record<string, readonly ApiVersion[]>> = { v1: ["v1beta"] };

/** Whether a string names a path version. */
export function isApiVersion(value: string): value is ApiVersion {
  return (API_VERSIONS as readonly string[]).includes(value);
}

/** Every name a path version of the operation map is served and matched under ("v1" -> v1, v1beta). */
export function versionNames(version: string): string[] {
  return [version, ...(ALIASES[version] ?? [])];
}

/**
 * A path template with the version the request used: "/v1/projects/{project_id}" for a request to
 * ".../v1beta/projects/P" is "/v1beta/projects/{project_id}". Unchanged when the path holds no other name of it.
 */
export function templateWithVersionOf(template: string, pathname: string): string {
  const { version, others } = versionOfTemplate(template);
  const used = others.find((name) => pathname.includes(`/${name}/`));
  return used ? `/${used}${template.slice(version.length + 1)}` : template;
}

/** A template's version segment and that version's other names, worked out once per template (every step asks). */
const templateVersions = new Map<string, { version: string; others: string[] }>();

function versionOfTemplate(template: string): { version: string; others: string[] } {
  let known = templateVersions.get(template);
  if (!known) {
    const [, version = ""] = template.split("/");
    known = { version, others: versionNames(version).filter((name) => name !== version) };
    if (templateVersions.size >= 1024) templateVersions.clear();
    templateVersions.set(template, known);
  }
  return known;
}
