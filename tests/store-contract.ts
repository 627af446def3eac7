import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../src/store/store.ts';
import { describeArticleCases } from './store-contract/article-cases.ts';
import { describeDocumentCases } from './store-contract/document-cases.ts';
import { describeFeedCases } from './store-contract/feed-cases.ts';
import { describeFetchCases } from './store-contract/fetch-cases.ts';
import { describeFollowCases } from './store-contract/follow-cases.ts';
import { describeListCases } from './store-contract/list-cases.ts';
import { describePublishCases } from './store-contract/publish-cases.ts';
import { describePublishStateCases } from './store-contract/publish-state-cases.ts';
import { describeRelatedCases } from './store-contract/related-cases.ts';
import { describeSearchCases } from './store-contract/search-cases.ts';
import { describeSourceCases } from './store-contract/source-cases.ts';
import { describeWebSubCases } from './store-contract/websub-cases.ts';

export interface OpenedStore {
  store: Store;
  close(): Promise<void>;
}

/** What each group of cases gets: the fresh store of the running test. */
export interface StoreContext {
  store(): Store;
}

/**
 * The one behaviour every Store adapter must show, run against SQLite on Node
 * (tests/sqlite-store.test.ts) and D1 in workerd (tests/worker/d1-store.test.ts).
 * `openStore` must give an empty, migrated store each time. New parts of the
 * Store add a file of cases under tests/store-contract/ and one line here.
 */
export function describeStoreContract(name: string, openStore: () => Promise<OpenedStore>): void {
  describe(`Store contract: ${name}`, () => {
    let opened: OpenedStore | undefined;
    const context: StoreContext = {
      store() {
        if (!opened) throw new Error('store-contract: no store is open');
        return opened.store;
      },
    };

    beforeEach(async () => {
      opened = await openStore();
    });
    afterEach(async () => {
      await opened?.close();
      opened = undefined;
    });

    describeArticleCases(context);
    describeListCases(context);
    describeSearchCases(context);
    describeFeedCases(context);
    describeFollowCases(context);
    describePublishCases(context);
    describePublishStateCases(context);
    describeSourceCases(context);
    describeFetchCases(context);
    describeDocumentCases(context);
    describeRelatedCases(context);
    describeWebSubCases(context);
  });
}
