// eventwire dashboard: plain JS + SVG over the JSON API. Article text and every other value from the store
// is untrusted: it only ever enters the page through textContent or setAttribute on known-safe attributes,
// never through innerHTML (and the server's CSP forbids inline script).
'use strict';

const SVG_NS = 'http://www.w3.org/2000/svg';
const QUADS = ['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'];
const QUAD_LABEL = {
  verbal_cooperation: 'verbal cooperation', material_cooperation: 'material cooperation',
  verbal_conflict: 'verbal conflict', material_conflict: 'material conflict',
};
const QUAD_NUMBER = { verbal_cooperation: 1, material_cooperation: 2, verbal_conflict: 3, material_conflict: 4 };
const PAGE = 20;

const state = { a: null, b: null, since: '', until: '', by: 'month', direction: 'both', offset: 0, bucket: null };

function $(id) { return document.getElementById(id); }

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

function svg(tag, attrs, parent) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

function svgText(parent, x, y, text, attrs) {
  const node = svg('text', Object.assign({ x, y }, attrs || {}), parent);
  node.textContent = String(text);
  return node;
}

function tooltip(node, text) {
  const t = svg('title', {}, node);
  t.textContent = String(text);
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

function setStatus(text, isError) {
  const s = $('status');
  s.textContent = text || '';
  s.className = isError ? 'error' : '';
}

async function getJSON(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== '') url.searchParams.set(k, v);
  }
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || ('HTTP ' + response.status));
  return body;
}

function dateRange() { return { since: state.since, until: state.until }; }

function dyadParams(extra) {
  return Object.assign({
    source: state.a, target: state.b, both_directions: state.direction === 'both' ? 'true' : 'false',
  }, dateRange(), extra || {});
}

function actorName(actor) {
  if (!actor) return '(none)';
  return (actor.name || actor.text || '?') + ' [' + (actor.code || '?') + ']';
}

function plural(n, noun) { return `${n} ${noun}${n === 1 ? '' : 's'}`; }

function fmt(n) { return (n === null || n === undefined) ? '-' : (n > 0 ? '+' : '') + Number(n).toFixed(1); }

// ---- the dyad timeline -------------------------------------------------------------------------------

