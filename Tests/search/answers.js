// Runs the search page's own script (Templates/assets/search.js) under node on a built
// index and prints its answer to each query, for SearchScriptParityTests:
//   node answers.js SEARCH_JS INDEX_FOLDER < queries.json > answers.json
// Index files are evaluated as the page's <script src> would run them, one at a time.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const search = require(path.resolve(process.argv[2]));
const folder = process.argv[3];
const queries = JSON.parse(fs.readFileSync(0, 'utf8'));

// Asynchronous, as a <script> element is; a file asked for twice means the engine would load
// it twice in the page (where the second request once left the first waiting forever).
const loaded = new Set();
function load(file) {
  if (loaded.has(file)) return Promise.reject(new Error('loaded twice: ' + file));
  loaded.add(file);
  return new Promise((resolve) => setTimeout(() => {
    let data;
    const register = { meta: (d) => { data = d; }, terms: (n, d) => { data = d; }, docs: (id, d) => { data = d; } };
    vm.runInNewContext(fs.readFileSync(path.join(folder, file), 'utf8'), { communiqueSearch: register });
    // Through JSON: plain values of this context, whatever context the file made them in.
    resolve(JSON.parse(JSON.stringify(data)));
  }, 0));
}

(async () => {
  const engine = new search.Engine(load);
  const answers = [];
  for (const query of queries) {
    const answer = await engine.answer(query);
    // Each paragraph as the page shows it: permalink, label, text, topics.
    const shown = [];
    for (const number of answer.documents) {
      const doc = await engine.doc(number);
      shown.push([doc.page[1] + '#' + doc.fields[2], doc.fields[1], doc.fields[3], doc.fields[4].join(','),
        search.confirms(doc.fields[3], answer) ? 'confirmed' : 'not confirmed']);
    }
    answers.push({ entries: answer.entries, documents: answer.documents, shown: shown });
  }
  process.stdout.write(JSON.stringify(answers));
})().catch((error) => { console.error(error); process.exit(1); });
