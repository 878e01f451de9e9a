"""The mobile rating page (扫码评) the simulated platform serves at /m/rate/{code}: plain HTML,
no script, sized for a phone — five levels and, for the two lowest, a reason (a listed one or a
few words), as GB/T 39734 asks. Every text that came from elsewhere is escaped."""

from __future__ import annotations

from html import escape

# 5 非常满意 … 1 非常不满意 (GB/T 39734-2020)
LEVELS = ((5, "非常满意"), (4, "满意"), (3, "基本满意"), (2, "不满意"), (1, "非常不满意"))
REASONS = ("办理时间长", "材料要求不清楚", "服务态度不好", "设备操作不便", "没有办成")

_HEAD = """<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
 body {{ font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; margin: 0;
        padding: 1em; color: #1B1F24; background: #F3F6FA; font-size: 18px; }}
 h1 {{ font-size: 1.4em; margin: .2em 0 .6em; }}
 fieldset {{ border: 1px solid #9AA8B8; border-radius: 8px; background: #fff;
            margin: 0 0 1em; padding: .6em .8em; }}
 legend {{ font-weight: bold; padding: 0 .3em; }}
 label {{ display: block; padding: .55em 0; min-height: 44px; box-sizing: border-box; }}
 input[type=radio], input[type=checkbox] {{ width: 1.3em; height: 1.3em;
        vertical-align: middle; margin-right: .5em; }}
 textarea {{ width: 100%; box-sizing: border-box; font-size: 1em; min-height: 4em; }}
 button {{ width: 100%; min-height: 52px; font-size: 1.1em; background: #0B4F9C; color: #fff;
          border: 0; border-radius: 8px; }}
 .problem {{ color: #B3261E; font-weight: bold; }}
 .muted {{ color: #4A5563; }}
</style></head><body>
"""


def form_page(code: str, service_title: str, cases: list[str], *, problem: str = "",
              level: int = 0, reasons: tuple[str, ...] = (), comment: str = "") -> str:
    """The form; with `problem` (what is missing) and what was chosen, shown again."""
    levels = "\n".join(
        f'<label><input type="radio" name="level" value="{n}" required'
        f'{" checked" if n == level else ""}> {"★" * n} {escape(words)}</label>'
        for n, words in LEVELS)
    ticks = "\n".join(
        f'<label><input type="checkbox" name="reasons" value="{escape(r)}"'
        f'{" checked" if r in reasons else ""}> {escape(r)}</label>' for r in REASONS)
    shown_problem = f'<p class="problem" id="problem">{escape(problem)}</p>' if problem else ""
    return (_HEAD.format(title="服务评价") +
            f"<h1>为本次服务评价</h1>\n<p>{escape(service_title)}</p>\n"
            f'<p class="muted">办件编号：{escape("、".join(cases))}</p>\n{shown_problem}\n'
            f'<form method="post" action="/m/rate/{escape(code)}">\n'
            f"<fieldset><legend>您对本次服务满意吗？</legend>\n{levels}\n</fieldset>\n"
            f"<fieldset><legend>不满意的原因</legend>\n"
            f'<p class="muted">选“不满意”或“非常不满意”时，请至少选一项或写几句。</p>\n'
            f"{ticks}\n"
            f'<textarea name="comment" maxlength="500" placeholder="想对我们说的话（选填）">'
            f"{escape(comment)}</textarea>\n</fieldset>\n"
            f'<button type="submit" id="submit">提交评价</button>\n</form>\n</body></html>\n')


def message_page(title: str, words: str) -> str:
    """A page of words: thanks, or why the form is not there."""
    return (_HEAD.format(title=escape(title)) + f'<h1 id="result">{escape(title)}</h1>\n'
            f"<p>{escape(words)}</p>\n</body></html>\n")