function drawChart(series) {
  const box = $('chart');
  clear(box);
  const W = 760, H = 300, L = 40, R = 40, T = 14, B = 44;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'dyad timeline' }, box);
  const points = series.points || [];
  if (!points.length) {
    svgText(root, W / 2, H / 2, 'no dated events for this pair', { 'text-anchor': 'middle' });
    return;
  }
  const pw = W - L - R, ph = H - T - B, mid = T + ph / 2;
  const top = Math.max(1, ...points.map(p => Math.max(
    p.verbal_cooperation + p.material_cooperation, p.verbal_conflict + p.material_conflict)));
  const unit = (ph / 2) / top, slot = pw / points.length, bar = Math.min(Math.max(slot * 0.7, 1), 60);
  svg('line', { x1: L, y1: mid, x2: L + pw, y2: mid, class: 'axis' }, root);
  // Counts grow up for cooperation and down for conflict: say so, or the two equal numbers read as one scale.
  svgText(root, L - 6, T + 4, top, { 'text-anchor': 'end' });
  svgText(root, L - 6, mid + 4, 0, { 'text-anchor': 'end' });
  svgText(root, L - 6, T + ph + 4, top, { 'text-anchor': 'end' });
  // Axis titles run up the left margin, outside the plot, so that no bar can cover them.
  const upY = T + ph / 4, downY = T + 3 * ph / 4;
  svgText(root, 10, upY, 'cooperation', { class: 'axis-title', 'text-anchor': 'middle', transform: `rotate(-90 10 ${upY})` });
  svgText(root, 10, downY, 'conflict', { class: 'axis-title', 'text-anchor': 'middle', transform: `rotate(-90 10 ${downY})` });
  svgText(root, W - 6, H / 2 + 4, 'Goldstein', { class: 'axis-title', 'text-anchor': 'middle', transform: `rotate(90 ${W - 6} ${H / 2})` });
  svgText(root, L + pw + 4, T + 4, '+10');
  svgText(root, L + pw + 4, T + ph + 4, '-10');
  // A label is about 70 px wide: label every n-th period so that they never overlap.
  const every = Math.max(1, Math.ceil((points.length * 70) / pw));
  const line = [];
  points.forEach((p, i) => {
    const x = L + i * slot + (slot - bar) / 2;
    let up = mid, down = mid;
    for (const q of QUADS) {
      const h = p[q] * unit;
      if (!h) continue;
      const y = q.endsWith('cooperation') ? (up -= h) : down;
      if (!q.endsWith('cooperation')) down += h;
      const rect = svg('rect', { x: x.toFixed(1), y: y.toFixed(1), width: bar.toFixed(1), height: h.toFixed(1),
        class: 'bar ' + q, 'data-period': p.period, 'data-quad': QUAD_NUMBER[q] }, root);
      tooltip(rect, `${p.period}: ${p[q]} ${QUAD_LABEL[q]}`);
      rect.addEventListener('click', () => showBucket(p.period, QUAD_NUMBER[q], QUAD_LABEL[q]));
    }
    if (p.goldstein_mean !== null && p.goldstein_mean !== undefined) {
      line.push([x + bar / 2, mid - (p.goldstein_mean / 10) * (ph / 2), p]);
    }
    if (i % every === 0) svgText(root, x + bar / 2, T + ph + 16, periodLabel(p.period), { 'text-anchor': 'middle' });
  });
  if (line.length) {
    svg('polyline', { class: 'goldstein', points: line.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ') }, root);
    for (const [x, y, p] of line) {
      tooltip(svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 3, class: 'goldstein-dot' }, root),
        `${p.period}: mean Goldstein ${fmt(p.goldstein_mean)} over ${p.events} event(s)`);
    }
  }
  let lx = L;
  for (const q of QUADS) {
    svg('rect', { x: lx, y: H - 14, width: 10, height: 10, class: q }, root);
    svgText(root, lx + 14, H - 5, QUAD_LABEL[q]);
    lx += 150;
  }
  svg('line', { x1: lx, y1: H - 9, x2: lx + 14, y2: H - 9, class: 'goldstein' }, root);
  svgText(root, lx + 18, H - 5, 'mean Goldstein');
}

function periodLabel(start) {
  // A month bucket starts on the 1st: "2023-06" says what it covers, "2023-06-01" reads as one day.
  if (state.by === 'month') return start.slice(0, 7);
  if (state.by === 'year') return start.slice(0, 4);
  return start;
}

