// The search page: Pagefind's JS API with the page's state in the URL.
// Loaded only on the search page; the index is fetched from this site, in small pieces, per query.

const FACETS = ["topic", "exemption", "year", "outcome", "regime"];
const PAGE_SIZE = 10;
const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const COLLATOR = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });

const root = document.querySelector("[data-dl-search]");
const form = root.querySelector("form");
const input = form.elements.q;
const sort = form.elements.sort;
const facetsBox = root.querySelector("[data-dl-facets]");
const status = root.querySelector("[data-dl-status]");
const list = root.querySelector("[data-dl-results]");
const more = root.querySelector("[data-dl-more]");
const siteRoot = new URL(root.dataset.siteRoot, window.location.href);
const pageTitle = document.title;

let partsLoading = null;
let latest = 0;
let current = { results: [], shown: 0, run: 0, complete: null };

// The index is in parts (pagefind/shards.json lists them, newest responses first), each from
// its own Pagefind run. The first part's pagefind.js makes a Pagefind instance for each part
// when a search first needs it. Pagefind's mergeIndex would search every part before showing
// anything and order the results by score even when asked for the newest first; separate
// instances let a search by date walk the parts in order and show the newest at once.
function loadParts() {
  partsLoading ??= Promise.all([
    import(new URL(root.dataset.pagefind, window.location.href).href),
    fetch(new URL(root.dataset.pagefindShards, window.location.href)).then((answer) => {
      if (!answer.ok) throw new Error(`${answer.url}: ${answer.status}`);
      return answer.json();
    }),
  ]).then(([pagefind, { shards }]) => {
    const [first, ...others] = shards.map((shard) => partLoader(pagefind, shard.folder));
    // All instances share one WebAssembly module, which the first to load sets up: the others
    // wait for it, so that none sets it up again under an instance already made.
    return [first, ...others.map((load) => () => first().then(load))];
  });
  return partsLoading;
}

function partLoader(pagefind, folder) {
  let loading = null;
  return () => {
    loading ??= (async () => {
      // No web worker: one script less to download, and searches here are small.
      const basePath = new URL(folder, siteRoot).pathname;
      const instance = pagefind.createInstance({ basePath, noWorker: true });
      // The reference's spellings (metadata "spellings", written by search_index.py) outrank
      // body text, so a reference finds its own response before those that cite it. Setting
      // the ranking waits for the instance to be ready.
      await instance.options({
        baseUrl: siteRoot.pathname,
        excerptLength: 30,
        ranking: { metaWeights: { spellings: 10 } },
      });
      return instance;
    })();
    return loading;
  };
}

function stateFrom(params) {
  return {
    q: (params.get("q") || "").trim(),
    sort: params.get("sort") === "newest" ? "newest" : "relevance",
    filters: Object.fromEntries(FACETS.map((facet) => [facet, params.getAll(facet)])),
  };
}

function stateFromUrl() {
  return stateFrom(new URLSearchParams(window.location.search));
}

function stateFromForm() {
  return stateFrom(new FormData(form));
}

function urlFor(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const facet of FACETS) {
    for (const value of state.filters[facet]) params.append(facet, value);
  }
  if (state.sort !== "relevance") params.set("sort", state.sort);
  const query = params.toString();
  return window.location.pathname + (query ? `?${query}` : "");
}

function showInForm(state) {
  input.value = state.q;
  sort.value = state.sort;
  for (const box of facetsBox.querySelectorAll("input[type=checkbox]")) {
    box.checked = state.filters[box.name].includes(box.value);
  }
  for (const details of facetsBox.querySelectorAll("[data-facet]")) {
    const chosen = state.filters[details.dataset.facet].length;
    details.querySelector(".dl-facet__chosen").textContent = chosen ? ` (${chosen} chosen)` : "";
    if (chosen) details.open = true;
  }
}

// Values of one facet are alternatives (any of them); different facets must all match.
function pagefindFilters(filters, except) {
  const chosen = {};
  for (const facet of FACETS) {
    if (facet !== except && filters[facet].length) chosen[facet] = { any: filters[facet] };
  }
  return chosen;
}

