#!/usr/bin/env python3
"""Writes the ingest test fixtures: one invented news article in several encodings, HTML pages
with page furniture, a page declared gb2312 whose bytes need GB18030, and a binary file.

The bytes come from Python's own codecs, so the tests check Zhitu's decoder against an
independent encoder. Run from anywhere: python3 tests/data/ingest/make_fixtures.py
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent

# An invented article (simplified), as a scraper would save it: menu, article, credits, footer.
ARTICLE = """首页 | 新闻 | 财经 | 教育
云岭市与海川市缔结友好城市
来源：云岭日报 2021-06-08
本报记者 周明 通讯员 刘一鸣
6月8日，云岭市与海川市在海川举行友好城市缔结仪式，两市市长签署了友好城市协议书。
根据协议，双方将在教育、科技、文化旅游和现代农业等领域开展长期合作。
云岭市市长李建华表示，两地山水相连、人文相亲，缔结友好城市是双方深化合作的新起点。
签约仪式现场。（摄影 蒋瑞）
[责任编辑：王小雨]
分享到
版权所有 云岭日报社
"""

# The same article in traditional characters, for Big5.
ARTICLE_TRADITIONAL = """首頁 | 新聞 | 財經 | 教育
雲嶺市與海川市締結友好城市
來源：雲嶺日報 2021-06-08
本報記者 周明 通訊員 劉一鳴
6月8日，雲嶺市與海川市在海川舉行友好城市締結儀式，兩市市長簽署了友好城市協議書。
根據協議，雙方將在教育、科技、文化旅遊和現代農業等領域開展長期合作。
雲嶺市市長李建華表示，兩地山水相連、人文相親，締結友好城市是雙方深化合作的新起點。
簽約儀式現場。（攝影 蔣瑞）
[責任編輯：王小雨]
分享到
版權所有 雲嶺日報社
"""

# Declared gb2312, but 镕 堃 喆 赟 珺 are outside GB2312 (GBK two-byte codes) and 𠮷 is a
# four-byte GB18030 code.
DECLARED_GB2312 = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>镕城中学举行六十周年校庆_海川教育网</title></head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/jy">教育</a> <a href="/xy">校园</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/jy">教育</a> &gt; 正文</div>
<h1>镕城中学举行六十周年校庆</h1>
<div class="info">来源：海川教育网　作者：王堃　时间：2019-09-10 09:30</div>
<div class="content">
<p>9月10日，镕城中学举行建校六十周年庆祝大会，校长陈喆回顾了学校六十年来的发展历程。</p>
<p>学生代表张赟、李珺和黄𠮷先后发言，感谢老师们的辛勤付出。</p>
<p>海川市教育局有关负责人出席大会，并为优秀教师代表颁奖。</p>
</div>
<div class="editor">（责任编辑：林一）</div>
<div class="footer">Copyright © 海川教育网 版权所有</div>
</body></html>
"""

# A page with every kind of furniture around the article.
NEWS_HTML = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>海川市新增公交线路二十条_民生_海川新闻网</title>
<meta property="og:title" content="海川市新增公交线路二十条">
<meta property="article:published_time" content="2022-04-18T10:20:35+08:00">
<script>var nav = "<div>首页</div>";</script>
<style>.share { float: right }</style>
</head>
<body>
<div id="topnav"><ul>
  <li><a href="/">首页</a></li><li><a href="/ms">民生</a></li><li><a href="/cj">财经</a></li>
  <li><a href="/jy">教育</a></li><li><a href="/ty">体育</a></li><li><a href="/app">客户端</a></li>
</ul></div>
<div class="breadcrumb">您的位置：<a href="/">首页</a> &gt; <a href="/ms">民生</a> &gt; 正文</div>
<div class="wrap">
 <div class="article">
  <h1>海川市新增公交线路二十条</h1>
  <div class="meta">来源：海川晚报 时间：2022-04-18 16:30 编辑：婷婷</div>
  <div class="share-bar">分享到：<a>微博</a> <a>微信</a> <a>QQ空间</a> <a>打印</a></div>
  <div class="article-body">
   <p>记者 陈思远 通讯员 赵一帆</p>
   <p>4月18日，记者从海川市交通运输局获悉，今年全市将新增公交线路二十条，重点覆盖新城区和产业园区。</p>
   <p>据介绍，新线路将连接海川东站、海川大学新校区和滨江产业园，预计6月底前全部开通。</p>
   <p><img src="bus.jpg" alt="公交"><br>新能源公交车在海川东站待发。（摄影 孙晓）</p>
   <p>市交通运输局局长钱文表示，下一步将根据客流变化动态调整线路，方便市民出行。</p>
  </div>
 </div>
 <div class="related"><h3>相关阅读</h3><ul>
  <li><a href="/1">海川市地铁三号线开工建设 预计2025年通车运营</a></li>
  <li><a href="/2">海川东站改扩建工程通过竣工验收正式投入使用</a></li>
  <li><a href="/3">滨江产业园新增就业岗位三千个 吸引大批青年人才</a></li>
 </ul></div>
 <div class="comment"><h3>网友评论</h3>
  <form><textarea>文明上网，理性发言</textarea><button>发表评论</button></form>
  <p>已有 0 条评论</p>
 </div>
 <div class="app-promo"><a href="/app">下载海川新闻客户端，扫码关注更多资讯</a></div>
</div>
<div class="footer">
 <p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a> | <a href="/map">网站地图</a></p>
 <p>Copyright © 2022 海川新闻网 版权所有 未经授权禁止转载</p>
</div>
</body></html>
"""

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61") + bytes(64)


def write(name: str, data: bytes) -> None:
    (HERE / name).write_bytes(data)


def main() -> None:
    write("article-utf8.txt", ARTICLE.encode("utf-8"))
    write("article-utf8-bom.txt", ARTICLE.encode("utf-8-sig"))
    write("article-utf16le-bom.txt", b"\xff\xfe" + ARTICLE.encode("utf-16-le"))
    write("article-utf16be-bom.txt", b"\xfe\xff" + ARTICLE.encode("utf-16-be"))
    write("article-gb18030.txt", ARTICLE.encode("gb18030"))
    write("article-gbk.txt", ARTICLE.encode("gbk"))
    write("article-big5.txt", ARTICLE_TRADITIONAL.encode("big5"))
    # UTF-8 with three bad bytes: a stray 0xFF, a lone continuation byte, a cut-off lead byte
    bad = bytearray(ARTICLE.encode("utf-8"))
    para = bad.index("根据协议".encode("utf-8"))
    bad[para:para] = b"\xff"
    bad[6:6] = b"\x80"  # after 首页, between characters
    bad += b"\xe4"
    write("article-utf8-bad-bytes.txt", bytes(bad))
    write("declared-gb2312.html", DECLARED_GB2312.encode("gb18030"))
    write("news.html", NEWS_HTML.encode("utf-8"))
    write("image.png", PNG)


if __name__ == "__main__":
    main()
