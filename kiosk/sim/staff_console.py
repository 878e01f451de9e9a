"""The staff console the simulated backend serves at /console: the hall's help requests (which
kiosk, which screen, how long), accepting one, and calling the next queue number at a counter.
Plain HTML and JavaScript over the gateway contract's staff endpoints, authenticated with the
staff token (`X-Staff-Token`); a province serves its own console behind the same contract."""

from __future__ import annotations

from kiosk.sim.hall_queue import sample_groups

_PAGE = """<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8">
<title>易办 · 工作人员控制台</title>
<style>
 body { font-family: "WenQuanYi Micro Hei", sans-serif; margin: 2em; color: #1B1F24;
        background: #F3F6FA; }
 h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 1.5em; }
 table { border-collapse: collapse; background: #fff; min-width: 40em; }
 td, th { border: 1px solid #9AA8B8; padding: .4em .8em; text-align: left; }
 button { font-size: 1em; padding: .3em 1em; background: #0B4F9C; color: #fff; border: 0;
          border-radius: 6px; cursor: pointer; }
 #error { color: #B3261E; font-weight: bold; }
</style></head>
<body>
<h1>工作人员控制台</h1>
<p><label>工作人员令牌 <input id="token" type="password" autocomplete="off"></label>
   <label>姓名 <input id="staff" value="值班人员"></label>
   <span id="error"></span></p>
<h2>求助请求</h2>
<table><thead><tr><th>终端</th><th>页面</th><th>事项</th><th>方式</th><th>已等待</th>
<th>状态</th><th></th></tr></thead><tbody id="requests"></tbody></table>
<h2>排队叫号</h2>
<p><label>业务组 <select id="group">__GROUPS__</select></label>
   <label>窗口 <input id="counter" value="1号窗口"></label>
   <button id="callNext" type="button">叫下一个号</button>
   <span id="called"></span></p>
<script>
"use strict";
const token = document.getElementById("token");
token.value = sessionStorage.getItem("staffToken") || "";
token.addEventListener("change", () => sessionStorage.setItem("staffToken", token.value));
const say = (t) => { document.getElementById("error").textContent = t; };
async function call(method, path, body) {
  const r = await fetch(path, {method, headers: {"Content-Type": "application/json",
                        "X-Staff-Token": token.value}, body: body ? JSON.stringify(body) : null});
  const data = await r.json();
  if (!r.ok) { throw new Error(data.message || r.status); }
  return data;
}
const MODES = {onsite: "到现场", video: "视频"};
const STATES = {waiting: "等待中", accepted: "已接受"};
function cell(row, text) { const td = row.insertCell(); td.textContent = text; return td; }
async function refresh() {
  if (!token.value) { say("请输入工作人员令牌"); return; }
  try {
    const data = await call("GET", "/v1/help/requests");
    const body = document.getElementById("requests");
    body.replaceChildren();
    for (const r of data.requests) {
      const row = body.insertRow();
      row.dataset.id = r.id;
      cell(row, r.kiosk_id); cell(row, r.screen); cell(row, r.service_code || "");
      cell(row, MODES[r.mode] || r.mode); cell(row, r.waited_s + " 秒");
      cell(row, (STATES[r.status] || r.status) + (r.staff_name ? " · " + r.staff_name : ""));
      const act = cell(row, "");
      if (r.status === "waiting") {
        const b = document.createElement("button");
        b.textContent = "接受"; b.className = "accept";
        b.onclick = async () => {
          await call("POST", "/v1/help/requests/" + r.id + "/accept",
                     {staff_name: document.getElementById("staff").value || "值班人员"});
          refresh();
        };
        act.appendChild(b);
      }
    }
    say("");
  } catch (e) { say("无法读取求助请求：" + e.message); }
}
document.getElementById("callNext").onclick = async () => {
  try {
    const c = await call("POST", "/v1/queue/call-next", {
      group: document.getElementById("group").value,
      counter: document.getElementById("counter").value || "1号窗口"});
    document.getElementById("called").textContent = c.number
      ? "请 " + c.number + " 到 " + c.counter + "（还有 " + c.waiting + " 人等候）"
      : "没有人在等候";
  } catch (e) { say("叫号失败：" + e.message); }
};
setInterval(refresh, 2000); refresh();
</script>
</body></html>
"""


def staff_console_html() -> str:
    groups = "".join(f'<option value="{g.code}">{g.code} · {g.name}</option>'
                     for g in sample_groups().values())
    return _PAGE.replace("__GROUPS__", groups)