// A reference in any usual spelling, or a number in one: "01/FOI/23/034648" or
// "01.foi.23.034648" becomes "01FOI23034648", a spelling of its own reference that every
// response's search metadata holds (matched, never shown in an excerpt). It is searched for
// exactly (in quotes) first: Pagefind matches a word it does not hold by the longest word it
// holds that begins it ("01"), so each part of the index without that reference would
// otherwise answer with all its responses.
function exactReference(query) {
  const oneWord = /^[\p{L}\p{N}]+(?:[./\\_-]+[\p{L}\p{N}]+)*$/u.test(query);
  return oneWord && /\d/.test(query) ? `"${query.replace(/[./\\_-]+/g, "")}"` : null;
}

// Facet counts of several searches, added up.
function addCounts(all) {
  const sum = {};
  for (const counts of all) {
    for (const [facet, values] of Object.entries(counts || {})) {
      sum[facet] ??= {};
      for (const [value, count] of Object.entries(values)) {
        sum[facet][value] = (sum[facet][value] || 0) + count;
      }
    }
  }
  return sum;
}

// One search of every part. By date, the parts are searched one after another, newest first,
// and `progress` has the results found so far, already in their final order. By relevance, as
// Pagefind merges indexes: every part at once, best score first.
async function searchParts(parts, term, options, progress) {
  const searches = [];
  if (options.sort) {
    for (const part of parts) {
      searches.push(await (await part()).search(term, options));
      progress?.(searches.flatMap((found) => found.results));
    }
  } else {
    const all = parts.map(async (part) => (await part()).search(term, options));
    searches.push(...(await Promise.all(all)));
  }
  const results = searches.flatMap((found) => found.results);
  if (!options.sort) results.sort((a, b) => b.score - a.score);
  progress?.(results);
  return { results, filters: addCounts(searches.map((found) => found.filters)) };
}

// Null when there is nothing to search for: no words and no filters.
async function find(parts, state, except = null, progress = null) {
  const filters = pagefindFilters(state.filters, except);
  if (!state.q && Object.keys(filters).length === 0) return null;
  const options = { filters };
  if (state.sort === "newest" || !state.q) options.sort = { date: "desc" };
  const reference = state.q && exactReference(state.q);
  if (reference) {
    const exact = await searchParts(parts, reference, options);
    if (exact.results.length) {
      progress?.(exact.results);
      return exact;
    }
  }
  return searchParts(parts, state.q || null, options, progress);
}

