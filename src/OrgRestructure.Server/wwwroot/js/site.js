// Task forms: validation as you type and, for vote tallies, the computed outcome before submitting.
(function () {
  "use strict";
  var form = document.getElementById("task-form");
  if (!form) { return; }
  var en = (window.orgText && window.orgText.lang === "en");
  function t(vi, eng) { return en ? eng : vi; }
  function num(name) { var el = form.elements.namedItem(name); return el && el.value !== "" ? Number(el.value) : null; }
  function setError(el, message) {
    var box = form.querySelector('.field-error[data-for="' + CSS.escape(el.name) + '"]');
    el.classList.toggle("invalid", !!message);
    if (box) { box.textContent = message || ""; }
  }
  var showAll = false;
  function check(el) {
    if (!el.name || el.type === "hidden" || el.tagName === "BUTTON") { return true; }
    var v = el.value.trim(), msg = "";
    if (el.required && v === "") { msg = t("Bắt buộc nhập", "Required"); }
    else if (el.type === "number" && v !== "") {
      var n = Number(v);
      if (!Number.isInteger(n)) { msg = t("Phải là số nguyên", "Must be a whole number"); }
      else if (el.min !== "" && n < Number(el.min)) { msg = t("Không được nhỏ hơn ", "Must be at least ") + el.min; }
      else if (el.max !== "" && n > Number(el.max)) { msg = t("Không được lớn hơn ", "Must be at most ") + el.max; }
      else if (el.name === "present" && num("summoned") !== null && n > num("summoned")) { msg = t("Số có mặt không được vượt số được triệu tập", "Present cannot exceed summoned"); }
      else if (/^tallies\[\d+\]\./.test(el.name) && num("present") !== null && n > num("present")) { msg = t("Số phiếu không được vượt số có mặt", "Votes cannot exceed those present"); }
      else if (el.name === "ballotsIssued" && num("present") !== null && n > num("present")) { msg = t("Số phiếu phát ra không được vượt số có mặt", "Ballots issued cannot exceed those present"); }
      else if (el.name === "ballotsReturned" && num("ballotsIssued") !== null && n > num("ballotsIssued")) { msg = t("Số phiếu thu vào không được vượt số phiếu phát ra", "Ballots returned cannot exceed those issued"); }
    }
    if (!msg && /\]\.reason$/.test(el.name)) {
      var sel = form.elements.namedItem(el.name.replace(/reason$/, "approved"));
      if (sel && sel.value === "false" && v === "") { msg = t("Cần nêu lý do không đạt", "A reason is required to reject"); }
    }
    if (el.dataset.touched || showAll) { setError(el, msg); }
    return !msg;
  }
  function checkAll() {
    var ok = true;
    Array.prototype.forEach.call(form.elements, function (el) { if (!check(el)) { ok = false; } });
    var submit = document.getElementById("submit-task");
    if (submit) { submit.disabled = !ok; }
    return ok;
  }
  var pending = null;
  function preview() {
    var box = document.getElementById("tally-preview");
    if (!box) { return; }
    var rows = [];
    function count(el) { return el && el.value !== "" ? Number(el.value) : null; }
    Array.prototype.forEach.call(form.querySelectorAll('table[data-field="tallies"] tbody tr'), function (tr) {
      var name = tr.querySelector(".sub-candidate");
      if (!name || name.value.trim() === "") { return; }
      rows.push({ candidate: name.value.trim(), high: count(tr.querySelector(".sub-high")), normal: count(tr.querySelector(".sub-normal")),
        low: count(tr.querySelector(".sub-low")), invalid: count(tr.querySelector(".sub-invalid")) });
    });
    if (num("summoned") === null || num("present") === null) { return; }
    clearTimeout(pending);
    pending = setTimeout(function () {
      fetch("/api/tasks/preview-tally", { method: "POST", headers: { "Content-Type": "application/json", "Accept-Language": en ? "en" : "vi" }, credentials: "same-origin",
        body: JSON.stringify({ summoned: num("summoned"), present: num("present"), ballotsIssued: num("ballotsIssued"), ballotsReturned: num("ballotsReturned"),
          tallies: rows, caseId: form.dataset.case, taskId: form.dataset.task }) })
        .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
        .then(function (res) {
          box.innerHTML = "";
          if (!res.ok) { box.className = "preview invalid"; box.textContent = res.body.title || ""; return; }
          var o = res.body, h = document.createElement("p"), ul = document.createElement("ul");
          box.className = "preview " + (o.valid ? "valid" : "invalid");
          h.innerHTML = "<strong></strong>"; h.firstChild.textContent = t("Kết quả tính: ", "Computed outcome: ") + (en ? o.explanationEn : o.explanationVi);
          o.candidates.forEach(function (c) { var li = document.createElement("li"); li.className = c.passes ? "pass" : "fail"; li.textContent = en ? c.explanationEn : c.explanationVi; ul.appendChild(li); });
          box.appendChild(h); box.appendChild(ul);
        });
    }, 150);
  }
  form.addEventListener("input", function (e) {
    e.target.dataset.touched = "1"; checkAll(); preview();
  });
  form.addEventListener("change", function () { checkAll(); });
  form.addEventListener("submit", function (e) { showAll = true; if (!checkAll()) { e.preventDefault(); } });
  if (num("summoned") !== null) { preview(); }
})();

// A form that undoes much (cancelling a case) says what it cancels and asks first.
document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
        if (!window.confirm(form.dataset.confirm)) { e.preventDefault(); }
    });
});

// List fields of any length: "+ Add a row" copies the last row with the next index, × empties a row
// and hides it (the server leaves empty rows out).
(function () {
  "use strict";
  document.addEventListener("click", function (e) {
    var add = e.target.closest && e.target.closest("button.add-row");
    if (add) {
      var body = document.getElementById(add.dataset.table).tBodies[0];
      var last = body.rows[body.rows.length - 1];
      var next = body.rows.length;
      var row = last.cloneNode(true);
      row.hidden = false;
      row.dataset.row = String(next);
      Array.prototype.forEach.call(row.querySelectorAll("[name]"), function (el) {
        el.name = el.name.replace(/\[\d+\]/, "[" + next + "]");
        if (el.tagName === "SELECT") { el.selectedIndex = 0; } else { el.value = ""; }
        el.classList.remove("invalid");
        if (el.getAttribute("aria-label")) { el.setAttribute("aria-label", el.getAttribute("aria-label").replace(/\d+$/, String(next))); }
      });
      body.appendChild(row);
      var first = row.querySelector("input, select");
      if (first) { first.focus(); }
      return;
    }
    var remove = e.target.closest && e.target.closest("button.remove-row");
    if (remove) {
      var tr = remove.closest("tr");
      Array.prototype.forEach.call(tr.querySelectorAll("[name]"), function (el) {
        if (el.tagName === "SELECT") { el.selectedIndex = 0; } else { el.value = ""; }
        el.dispatchEvent(new Event("input", { bubbles: true }));
      });
      tr.hidden = true;
    }
  });
})();