function periodEnd(start, by) {
  const d = new Date(start + 'T00:00:00Z');
  if (by === 'day') return start;
  if (by === 'week') d.setUTCDate(d.getUTCDate() + 6);
  else if (by === 'month') { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  else { d.setUTCFullYear(d.getUTCFullYear() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

function showBucket(period, quad, label) {
  state.bucket = { since: period, until: periodEnd(period, state.by), quad_class: quad, label };
  state.offset = 0;
  loadEvents();
}

// ---- top partners ------------------------------------------------------------------------------------

function drawPartners(partners) {
  $('partners-of').textContent = state.a;
  const body = $('partners').tBodies[0];
  clear(body);
  for (const p of partners) {
    const tr = el('tr');
    tr.tabIndex = 0;
    tr.dataset.partner = p.partner;
    for (const value of [p.partner, p.events, p.outgoing, p.incoming, p.cooperation, p.conflict, fmt(p.goldstein_mean)]) {
      tr.appendChild(el('td', value));
    }
    const choose = () => { $('side-b').value = p.partner; submit(); };
    tr.addEventListener('click', choose);
    tr.addEventListener('keydown', ev => { if (ev.key === 'Enter') choose(); });
    body.appendChild(tr);
  }
}

// ---- the network -------------------------------------------------------------------------------------

function edgeColour(g) {
  if (g === null || g === undefined) return '#999';
  return g >= 0 ? '#1b7837' : '#b2182b';
}

function drawNetwork(net) {
  const box = $('network');
  clear(box);
  const W = 760, H = 460, cx = W / 2, cy = H / 2, radius = 180;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'network of relations' }, box);
  const nodes = net.nodes.slice(0, 30);
  if (!nodes.length) {
    svgText(root, cx, cy, 'no relations in this period', { 'text-anchor': 'middle' });
    return;
  }
  const pos = {};
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    pos[n.id] = [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
  });
  const maxEdge = Math.max(1, ...net.edges.map(e => e.events));
  for (const e of net.edges) {
    if (!pos[e.source] || !pos[e.target]) continue;
    const [x1, y1] = pos[e.source], [x2, y2] = pos[e.target];
    // A slight curve keeps A->B and B->A apart.
    const mx = (x1 + x2) / 2 + (y2 - y1) * 0.12, my = (y1 + y2) / 2 - (x2 - x1) * 0.12;
    const path = svg('path', { d: `M${x1.toFixed(1)},${y1.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`,
      class: 'edge', stroke: edgeColour(e.goldstein_mean),
      'stroke-width': (1 + 5 * Math.sqrt(e.events / maxEdge)).toFixed(2) }, root);
    tooltip(path, `${e.source} -> ${e.target}: ${e.events} event(s), ${e.cooperation} cooperation, ` +
      `${e.conflict} conflict, mean Goldstein ${fmt(e.goldstein_mean)}`);
  }
  const maxNode = Math.max(1, ...nodes.map(n => n.events));
  for (const n of nodes) {
    const [x, y] = pos[n.id];
    const side = n.id === state.a || n.id === state.b;
    const circle = svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: (5 + 12 * Math.sqrt(n.events / maxNode)).toFixed(1),
      class: 'node' + (side ? ' side' : ''), fill: side ? '#2c4f9e' : '#8c96a8', 'data-id': n.id }, root);
    tooltip(circle, `${n.label} (${n.id}): ${n.events} event(s)`);
    circle.addEventListener('click', () => {
      if (n.id === state.a) return;
      $('side-b').value = n.id;
      submit();
    });
    const lx = cx + (x - cx) * 1.16, ly = cy + (y - cy) * 1.16;
    svgText(root, lx.toFixed(1), (ly + 4).toFixed(1), n.id, { 'text-anchor': 'middle' });
  }
}

// ---- the map -----------------------------------------------------------------------------------------

let world = null;

async function loadWorld() {
  if (world !== null) return world;
  try {
    const r = await fetch('/static/world.json');
    world = r.ok ? await r.json() : { polygons: [] };
  } catch (err) {
    world = { polygons: [] };
  }
  return world;
}

function drawMap(points, outline) {
  const box = $('map');
  clear(box);
  const W = 720, H = 360;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'map of event locations' }, box);
  const X = lon => ((lon + 180) / 360) * W, Y = lat => ((90 - lat) / 180) * H;
  for (const ring of outline.polygons || []) {
    const d = ring.map(([lon, lat], i) => (i ? 'L' : 'M') + X(lon).toFixed(1) + ',' + Y(lat).toFixed(1)).join('') + 'Z';
    svg('path', { d, class: 'land' }, root);
  }
  for (let lon = -180; lon <= 180; lon += 30) svg('line', { x1: X(lon), y1: 0, x2: X(lon), y2: H, class: 'grid' }, root);
  for (let lat = -90; lat <= 90; lat += 30) svg('line', { x1: 0, y1: Y(lat), x2: W, y2: Y(lat), class: 'grid' }, root);
  const maxCount = Math.max(1, ...points.map(p => p.events));
  for (const p of points) {
    const dot = svg('circle', { cx: X(p.lon).toFixed(1), cy: Y(p.lat).toFixed(1),
      r: (3 + 8 * Math.sqrt(p.events / maxCount)).toFixed(1), class: 'place', fill: edgeColour(p.goldstein_mean) }, root);
    tooltip(dot, `${p.name} (${p.country || '?'}): ${p.events} event(s), mean Goldstein ${fmt(p.goldstein_mean)}`);
  }
  if (!points.length) svgText(root, W / 2, H - 8, 'no located events for this pair', { 'text-anchor': 'middle' });
}

