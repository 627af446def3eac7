-- When one of our articles changes what a link to it shows (headline, URL, visibility), the articles
-- that link to it move to a new revision as well, so the publish job re-renders their feeds with the
-- new link, or without it. updateArticle writes every column, hence the WHEN. The inner UPDATE sets
-- only revision, so it never fires this trigger again.
CREATE TRIGGER related_target_article_changed
AFTER UPDATE OF title, slug, category_slug, status, published_at ON articles
WHEN old.title IS NOT new.title OR old.slug IS NOT new.slug OR old.category_slug IS NOT new.category_slug
  OR old.status IS NOT new.status OR old.published_at IS NOT new.published_at
BEGIN
  UPDATE articles SET revision = revision + 1
   WHERE id IN (SELECT article_id FROM related_links WHERE target_kind = 'own' AND target_id = new.id);
END;
