/* Search page: Pagefind's JavaScript API with a small Vietnamese interface.
   Pagefind already ignores tone marks; the index also holds each đ-word in
   folded form ("dong" for "Đồng"), which is cut off before excerpts are shown.
   Kind, year and unit come from each page's metadata and are filtered here. */
(function () {
  "use strict";
  var root = document.getElementById("tim-kiem");
  if (!root) return;
  var form = root.querySelector(".search-form");
  var input = root.querySelector("#tu-khoa");
  var status = root.querySelector(".search-status");
  var list = root.querySelector(".search-results");
  var more = root.querySelector(".search-more");
  var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-filter]"));
  var PAGE = 10;
  var pagefind, results = [], next = 0, shownCount = 0, query = "", chosen = {}, timer = null, generation = 0;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  function bare(word) { return fold(word).replace(/[^\p{L}\p{N}]/gu, ""); }
  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* An excerpt from the page's own words only: the folded words are cut off
     and the words that match the query (ignoring marks) are highlighted. */
  function excerpt(data) {
    var text = data.content || "";
    var folded = data.meta && data.meta.fold;
    if (folded) {
      var cut = text.lastIndexOf(folded);
      if (cut >= 0) text = text.slice(0, cut);
    }
    var words = text.split(/\s+/).filter(Boolean);
    var terms = fold(query).split(/\s+/).map(bare).filter(Boolean);
    var last = terms.length - 1;
    var matched = words.map(function (w) {
      var b = bare(w);
      for (var i = 0; i < terms.length; i++) {
        if (b !== "" && (i === last ? b.indexOf(terms[i]) === 0 : b === terms[i])) return i;
      }
      return -1;
    });
    var hits = matched.map(function (i) { return i >= 0; });
    /* Centre the excerpt where most different query words occur close together. */
    var best = 0, bestScore = 0;
    matched.forEach(function (term, i) {
      if (term < 0) return;
      var seen = {};
      matched.slice(i, i + 6).forEach(function (t) { if (t >= 0) seen[t] = true; });
      var score = Object.keys(seen).length;
      if (score > bestScore) { best = i; bestScore = score; }
    });
    var start = Math.max(0, best - 12), end = Math.min(words.length, start + 32);
    var out = words.slice(start, end).map(function (w, i) {
      return hits[start + i] ? "<mark>" + escapeHtml(w) + "</mark>" : escapeHtml(w);
    }).join(" ");
    return (start > 0 ? "… " : "") + out + (end < words.length ? " …" : "");
  }

  function matches(data) {
    var meta = data.meta || {};
    return Object.keys(chosen).every(function (key) {
      return (meta[key] || "").split("|").indexOf(chosen[key]) >= 0;
    });
  }

  function render(data) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    var meta = document.createElement("span");
    meta.className = "meta";
    meta.textContent = [data.meta.loai, data.meta.nam].filter(Boolean).join(" · ");
    var text = document.createElement("p");
    text.innerHTML = excerpt(data);
    li.appendChild(link);
    li.appendChild(meta);
    li.appendChild(text);
    list.appendChild(li);
  }

  /* Load results in batches until a page of matches is shown or none are left. */
  function showMore() {
    var mine = generation, added = 0;
    more.hidden = true;
    function batch() {
      if (mine !== generation) return null;
      if (added >= PAGE || next >= results.length) return finish();
      var slice = results.slice(next, next + PAGE);
      next += slice.length;
      return Promise.all(slice.map(function (r) { return r.data(); })).then(function (items) {
        if (mine !== generation) return null;
        items.filter(matches).forEach(function (data) { render(data); added += 1; shownCount += 1; });
        return batch();
      });
    }
    function finish() {
      var filtering = Object.keys(chosen).length > 0;
      if (!shownCount) status.textContent = "Không tìm thấy kết quả nào.";
      else if (filtering) status.textContent = "Có " + shownCount + " kết quả phù hợp" + (next < results.length ? " (còn nữa)." : ".");
      else status.textContent = "Tìm thấy " + results.length + " kết quả.";
      more.hidden = next >= results.length;
      return null;
    }
    return batch();
  }

  function search() {
    query = input.value.trim();
    chosen = {};
    selects.forEach(function (s) { if (s.value) chosen[s.dataset.filter] = s.value; });
    var mine = ++generation;
    list.innerHTML = "";
    more.hidden = true;
    results = []; next = 0; shownCount = 0;
    if (!query) { status.textContent = ""; return; }
    status.textContent = "Đang tìm…";
    pagefind.search(query).then(function (found) {
      if (mine !== generation) return;
      results = found.results;
      return showMore();
    });
  }

  import(root.dataset.bundle + "pagefind.js").then(function (module) {
    pagefind = module;
    return pagefind.options({ excerptLength: 30 });
  }).then(function () {
    root.querySelector(".search-fallback").hidden = true;
    form.hidden = false;
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) { input.value = initial; search(); }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 250); });
    selects.forEach(function (s) { s.addEventListener("change", search); });
    form.addEventListener("submit", function (event) { event.preventDefault(); search(); });
    more.addEventListener("click", showMore);
  }).catch(function () {
    status.textContent = "Không tải được chỉ mục tìm kiếm. Hãy thử tải lại trang.";
  });
})();
