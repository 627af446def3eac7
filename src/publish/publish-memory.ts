import type { FeedDocumentState, Store } from '../store/store.ts';

/**
 * The feed document states a publisher's last run saved, kept for its next run. Reading every
 * state back costs more than the rest of a run with nothing to publish (7,653 rows at 2,551
 * feeds: 20–45 ms, against ~10 ms for the rest). The memory is trusted only while the store's
 * documents version is where this memory's own save left it: any other save (a publish in
 * another process or thread, a run that failed half way) moves the version, and the states are
 * read again. A check of every feed reads them again too: it is the safety net for what the
 * version cannot see, such as a hand-edited row.
 */
export interface PublishMemory {
  /** The documents version after this memory's last save; undefined while a save is in flight. */
  version?: number;
  states?: Map<string, FeedDocumentState>;
}

/** One per publisher: a long-lived job thread, the CLI's run. */
export function createPublishMemory(): PublishMemory {
  return {};
}

/** The states the last run left, by document name: from memory while it holds, else from the store. */
export async function recallStates(
  store: Store,
  memory: PublishMemory | undefined,
  { version, fresh }: { version: number; fresh: boolean },
): Promise<Map<string, FeedDocumentState>> {
  if (!fresh && memory?.states && memory.version === version) return memory.states;
  return new Map((await store.listFeedDocuments()).map((state) => [state.name, state]));
}

export interface RunStates {
  /** What the run started from (recallStates). */
  recalled: Map<string, FeedDocumentState>;
  /** The documents version read before them. */
  version: number;
  /** What the run saves. */
  saved: FeedDocumentState[];
}

/**
 * Saves this run's states and remembers them on top of what the run started from. Should
 * anyone else save in between, the version moves past the one remembered here, and the next
 * run reads the store.
 */
export async function saveStates(
  store: Store,
  memory: PublishMemory | undefined,
  { recalled, version, saved }: RunStates,
): Promise<void> {
  if (memory) memory.version = undefined; // a save that throws may have landed or not
  await store.saveFeedDocuments(saved);
  if (!memory) return;
  for (const state of saved) recalled.set(state.name, state);
  memory.states = recalled;
  memory.version = saved.length > 0 ? version + 1 : version;
}
