//! Page cleaning: turns the visible text of a scraped page into the article, once.
//!
//! Scraped news pages carry navigation bars, share buttons, app promotions, comment boxes, a
//! copyright footer, and often the article twice (a print copy and a screen copy). The cleaner
//! works line by line: it reads metadata lines (来源, dates, 记者) into fields, drops lines that
//! are page chrome, cuts the footer, and keeps each remaining paragraph only the first time it
//! appears. Every rule is about the shape of news pages, never about one site's strings.

use std::collections::HashSet;

/// The outcome of cleaning one page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Kept paragraphs, one a line.
    pub text: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
}

/// A line that starts the footer: it and everything after it are dropped.
const FOOTER_STARTS: &[&str] = &[
    "版权声明",
    "免责声明",
    "版权所有",
    "Copyright",
    "COPYRIGHT",
    "copyright",
    "©",
    "（c）",
    "(c)",
    "关于我们",
    "本网站所刊登",
    "本站所刊登",
];

/// Words that mark a short line as page furniture (share bars, menus, comment boxes).
const CHROME_WORDS: &[&str] = &[
    "分享",
    "微博",
    "微信",
    "QQ",
    "空间",
    "好友",
    "收藏",
    "打印",
    "关闭",
    "无障碍",
    "站内",
    "首页",
    "返回",
    "顶部",
    "字号",
    "扫一扫",
    "二维码",
    "客户端",
    "评论",
    "跟帖",
    "登录",
    "注册",
    "上一篇",
    "下一篇",
    "相关阅读",
    "相关新闻",
    "相关推荐",
    "热点推荐",
    "视频",
    "点击",
    "阅读",
    "导航",
    "专题",
    "订阅",
    "举报",
    "纠错",
    "APP",
    "App",
    "app",
];

/// Lines that begin with these are comment-box or editor chrome whatever their length.
const CHROME_STARTS: &[&str] =
    &["责任编辑", "编辑：", "编辑:", "审核：", "审核:", "校对：", "校对:", "发言请遵守", "网友评论", "我要评论"];

/// Cleans visible page text into the article and its metadata.
#[must_use]
pub fn clean(visible: &str) -> Cleaned {
    let mut out = Cleaned::default();
    let mut kept: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for raw in visible.lines() {
        let line = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if line.is_empty() {
            continue;
        }
        if !kept.is_empty() && FOOTER_STARTS.iter().any(|f| line.starts_with(f)) {
            break;
        }
        if let Some(meta) = source_line(line) {
            if out.source.is_none() {
                out.source = meta.source;
            }
            if out.published.is_none() {
                out.published = meta.date;
            }
            continue;
        }
        if is_chrome(line) {
            continue;
        }
        if out.published.is_none() && kept.len() < 8 {
            out.published = find_date(line).filter(|_| line.chars().count() <= 40);
        }
        // a block that repeats an earlier one (the page holds the article twice) is dropped
        if !seen.insert(dedup_key(line)) {
            continue;
        }
        for name in reporters(line) {
            if !out.authors.contains(&name) {
                out.authors.push(name);
            }
        }
        kept.push(line.to_owned());
    }
    out.title = kept.first().filter(|l| l.chars().count() <= 60 && !l.ends_with('。')).cloned();
    out.text = kept.join("\n");
    out
}

/// Removes a site name appended to a page title ("`标题_华龙网`", "标题 - 新华网").
#[must_use]
pub fn strip_site_suffix(title: &str) -> String {
    let t = title.trim();
    for sep in ["_", " - ", "－", "|", "｜"] {
        if let Some(i) = t.rfind(sep) {
            let head = t[..i].trim();
            if head.chars().count() >= 4 {
                return head.to_owned();
            }
        }
    }
    t.to_owned()
}

