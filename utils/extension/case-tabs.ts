/** Which tabs show which case (in memory: a stopped worker relearns it from the next snapshots). */
const tabsByCase = new Map<string, Set<number>>();
const caseByTab = new Map<number, string>();

export function noteTabShowsCase(tabId: number, caseId: string | undefined): void {
  const previous = caseByTab.get(tabId);
  if (previous && previous !== caseId) tabsByCase.get(previous)?.delete(tabId);
  if (!caseId) {
    caseByTab.delete(tabId);
    return;
  }
  caseByTab.set(tabId, caseId);
  let set = tabsByCase.get(caseId);
  if (!set) tabsByCase.set(caseId, (set = new Set()));
  set.add(tabId);
}

/** Whether a tab's sidebar shows this case (its last snapshot was of it). */
export function tabShows(tabId: number | undefined, caseId: string): boolean {
  return tabId !== undefined && caseByTab.get(tabId) === caseId;
}

export function tabsShowing(caseId: string): number[] {
  return [...(tabsByCase.get(caseId) ?? [])];
}

export function forgetTab(tabId: number): void {
  noteTabShowsCase(tabId, undefined);
}

/** Erasure: forgets which tabs show these cases (all cases when none are given). */
export function forgetCases(caseIds?: readonly string[]): void {
  if (!caseIds) {
    tabsByCase.clear();
    caseByTab.clear();
    return;
  }
  for (const caseId of caseIds) {
    for (const tabId of tabsByCase.get(caseId) ?? []) caseByTab.delete(tabId);
    tabsByCase.delete(caseId);
  }
}

/** Every tab showing a case, with that case. */
export function shownCases(): Array<[number, string]> {
  return [...caseByTab.entries()];
}
