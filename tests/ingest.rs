//! End-to-end tests of ingest on files: one invented article in every supported encoding, HTML
//! pages with their furniture, a page whose declared charset is too small for its bytes, binary
//! and oversized files, and one test per metadata shape. The fixtures under
//! `tests/data/ingest/` are made by `make_fixtures.py` there (Python's codecs, not ours).

use std::path::{Path, PathBuf};

use zhitu::ingest::{self, ArticleFormat, Document, IngestError};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ingest").join(name)
}

fn load(name: &str) -> Document {
    ingest::load_path(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn html(page: &str) -> Document {
    ingest::from_bytes("page.html", page.as_bytes(), ArticleFormat::Html).unwrap_or_else(|e| panic!("{e}"))
}

fn text(page: &str) -> Document {
    ingest::from_bytes("page.txt", page.as_bytes(), ArticleFormat::PlainText).unwrap_or_else(|e| panic!("{e}"))
}

/// The cleaned text of the invented article (`ARTICLE` in `make_fixtures.py`): the menu, the
/// share button and the footer are gone, the credit lines are there.
const ARTICLE_CLEAN: &str = "云岭市与海川市缔结友好城市\n\
    来源：云岭日报 2021-06-08\n\
    本报记者 周明 通讯员 刘一鸣\n\
    6月8日，云岭市与海川市在海川举行友好城市缔结仪式，两市市长签署了友好城市协议书。\n\
    根据协议，双方将在教育、科技、文化旅游和现代农业等领域开展长期合作。\n\
    云岭市市长李建华表示，两地山水相连、人文相亲，缔结友好城市是双方深化合作的新起点。\n\
    签约仪式现场。（摄影 蒋瑞）\n\
    [责任编辑：王小雨]";

fn assert_article_fields(doc: &Document) {
    assert_eq!(doc.title, "云岭市与海川市缔结友好城市");
    assert_eq!(doc.source.as_deref(), Some("云岭日报"));
    assert_eq!(doc.published.as_deref(), Some("2021-06-08"));
    assert_eq!(doc.authors, ["周明", "刘一鸣", "蒋瑞"]);
    assert_eq!(doc.editor.as_deref(), Some("王小雨"));
}

#[test]
fn the_article_in_every_encoding_reads_the_same() {
    for (file, encoding) in [
        ("article-utf8.txt", "UTF-8"),
        ("article-utf8-bom.txt", "UTF-8"),
        ("article-utf16le-bom.txt", "UTF-16LE"),
        ("article-utf16be-bom.txt", "UTF-16BE"),
        ("article-gb18030.txt", "GB18030"),
        ("article-gbk.txt", "GB18030"),
    ] {
        let doc = load(file);
        assert_eq!(doc.encoding, encoding, "{file}");
        assert_eq!(doc.replaced_bytes, 0, "{file}");
        assert_eq!(doc.text, ARTICLE_CLEAN, "{file}");
        assert_article_fields(&doc);
    }
}

#[test]
fn big5_with_traditional_credit_labels() {
    let doc = load("article-big5.txt");
    assert_eq!((doc.encoding.as_str(), doc.replaced_bytes), ("Big5", 0));
    assert_eq!(
        doc.text,
        "雲嶺市與海川市締結友好城市\n\
         來源：雲嶺日報 2021-06-08\n\
         本報記者 周明 通訊員 劉一鳴\n\
         6月8日，雲嶺市與海川市在海川舉行友好城市締結儀式，兩市市長簽署了友好城市協議書。\n\
         根據協議，雙方將在教育、科技、文化旅遊和現代農業等領域開展長期合作。\n\
         雲嶺市市長李建華表示，兩地山水相連、人文相親，締結友好城市是雙方深化合作的新起點。\n\
         簽約儀式現場。（攝影 蔣瑞）\n\
         [責任編輯：王小雨]"
    );
    assert_eq!(doc.title, "雲嶺市與海川市締結友好城市");
    assert_eq!(doc.source.as_deref(), Some("雲嶺日報"));
    assert_eq!(doc.authors, ["周明", "劉一鳴", "蔣瑞"]);
    assert_eq!(doc.editor.as_deref(), Some("王小雨"));
}

#[test]
fn a_few_bad_utf8_bytes_are_replaced_and_counted() {
    let doc = load("article-utf8-bad-bytes.txt");
    assert_eq!((doc.encoding.as_str(), doc.replaced_bytes), ("UTF-8", 3));
    assert_eq!(doc.text, ARTICLE_CLEAN.replace("根据协议", "\u{FFFD}根据协议"));
    assert_article_fields(&doc);
}

#[test]
fn a_page_declared_gb2312_whose_bytes_need_gb18030() {
    let bytes = std::fs::read(fixture("declared-gb2312.html")).unwrap();
    // the bytes are not GB2312: 镕 is E9 46, a GBK code (its second byte is below 0xA1)
    assert!(bytes.windows(2).any(|w| w == [0xE9, 0x46]));
    let doc = load("declared-gb2312.html");
    assert_eq!((doc.encoding.as_str(), doc.replaced_bytes), ("GB18030", 0));
    assert_eq!(
        doc.text,
        "镕城中学举行六十周年校庆\n\
         来源：海川教育网\u{3000}作者：王堃\u{3000}时间：2019-09-10 09:30\n\
         9月10日，镕城中学举行建校六十周年庆祝大会，校长陈喆回顾了学校六十年来的发展历程。\n\
         学生代表张赟、李珺和黄𠮷先后发言，感谢老师们的辛勤付出。\n\
         海川市教育局有关负责人出席大会，并为优秀教师代表颁奖。\n\
         （责任编辑：林一）"
    );
    assert_eq!(doc.title, "镕城中学举行六十周年校庆");
    assert_eq!(doc.source.as_deref(), Some("海川教育网"));
    assert_eq!(doc.published.as_deref(), Some("2019-09-10"));
    assert_eq!(doc.authors, ["王堃"]);
    assert_eq!(doc.editor.as_deref(), Some("林一"));
}

#[test]
fn a_news_page_without_its_furniture() {
    let doc = load("news.html");
    assert_eq!(
        doc.text,
        "海川市新增公交线路二十条\n\
         来源：海川晚报 时间：2022-04-18 16:30 编辑：婷婷\n\
         记者 陈思远 通讯员 赵一帆\n\
         4月18日，记者从海川市交通运输局获悉，今年全市将新增公交线路二十条，重点覆盖新城区和产业园区。\n\
         据介绍，新线路将连接海川东站、海川大学新校区和滨江产业园，预计6月底前全部开通。\n\
         新能源公交车在海川东站待发。（摄影 孙晓）\n\
         市交通运输局局长钱文表示，下一步将根据客流变化动态调整线路，方便市民出行。"
    );
    assert_eq!(doc.title, "海川市新增公交线路二十条");
    assert_eq!(doc.published.as_deref(), Some("2022-04-18"));
    assert_eq!(doc.source.as_deref(), Some("海川晚报"));
    assert_eq!(doc.authors, ["陈思远", "赵一帆", "孙晓"]);
    assert_eq!(doc.editor.as_deref(), Some("婷婷"));
    assert_eq!(doc.encoding, "UTF-8");
}

#[test]
fn a_binary_file_is_refused_naming_the_file_and_the_reason() {
    let path = fixture("image.png");
    let err = ingest::load_path(&path).unwrap_err();
    assert!(matches!(err, IngestError::Decode { .. }), "{err:?}");
    assert_eq!(err.to_string(), format!("{}: not a text file: the bytes are a PNG image", path.display()));
    let err = ingest::from_bytes("x.txt", b"abc\0\x01\x02", ArticleFormat::PlainText).unwrap_err();
    assert_eq!(err.to_string(), "x.txt: not a text file: NUL byte at offset 3 (binary data, and not UTF-16 text)");
}

#[test]
fn garbage_is_refused_with_its_replacement_share() {
    // bytes that are bad in UTF-8, GB18030 and Big5 alike
    let bytes: Vec<u8> = (0..400).map(|i| if i % 2 == 0 { 0xFF } else { 0x80 }).collect();
    let err = ingest::from_bytes("noise.txt", &bytes, ArticleFormat::PlainText).unwrap_err().to_string();
    assert!(err.starts_with("noise.txt: not text in a supported encoding"), "{err}");
    assert!(err.contains("(100%)"), "{err}");
}

#[test]
fn a_file_above_the_size_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(ingest::MAX_ARTICLE_BYTES + 1).unwrap(); // sparse: no disk used, nothing to read
    let err = ingest::load_path(&path).unwrap_err();
    assert!(matches!(err, IngestError::TooLarge { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(msg.starts_with(&format!("{}: the file is 67108865 bytes", path.display())), "{msg}");
    assert!(msg.contains("64 MiB"), "{msg}");
}

#[test]
fn the_pipeline_reports_path_and_reason() {
    let path = fixture("image.png");
    let err = zhitu::pipeline::load(&path, &zhitu::extract::RuleExtractor).unwrap_err();
    assert_eq!(err.to_string(), format!("{}: not a text file: the bytes are a PNG image", path.display()));
}

// ---- one test per metadata shape ----

#[test]
fn title_from_the_title_tag_without_the_site_suffix() {
    let doc = html(
        "<html><head><title>云岭市新建学校十所_教育频道_云岭新闻网</title></head>\
         <body><div><p>云岭市今年将新建学校十所，新增学位一万个。</p></div></body></html>",
    );
    assert_eq!(doc.title, "云岭市新建学校十所");
}

#[test]
fn title_from_og_title_when_the_h1_is_the_site_logo() {
    let doc = html(
        "<html><head><title>首页</title><meta property=\"og:title\" content=\"云岭市新建学校十所\"></head>\
         <body><h1>云岭新闻网</h1><div><p>云岭市今年将新建学校十所，新增学位一万个。</p></div></body></html>",
    );
    assert_eq!(doc.title, "云岭市新建学校十所");
}

#[test]
fn title_from_the_h1_nearest_the_body() {
    let doc = html(
        "<html><head><title>云岭市新建学校十所 新增学位一万个 - 云岭新闻网</title></head><body>\
         <div class=logo><h1>云岭新闻网</h1></div><h1>云岭市新建学校十所 新增学位一万个</h1>\
         <div><p>云岭市今年将新建学校十所，新增学位一万个。</p></div></body></html>",
    );
    assert_eq!(doc.title, "云岭市新建学校十所 新增学位一万个");
    assert!(doc.text.starts_with("云岭市新建学校十所 新增学位一万个\n"), "{}", doc.text);
}

#[test]
fn date_from_a_publishdate_meta() {
    let doc = html(
        "<html><head><meta name=\"publishdate\" content=\"2020-05-14\"></head>\
         <body><p>云岭市今年将新建学校十所，新增学位一万个。</p></body></html>",
    );
    assert_eq!(doc.published.as_deref(), Some("2020-05-14"));
}

#[test]
fn date_from_article_published_time() {
    let doc = html(
        "<html><head><meta property=\"article:published_time\" content=\"2021-01-02T08:00:00+08:00\"></head>\
         <body><p>云岭市今年将新建学校十所，新增学位一万个。</p></body></html>",
    );
    assert_eq!(doc.published.as_deref(), Some("2021-01-02"));
}

#[test]
fn date_from_a_pubdate_meta() {
    let doc = html(
        "<html><head><meta name=\"PubDate\" content=\"2019/7/9 10:00\"></head>\
         <body><p>云岭市今年将新建学校十所，新增学位一万个。</p></body></html>",
    );
    assert_eq!(doc.published.as_deref(), Some("2019-07-09"));
}

#[test]
fn date_from_a_time_element() {
    let doc = html(
        "<html><body><article><h1>云岭市新建学校十所</h1><time datetime=\"2018-11-30T09:00\">11月30日</time>\
         <p>云岭市今年将新建学校十所，新增学位一万个。</p></article></body></html>",
    );
    assert_eq!(doc.published.as_deref(), Some("2018-11-30"));
}

#[test]
fn date_in_the_text_with_dashes() {
    let doc = text("云岭市新建学校十所\n2020-05-14 09:57\n云岭市今年将新建学校十所，新增学位一万个。");
    assert_eq!(doc.published.as_deref(), Some("2020-05-14"));
}

#[test]
fn date_in_the_text_in_chinese() {
    let doc = text("云岭市新建学校十所\n2020年5月14日\n云岭市今年将新建学校十所，新增学位一万个。");
    assert_eq!(doc.published.as_deref(), Some("2020-05-14"));
}

#[test]
fn date_on_a_time_line() {
    let doc = text("云岭市新建学校十所\n时间:2022-04-18 16:30\n云岭市今年将新建学校十所，新增学位一万个。");
    assert_eq!(doc.published.as_deref(), Some("2022-04-18"));
    assert!(doc.text.contains("时间:2022-04-18 16:30"), "the time line stays: {}", doc.text);
}

#[test]
fn source_time_and_editor_on_one_line() {
    let doc = text("天府新区全力推进重点工程建设\n来源:海川网 时间:2022-04-18 10:20:35 编辑:婷婷\n正文第一段，内容。");
    assert_eq!(doc.source.as_deref(), Some("海川网"));
    assert_eq!(doc.published.as_deref(), Some("2022-04-18"));
    assert_eq!(doc.editor.as_deref(), Some("婷婷"));
    assert_eq!(doc.title, "天府新区全力推进重点工程建设");
    assert!(doc.text.contains("来源:海川网 时间:2022-04-18 10:20:35 编辑:婷婷"));
}

#[test]
fn source_in_a_counter_line_is_dropped() {
    let doc =
        text("云岭市新建学校十所\n2020-05-14 09:57:02 来源: 0 条评论\n云岭市今年将新建学校十所，新增学位一万个。");
    assert_eq!(doc.source, None);
    assert_eq!(doc.published.as_deref(), Some("2020-05-14"));
    assert!(!doc.text.contains("条评论"), "{}", doc.text);
}

#[test]
fn reporters_after_an_outlet() {
    let doc = text("云岭市新建学校十所\n云岭日报·云岭新闻记者 王淳 李想\n云岭市今年将新建学校十所，新增学位一万个。");
    assert_eq!(doc.authors, ["王淳", "李想"]);
    assert!(doc.text.contains("云岭日报·云岭新闻记者 王淳 李想"));
}

#[test]
fn an_author_line() {
    let doc = text("云岭市新建学校十所\n作者：欧阳明月\n云岭市今年将新建学校十所，新增学位一万个。");
    assert_eq!(doc.authors, ["欧阳明月"]);
}

#[test]
fn a_correspondent_after_the_reporter() {
    let doc = text("云岭市新建学校十所\n本报记者王淳 通讯员 刘一鸣\n云岭市今年将新建学校十所，新增学位一万个。");
    assert_eq!(doc.authors, ["王淳", "刘一鸣"]);
}

#[test]
fn a_photographer_in_a_caption() {
    let doc = text("云岭市新建学校十所\n新校区效果图。( 摄影 唐小川)\n云岭市今年将新建学校十所，新增学位一万个。");
    assert_eq!(doc.authors, ["唐小川"]);
    assert!(doc.text.contains("新校区效果图。( 摄影 唐小川)"));
}

#[test]
fn a_reporter_in_the_lead_paragraph() {
    let doc = text("云岭市新建学校十所\n本报讯（记者 周明）云岭市今年将新建学校十所，新增学位一万个。");
    assert_eq!(doc.authors, ["周明"]);
}

#[test]
fn an_editor_in_brackets() {
    let doc = text(
        "云岭市新建学校十所\n云岭市今年将新建学校十所，新增学位一万个。\n[责任编辑: 陈霞 ]\n版权声明:本网所有内容",
    );
    assert_eq!(doc.editor.as_deref(), Some("陈霞"));
    assert!(doc.text.ends_with("[责任编辑: 陈霞 ]"), "{}", doc.text);
}

#[test]
fn a_byline_box_above_an_html_article() {
    let doc = html(
        "<html><body><h1>云岭市新建学校十所</h1>\
         <div class=info><span>发布时间:2021-03-05 00:00:00</span> <span>作者:宣传部</span> \
         <span>来源: 宣传部</span> <span>浏览次数:</span></div>\
         <div class=content><p>云岭市今年将新建学校十所，新增学位一万个。</p><p>新学校将于明年秋季开学。</p></div>\
         </body></html>",
    );
    assert_eq!(doc.source.as_deref(), Some("宣传部"));
    assert_eq!(doc.published.as_deref(), Some("2021-03-05"));
    assert!(doc.authors.is_empty(), "a unit is not a name: {:?}", doc.authors);
    assert!(doc.text.contains("作者:宣传部"), "{}", doc.text);
}

#[test]
fn breadcrumbs_are_dropped() {
    let doc = text(
        "专题报道\n当前位置: 首页 > 新 闻 > 区县动态 > 正文\n江津区领导赴企业调研\n发布时间:2021-03-05\n正文第一段，内容。",
    );
    assert!(!doc.text.contains("当前位置"), "{}", doc.text);
    assert_eq!(doc.title, "江津区领导赴企业调研");
}

// ---- the new document fields in the graph JSON ----

#[test]
fn documents_carry_encoding_replaced_bytes_and_editor_in_the_graph_json() {
    use zhitu::extract::Extractor;
    let doc = load("article-utf8-bad-bytes.txt");
    let mut g = zhitu::graph::KnowledgeGraph::new();
    let x = zhitu::extract::RuleExtractor.extract(&doc);
    g.add_document(doc, &x);
    let json: serde_json::Value = serde_json::from_str(&zhitu::export::json::to_string(&g)).unwrap();
    let d = &json["documents"][0];
    assert_eq!(d["encoding"], "UTF-8");
    assert_eq!(d["replaced_bytes"], 3);
    assert_eq!(d["editor"], "王小雨");
    // a clean read writes no replaced_bytes
    let doc = load("article-gb18030.txt");
    let mut g = zhitu::graph::KnowledgeGraph::new();
    let x = zhitu::extract::RuleExtractor.extract(&doc);
    g.add_document(doc, &x);
    let json: serde_json::Value = serde_json::from_str(&zhitu::export::json::to_string(&g)).unwrap();
    assert_eq!(json["documents"][0]["encoding"], "GB18030");
    assert!(json["documents"][0].get("replaced_bytes").is_none());
}

#[test]
fn graph_files_without_the_new_fields_still_load() {
    let old = r#"{"format": "zhitu-graph", "version": 1, "generator": "zhitu 0.1.0",
        "documents": [{"id": "d1", "path": "a.txt", "title": "t", "authors": [], "text": "北碚区。"}],
        "nodes": [], "edges": []}"#;
    let file = zhitu::export::json::parse(old).unwrap();
    let d = &file.documents[0];
    assert_eq!((d.encoding.as_deref(), d.replaced_bytes, d.editor.as_deref()), (None, 0, None));
    let back = serde_json::to_value(&file).unwrap();
    for absent in ["encoding", "replaced_bytes", "editor"] {
        assert!(back["documents"][0].get(absent).is_none(), "{absent} is not invented");
    }
}