// ---- the event table and the article -----------------------------------------------------------------

async function loadEvents() {
  const extra = { limit: PAGE, offset: state.offset };
  const filterNote = $('events-filter');
  if (state.bucket) {
    Object.assign(extra, { since: state.bucket.since, until: state.bucket.until, quad_class: state.bucket.quad_class });
    filterNote.textContent = `(${state.bucket.label}, ${state.bucket.since} to ${state.bucket.until})`;
    $('clear-filter').hidden = false;
  } else {
    filterNote.textContent = '';
    $('clear-filter').hidden = true;
  }
  const page = await getJSON('/api/events', dyadParams(extra));
  const body = $('events').tBodies[0];
  clear(body);
  for (const e of page.items) {
    const tr = el('tr');
    tr.tabIndex = 0;
    tr.dataset.eventId = e.event_id;
    const date = el('td', dateLabel(e));
    date.title = e.date ? `${e.date}: ${e.date_precision || 'day'} precision, from the ${e.date_basis || 'article'}` : '';
    tr.appendChild(date);
    tr.appendChild(el('td', actorName(e.source)));
    tr.appendChild(el('td', `${e.cameo} ${e.cameo_name || ''}`.trim()));
    tr.appendChild(el('td', actorName(e.target)));
    tr.appendChild(el('td', fmt(e.goldstein)));
    tr.appendChild(el('td', e.mention_count));
    tr.appendChild(el('td', [e.publisher, e.attribution ? 'credited to ' + e.attribution : null]
      .filter(Boolean).join(', ') || 'unknown'));
    tr.appendChild(el('td', e.evidence.text));
    const open = () => {
      for (const row of body.rows) row.classList.remove('selected');
      tr.classList.add('selected');
      openArticle(e).catch(err => setStatus(err.message, true));
    };
    tr.addEventListener('click', open);
    tr.addEventListener('keydown', ev => { if (ev.key === 'Enter') open(); });
    body.appendChild(tr);
  }
  if (!page.items.length) {
    const tr = el('tr');
    const td = el('td', 'no events');
    td.colSpan = 8;
    tr.appendChild(td);
    body.appendChild(tr);
  }
  const last = Math.min(page.offset + page.items.length, page.total);
  $('page-info').textContent = page.total ? `${page.offset + 1}-${last} of ${page.total}` : '0 of 0';
  $('prev').disabled = page.offset === 0;
  $('next').disabled = last >= page.total;
}

function dateLabel(e) {
  // "Earlier in the year" is stored as the year's first day with year precision: show only what is known.
  if (!e.date) return 'undated';
  if (e.date_precision === 'year') return e.date.slice(0, 4);
  if (e.date_precision === 'month') return e.date.slice(0, 7);
  return e.date;
}

function safeLink(url) {
  // Only web links become links: a javascript: URL from an article stays inert text.
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : null;
  } catch (err) {
    return null;
  }
}

async function openArticle(event) {
  const article = await getJSON('/api/articles/' + encodeURIComponent(event.article_id));
  $('article').hidden = false;
  $('article-title').textContent = article.title || `untitled article (${article.id})`;
  $('article-meta').textContent = [article.publisher, article.date, event.attribution ? 'credited to ' + event.attribution : null]
    .filter(Boolean).join(' \u00b7 ');
  const link = $('article-link');
  clear(link);
  const href = article.url ? safeLink(article.url) : null;
  if (href) {
    const a = el('a', article.url);
    a.href = href;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    link.appendChild(a);
  } else if (article.url) {
    link.textContent = article.url;
  }
  renderArticleText(article, event);
  const mark = $('article-text').querySelector('mark.evidence');
  if (mark) mark.scrollIntoView({ block: 'center' });
  await listReports(event);
}