// Each facet counts the results it would give with the other facets' choices applied.
async function facetCounts(parts, state, search, totals) {
  const counts = {};
  for (const facet of FACETS) {
    const source = state.filters[facet].length ? await find(parts, state, facet) : search;
    counts[facet] = source ? source.filters[facet] || {} : totals[facet] || {};
  }
  return counts;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function buildFacets(totals) {
  for (const details of facetsBox.querySelectorAll("[data-facet]")) {
    const facet = details.dataset.facet;
    const values = Object.keys(totals[facet] || {}).sort(COLLATOR.compare);
    if (facet === "year") values.reverse();
    const items = values.map((value, index) => {
      const id = `dl-facet-${facet}-${index}`;
      const box = element("input");
      Object.assign(box, { type: "checkbox", id, name: facet, value });
      box.setAttribute("form", form.id);
      const label = element("label", null, value);
      label.htmlFor = id;
      label.append(" ", element("span", "dl-facet__count"));
      const item = element("li", "dl-facet__value");
      item.append(box, label);
      return item;
    });
    details.querySelector("ul").replaceChildren(...items);
    details.hidden = items.length === 0;
  }
  facetsBox.hidden = false;
}

function showCounts(counts) {
  for (const box of facetsBox.querySelectorAll("input[type=checkbox]")) {
    const count = counts[box.name][box.value] || 0;
    box.labels[0].querySelector(".dl-facet__count").textContent = `(${count})`;
  }
}

// Pagefind's excerpt is escaped text with <mark> around matched words: keep only those two.
function excerptNodes(excerpt) {
  const template = document.createElement("template");
  template.innerHTML = excerpt;
  return [...template.content.childNodes].map((node) =>
    node.nodeName === "MARK"
      ? element("mark", null, node.textContent)
      : document.createTextNode(node.textContent),
  );
}

function resultItem(data) {
  const item = element("li", "dl-result");
  const heading = element("h3", "dl-result__title");
  const link = element("a", null, data.meta.title);
  link.href = data.url;
  heading.append(link);
  const details = element("p", "dl-result__meta");
  details.append(element("span", "dl-result__reference", data.meta.reference));
  if (data.meta.date) {
    const time = element("time", null, DATE_FORMAT.format(new Date(data.meta.date)));
    time.dateTime = data.meta.date;
    details.append(" ", time);
  }
  details.append(" ", element("span", "dl-result__outcome", data.meta.outcome));
  const excerpt = element("p", "dl-result__excerpt");
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(heading, details, excerpt);
  return item;
}

// Shows the next results; while the parts are still being searched, the next page may need
// results not found yet, so it waits for the search to end.
async function showMore(moveFocus) {
  const run = current.run;
  if (current.shown + PAGE_SIZE > current.results.length) await current.complete;
  if (run !== latest) return;
  const slice = current.results.slice(current.shown, current.shown + PAGE_SIZE);
  current.shown += slice.length;
  const data = await Promise.all(slice.map((result) => result.data()));
  if (run !== latest) return;
  const items = data.map(resultItem);
  list.append(...items);
  more.hidden = !current.done || current.shown >= current.results.length;
  if (moveFocus && items.length) items[0].querySelector("a").focus();
}

function summary(state, count) {
  const filters = FACETS.reduce((sum, facet) => sum + state.filters[facet].length, 0);
  const found = count === 1 ? "1 response found" : `${count} responses found`;
  const words = state.q ? ` for “${state.q}”` : "";
  const chosen = filters ? ` with ${filters} filter${filters === 1 ? "" : "s"}` : "";
  return `${found}${words}${chosen}.`;
}

// Results first: a search fetches only the filter files of the facets chosen, so the facets'
// counts, which need every filter file, are loaded after the results are shown; by date, the
// first results are shown as soon as the newest parts hold a page of them. The status is
// announced once the results and the counts are all in place.
async function run(state) {
  const thisRun = ++latest;
  document.title = state.q ? `${state.q} - ${pageTitle}` : pageTitle;
  let parts;
  try {
    parts = await loadParts();
  } catch {
    status.textContent = "Search is not available. Browse the responses by topic, year or outcome.";
    return;
  }
  current = { results: [], shown: 0, run: thisRun, complete: null, done: false };
  list.replaceChildren();
  more.hidden = true;
  let firstPage = null;
  const progress = (results) => {
    if (thisRun !== latest) return;
    current.results = results;
    if (!firstPage && results.length >= PAGE_SIZE) firstPage = showMore(false);
  };
  current.complete = find(parts, state, null, progress);
  const search = await current.complete;
  if (thisRun !== latest) return;
  current.done = true;
  await (firstPage ?? (search ? showMore(false) : null));
  if (thisRun !== latest) return;
  more.hidden = current.shown >= current.results.length;
  const totals = addCounts(await Promise.all(parts.map(async (part) => (await part()).filters())));
  if (facetsBox.hidden) {
    buildFacets(totals);
    showInForm(state);
  }
  // With every filter file loaded, the same search (from cached index chunks) counts them all.
  const counts = await facetCounts(parts, state, search && (await find(parts, state)), totals);
  if (thisRun !== latest) return;
  showCounts(counts);
  status.textContent = search
    ? summary(state, current.results.length)
    : "Type words or a reference number, or choose a filter.";
}

function navigate() {
  const state = stateFromForm();
  const url = urlFor(state);
  if (url !== window.location.pathname + window.location.search) {
    window.history.pushState(null, "", url);
  }
  run(state);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  navigate();
});
root.addEventListener("change", (event) => {
  if (event.target === sort || event.target.type === "checkbox") navigate();
});
more.addEventListener("click", () => showMore(true));
window.addEventListener("popstate", () => {
  const state = stateFromUrl();
  showInForm(state);
  run(state);
});

const initial = stateFromUrl();
showInForm(initial);
run(initial);
