/**
 * The reader site's stylesheet, served as a file (/site.css) rather than an
 * inline <style>: a Content-Security-Policy without 'unsafe-inline' then
 * allows it. A string here, so Node and Workers serve it alike.
 */
export const SITE_CSS = `
*{box-sizing:border-box}
body{font:17px/1.6 Georgia,serif;max-width:46rem;margin:0 auto;padding:0 1rem 3rem;color:#222;background:#fff}
h1,h2,h3,.masthead{font-family:system-ui,sans-serif;line-height:1.25}
a{color:#0b57a4}
:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.masthead{padding:1rem 0;border-bottom:3px solid #0b57a4;margin-bottom:1.5rem}
.masthead a{font-weight:800;font-size:1.4rem;text-decoration:none;color:#0b57a4}
figure{margin:1.5rem 0}figure img,article img{max-width:100%;height:auto}
figcaption,.meta,.feeds,.pager,.sections{font:14px/1.5 system-ui,sans-serif;color:#555}
.lede{font-size:1.1rem}
.sections ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;list-style:none}
.headlines{padding:0;list-style:none}
.headline{display:grid;grid-template-columns:9rem 1fr;gap:1rem;padding:1rem 0;border-top:1px solid #e3e3e3}
.headline:not(:has(.thumb)){grid-template-columns:1fr}
.headline h2{font-size:1.2rem;margin:0 0 .35rem}.headline h2 a{color:#111;text-decoration:none}
.headline h2 a:hover{text-decoration:underline}.headline p{margin:.25rem 0}
.thumb img{display:block;width:9rem;height:6rem;object-fit:cover;border-radius:4px}
@media (max-width:30rem){.headline{grid-template-columns:1fr}.thumb img{width:100%;height:auto;aspect-ratio:3/2}}
.pager{display:flex;justify-content:space-between;gap:1rem;margin:1.5rem 0}
.pager a[rel=next]{margin-left:auto}
.feeds a{margin-right:.75rem}ul.categories{padding:0;list-style:none}
ul.categories li{margin:1rem 0}.subscribe{margin-top:2.5rem;border-top:1px solid #ddd}
.bio{border-top:1px solid #ddd;padding-top:1rem;font-style:italic}
.error-page{text-align:center;padding:3rem 0}
.error-page .status{font:800 5rem/1 system-ui,sans-serif;color:#0b57a4;margin:0}
.error-page h1{margin:.5rem 0 1rem}
`;
