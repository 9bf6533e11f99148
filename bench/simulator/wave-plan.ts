/**
 * The "hourly batch plan" row's wave order (bench only: the API does not plan, README "Dispatch
 * simulator"). An assignment plan from a periodic `batchAssign` over all open requests:
 * `preferred` volunteers are asked first; volunteers in `reserved` are planned for another
 * request and are asked only after everyone else.
 */
export interface WavePlan {
  preferred?: readonly string[];
  reserved?: ReadonlySet<string>;
}

/**
 * `ranked` reordered by the plan, for `selectWaveTargets`: its preferred volunteers (those in
 * `ranked`) first, then the others in rank order, then the ones it reserved for other requests, in
 * rank order. Unchanged when everyone has been asked already: a re-offer keeps rank order. Pure.
 */
export function planOrder(
  ranked: readonly string[],
  plan: WavePlan,
  alreadyOffered: ReadonlySet<string>,
): readonly string[] {
  if (ranked.every((id) => alreadyOffered.has(id))) return ranked;
  const present = new Set(ranked);
  const preferred = [...new Set(plan.preferred ?? [])].filter((id) => present.has(id));
  const first = new Set(preferred);
  const reserved = plan.reserved ?? new Set<string>();
  const rest = ranked.filter((id) => !first.has(id) && !reserved.has(id));
  const last = ranked.filter((id) => !first.has(id) && reserved.has(id));
  return [...preferred, ...rest, ...last];
}
