"""The staff console the simulated backend serves at /console: a staff member signs in as
themself (`/v1/staff/sessions`: their own short-lived bearer credential), sees the hall's help
requests (which kiosk, which screen, how long), takes one, and calls the next queue number at a
counter. A video request is answered here too (远程帮办) once the citizen has accepted: the
kiosk's shared screen in a <video> (covered but what is public), the staff member's voice to
the kiosk (their camera is not sent: the kiosk takes no picture in), a click on the screen
points there on the kiosk, written lines both ways (文字交流, also a request of its own), mute
and hang up. Signaling is the gateway's `/v1/help/requests/{id}/call`, lines its `/lines`.
Plain HTML and JavaScript over the gateway contract's staff endpoints; a province serves its
own console, with its own sign-on, behind the same contract."""

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
 #callArea { display: none; margin-top: 1em; }
 #callArea.live { display: block; }
 #kioskScreen { width: 960px; height: 540px; background: #000; cursor: crosshair;
                object-fit: contain; display: block; }
 #callArea button { margin: .5em .5em 0 0; }
 #hangUp { background: #B3261E; }
 #textArea { display: none; margin-top: 1em; }
 #textArea.live { display: block; }
 #lines { font-size: 1.2em; background: #fff; min-height: 3em; max-width: 50em; }
</style></head>
<body>
<h1>工作人员控制台</h1>
<form id="signIn"><label>工号 <input id="staffId" autocomplete="username"></label>
   <label>密码 <input id="password" type="password" autocomplete="current-password"></label>
   <button type="submit">登录</button></form>
<p id="me" hidden><span id="whoami"></span> <button id="signOut" type="button">退出登录</button></p>
<p><span id="error"></span></p>
<h2>求助请求</h2>
<table><thead><tr><th>终端</th><th>页面</th><th>事项</th><th>方式</th><th>已等待</th>
<th>状态</th><th></th></tr></thead><tbody id="requests"></tbody></table>
<div id="callArea">
 <h2>视频协助 <span id="callState"></span></h2>
 <p>点击画面，终端屏幕上的相同位置会出现提示圈。</p>
 <video id="kioskScreen" autoplay playsinline muted></video>
 <audio id="kioskVoice" autoplay></audio>
 <button id="mute" type="button">静音</button><button id="hangUp" type="button">挂断</button>
</div>
<div id="textArea">
 <h2>文字交流 <span id="textState"></span></h2>
 <ol id="lines"></ol>
 <form id="sayForm"><input id="say" maxlength="200" size="60" autocomplete="off">
   <button type="submit">发送</button> <button id="endText" type="button">结束交流</button></form>
</div>
<h2>排队叫号</h2>
<p><label>业务组 <select id="group">__GROUPS__</select></label>
   <label>窗口 <input id="counter" value="1号窗口"></label>
   <button id="callNext" type="button">叫下一个号</button>
   <span id="called"></span></p>
