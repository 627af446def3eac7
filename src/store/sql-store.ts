import { createArticleQueries } from './articles/article-queries.ts';
import { createFollowQueries } from './articles/follow-queries.ts';
import { createRetractionQueries } from './articles/retraction-queries.ts';
import { createFeedChangeQueries } from './publish/feed-change-queries.ts';
import { createPublishQueries } from './publish/publish-queries.ts';
import { createRelatedQueries } from './related/related-queries.ts';
import { createSourceQueries } from './sources/source-queries.ts';
import type { SqlDatabase } from './sql-database.ts';
import type { Store } from './store.ts';
import { createWebSubQueries } from './websub/websub-queries.ts';

/** The one Store implementation; each engine supplies only its SqlDatabase. */
export function createSqlStore(db: SqlDatabase): Store {
  return {
    ...createArticleQueries(db),
    ...createFollowQueries(db),
    ...createRetractionQueries(db),
    ...createPublishQueries(db),
    ...createFeedChangeQueries(db),
    ...createSourceQueries(db),
    ...createRelatedQueries(db),
    ...createWebSubQueries(db),
  };
}