async function listReports(event) {
  // Every article that reported this (deduplicated) event, each opening with its own evidence.
  const full = await getJSON('/api/events/' + encodeURIComponent(event.event_id));
  const list = $('reports');
  clear(list);
  const open = event.mention_id
    || (full.mentions.find(m => m.article_id === event.article_id && m.start === event.evidence.start) || {}).mention_id;
  for (const m of full.mentions) {
    const item = el('li');
    // Two mentions of one article (e.g. a visit to two hosts) differ only in who did what to whom: show it.
    const label = [m.publisher || 'unknown publisher', m.attribution ? 'credited to ' + m.attribution : null,
      m.title || m.article_id, `${m.source_name || '?'} \u2192 ${m.target_name || '?'}`].filter(Boolean).join(' \u00b7 ');
    const button = el('button', label);
    button.type = 'button';
    button.dataset.articleId = m.article_id;
    if (m.mention_id === open) button.disabled = true;
    button.addEventListener('click', () => {
      const mention = Object.assign({}, event, { mention_id: m.mention_id, article_id: m.article_id, attribution: m.attribution,
        evidence: { start: m.start, end: m.end, trigger_start: m.trigger_start, trigger_end: m.trigger_end } });
      openArticle(mention).catch(err => setStatus(err.message, true));
    });
    item.appendChild(button);
    list.appendChild(item);
  }
}

function renderArticleText(article, event) {
  // Offsets are Python string indices (code points); Array.from splits the text the same way.
  const chars = Array.from(article.text);
  const box = $('article-text');
  clear(box);
  const selected = article.evidence.find(s => s.event_id === event.event_id && s.start === event.evidence.start)
    || article.evidence.find(s => s.event_id === event.event_id)
    || { start: event.evidence.start, end: event.evidence.end,
         trigger_start: event.evidence.trigger_start, trigger_end: event.evidence.trigger_end };
  const spans = article.evidence.filter(s => s !== selected && (s.end <= selected.start || s.start >= selected.end));
  spans.push(selected);
  spans.sort((x, y) => x.start - y.start);
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.start === null || s.end === null) continue;
    box.appendChild(document.createTextNode(chars.slice(at, s.start).join('')));
    const mark = el('mark', null, s === selected ? 'evidence' : 'other-evidence');
    const ts = s.trigger_start, te = s.trigger_end;
    if (s === selected && ts !== null && ts !== undefined && ts >= s.start && te <= s.end) {
      mark.appendChild(document.createTextNode(chars.slice(s.start, ts).join('')));
      mark.appendChild(el('strong', chars.slice(ts, te).join(''), 'trigger'));
      mark.appendChild(document.createTextNode(chars.slice(te, s.end).join('')));
    } else {
      mark.textContent = chars.slice(s.start, s.end).join('');
    }
    mark.title = `${s.cameo || ''} ${s.cameo_name || ''}: ${s.source_name || '?'} -> ${s.target_name || '?'}`;
    box.appendChild(mark);
    at = s.end;
  }
  box.appendChild(document.createTextNode(chars.slice(at).join('')));
}

// ---- wiring ------------------------------------------------------------------------------------------

function readControls() {
  state.a = $('side-a').value;
  state.b = $('side-b').value;
  state.since = $('since').value;
  state.until = $('until').value;
  state.by = $('by').value;
  state.direction = $('direction').value;
  state.offset = 0;
  state.bucket = null;
}