<script>
"use strict";
// the staff member's own credential, for this tab only (a province's console uses its SSO)
let token = sessionStorage.getItem("staffToken") || "";
const say = (t) => { document.getElementById("error").textContent = t; };
async function call(method, path, body) {
  const r = await fetch(path, {method, body: body ? JSON.stringify(body) : null,
    headers: {"Content-Type": "application/json", "Authorization": "Bearer " + token}});
  const data = await r.json();
  if (r.status === 401 && token) { signedOut("登录已过期，请重新登录"); }
  if (!r.ok) { throw new Error(data.message || r.status); }
  return data;
}
function signedOut(why) {
  // nothing of a citizen's stays on this screen once its staff member is gone
  if (live.pc && !live.ended) { endCall(false); }
  text.id = null;
  token = ""; sessionStorage.removeItem("staffToken");
  document.getElementById("signIn").hidden = false;
  document.getElementById("me").hidden = true;
  say(why || "");
}
async function showMe() {
  try {
    const me = await call("GET", "/v1/staff/sessions/current");
    document.getElementById("whoami").textContent = me.name + "（" + me.counter + "）";
    document.getElementById("signIn").hidden = true;
    document.getElementById("me").hidden = false;
    document.getElementById("counter").value = me.counter;
    refresh();
  } catch (e) { /* not signed in */ }
}
document.getElementById("signIn").onsubmit = async (e) => {
  e.preventDefault();
  const r = await fetch("/v1/staff/sessions", {method: "POST",
    headers: {"Content-Type": "application/json"},
    body: JSON.stringify({staff_id: document.getElementById("staffId").value,
                          password: document.getElementById("password").value})});
  const data = await r.json();
  document.getElementById("password").value = "";
  if (!r.ok) { say("登录失败：工号或密码不对"); return; }
  token = data.token; sessionStorage.setItem("staffToken", token);
  say(""); showMe();
};
document.getElementById("signOut").onclick = async () => {
  if (live.pc && !live.ended) { await endCall(true); }
  try { await call("DELETE", "/v1/staff/sessions/current"); } catch (e) {}
  signedOut("已退出登录");
};
// 文字交流: the request's lines, polled while it is taken; shown as text, never as markup
const text = {id: null, after: 0};
window.staffText = text;
function addLine(sender, words) {
  const li = document.createElement("li");
  li.textContent = (sender === "staff" ? "我：" : "市民：") + words;
  document.getElementById("lines").appendChild(li);
}
async function followLines(id) {
  Object.assign(text, {id, after: 0});
  document.getElementById("lines").replaceChildren();
  document.getElementById("textArea").className = "live";
  while (text.id === id) {
    try {
      const got = await call("GET", "/v1/help/requests/" + id + "/lines?after=" + text.after);
      for (const l of got.lines) {
        text.after = Math.max(text.after, l.seq);
        addLine(l.sender, l.text);
      }
      if (got.status !== "accepted") { break; }
    } catch (e) { break; }
    await pause(700);
  }
  if (text.id === id) {
    text.id = null;
    document.getElementById("textState").textContent = "· 已结束";
  }
}
document.getElementById("endText").onclick = async () => {
  const id = text.id;
  if (!id) { return; }
  if (live.pc && live.id === id) { endCall(true); return; }
  text.id = null;
  try { await call("POST", "/v1/help/requests/" + id + "/call/hangup"); } catch (e) {}
  document.getElementById("textState").textContent = "· 已结束";
  refresh();
};
document.getElementById("sayForm").onsubmit = async (e) => {
  e.preventDefault();
  const box = document.getElementById("say");
  if (!text.id || !box.value.trim()) { return; }
  try {
    await call("POST", "/v1/help/requests/" + text.id + "/lines", {text: box.value.trim()});
    box.value = "";
  } catch (err) { say("发送失败：" + err.message); }
};
const MODES = {onsite: "到现场", video: "视频", text: "文字"};
// the video call: one at a time; window.staffCall is what tests look at
const live = {pc: null, id: null, channel: null, local: null, ended: false};
window.staffCall = live;
const screen = document.getElementById("kioskScreen");
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
function setCallState(t) { document.getElementById("callState").textContent = t; }
async function joinCall(id) {
  let offer = null;
  setCallState("· 等待市民接听");
  document.getElementById("callArea").className = "live";
  // the citizen is asked first (接听 / 拒绝, with a countdown): the offer comes only if they accept
  for (let i = 0; i < 300 && !offer; i++) {
    let c;
    try { c = await call("GET", "/v1/help/requests/" + id + "/call"); }
    catch (e) { c = {status: "ended"}; }
    if (c.status !== "accepted") {
      say("市民没有接听，或已离开");
      setCallState("");
      document.getElementById("callArea").className = "";
      return;
    }
    offer = c.offer;
    if (!offer) { await pause(200); }
  }
  if (!offer) {   // the kiosk never called: the request is let go, not left taken
    try { await call("POST", "/v1/help/requests/" + id + "/call/hangup"); } catch (e) {}
    say("终端没有发起视频"); document.getElementById("callArea").className = ""; return;
  }
  const pc = new RTCPeerConnection({iceServers: []});
  Object.assign(live, {pc, id, channel: null, local: null, ended: false});
  const inbound = {video: new MediaStream(), audio: new MediaStream()};
  pc.ontrack = (e) => {
    inbound[e.track.kind].addTrack(e.track);
    if (e.track.kind === "video") { screen.srcObject = inbound.video; }
    else { document.getElementById("kioskVoice").srcObject = inbound.audio; }
  };
  pc.ondatachannel = (e) => {
    live.channel = e.channel;
    e.channel.onmessage = (m) => { if (JSON.parse(m.data).type === "bye") { endCall(false); } };
  };
  pc.onconnectionstatechange = () => {
    if (pc.connectionState === "connected") { setCallState("· 通话中"); }
    if (pc.connectionState === "failed" || pc.connectionState === "closed") { endCall(false); }
  };
  await pc.setRemoteDescription(offer);
  try {   // the voice only: the kiosk takes no picture in
    live.local = await navigator.mediaDevices.getUserMedia({audio: true, video: false});
  } catch (e) {
    say("无法使用麦克风：" + e.message);
  }
  // added after the offer is applied, so the kiosk's transceivers carry them both ways
  if (live.local) { for (const t of live.local.getTracks()) { pc.addTrack(t, live.local); } }
  await pc.setLocalDescription(await pc.createAnswer());
  if (pc.iceGatheringState !== "complete") {   // whole descriptions: no trickle
    await new Promise((r) => pc.addEventListener("icegatheringstatechange",
      () => { if (pc.iceGatheringState === "complete") { r(); } }));
  }
  await call("PUT", "/v1/help/requests/" + id + "/call/answer",
             {type: "answer", sdp: pc.localDescription.sdp});
  setCallState("· 正在接通");
  while (live.pc === pc && !live.ended) {
    await pause(1000);
    try {
      const c = await call("GET", "/v1/help/requests/" + id + "/call");
      if (c.status !== "accepted") { endCall(false); }
    } catch (e) {   // signed out or gone: the call ends here; a passing fault tries again
      if (!token) { endCall(false); }
    }
  }
}
async function endCall(here) {
  if (!live.pc || live.ended) { return; }
  live.ended = true;
  if (here && live.channel && live.channel.readyState === "open") {
    live.channel.send(JSON.stringify({type: "bye"}));
  }
  if (here) {
    try { await call("POST", "/v1/help/requests/" + live.id + "/call/hangup"); } catch (e) {}
  }
  if (live.local) { for (const t of live.local.getTracks()) { t.stop(); } }
  live.pc.close();
  screen.srcObject = null;
  text.id = null;
  document.getElementById("callArea").className = "";
  setCallState("");
  say("视频通话已结束");
  refresh();
}
document.getElementById("hangUp").onclick = () => endCall(true);
document.getElementById("mute").onclick = (e) => {
  if (!live.local) { return; }
  for (const t of live.local.getAudioTracks()) { t.enabled = !t.enabled; }
  e.target.textContent = live.local.getAudioTracks().some((t) => !t.enabled) ? "取消静音" : "静音";
};
screen.onclick = (e) => {   // where on the kiosk's screen (the picture is letterboxed)
  if (!live.channel || live.channel.readyState !== "open" || !screen.videoWidth) { return; }
  const r = screen.getBoundingClientRect();
  const k = Math.min(r.width / screen.videoWidth, r.height / screen.videoHeight);
  const w = screen.videoWidth * k, h = screen.videoHeight * k;
  const x = (e.clientX - r.left - (r.width - w) / 2) / w;
  const y = (e.clientY - r.top - (r.height - h) / 2) / h;
  if (x >= 0 && x <= 1 && y >= 0 && y <= 1) {
    live.channel.send(JSON.stringify({type: "point", x, y}));
  }
};
const STATES = {waiting: "等待中", accepted: "已接受"};
function cell(row, text) { const td = row.insertCell(); td.textContent = text; return td; }
async function refresh() {
  if (!token) { return; }
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
        b.textContent = r.mode === "video" ? "接听视频" : r.mode === "text" ? "文字交流" : "接受";
        b.className = "accept";
        b.onclick = async () => {
          try {
            await call("POST", "/v1/help/requests/" + r.id + "/accept");
            refresh();
            if (r.mode !== "onsite") { followLines(r.id); }
            if (r.mode === "video") { await joinCall(r.id); }
          } catch (e) { say("接听失败：" + e.message); }
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
setInterval(refresh, 2000); showMe();
</script>
</body></html>
"""


def staff_console_html() -> str:
    groups = "".join(f'<option value="{g.code}">{g.code} · {g.name}</option>'
                     for g in sample_groups().values())
    return _PAGE.replace("__GROUPS__", groups)