fn dedup_key(line: &str) -> String {
    line.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_chrome(line: &str) -> bool {
    let unbracketed = line.trim_start_matches(['[', '【', '(', '（', ' ']);
    if CHROME_STARTS.iter().any(|s| unbracketed.starts_with(s)) {
        return true;
    }
    let stripped = line.trim_start_matches(['•', '·', '●', '▪', '■', '□', '◆', '>', '»', '*', '-']).trim();
    let len = stripped.chars().count();
    if stripped.is_empty() {
        return true;
    }
    // menus: several items separated by bars
    if line.matches(['|', '｜']).count() >= 2 {
        return true;
    }
    let has_sentence_punct = stripped.contains(['。', '，', ',', '；', '？', '！', '：', ':']);
    // short furniture: "分享到", "手机阅读分享话题", "精彩视频"
    if len <= 12 && !has_sentence_punct && CHROME_WORDS.iter().any(|w| stripped.contains(w)) {
        return true;
    }
    // stray one- to four-character labels without punctuation (menu entries, buttons)
    if len <= 4 && !stripped.chars().any(|c| c.is_ascii_digit()) && !has_sentence_punct {
        return true;
    }
    // app promotions: "…客户端…下载…", "扫描二维码…"
    let promo = ["客户端", "APP", "App", "二维码"].iter().any(|w| line.contains(w))
        && ["下载", "扫描", "扫码", "升级", "安装"].iter().any(|w| line.contains(w));
    // a timestamp with a comment or view counter: "2020-05-14 09:57:02 来源: 0 条评论"
    let counter =
        find_date(line).is_some() && len <= 40 && ["评论", "阅读", "浏览", "点击"].iter().any(|w| line.contains(w));
    promo || counter
}

struct SourceMeta {
    source: Option<String>,
    date: Option<String>,
}

/// Parses a "来源：X 2020-05-14" line. Only short lines whose label starts the line or follows a
/// timestamp count, so a sentence that mentions 来源 is not taken for metadata.
fn source_line(line: &str) -> Option<SourceMeta> {
    if line.chars().count() > 60 {
        return None;
    }
    let idx = line.find("来源")?;
    let before = &line[..idx];
    if !before.trim().is_empty() && find_date(before).is_none() {
        return None;
    }
    let after = line[idx + "来源".len()..].trim_start_matches([':', '：', ' ', '\u{3000}']);
    let date = find_date(line);
    // the outlet ends where a date, a counter or a second label begins
    let mut end = after.len();
    for (i, c) in after.char_indices() {
        if c.is_ascii_digit() || c.is_whitespace() || "　|｜作者编辑记者".contains(c) {
            end = i;
            break;
        }
    }
    let source = after[..end].trim_end_matches(['-', '_', '·']).trim();
    Some(SourceMeta { source: (!source.is_empty()).then(|| source.to_owned()), date })
}

/// The first date in a line as `YYYY-MM-DD`: 2020-05-14, 2020/5/14, 2020.05.14, 2020年5月14日.
#[must_use]
pub fn find_date(line: &str) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    let digits = |from: usize, max: usize| -> (u32, usize) {
        let mut v = 0u32;
        let mut n = 0;
        while n < max {
            match chars.get(from + n).and_then(|c| c.to_digit(10)) {
                Some(d) => v = v * 10 + d,
                None => break,
            }
            n += 1;
        }
        (v, n)
    };
    let mut i = 0;
    while i + 4 <= chars.len() {
        let (year, n) = digits(i, 4);
        let preceded_by_digit = i > 0 && chars[i - 1].is_ascii_digit();
        if n == 4 && !preceded_by_digit && (1900..=2100).contains(&year) {
            let sep = chars.get(i + 4).copied();
            if matches!(sep, Some('-' | '/' | '.' | '年')) {
                let (month, mn) = digits(i + 5, 2);
                let sep2 = chars.get(i + 5 + mn).copied();
                let ok2 = match sep {
                    Some('年') => sep2 == Some('月'),
                    _ => sep2 == sep,
                };
                if mn > 0 && ok2 {
                    let (day, dn) = digits(i + 6 + mn, 2);
                    if dn > 0 && (1..=12).contains(&month) && (1..=31).contains(&day) {
                        return Some(format!("{year:04}-{month:02}-{day:02}"));
                    }
                }
            }
        }
        i += 1;
    }
    None
}

/// Names after 记者 in a byline ("重庆晨报·上游新闻记者 王淳", "（记者 李明 张华）").
fn reporters(line: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = line;
    while let Some(i) = rest.find("记者") {
        let after = &rest[i + "记者".len()..];
        rest = after;
        let tail = after.trim_start_matches([' ', '\u{3000}', ':', '：']);
        // a byline: only names (2–4 Han characters) separated by spaces, up to the line's end or ）
        let body = tail.split(['）', ')']).next().unwrap_or("");
        let words: Vec<&str> = body.split([' ', '\u{3000}', '、']).filter(|w| !w.is_empty()).collect();
        let is_name = |w: &&str| (2..=4).contains(&w.chars().count()) && w.chars().all(crate::text::is_han);
        if !words.is_empty() && words.len() <= 4 && words.iter().all(is_name) {
            names.extend(words.iter().map(|w| (*w).to_owned()));
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "某区:打造新高地\n\
        来源:某某网-某某晨报2020-05-14\n\
        区委书记李明表示,将加快发展。\n\
        首页 | 新闻 原创 | 区县 娱乐\n\
        分享\n\
        新浪微博\n\
        QQ空间\n\
        手机阅读分享话题\n\
        某区:打造新高地\n\
        2020-05-14 09:57:02 来源: 0 条评论\n\
        区委书记李明表示,将加快发展。\n\
        某某晨报·上游新闻记者 王淳 \n\
        亲爱的用户,客户端现已升级,请扫描上方二维码,及时下载新版本。\n\
        [责任编辑: 陈某 ]\n\
        版权声明:\n\
        附:某某日报 某某晚报";

    #[test]
    fn keeps_the_article_once_without_chrome() {
        let c = clean(PAGE);
        assert_eq!(c.text, "某区:打造新高地\n区委书记李明表示,将加快发展。\n某某晨报·上游新闻记者 王淳");
        assert_eq!(c.title.as_deref(), Some("某区:打造新高地"));
        assert_eq!(c.source.as_deref(), Some("某某网-某某晨报"));
        assert_eq!(c.published.as_deref(), Some("2020-05-14"));
        assert_eq!(c.authors, vec!["王淳".to_owned()]);
    }

    #[test]
    fn dates_in_several_shapes() {
        assert_eq!(find_date("发布时间：2021年3月7日 10:00").as_deref(), Some("2021-03-07"));
        assert_eq!(find_date("2019/12/01").as_deref(), Some("2019-12-01"));
        assert_eq!(find_date("达到12020-01-01"), None);
        assert_eq!(find_date("2020-13-01"), None);
        assert_eq!(find_date("共计2020人"), None);
    }

    #[test]
    fn a_sentence_mentioning_source_is_not_metadata() {
        assert!(source_line("资金来源:财政拨款和社会资本共同投入").is_none());
        let m = source_line("来源：新华社").unwrap();
        assert_eq!(m.source.as_deref(), Some("新华社"));
    }

    #[test]
    fn bylines() {
        assert_eq!(reporters("（记者 李明 张华）"), vec!["李明", "张华"]);
        assert!(reporters("记者从市教委获悉,今年将新增学位").is_empty());
    }

    #[test]
    fn site_suffix() {
        assert_eq!(strip_site_suffix("北碚区打造四地一枢纽_华龙网"), "北碚区打造四地一枢纽");
        assert_eq!(strip_site_suffix("短_网"), "短_网");
    }
}
