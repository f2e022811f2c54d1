// Communique search: the rules of SearchText.swift and SearchQuery.swift, in the page.
// Index files are loaded with <script src> (works from file://, where fetch does not);
// each calls communiqueSearch.meta / .terms / .docs. No query text is ever written as HTML.
(function (global) {
  'use strict';

  // ---- Rules (SearchText.swift) ----
  var WORD = /[\p{L}\p{Nd}\p{Nl}\p{No}]/u;
  var MARK = /\p{M}/u;

  function foldKana(cp) {
    if ((cp >= 0x30a1 && cp <= 0x30f6) || cp === 0x30fd || cp === 0x30fe) return cp - 0x60;
    if (cp === 0x3c2) return 0x3c3;
    return cp;
  }

  // Code points of text, NFKC, lower case, katakana as hiragana.
  function fold(text) {
    var out = [];
    for (var ch of text.normalize('NFKC').toLowerCase()) out.push(foldKana(ch.codePointAt(0)));
    return out;
  }

  function kind(cp) {
    if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) ? 'w' : 's';
    if ((cp >= 0x3041 && cp <= 0x309f) || (cp >= 0x30a0 && cp <= 0x30ff && cp !== 0x30fb) || cp === 0x3005 ||
        cp === 0x3006 || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
        (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3ffff)) return 'j';
    var ch = String.fromCodePoint(cp);
    if (WORD.test(ch)) return 'w';
    if (MARK.test(ch)) return 'm';
    return 's';
  }

  // Runs of folded code points: {j: [cp…]} for Japanese, {w: "word"} for words.
  function runs(folded) {
    var out = [], j = [], w = [];
    function close() {
      if (j.length) { out.push({ j: j }); j = []; }
      if (w.length) { out.push({ w: String.fromCodePoint.apply(null, w) }); w = []; }
    }
    for (var i = 0; i < folded.length; i++) {
      var cp = folded[i], k = kind(cp);
      if (k === 'j') { if (w.length) close(); j.push(cp); }
      else if (k === 'w') { if (j.length) close(); w.push(cp); }
      else if (k === 'm') { if (j.length) j.push(cp); else if (w.length) w.push(cp); }
      else close();
    }
    close();
    return out;
  }

  function withoutSeparators(folded) {
    return String.fromCodePoint.apply(null, folded.filter(function (cp) { return kind(cp) !== 's'; }));
  }

  // ---- Queries (SearchQuery.swift) ----
  function parseQuery(query) {
    var parts = [], quoted = false;
    var segments = query.split('"');
    segments.forEach(function (segment, index) {
      quoted = index % 2 === 1;
      var words = [];
      runs(fold(segment)).forEach(function (run) {
        if (run.w !== undefined) {
          if (quoted) words.push(run.w); else parts.push({ w: run.w, prefix: false });
        } else {
          if (words.length) { parts.push(phraseOrWord(words)); words = []; }
          parts.push({ j: run.j });
        }
      });
      if (words.length) parts.push(phraseOrWord(words));
    });
    var last = parts[parts.length - 1];
    var end = Array.from(query).pop();
    if (last && last.w !== undefined && !quoted && end !== undefined && kind(foldKana(end.codePointAt(0))) !== 's') {
      last.prefix = true;
    }
    return { parts: parts, folded: withoutSeparators(fold(query)) };
  }

  function phraseOrWord(words) {
    return words.length === 1 ? { w: words[0], prefix: false } : { phrase: words };
  }

  function token(a, b) {
    return String.fromCodePoint(a) + (b === undefined ? '$' : String.fromCodePoint(b));
  }

  function shardOf(tok, count) {
    var key = tok.charAt(0) === '#' || tok.charAt(0) === '@' ? tok : String.fromCodePoint(tok.codePointAt(0));
    var bytes = new TextEncoder().encode(key), hash = 2166136261;
    for (var i = 0; i < bytes.length; i++) { hash ^= bytes[i]; hash = Math.imul(hash, 16777619) >>> 0; }
    return hash % count;
  }

  var DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var DIGIT_VALUES = new Int8Array(128);
  for (var digitIndex = 0; digitIndex < DIGITS.length; digitIndex++) DIGIT_VALUES[DIGITS.charCodeAt(digitIndex)] = digitIndex;

  // A postings list (SearchFiles.digits): differences, base 32, low digit first.
  function decode(text) {
    var out = [], value = 0, scale = 1, previous = -1;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT_VALUES[text.charCodeAt(i) & 127];
      value += (digit & 31) * scale;
      if (digit >= 32) { scale *= 32; continue; }
      previous += value;
      out.push(previous);
      value = 0; scale = 1;
    }
    return out;
  }

  function union(lists) {
    if (lists.length === 1) return lists[0].slice();
    var set = new Set();
    lists.forEach(function (list) { list.forEach(function (d) { set.add(d); }); });
    return Array.from(set).sort(function (a, b) { return a - b; });
  }

  // Of ascending lists, by merging (shortest first): a common word's list has thousands.
  function intersection(lists) {
    if (!lists.length) return [];
    var sorted = lists.slice().sort(function (a, b) { return a.length - b.length; }), result = sorted[0];
    for (var k = 1; k < sorted.length && result.length; k++) {
      var other = sorted[k], kept = [], j = 0;
      for (var i = 0; i < result.length; i++) {
        while (j < other.length && other[j] < result[i]) j++;
        if (j < other.length && other[j] === result[i]) kept.push(result[i]);
      }
      result = kept;
    }
    return result;
  }

  function containsRun(text, part) {
    outer: for (var s = 0; s + part.length <= text.length; s++) {
      for (var k = 0; k < part.length; k++) if (text[s + k] !== part[k]) continue outer;
      return true;
    }
    return false;
  }

  // Whether runs of a text have every part (the check on the text itself).
  function matches(parts, textRuns) {
    return parts.every(function (part) {
      if (part.j) return textRuns.some(function (run) { return run.j && containsRun(run.j, part.j); });
      if (part.phrase) {
        return textRuns.some(function (_, start) {
          return start + part.phrase.length <= textRuns.length && part.phrase.every(function (word, k) {
            return textRuns[start + k].w === word;
          });
        });
      }
      return textRuns.some(function (run) {
        return run.w !== undefined && (part.prefix ? run.w.indexOf(part.w) === 0 : run.w === part.w);
      });
    });
  }

  // ---- The engine: the index, loaded shard by shard through `load(path)` ----
  function Engine(load) {
    this.load = load;      // path (relative to search/) → Promise of the registered data
    this.meta = null;
    this.loading = {};     // path → Promise of its data (meta; t/N: {token: postings};
                           // d/ID: {pages: [[title, url]…], docs: [[page, label, anchor, text, [topic…]]…]})
  }

  // One load per file, however many parts of a query (or queries) ask for it at once.
  Engine.prototype.file = function (path, priority) {
    var self = this;
    if (!self.loading[path]) {
      self.loading[path] = self.load(path, priority).catch(function (error) { delete self.loading[path]; throw error; });
    }
    return self.loading[path];
  };

  Engine.prototype.ready = function () {
    var self = this;
    return self.file('meta.js').then(function (meta) { self.meta = meta; return meta; });
  };

  Engine.prototype.shard = function (number) { return this.file('t/' + number + '.js'); };

  Engine.prototype.releaseDocs = function (index) { return this.file('d/' + this.meta.releases[index][0] + '.js'); };

  // Starts loading files before any query (the page's data-preload: the newest releases'
  // paragraphs, where most first results are). At the priority of the rest: Chromium holds
  // low-priority scripts back until the others are in, which is when a query needs them.
  Engine.prototype.preload = function (paths) {
    var self = this;
    paths.forEach(function (path) { self.file(path).catch(function () { /* loaded again when needed */ }); });
  };

  // Each entry's forms as a query is compared with them (folded, no separators), once.
  Engine.prototype.entryNames = function () {
    if (!this.names) {
      this.names = this.meta.entries.map(function (entry) {
        return entry[4].map(function (form) { return withoutSeparators(fold(form)); });
      });
    }
    return this.names;
  };

  Engine.prototype.releaseOf = function (doc) {
    var releases = this.meta.releases, lo = 0, hi = releases.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (releases[mid][4] <= doc) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  Engine.prototype.doc = function (number) {
    var self = this, release = self.releaseOf(number);
    return self.releaseDocs(release).then(function (file) {
      // Written small (SearchFiles.documents): a label as the length of the text it starts,
      // an anchor after its page's common prefix, no topic list when there is none.
      var stored = file.docs[number - self.meta.releases[release][4]], page = file.pages[stored[0]];
      var label = typeof stored[1] === 'number' ? stored[3].slice(0, stored[1]) : stored[1];
      var fields = [stored[0], label, page[2] + stored[2], stored[3], stored[4] || []];
      return { number: number, release: release, page: page, fields: fields };
    });
  };

  // Postings of every token of a shard for which `accept(token)` is true.
  Engine.prototype.postings = function (shardKey, accept) {
    var self = this;
    return self.shard(shardOf(shardKey, self.meta.shards)).then(function (terms) {
      var lists = [];
      Object.keys(terms).forEach(function (tok) { if (accept(tok)) lists.push(decode(terms[tok])); });
      return lists;
    });
  };

  // Postings of one token (none: []).
  Engine.prototype.tokenPostings = function (tok) {
    return this.shard(shardOf(tok, this.meta.shards)).then(function (terms) {
      return Object.prototype.hasOwnProperty.call(terms, tok) ? decode(terms[tok]) : [];
    });
  };

  // Candidates: documents with every bigram and word of the parts, ascending. Whether the
  // pieces stand adjacent and in order is checked as each is shown (confirms): checking every
  // candidate would load every paragraph a common query finds.
  Engine.prototype.documents = function (parts) {
    var self = this;
    return Promise.all(parts.map(function (part) {
      if (part.j && part.j.length === 1) {
        var first = String.fromCodePoint(part.j[0]);
        return self.postings(first, function (tok) { return String.fromCodePoint(tok.codePointAt(0)) === first; }).then(union);
      }
      if (part.j) {
        var tokens = [];
        for (var i = 0; i + 1 < part.j.length; i++) tokens.push(token(part.j[i], part.j[i + 1]));
        return Promise.all(tokens.map(function (tok) { return self.tokenPostings(tok); })).then(intersection);
      }
      if (part.phrase) {
        return Promise.all(part.phrase.map(function (word) { return self.tokenPostings(word); })).then(intersection);
      }
      if (!part.prefix) return self.tokenPostings(part.w);
      return self.postings(part.w, function (t) { return t.indexOf(part.w) === 0 && t.charAt(0) !== '#' && isWord(t); }).then(union);
    })).then(intersection);
  };

  // Whether a candidate's text has what one of the answer's searches asks for.
  function confirms(text, answer) {
    var textRuns = runs(fold(text));
    return answer.searches.some(function (parts) { return matches(parts, textRuns); });
  }

  function isWord(tok) {
    for (var ch of tok) if (kind(ch.codePointAt(0)) === 'j') return false;
    return true;
  }

  function entryText(entry) {
    return [entry[1], entry[2]].concat(entry[4], [entry[5]]).join(' ');  // names, not the gloss (entry[6])
  }

  // {entries: [entry index…], documents: [doc number…, newest first]} for a query string.
  Engine.prototype.answer = function (query, filters) {
    var self = this, q = parseQuery(query);
    filters = filters || {};
    if (!q.parts.length) return Promise.resolve({ entries: [], documents: [], searches: [], query: q });
    // Once the meta file is in, the query's own files are asked for at once (before anything
    // else the page loads), not a turn of the event loop later.
    function start(meta) {
      var named = [];
      self.entryNames().forEach(function (names, index) { if (names.indexOf(q.folded) >= 0) named.push(index); });
      // A query naming an entry finds every form of it: one list (`@n`) holds their candidates.
      var searches = [q.parts], ownIsAForm = false, own = JSON.stringify(q.parts);
      named.forEach(function (index) {
        meta.entries[index][4].forEach(function (form) {
          var parts = parseQuery(form + ' ').parts;
          if (parts.length) searches.push(parts);
          if (JSON.stringify(parts) === own) ownIsAForm = true;
        });
      });
      // A query that is one of the forms (as parsed) finds nothing the entry's list lacks.
      var lists = (ownIsAForm ? [] : [self.documents(q.parts)])
        .concat(named.map(function (index) { return self.tokenPostings('@' + index); }));
      return Promise.all(lists).then(function (lists) {
        // Ranked by match (SearchQuery.answer): the query as typed first, then another form of
        // the entry it names; each newest first. A query that is a form: one rank.
        var own = ownIsAForm ? null : new Set(lists[0]);
        var documents = union(lists).reverse();
        if (own) documents = documents.filter(function (d) { return own.has(d); })
          .concat(documents.filter(function (d) { return !own.has(d); }));
        var byYear = filters.year ? documents.filter(function (d) {
          return meta.releases[self.releaseOf(d)][2].indexOf(filters.year + '-') === 0;
        }) : documents;
        var topicFilter = filters.topic !== undefined && filters.topic !== null && filters.topic !== ''
          ? self.tokenPostings('#' + meta.topics[filters.topic][0])
            .then(function (list) { var set = new Set(list); return byYear.filter(function (d) { return set.has(d); }); })
          : Promise.resolve(byYear);
        return topicFilter.then(function (docs) {
          var others = [];
          meta.entries.forEach(function (entry, index) {
            if (named.indexOf(index) < 0 && matches(q.parts, runs(fold(entryText(entry))))) others.push(index);
          });
          return { entries: named.concat(others), documents: docs, searches: searches, query: q };
        });
      });
    }
    return self.meta ? start(self.meta) : self.ready().then(start);
  };

  // Ranges [start, end) of `text` (in UTF-16 units) where a part matches, for <mark>.
  function highlights(text, parts) {
    var folded = [], origin = [], offset = 0;
    for (var ch of text) {
      fold(ch).forEach(function (cp) { folded.push(cp); origin.push([offset, offset + ch.length]); });
      offset += ch.length;
    }
    var ranges = [];
    parts.forEach(function (part) {
      var needles = part.j ? [part.j] : (part.phrase ? part.phrase : [part.w]).map(function (w) { return Array.from(w, function (c) { return c.codePointAt(0); }); });
      needles.forEach(function (needle) {
        for (var s = 0; s + needle.length <= folded.length; s++) {
          var hit = true;
          for (var k = 0; k < needle.length; k++) if (folded[s + k] !== needle[k]) { hit = false; break; }
          if (hit && needle.length) ranges.push([origin[s][0], origin[s + needle.length - 1][1]]);
        }
      });
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push(r.slice());
    });
    return merged;
  }

  var api = {
    fold: fold, runs: runs, parseQuery: parseQuery, shardOf: shardOf, decode: decode,
    highlights: highlights, confirms: confirms, Engine: Engine
  };

  // ---- The page ----
  function scriptLoader(base) {
    var pending = {};
    function settle(path, data) { var p = pending[path]; if (p) { delete pending[path]; p.resolve(data); } }
    global.communiqueSearch = {
      meta: function (data) { settle('meta.js', data); },
      terms: function (n, data) { settle('t/' + n + '.js', data); },
      docs: function (id, data) { settle('d/' + id + '.js', data); }
    };
    return function (path, priority) {
      return new Promise(function (resolve, reject) {
        pending[path] = { resolve: resolve };
        var script = document.createElement('script');
        // Dynamically added scripts load at low priority: these are what the reader waits for.
        script.fetchPriority = priority || 'high';
        script.src = base + path;
        script.onerror = function () { delete pending[path]; reject(new Error('could not load ' + path)); };
        document.head.appendChild(script);
      });
    };
  }

  function startPage() {
    var form = document.getElementById('search-form');
    if (!form) return;
    var input = form.elements.q, year = form.elements.year, topic = form.elements.topic;
    var status = document.getElementById('search-status'), list = document.getElementById('search-results');
    var more = document.getElementById('search-more');
    var root = form.getAttribute('data-root') || '../';
    var engine = new Engine(scriptLoader(form.getAttribute('data-index') || './'));
    engine.file('meta.js');
    engine.preload((form.getAttribute('data-preload') || '').split(' ').filter(Boolean));
    var labels = JSON.parse(document.getElementById('search-labels').textContent);
    var shown = 0, current = null, serial = 0, answerShown = null;

    // While the index's first file loads: the first NFKC and Unicode-class regex a page runs
    // set up their tables, tens of milliseconds that would otherwise fall on the first query.
    runs(fold('\u30a2\u65e5 A\uff11'));
    engine.ready().then(function (meta) {
      var years = {};
      meta.releases.forEach(function (r) { if (r[2]) years[r[2].slice(0, 4)] = true; });
      Object.keys(years).sort().reverse().forEach(function (y) { year.appendChild(new Option(y, y)); });
      meta.topics.forEach(function (t, i) { topic.appendChild(new Option(t[1], String(i))); });
      var params = new URLSearchParams(global.location.search);
      if (params.get('year')) year.value = params.get('year');
      if (params.get('topic')) topic.value = params.get('topic');
      engine.entryNames();
      if (params.get('q')) { input.value = params.get('q'); run(); }
    }, function () { status.textContent = labels.unavailable; });

    function syncURL() {
      var params = new URLSearchParams();
      if (input.value) params.set('q', input.value);
      if (year.value) params.set('year', year.value);
      if (topic.value) params.set('topic', topic.value);
      var search = params.toString();
      try { global.history.replaceState(null, '', search ? '?' + search : global.location.pathname); } catch (e) { /* file:// may refuse */ }
    }

    function run() {
      var mine = ++serial, started = global.performance.now();
      syncURL();
      engine.answer(input.value, { year: year.value, topic: topic.value }).then(function (answer) {
        if (mine !== serial) return;
        current = answer; shown = 0;
        // For measurements (bench/search.py): the last query, its answer and how long it took
        // until its first results were on the page.
        var last = { query: input.value, entries: answer.entries.length, documents: answer.documents.slice(), engine: engine };
        answerShown = function () { last.ms = global.performance.now() - started; global.communiqueSearchLast = last; };
        list.textContent = '';
        var count = answer.entries.length + answer.documents.length;
        status.textContent = input.value.trim() === '' ? '' : count === 0 ? labels.none : labels.count.replace('{n}', String(count));
        answer.entries.forEach(function (index) { list.appendChild(entryItem(engine.meta.entries[index], answer.query)); });
        showMore(mine);
      });
    }

    // The next 20 paragraphs, each shown as soon as it and those ranked above it have
    // loaded (their releases' files arrive one by one), in rank order.
    function showMore(mine) {
      var next = current.documents.slice(shown, shown + 20), answer = current;
      shown += next.length;
      more.hidden = shown >= current.documents.length;
      var loaded = new Array(next.length), flushed = 0, appended = false;
      function flush() {
        if (mine !== serial) return;
        while (flushed < next.length && loaded[flushed] !== undefined) {
          var doc = loaded[flushed++];
          if (doc && confirms(doc.fields[3], answer)) { list.appendChild(docItem(doc, answer.query)); appended = true; }
        }
        // Measured once a paragraph is shown, or all of them were looked at and none was.
        if (answerShown && (appended || flushed === next.length)) { answerShown(); answerShown = null; }
      }
      next.forEach(function (d, k) {
        engine.doc(d).then(function (doc) { loaded[k] = doc; flush(); }, function () { loaded[k] = null; flush(); });
      });
      if (!next.length) flush();
    }

    function text(tag, value, className) {
      var el = document.createElement(tag);
      if (className) el.className = className;
      el.textContent = value;
      return el;
    }

    function snippet(value, parts) {
      var p = document.createElement('p');
      p.className = 'search-snippet';
      var ranges = highlights(value, parts), start = 0, end = value.length;
      if (ranges.length && value.length > 200) {
        start = Math.max(0, ranges[0][0] - 60);
        end = Math.min(value.length, start + 200);
      } else if (value.length > 200) end = 200;
      if (start > 0) p.appendChild(document.createTextNode('…'));
      var at = start;
      ranges.forEach(function (r) {
        if (r[1] <= start || r[0] >= end) return;
        var a = Math.max(r[0], start), b = Math.min(r[1], end);
        if (a > at) p.appendChild(document.createTextNode(value.slice(at, a)));
        p.appendChild(text('mark', value.slice(a, b)));
        at = b;
      });
      if (at < end) p.appendChild(document.createTextNode(value.slice(at, end)));
      if (end < value.length) p.appendChild(document.createTextNode('…'));
      return p;
    }

    function docItem(doc, query) {
      var release = engine.meta.releases[doc.release], f = doc.fields;
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + doc.page[1] + '#' + f[2];
      a.textContent = [doc.page[0] || release[1], f[1]].filter(Boolean).join(' ');
      li.appendChild(a);
      li.appendChild(text('p', [release[1], release[2]].filter(Boolean).join(' · '), 'search-meta'));
      li.appendChild(snippet(f[3], query.parts));
      return li;
    }

    function entryItem(entry, query) {
      var li = document.createElement('li');
      li.className = 'search-entry';
      var a = document.createElement('a');
      a.href = root + entry[3];
      a.textContent = entry[1];
      li.appendChild(a);
      li.appendChild(text('p', entry[0] === 'term' ? labels.term : labels.topic, 'search-meta'));
      var gloss = [entry[5], entry[6]].filter(Boolean).join(' — ');
      if (gloss) li.appendChild(snippet(gloss, query.parts));
      return li;
    }

    var timer = null;
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    year.addEventListener('change', run);
    topic.addEventListener('change', run);
    form.addEventListener('submit', function (event) { event.preventDefault(); run(); });
    more.addEventListener('click', function () { showMore(serial); });
  }

  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  else {
    global.CommuniqueSearchEngine = api;
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startPage); else startPage();
  }
})(typeof window !== 'undefined' ? window : globalThis);
