/* Placeholder for Matomo's tracker in the sample log, which has no Matomo server. mkdocs.yml names
   a Matomo at analytics/ on the site's own address so that the cookie banner shows; this file is
   what accepting analytics cookies loads. It tracks nothing, sends nothing and sets no cookie.
   A real log points extra.cookie_consent.analytics.url at its own Matomo and deletes this folder. */
