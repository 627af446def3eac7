import { describe, expect, it } from 'vitest';
import { discoverFeed, looksLikeHtml } from './discover-feed.ts';

describe('discoverFeed', () => {
  it('finds the first alternate feed link and resolves it against the page', () => {
    const html = `<html><head><link rel="stylesheet" href="a.css">
      <LINK REL="alternate" TYPE="application/atom+xml" HREF="feeds/atom.xml?a=1&amp;b=2">
      <link rel="alternate" type="application/rss+xml" href="/rss"></head></html>`;
    expect(discoverFeed(html, 'https://site.example/blog/')).toBe('https://site.example/blog/feeds/atom.xml?a=1&b=2');
  });

  it('honours <base href>, single quotes and JSON Feed', () => {
    const html = `<head><base href="https://cdn.example/x/"><link type='application/feed+json' rel='alternate home' href='feed.json'></head>`;
    expect(discoverFeed(html, 'https://site.example/')).toBe('https://cdn.example/x/feed.json');
  });

  it('ignores non-feed alternates and javascript: URLs', () => {
    const html = `<link rel="alternate" hreflang="fr" href="/fr/"><link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">`;
    expect(discoverFeed(html, 'https://site.example/')).toBeUndefined();
  });
});

describe('looksLikeHtml', () => {
  it('tells pages from feeds', () => {
    expect(looksLikeHtml('  <!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('<head><title>x</title></head>')).toBe(true);
    expect(looksLikeHtml('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>')).toBe(false);
    expect(looksLikeHtml('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>')).toBe(false);
  });
});