async function render() {
  if (!state.a || !state.b) { setStatus('Choose two countries.'); return; }
  setStatus('loading\u2026');
  delete document.body.dataset.loaded;
  const url = new URL(window.location.href);
  for (const k of ['a', 'b', 'since', 'until', 'by', 'direction']) {
    if (state[k]) url.searchParams.set(k, state[k]); else url.searchParams.delete(k);
  }
  window.history.replaceState(null, '', url);
  const base = '/api/dyads/' + encodeURIComponent(state.a) + '/' + encodeURIComponent(state.b);
  const common = Object.assign({ by: state.by, direction: state.direction }, dateRange());
  // Partners are by country: an actor code such as RUSGOV stands for its country's first three letters.
  const partnersOf = encodeURIComponent(state.a.slice(0, 3));
  const [series, profile, net, places, outline, partners] = await Promise.all([
    getJSON(base + '/series', common),
    getJSON(base, Object.assign({ key_events: 0 }, common)),
    getJSON('/api/network', Object.assign({ limit: 120 }, dateRange())),
    getJSON('/api/locations', dyadParams()),
    loadWorld(),
    getJSON('/api/countries/' + partnersOf + '/partners', dateRange()),
  ]);
  $('dyad-title').textContent = `${state.a} ${state.direction === 'both' ? '\u2194' : '\u2192'} ${state.b}`;
  const t = profile.totals;
  $('dyad-totals').textContent = t.events
    ? `${t.events} event(s) in ${t.mentions} report(s), ${t.first_date} to ${t.last_date}: ${t.cooperation} cooperation, ` +
      `${t.conflict} conflict, mean Goldstein ${fmt(t.goldstein_mean)}`
    : 'no events between these two in this period';
  const dom = $('dominance');
  dom.hidden = !profile.dominance;
  dom.textContent = profile.dominance ? 'Warning: ' + profile.dominance.message : '';
  drawChart(series);
  drawNetwork(net);
  drawMap(places, outline);
  drawPartners(partners);
  await loadEvents();
  setStatus('');
  // Tests (and scripts) wait for this: every panel has the data of this pair.
  document.body.dataset.loaded = state.a + '-' + state.b;
}

function submit() {
  readControls();
  render().catch(err => setStatus(err.message, true));
}

function fillSelect(select, countries, chosen) {
  clear(select);
  for (const c of countries) {
    const option = el('option', c.name ? `${c.name} (${c.country})` : c.country);
    option.value = c.country;
    select.appendChild(option);
  }
  if (chosen && !countries.some(c => c.country === chosen)) {
    const option = el('option', chosen);
    option.value = chosen;
    select.appendChild(option);
  }
  if (chosen) select.value = chosen;
}

async function init() {
  $('controls').addEventListener('submit', ev => { ev.preventDefault(); submit(); });
  $('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents().catch(err => setStatus(err.message, true)); });
  $('next').addEventListener('click', () => { state.offset += PAGE; loadEvents().catch(err => setStatus(err.message, true)); });
  $('clear-filter').addEventListener('click', () => { state.bucket = null; state.offset = 0; loadEvents().catch(err => setStatus(err.message, true)); });
  $('close-article').addEventListener('click', () => { $('article').hidden = true; });
  const [summary, countries] = await Promise.all([getJSON('/api/summary'), getJSON('/api/countries')]);
  $('store-summary').textContent = `${plural(summary.events, 'event')} from ${plural(summary.articles, 'article')}` +
    (summary.first_date ? `, ${summary.first_date} to ${summary.last_date}` : '');
  const params = new URL(window.location.href).searchParams;
  // Without a pair in the URL, start on the busiest pair of the store.
  let busiest = [countries[0] && countries[0].country, countries[1] && countries[1].country];
  if (!params.get('a') || !params.get('b')) {
    const top = await getJSON('/api/network', { limit: 1 });
    if (top.edges.length) busiest = [top.edges[0].source, top.edges[0].target];
  }
  const a = (params.get('a') || busiest[0] || '').toUpperCase();
  const b = (params.get('b') || busiest[1] || '').toUpperCase();
  fillSelect($('side-a'), countries, a);
  fillSelect($('side-b'), countries, b);
  for (const k of ['since', 'until', 'by', 'direction']) if (params.get(k)) $(k).value = params.get(k);
  submit();
}

document.addEventListener('DOMContentLoaded', () => {
  init().catch(err => setStatus(err.message, true));
});
