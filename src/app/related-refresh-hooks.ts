/**
 * When related links are refreshed, the same on Node and on Workers: after an
 * article is saved, and after ingestion stored new or changed items (a cycle,
 * or one source ingested on demand). The change itself is already committed
 * by then, so a failed refresh is logged and never fails the save or the
 * cycle; the next save or ingest retries it.
 */
import type { CycleSummary, IngestOne } from '../ingest/run-ingest-cycle.ts';
import type { Logger } from '../log.ts';
import type { RefreshResult } from '../related/refresh-related.ts';
import type { Jobs } from './jobs.ts';

export interface RelatedRefreshDeps {
  /** Where the refresh runs: inline, or in a worker thread on Node (app/jobs.ts). */
  jobs: Pick<Jobs, 'refreshRelatedSince' | 'refreshRelatedForArticle'>;
  log: Logger;
  now: () => Date;
  siteUrl: string;
  /** Related links feeds show (RELATED_LINKS); more are stored for the API's `?limit=`. */
  shown?: number;
  /** At most this many new items are related per refresh (Workers: stay within one invocation's queries). */
  maxItems?: number;
}

export interface RelatedRefreshHooks {
  /** Recomputes one article's links now; failures reach the caller (the admin API's refresh). */
  refreshArticle(articleId: string): Promise<RefreshResult>;
  /** The same after a save, where a failure is logged: the save itself already succeeded. */
  afterArticleChange(article: { id: string }): Promise<void>;
  /** After ingestion that started at `since` stored items. */
  afterIngest(since: string): Promise<void>;
  /** After an ingest cycle: a refresh when it stored or changed anything. */
  afterCycle(summary: CycleSummary): Promise<void>;
  /** The same pipeline, refreshing related links when the source brought anything. */
  refreshingAfter(ingest: IngestOne): IngestOne;
}

export function createRelatedRefreshHooks(deps: RelatedRefreshDeps): RelatedRefreshHooks {
  const { jobs, log } = deps;
  const options = () => ({
    now: deps.now().toISOString(),
    siteUrl: deps.siteUrl,
    ...(deps.shown && { shown: deps.shown }),
  });
  const afterIngest = async (since: string) => {
    try {
      const related = await jobs.refreshRelatedSince(since, {
        ...options(),
        ...(deps.maxItems && { maxItems: deps.maxItems }),
      });
      log.info('related: refreshed after ingest', {
        articles: related.refreshed.length,
        changed: related.changed.length,
      });
    } catch (error) {
      log.error('related: refresh after ingest failed', { error });
    }
  };
  return {
    refreshArticle: (articleId) => jobs.refreshRelatedForArticle(articleId, options()),
    async afterArticleChange(article) {
      try {
        await jobs.refreshRelatedForArticle(article.id, options());
      } catch (error) {
        log.error('related: refresh after save failed', { article_id: article.id, error });
      }
    },
    afterIngest,
    async afterCycle(summary) {
      if (!summary.isSkipped && summary.inserted + summary.updated > 0) await afterIngest(summary.startedAt);
    },
    refreshingAfter(ingest) {
      return async (source, signal) => {
        const since = deps.now().toISOString();
        const outcome = await ingest(source, signal);
        if (outcome.inserted + outcome.updated > 0) await afterIngest(since);
        return outcome;
      };
    },
  };
}
