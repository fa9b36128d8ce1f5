//! Test and benchmark support: generates synthetic corpora of Chinese regional and business news
//! (titles, credit lines, officials with their posts, signings, project lists, companies,
//! universities, visits, meetings, quotes and plain filler), deterministically from a seed and
//! with no dependency beyond the crate's own gazetteer and lexicon.
//!
//! The corpus is built from a small world model: home places ranked by a seeded Zipf law (so a
//! few places, their officials, zones and projects recur across many articles while a long tail
//! appears once or twice), officials named per place, post and term, companies, universities,
//! outlets and reporters named from hashed ids drawn with Zipf laws. An article is a *story*
//! (facts plus a plan of sentence templates) rendered as an *edition* (outlet, credit line,
//! layout, wording); a share of the articles re-tell an earlier story for another outlet with some
//! sentences reworded or reordered, and a smaller share repeat an earlier article byte for byte.
//!
//! [`generate`] yields the articles lazily, [`write_dir`] writes them to a directory and
//! [`paragraphs_text`] streams one large plain text of news paragraphs. Every template and name
//! part below was written for this module.

use std::collections::{HashMap, VecDeque};
use std::path::Path;

use crate::extract::gazetteer::{Area, Country, Gazetteer, Level};
use crate::lexicon::Lexicon;

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusSpec {
    /// Number of article files.
    pub articles: usize,
    /// The seed: the same spec gives the same bytes.
    pub seed: u64,
    /// Mean article length in characters (each article varies by up to about ±50%).
    pub target_chars: usize,
    /// Fraction of the files written as GBK bytes (when every character is encodable).
    pub gbk_share: f64,
    /// Fraction of the articles that re-tell an earlier story for another outlet; a tenth of
    /// that share are exact copies of an earlier article under another file name.
    pub repeat_share: f64,
}

impl Default for CorpusSpec {
    fn default() -> Self {
        Self { articles: 100, seed: 1, target_chars: 1500, gbk_share: 0.05, repeat_share: 0.1 }
    }
}

/// One generated article file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedArticle {
    /// The file name, e.g. `a00042.txt`.
    pub name: String,
    /// The file's bytes: UTF-8, or GBK when that encoding was chosen.
    pub bytes: Vec<u8>,
}

/// The articles of `spec`, generated lazily; the same spec always gives the same bytes.
pub fn generate(spec: &CorpusSpec) -> impl Iterator<Item = GeneratedArticle> + use<> {
    Generator::new(spec).map(|a| GeneratedArticle { name: a.name, bytes: a.bytes })
}

/// Writes the articles of `spec` into `dir` (created if missing) and returns how many were
/// written.
///
/// # Errors
/// Any error creating the directory or writing a file.
pub fn write_dir(spec: &CorpusSpec, dir: &Path) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let mut count = 0;
    for article in generate(spec) {
        std::fs::write(dir.join(&article.name), &article.bytes)?;
        count += 1;
    }
    Ok(count)
}

/// About `approx_bytes` bytes (UTF-8) of news paragraphs for one large plain-text file, lazily,
/// paragraph by paragraph (titles included as their own lines), each ending with `"\n"`. The
/// last paragraph is the one that reaches `approx_bytes`.
pub fn paragraphs_text(seed: u64, approx_bytes: usize) -> impl Iterator<Item = String> + use<> {
    let world = World::new(mix(seed, hash_str("paragraphs")));
    let mut rng = Rng::new(mix(seed, hash_str("paragraph stories")));
    let mut queue: VecDeque<String> = VecDeque::new();
    let mut emitted = 0usize;
    std::iter::from_fn(move || {
        if emitted >= approx_bytes {
            return None;
        }
        if queue.is_empty() {
            let day = START_DAY + i64::try_from(rng.below(SPAN_DAYS)).unwrap_or(0);
            let story = world.plan(rng.next_u64(), day, 1500, rng.next_u64());
            let ed = Edition {
                story: 0,
                variant: 0,
                outlet: story.outlet,
                style: rng.next_u64(),
                gbk: false,
                retell: false,
            };
            let parts = world.render_parts(&story, &ed);
            queue.push_back(parts.title);
            queue.extend(parts.paragraphs);
        }
        let mut p = queue.pop_front()?;
        p.push('\n');
        emitted += p.len();
        Some(p)
    })
}

// ---------------------------------------------------------------------------------------------
// Randomness

/// `SplitMix64`: small, fast and good enough for text generation.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    const fn new(seed: u64) -> Self {
        Self(seed)
    }

    const fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        let span = hi.saturating_sub(lo).saturating_add(1);
        lo + ((u128::from(self.next_u64()) * u128::from(span)) >> 64) as u64
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    fn word(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }

    /// A rank in `0..n` with P(k) roughly proportional to 1/(k+1)^s.
    fn zipf(&mut self, n: usize, s: f64) -> usize {
        self.zipf_flat(n, s, 0.0)
    }

    /// A rank in `0..n` with P(k) roughly proportional to 1/(k+1+q)^s: the Zipf–Mandelbrot law,
    /// whose head is flatter for larger `q` (inverse transform of the continuous power law, so it
    /// costs the same for any `n`).
    #[allow(clippy::cast_sign_loss, clippy::many_single_char_names)] // x >= 1 + q; the formula's names
    fn zipf_flat(&mut self, n: usize, s: f64, q: f64) -> usize {
        if n <= 1 {
            return 0;
        }
        let u = self.unit();
        let (bottom, top) = (1.0 + q, n as f64 + 1.0 + q);
        let x = if (s - 1.0).abs() < 1e-9 {
            bottom * (top / bottom).powf(u)
        } else {
            let a = 1.0 - s;
            (u * (top.powf(a) - bottom.powf(a)) + bottom.powf(a)).powf(1.0 / a)
        };
        ((x - q).floor() as usize).saturating_sub(1).min(n - 1)
    }

    /// An index chosen with the given weights.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut r = self.range(0, u64::from(total.max(1)) - 1);
        for (i, &w) in weights.iter().enumerate() {
            if r < u64::from(w) {
                return i;
            }
            r -= u64::from(w);
        }
        weights.len().saturating_sub(1)
    }
}

/// Combines two values into a well-mixed seed (order matters).
fn mix(a: u64, b: u64) -> u64 {
    Rng::new(a ^ b.rotate_left(23).wrapping_mul(0x9E37_79B9_7F4A_7C15)).next_u64()
}

/// FNV-1a.
fn hash_str(s: &str) -> u64 {
    s.bytes().fold(0xCBF2_9CE4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3))
}

// ---------------------------------------------------------------------------------------------
// Dates

/// 2019-01-01 in days since 1970-01-01.
const START_DAY: i64 = 17_897;
/// The corpus spans five years.
const SPAN_DAYS: usize = 5 * 365;

/// (year, month, day) of a day number (days since 1970-01-01), after Howard Hinnant's algorithm.
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, u32::try_from(m).unwrap_or(1), u32::try_from(d).unwrap_or(1))
}

/// A number as news rounds it before 余 (161 → 160, 2678 → 2700).
fn round_number(n: u64) -> u64 {
    let mut unit = 1;
    while n / unit >= 100 {
        unit *= 10;
    }
    (n / unit * unit).max(1)
}

/// 1..=99 in Chinese numerals (一, 十二, 二十).
fn chinese_number(n: u64) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let n = n.min(99) as usize;
    match (n / 10, n % 10) {
        (0, u) => DIGITS[u].to_owned(),
        (1, 0) => "十".to_owned(),
        (1, u) => format!("十{}", DIGITS[u]),
        (t, 0) => format!("{}十", DIGITS[t]),
        (t, u) => format!("{}十{}", DIGITS[t], DIGITS[u]),
    }
}

// ---------------------------------------------------------------------------------------------
// Name parts (all invented for this module)

/// Characters of given names.
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞",
    "平", "刚", "英", "华", "建", "国", "志", "文", "斌", "辉", "力", "红", "海", "波", "宁", "玲", "林", "鹏", "飞",
    "宇", "浩", "凯", "晨", "阳", "鑫", "雪", "琳", "晶", "婷", "欣", "思", "雨", "嘉", "俊", "博", "睿", "哲", "峰",
    "亮", "春", "梅", "兰", "云", "龙", "东", "光", "永", "卫", "庆", "成", "德", "荣", "福", "祥", "胜", "昌", "兴",
    "学", "良", "清", "松", "柏", "江", "川", "山", "岩", "石", "毅", "坚", "旭", "昊", "宏", "伦", "彬", "琦", "瑶",
    "颖", "慧", "蕾", "莉", "萍", "燕", "倩", "丹", "璐", "佳", "悦", "晓", "红", "桂", "秋", "冬", "振", "耀", "东",
    "子", "一", "立", "天", "中", "仁", "义", "礼", "智", "信", "忠", "孝", "安", "康", "泽", "润", "洪", "涵", "航",
    "远", "致", "达", "正", "长", "金", "玉", "宝", "传", "继", "先", "世", "友", "家", "永", "保", "树", "青", "元",
];

/// First and second characters of invented company and brand stems.
const STEM_A: &[&str] = &[
    "华", "瑞", "恒", "泰", "鑫", "宏", "盛", "德", "远", "博", "创", "达", "金", "天", "东", "海", "隆", "信", "安",
    "嘉", "通", "永", "正", "润", "宇", "凯", "兴", "汇", "联", "鼎", "威", "腾", "晶", "星", "辰", "明", "晟", "弘",
    "睿", "福", "长", "中", "新", "龙", "环", "立", "光", "万",
];
const STEM_B: &[&str] = &[
    "泰", "达", "通", "源", "丰", "盛", "业", "宇", "华", "晟", "创", "科", "能", "诚", "和", "瑞", "拓", "峰", "邦",
    "航", "信", "阳", "力", "德", "利", "安", "成", "美", "佳", "润", "禾", "川", "海", "图", "维", "驰", "锦", "域",
    "辉", "芯",
];

/// Characters of invented town, road and river stems.
const TOWN_A: &[&str] = &[
    "青", "白", "黄", "龙", "双", "三", "石", "金", "马", "凤", "高", "长", "清", "柳", "桃", "杨", "花", "松", "梅",
    "桂", "东", "西", "南", "北", "大", "小", "新", "古", "平", "太", "永", "安", "黑", "红", "铜", "银", "玉", "鹤",
    "鹿", "云",
];
const TOWN_B: &[&str] = &[
    "桥", "河", "坝", "溪", "湾", "山", "岭", "口", "坪", "塘", "沟", "铺", "店", "集", "寨", "庄", "场", "渡", "关",
    "泉", "田", "林", "源", "岗", "滩", "峪", "堡", "阳", "洲", "江",
];

/// Syllables of transliterated foreign names.
const FOREIGN_SYLLABLES: &[&str] = &[
    "安", "德", "烈", "斯", "特", "罗", "马", "克", "尔", "伊", "万", "诺", "夫", "卡", "洛", "琳", "娜", "彼", "约",
    "翰", "汉", "森", "米", "勒", "布", "朗", "托", "雅", "维", "奥", "莉", "亚", "塔", "尼", "科", "拉", "迪", "杰",
    "菲", "利", "普", "艾", "伦", "埃", "里", "希", "瓦", "基", "蒂", "莫",
];

/// Industries: the word in a company name, the field it belongs to, and its products.
const INDUSTRIES: &[(&str, &str, &[&str])] = &[
    ("新材料", "新材料", &["锂电池正极材料", "高性能碳纤维", "特种涂料", "稀土永磁材料"]),
    ("新能源", "新能源", &["动力电池", "储能电池", "光伏组件", "氢燃料电池系统"]),
    ("智能装备", "智能制造", &["工业机器人", "数控机床", "智能物流装备"]),
    ("电子", "电子信息", &["柔性显示模组", "智能终端", "车规级传感器"]),
    ("生物医药", "生物医药", &["重组蛋白疫苗", "创新药", "医用敷料"]),
    ("汽车零部件", "汽车", &["汽车座椅", "电驱动总成", "车载电子产品"]),
    ("食品", "绿色食品", &["预制菜", "复合调味料", "休闲食品"]),
    ("物流", "现代物流", &["智能仓储系统", "冷链配送服务"]),
    ("环保科技", "节能环保", &["污水处理成套设备", "固废处理装备"]),
    ("光电", "光电", &["激光器", "光纤预制棒", "LED芯片"]),
    ("医疗器械", "医疗器械", &["体外诊断试剂", "医学影像设备", "心脏支架"]),
    ("农业开发", "现代农业", &["有机蔬菜", "高山茶叶", "富硒大米"]),
    ("建设", "建筑", &["装配式建筑构件", "绿色建材"]),
    ("数字科技", "数字经济", &["工业互联网平台", "智慧城市解决方案"]),
    ("半导体", "集成电路", &["功率芯片", "十二英寸晶圆"]),
    ("航空科技", "航空航天", &["工业级无人机", "航空发动机叶片"]),
    ("化工", "绿色化工", &["可降解塑料", "精细化学品"]),
    ("纺织", "纺织服装", &["功能性面料", "智能穿戴服饰"]),
    ("科技", "软件和信息服务", &["工业软件", "数据治理平台"]),
    ("能源", "清洁能源", &["天然气分布式能源", "风电机组"]),
];

/// Company forms; each ends with a company suffix of the lexicon (公司, 集团).
const COMPANY_FORMS: &[&str] =
    &["有限公司", "股份有限公司", "集团有限公司", "有限责任公司", "集团", "集团股份有限公司"];

/// Fields of industry and research.
const FIELDS: &[&str] = &[
    "新能源汽车",
    "电子信息",
    "生物医药",
    "新材料",
    "智能制造",
    "数字经济",
    "人工智能",
    "集成电路",
    "现代农业",
    "文化旅游",
    "装备制造",
    "现代物流",
    "节能环保",
    "大数据",
    "氢能",
    "绿色食品",
    "航空航天",
    "医疗器械",
    "清洁能源",
    "软件和信息服务",
    "先进制造",
    "工业互联网",
    "康养",
    "现代金融",
];

/// Large regional initiatives with the provinces (by abbreviation) they concern; an empty list
/// concerns every province.
const REGIONS: &[(&str, &str)] = &[
    ("成渝地区双城经济圈", "川渝"),
    ("长江经济带", "沪苏浙皖赣鄂湘渝川黔滇"),
    ("粤港澳大湾区", "粤"),
    ("长三角一体化发展", "沪苏浙皖"),
    ("京津冀协同发展", "京津冀"),
    ("西部陆海新通道", "渝川黔桂滇甘青陕宁新藏蒙"),
    ("黄河流域生态保护和高质量发展", "青川甘宁蒙陕晋豫鲁"),
    ("“一带一路”", ""),
    ("中部地区崛起", "晋豫鄂湘皖赣"),
    ("东北全面振兴", "辽吉黑"),
    ("海南自由贸易港", "琼"),
    ("乡村振兴", ""),
];

/// Verb phrases of officials' intentions.
const VERB_PHRASES: &[&str] = &[
    "坚持把项目建设作为经济工作的主抓手",
    "聚焦主导产业开展精准招商",
    "持续优化营商环境",
    "强化用地、用能、资金等要素保障",
    "抓好项目化、事项化、清单化落实",
    "加快补齐基础设施短板",
    "推动产业链、创新链、人才链深度融合",
    "深化“放管服”改革",
    "统筹做好稳增长、促改革、调结构各项工作",
    "坚持生态优先、绿色发展",
    "把各项决策部署细化为具体行动",
    "强化科技创新引领",
    "加快推进新型城镇化",
    "扎实推进乡村振兴",
    "守牢安全生产底线",
    "以更大力度推进招商引资",
    "主动融入区域发展大局",
    "加快培育新的经济增长点",
];

/// Goals in officials' speeches.
const GOALS: &[&str] = &[
    "在区域发展大局中展现更大作为",
    "奋力谱写高质量发展新篇章",
    "打造区域性先进制造业基地",
    "加快建设现代化产业体系",
    "争当高质量发展排头兵",
    "建设宜居宜业和美乡村",
    "推动经济实现质的有效提升和量的合理增长",
    "打造内陆开放新高地",
    "建设人与自然和谐共生的美丽家园",
    "跑出项目建设加速度",
];

/// What people say in quotes (no names in them).
const CLAIMS: &[&str] = &[
    "今年我们的订单比去年多了三成，生产线一直满负荷运转",
    "企业最看重的就是政府的服务效率",
    "我们有信心在年底前完成全部投资",
    "项目从签约到开工只用了不到三个月",
    "现在办事不用来回跑，一次就能办完",
    "家门口就能上班，收入也比以前高了",
    "这几年变化太大了，路宽了，环境也好了",
    "我们将把这里作为公司的重要生产基地来建设",
    "合作是双方共同的需要，也是大势所趋",
    "人才是企业发展的第一资源",
    "只要方向对了，就不怕路远",
    "我们要把每一个项目当作自己的事来办",
    "新厂区投产后，产能将翻一番",
    "这次签约只是开始，后续还有更多项目要落地",
    "营商环境就是生产力",
    "科研成果只有走出实验室，才能真正产生价值",
    "要让企业家安心投资、放心经营",
    "我们的产品已经卖到了海外，明年还要再上一条生产线",
    "过去一年，我们最大的感受就是干劲足了",
    "只有抓住窗口期，才能在新一轮竞争中赢得主动",
];

/// Countries most often in regional business news, most frequent first (the rest follow in a
/// seeded order).
const HEAD_COUNTRIES: &[&str] = &[
    "美国",
    "日本",
    "德国",
    "韩国",
    "俄罗斯",
    "法国",
    "英国",
    "新加坡",
    "意大利",
    "泰国",
    "越南",
    "马来西亚",
    "澳大利亚",
    "巴西",
    "荷兰",
    "以色列",
    "瑞士",
    "加拿大",
    "西班牙",
    "印度尼西亚",
];

/// Parts of slogans such as “四地一枢纽”.
const SLOGAN_NOUNS: &[&str] =
    &["地", "区", "群", "城", "核", "翼", "带", "心", "轴", "园", "港", "枢纽", "高地", "中心"];

// ---------------------------------------------------------------------------------------------
// Templates

/// Kinds of article, each with its titles, leads and mix of sentence categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Signing,
    Projects,
    Visit,
    Meeting,
    Company,
    University,
    Economy,
    Interview,
}

const KINDS: [Kind; 8] = [
    Kind::Signing,
    Kind::Projects,
    Kind::Visit,
    Kind::Meeting,
    Kind::Company,
    Kind::University,
    Kind::Economy,
    Kind::Interview,
];
const KIND_WEIGHTS: [u32; 8] = [14, 16, 12, 12, 16, 8, 10, 12];

/// Categories of body sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    Officials,
    Leaders,
    Signing,
    Projects,
    Company,
    University,
    Located,
    Visit,
    Meeting,
    Quote,
    Filler,
    Plain,
    Foreign,
}

const NCAT: usize = 13;

/// At most this many sentences of a category in one article, in the order of [`Cat`] (a real
/// article lists its officials once or twice, not in every paragraph).
const CAT_CAPS: [usize; NCAT] = [3, 2, 7, 8, 8, 6, 4, 5, 6, 4, 6, 10, 2];

/// Category weights per kind, in the order of [`Cat`].
const CAT_WEIGHTS: [[u32; NCAT]; 8] = [
    [8, 8, 30, 6, 10, 4, 4, 6, 4, 8, 6, 8, 3],   // signing
    [8, 8, 3, 30, 10, 2, 10, 2, 2, 6, 10, 8, 1], // projects
    [8, 10, 6, 4, 8, 4, 3, 28, 4, 8, 5, 8, 4],   // visit
    [10, 8, 2, 6, 2, 2, 1, 2, 30, 8, 10, 14, 1], // meeting
    [4, 4, 6, 8, 32, 4, 8, 2, 1, 10, 6, 8, 7],   // company
    [4, 6, 6, 2, 6, 32, 4, 6, 2, 10, 4, 8, 2],   // university
    [3, 2, 2, 8, 6, 2, 2, 1, 4, 6, 36, 16, 6],   // economy
    [6, 4, 6, 6, 6, 4, 4, 4, 4, 30, 8, 14, 2],   // interview
];

// Template syntax: `{key}` is filled from the story (places H home, C its upper level, P its
// province, X the partner, A any place; M the story's company, co any company; U / univ
// universities; J the story's project, Z its zone; W its country …, with `.field` for parts such
// as `.sec` the secretary or `.s` the short name, `@tag` to bind one fresh choice across the
// sentence and `:lo-hi` for numbers). `[a|b|]` picks one wording; rewording a sentence changes
// only these choices, never the facts.

/// Body sentences by category.
const TEMPLATES: &[(Cat, &str)] = &[
    // officials listed with their posts
    (
        Cat::Officials,
        "{H.ct}书记{H.sec}，{H.ct}副书记、{H.headt}{H.gov}，{H.u}人大常委会主任{H.npc}，{H.u}政协主席{H.cppcc}[等|]出席[活动|仪式]。",
    ),
    (Cat::Officials, "{C.c}常委、{H.sect}{H.sec}[出席|参加][会议|活动]并讲话。"),
    (Cat::Officials, "{H.ct}书记{H.sec}、{H.headt}{H.gov}、{H.u}人大常委会主任{H.npc}出席[开工仪式|活动|签约仪式]。"),
    (Cat::Officials, "{C.ct}副书记、{C.headt}{C.gov}宣布[项目开工|大会开幕|活动正式启动]。"),
    (
        Cat::Officials,
        "{H.ct}副书记、{H.headt}{H.gov}主持[会议|仪式|开工仪式]，{H.ct}常委、常务副{H.headt}{H.vgov}介绍了[项目情况|有关情况|{H}经济社会发展情况]。",
    ),
    (
        Cat::Officials,
        "{P.c}常委、{C.sect}{C.sec}[在|到]{H}[调研|督导|检查][重点项目建设|安全生产|乡村振兴]工作，{H.sect}{H.sec}、{H.govt}{H.gov}[陪同|一同参加]。",
    ),
    (
        Cat::Officials,
        "{H.u}人大常委会主任{H.npc}、{H.u}政协主席{H.cppcc}分别[带队|率队][视察|调研]了{H.proj}和{H.proj}。",
    ),
    (
        Cat::Officials,
        "[会上|仪式上]，{H.scp}宣读了《中共{H.c} {H}人民政府关于表彰{pyear}年度[招商引资|项目建设|优化营商环境]先进集体和先进个人的决定》。",
    ),
    (Cat::Officials, "{P.c}常委、{C.sect}{C.sec}，{C.c}副书记、{C.govt}{C.gov}[出席|参加][活动|仪式]。"),
    (Cat::Officials, "{C.ct}常委、{H.sect}{H.sec}[主持会议|在会上作动员讲话]。"),
    (
        Cat::Officials,
        "{C.u}人大常委会副主任{C.lead}，{C.u}政协副主席{C.lead}，{H}[党政|四大班子]主要领导{H.sec}、{H.gov}[等|]参加[活动|仪式]。",
    ),
    // leaders attending
    (Cat::Leaders, "{H.u}领导{H.lead}、{H.lead}、{H.lead}[参加活动|出席仪式|参加调研|一同参加]。"),
    (Cat::Leaders, "{H.u}领导{H.lead}、{H.lead}[，{H.lead}|][等|]参加。"),
    (
        Cat::Leaders,
        "{C.u}领导{C.lead}、{C.lead}，{H.u}领导{H.lead}、{H.lead}、{H.lead}[出席|参加][开工仪式|签约活动|座谈会]。",
    ),
    (Cat::Leaders, "{H.scp}，副{H.headt}{H.vgov}[等|][陪同|一同][调研|参加活动]。"),
    (Cat::Leaders, "[出席|参加][活动|仪式]的还有{H.u}领导{H.lead}、{H.lead}[等|]。"),
    (Cat::Leaders, "{C.u}领导{C.lead}[出席|参加][活动|仪式]并[致辞|讲话]，{H.u}领导{H.lead}、{H.lead}陪同。"),
    (
        Cat::Leaders,
        "{H}[相关部门|有关部门|各镇街]负责人[，项目建设单位代表|和企业代表][共|等]{na:80-400}余人参加[活动|仪式|会议]。",
    ),
    // signing ceremonies
    (
        Cat::Signing,
        "[会上|活动现场|座谈会后]，{H}与{X}签署《{H.s}{X.s}[战略合作框架协议|深化合作框架协议|全面战略合作协议|友好城市协议]》。",
    ),
    (
        Cat::Signing,
        "{H}人民政府与{M.f}签订[《{J}投资协议》|投资合作协议|战略合作协议]，[项目|该项目]计划总投资{x@$j:5-80}亿元。",
    ),
    (
        Cat::Signing,
        "[根据协议|按照协议约定]，双方将在{F}、{fld}、[文化旅游|生态环保|人才交流|公共服务]等领域开展[深度|全方位|务实]合作。",
    ),
    (Cat::Signing, "{U}与{H}签署《[校地合作框架协议|全面合作协议|战略合作协议]》，[双方|校地双方]将共建{U.inst}。"),
    (Cat::Signing, "{H.sect}{H.sec}与{X.sect}{X.sec}[共同|]为[“{H.s}{X.s}合作示范园”|{X.s}{H.s}产业合作园]揭牌。"),
    (
        Cat::Signing,
        "[本次活动|活动现场]共签约项目{n:6-40}个，[协议|签约]总金额{x:20-500}亿元，涉及{fld}、{fld}、[现代物流|商贸服务|文化旅游]等[领域|行业]。",
    ),
    (Cat::Signing, "{co@1}与{co@2}在{H}签署战略合作协议，[双方|两家企业]将[围绕|聚焦]{fld}[产业链|供应链]开展合作。"),
    (Cat::Signing, "{H}与{X}[缔结|正式结为]友好城市，[双方|两地]将在{F}、{fld}等领域[加强交流|深化合作]。"),
    (
        Cat::Signing,
        "[两地|双方]将[以|借助]此次签约为契机，在{F}[产业协作|联合招商|园区共建]等方面[加强对接|深化合作]。",
    ),
    (Cat::Signing, "{X.zone}与{H.zone}签订《[园区共建|产业协作]协议》，[两地|双方]将[探索|推动]“飞地经济”合作。"),
    (Cat::Signing, "{M.s}[与|同]{U}签署[产学研合作协议|人才培养合作协议]，双方将共建{fld}[联合实验室|研发中心]。"),
    (Cat::Signing, "[现场|仪式上]，{H.zone}管委会分别与{co}、{co}、{co}签订[入园|投资]协议。"),
    // project lists
    (
        Cat::Projects,
        "[此次|本次]开工的项目包括{H.proj}、{H.proj}、{H.proj}[和{H.proj}|]等[，涵盖{fld}、{fld}、基础设施等领域|]。",
    ),
    (
        Cat::Projects,
        "{H}集中开工{n:5-40}个重大项目，总投资{x:30-500}亿元，[包括|其中包括|涉及]{H.proj}、{H.proj}、{H.proj}等。",
    ),
    (
        Cat::Projects,
        "其中，{J}[总投资|计划投资]{x@$j:5-80}亿元，[建成后|达产后]预计年产值{x:10-150}亿元，[可|将]新增就业岗位{n:300-5000}个。",
    ),
    (
        Cat::Projects,
        "{J}占地[约|]{n:50-900}亩，[主要|]建设[生产厂房|研发中心|仓储物流中心|综合办公楼]及配套设施，预计{nyear}年[底|上半年|]建成投产。",
    ),
    (
        Cat::Projects,
        "[目前|截至目前]，{H.proj}[主体结构已封顶|已完成投资{x:1-30}亿元|正加紧进行设备安装调试]，{H.proj}[进入施工高峰期|完成总工程量的{n:30-90}%]。",
    ),
    (Cat::Projects, "{year}年，{H}[共|]安排{H.u}级重点项目{n:60-400}个，年度计划投资{x:100-900}亿元。"),
    (Cat::Projects, "[据悉|据了解]，{H}[今年|{year}年]计划实施{C.u}级重点项目{n:30-200}个。"),
    (
        Cat::Projects,
        "{H.proj}[是|作为]{H}[今年|{year}年]的[一号工程|头号工程|重点民生工程]，[建成后|投用后]将[惠及|服务]周边{n:2-30}万[群众|居民]。",
    ),
    (Cat::Projects, "在{H.town}，{H.proj}[施工现场|建设工地]一派繁忙，[塔吊林立|机器轰鸣]。"),
    (Cat::Projects, "{X.proj}、{X.proj}等{n:3-12}个项目[同步|也]在{X}开工。"),
    (
        Cat::Projects,
        "{C}[今年|{year}年]第{cn:1-4}批重大项目[集中开工|集中签约]活动[在{H}设主会场|同步举行]，全{C.u}共{n:50-300}个项目[参加|参与]。",
    ),
    // company news
    (Cat::Company, "{M}在{H}投资建设{J}，[项目|]总投资{x@$j:5-80}亿元。"),
    (
        Cat::Company,
        "{M}是一家总部位于{M.hq}、[专注于|主要从事]{M.ind}[研发和制造|生产和销售|研发、生产和服务]的[高新技术企业|国家级专精特新“小巨人”企业|上市公司]。",
    ),
    (Cat::Company, "{M.f}旗下的{M.sub}[日前|近日|当天]在{H}[正式投产|揭牌成立|举行开业仪式]。"),
    (
        Cat::Company,
        "{M}[发布|推出]了[新一代|自主研发的]{M.prod}，[这是|该产品是]公司[今年|继去年之后]推出的第{cn:2-6}款[新品|产品]。",
    ),
    (
        Cat::Company,
        "{M}董事长{M.chair}[表示|介绍]，公司[看好|选择落户]{H}，[主要|]是看中了这里[良好的营商环境|完善的产业配套|便捷的交通区位|丰富的人才资源]。",
    ),
    (
        Cat::Company,
        "[据了解|据介绍]，{co@1}[成立于|创办于]{n:1995-2018}年，[总部位于|位于]{co@1.hq}，[目前|现]有员工{na:200-12000}余人。",
    ),
    (Cat::Company, "{H}[已|先后]聚集{co}、{co}、{co}等[规上企业|龙头企业|重点企业]{na:20-300}余家。"),
    (Cat::Company, "[去年|{pyear}年]，{M.s}实现营业收入{x:5-300}亿元，同比增长{x:3-40}%。"),
    (
        Cat::Company,
        "{co@1}[总经理|副总经理]{co@1.gm}告诉记者，[企业|公司]的[订单已排到|生产计划已排至]{nyear}年{n:2-12}月。",
    ),
    (Cat::Company, "[作为|身为]当地的龙头企业，{M.s}{period}[产值|营业收入]突破{n:10-200}亿元。"),
    (
        Cat::Company,
        "{M.s}[相关负责人|负责人]{M.gm}介绍，[新项目|该项目]全部达产后，[公司|企业]年产值将[突破|超过]{n:20-300}亿元。",
    ),
    (Cat::Company, "{co@1}[与|和]{co@2}[组建|成立]合资公司，[共同|]开拓{fld}市场。"),
    (Cat::Company, "[在|走进]{M.s}的[智能化车间|生产车间|展厅]，[一条条|几条]自动化生产线正[高速运转|满负荷运行]。"),
    (Cat::Company, "{M.s}[作为|是]{H}{M.ind}产业的链主企业，[已带动|吸引了]{n:10-80}家上下游配套企业[落户|集聚]{Z}。"),
    // universities and research platforms
    (Cat::University, "{U}与{H}[共建|联合共建]的{U.inst}[正式揭牌|在{Z}揭牌成立|正式投入运行]。"),
    (
        Cat::University,
        "{U}校长{U.pres}[介绍|表示]，学校将[发挥|依托]在{fld}[领域|方面]的学科优势，[推动科技成果在{H}转化|为{H}产业发展提供人才和技术支撑]。",
    ),
    (Cat::University, "{U}党委书记{U.sec}、校长{U.pres}[一行|]到{H}[考察|调研|座谈交流]。"),
    (Cat::University, "[目前|截至目前]，{H}已与{univ}、{univ}等{n:5-40}所高校[和科研院所|]建立合作关系。"),
    (Cat::University, "{U}{U.prof}教授团队[研发的|承担的]{fld}[项目|技术]在{H}{Z}[实现产业化|完成中试]。"),
    (Cat::University, "{inst}[主要|将]围绕{fld}、{fld}开展[关键核心技术攻关|共性技术研发|成果转化和人才培养]。"),
    (Cat::University, "{U}{fld}[学院|研究院]院长{U.prof}[带领团队|率团队]在{H}[开展|进行][技术攻关|中试验证]。"),
    (
        Cat::University,
        "[根据协议|按照约定]，{U}将在{H}设立[研究生工作站|博士后科研工作站|产学研基地]，[每年|]选派{n:10-80}名[研究生|科研人员][到{H}开展研究|服务当地企业]。",
    ),
    (
        Cat::University,
        "{univ}{exp}教授[认为|指出]，[校地合作|产学研协同]是[破解|解决]{H.s}[人才瓶颈|技术难题]的有效途径。",
    ),
    (Cat::University, "{H}[还将|将]引进{univ}、{univ}[在{H}设立|共建][研究院|技术转移中心|实习实训基地]。"),
    // located
    (Cat::Located, "[该|这个]项目位于{H}{Z}，[占地|总用地面积][约|]{n:80-1200}亩。"),
    (Cat::Located, "{J}位于{H}{H.town}，[紧邻|靠近]{H.s}[高铁站|港区|国际机场|物流园]，[交通十分便利|区位优势明显]。"),
    (
        Cat::Located,
        "{Z}位于{H}[东部|西部|南部|北部|西北部|东南部]，规划面积{n:10-120}平方公里，是{C}[重点打造的|确定的]{fld}产业[集聚区|承载地]。",
    ),
    (Cat::Located, "[项目|新厂区|研发中心]选址{H}{H.town}，[将于|计划于]{nyear}年[建成投用|投产]。"),
    (Cat::Located, "{Z}是{H}与{X}合作共建的重点[园区|平台]，[区位优势明显|产业基础较好]。"),
    (Cat::Located, "[新园区|该园区]距{H}城区[约|]{n:5-40}公里，[规划|总]面积{n:3-50}平方公里。"),
    (Cat::Located, "{co}[将|计划]在{Z}建设[区域总部|生产基地|研发中心]。"),
    // visits
    (
        Cat::Visit,
        "{H.sect}{H.sec}率[{H}|]党政代表团赴{X}[考察|学习考察|考察对接]，[并与|与]{X}[党政领导|有关方面]座谈交流。",
    ),
    (Cat::Visit, "{X.govt}{X.gov}率队[到|赴]{H}考察{fld}[产业发展|项目]，{H.govt}{H.gov}陪同。"),
    (Cat::Visit, "{date}[上午|下午]，{C.sect}{C.sec}率队[深入|到]{H}[调研|督导][重点项目推进|产业发展|招商引资]情况。"),
    (Cat::Visit, "[考察|调研]期间，代表团一行先后[参观|走访]了{co}、{co}和{U.inst}。"),
    (
        Cat::Visit,
        "{H.ct}副书记{H.dsec}带队[赴|到]{A}、{A}等地开展[招商引资|招才引智|产业对接]活动，[拜访|走访]企业{n:5-30}家。",
    ),
    (Cat::Visit, "[此前|同日]，{C.ct}常委、常务副{C.headt}{C.vgov}也到{H}[督导|调研]了{H.proj}[推进|进展]情况。"),
    (Cat::Visit, "代表团一行[还|]实地[察看|考察]了{X.zone}、{X.proj}[和{X.town}|]。"),
    (Cat::Visit, "{H.govt}{H.gov}[带队|率队]赴{A}[拜访|走访]了{co}和{co}，[就|围绕]项目落地[进行|开展]洽谈。"),
    (Cat::Visit, "[在{X.s}期间|在座谈会上]，{X.sect}{X.sec}[介绍了|简要介绍了]{X}[经济社会发展|产业发展]情况。"),
    // meetings
    (Cat::Meeting, "{date}，{H}召开[{year}年|]{F}[高质量发展|工作|推进]大会[，{H.sect}{H.sec}出席并讲话|]。"),
    (Cat::Meeting, "[会议由{H.govt}{H.gov}主持|大会由{H.ct}副书记{H.dsec}主持]。"),
    (Cat::Meeting, "[会议指出|会议认为]，{doc}[为|对]{H.s}[下一步发展|做好当前工作]指明了方向。"),
    (Cat::Meeting, "{H.headt}{H.gov}[代表{H}人民政府|受{H}人民政府委托]向大会作政府工作报告。"),
    (Cat::Meeting, "[大会|本次会议]应到代表{na:200-400}名，[实到|出席]代表超过半数，符合法定人数。"),
    (Cat::Meeting, "[会议|会上]强调，[要|各级各部门要]{vp}，[推动|确保]{fld}[高质量发展|各项任务落地见效]。"),
    (Cat::Meeting, "[会议|大会]听取了{H.u}人大常委会主任{H.npc}[所作的|作的]常委会工作报告。"),
    (Cat::Meeting, "[会议|会上][审议|讨论]通过了{doc}。"),
    (Cat::Meeting, "{C}{fld}[工作|产业]推进会在{H}召开，[{C.govt}{C.gov}出席|{C.u}领导{C.lead}出席][并讲话|]。"),
    // quotes
    (Cat::Quote, "“{claim}，”{per}[说|告诉记者]，“{claim}。”"),
    (Cat::Quote, "{H.sect}{H.sec}表示，{H.s}将{vp}，[奋力|努力]{goal}。"),
    (Cat::Quote, "{H.govt}{H.gov}[在讲话中|]指出，[要|]{vp}，{vp}。"),
    (Cat::Quote, "“{claim}。”{co@1}董事长{co@1.chair}说。"),
    (Cat::Quote, "“{claim}。”{H.zone}管委会[主任|负责人]{per}说。"),
    (Cat::Quote, "{X.govt}{X.gov}[在致辞中|]表示，{X.s}将{vp}，与{H.s}[携手|共同]{goal}。"),
    (Cat::Quote, "“{claim}，”{co@1}董事长{co@1.chair}[表示|说]，“{claim}。”"),
    (
        Cat::Quote,
        "[{univ}教授|{inst}研究员]{exp}认为，{H.s}[在{fld}领域|发展{fld}产业][具有较好的基础|有独特优势]，[关键是|下一步要]{vp}。",
    ),
    (Cat::Quote, "在{H.s}[工作了|生活了]{n:3-30}年的[市民|居民|村民]{per}[感慨地说|告诉记者]：“{claim}。”"),
    (
        Cat::Quote,
        "{X.sect}{X.sec}[说|表示]，{X.s}与{H.s}[地缘相近、人缘相亲|山水相连、文化相通|产业互补性强]，[合作潜力巨大|合作前景广阔]。",
    ),
    (Cat::Quote, "{H.sec}[说|表示]，{H.s}将[借势借力|抢抓机遇]，{vp}，[在{reg}建设中展现更大作为|{goal}]。"),
    // filler with numbers and dates
    (Cat::Filler, "从{period}[的|]数据看，{H}[工业|投资|消费][稳中有升|持续回暖]，{fld}产业增加值增长{x:5-30}%。"),
    (
        Cat::Filler,
        "[今年以来|{year}年以来]，{H}[累计|]完成[招商引资到位资金|固定资产投资]{x:50-800}亿元，[同比增长|增长]{x:2-30}%。",
    ),
    (Cat::Filler, "{H}户籍人口{x:20-200}万人，常住人口城镇化率达到{x:40-85}%。"),
    (Cat::Filler, "[截至|到]{month}底，{H}金融机构各项贷款余额{x:100-5000}亿元，[比年初|同比]增长{x:3-18}%。"),
    (
        Cat::Filler,
        "[{period}|截至{month}底]，{H}[规模以上工业增加值|固定资产投资|社会消费品零售总额]同比增长{x:1-20}%[，增速居全{C.u}第{cn:1-5}位|]。",
    ),
    (Cat::Filler, "[全年|{period}]接待游客{x:100-5000}万人次，实现旅游综合收入{x:10-800}亿元。"),
    (
        Cat::Filler,
        "[近年来|{pyear}年以来]，{H}新增[市场主体|经营主体]{na:1000-20000}户，[其中|]高新技术企业{n:10-300}家。",
    ),
    (
        Cat::Filler,
        "[截至|到]{year}年底，{H}[累计|已]建成5G基站{n:300-8000}个，[{H.town}等重点区域已实现全覆盖|重点区域实现连续覆盖]。",
    ),
    (Cat::Filler, "[预计|按照规划]，到{fyear}年，{H}{fld}产业规模将突破{n:100-2000}亿元。"),
    (Cat::Filler, "[项目|一期工程]建设周期为{n:12-30}个月，[计划|预计]于{nyear}年{n:1-12}月[竣工|建成]。"),
    (
        Cat::Filler,
        "[当天|活动当天]，[现场|]气温{n:2-36}摄氏度，[{na:200-2000}余名|数百名]建设者[在工地上忙碌|坚守岗位]。",
    ),
    (Cat::Filler, "[全{H.u}|{H}]城镇居民人均可支配收入达到{n:25000-75000}元，[增长|同比增长]{x:3-9}%。"),
    (Cat::Filler, "{period}，{H}[完成|实现]一般公共预算收入{x:8-400}亿元，[同口径|]增长{x:1-15}%。"),
    // plain sentences without any name
    (Cat::Plain, "近年来，[各地|不少地方]持续优化营商环境，推动产业链上下游协同发展。"),
    (Cat::Plain, "[项目建设是|抓项目就是抓]稳增长、调结构、惠民生的重要抓手。"),
    (Cat::Plain, "据介绍，新建成的生产线采用智能化控制系统，单线日产能提高了三成以上。"),
    (
        Cat::Plain,
        "[与此同时|此外]，相关部门还将建立重点项目“一对一”服务机制，[帮助企业解决|及时协调解决]用地、用工、融资等方面的问题。",
    ),
    (
        Cat::Plain,
        "[走进|在]生产车间，[记者看到|只见]一台台机械臂[正有序运转|上下翻飞]，工人们[在生产线上忙碌着|正在调试设备]。",
    ),
    (Cat::Plain, "下一步，将继续[坚持|强化]问题导向，[补短板、强弱项|抓重点、破难点]，[确保|推动]各项工作落到实处。"),
    (Cat::Plain, "天刚蒙蒙亮，工地上已经是一片繁忙景象。"),
    (Cat::Plain, "这是一次[务实|高效]的对接，也是一次深化合作的新起点。"),
    (Cat::Plain, "[专家|业内人士]指出，[数字化转型|产业升级]不是一蹴而就的，需要[长期|持续]投入。"),
    (Cat::Plain, "[截至目前|目前]，相关工作正在有序推进中。"),
    (Cat::Plain, "为[确保|保障]项目按期建成，施工方[实行|采取]“[两班倒|三班倒]”[作业|施工]，[倒排工期|挂图作战]。"),
    (Cat::Plain, "[不少|许多]市民表示，[家门口|身边]的变化看得见、摸得着。"),
    (Cat::Plain, "在[政策|资金]的支持下，越来越多的年轻人选择[返乡创业|回乡就业]。"),
    (Cat::Plain, "业内人士认为，[这一举措|此举]将有效降低企业[物流|融资|用能]成本。"),
    (Cat::Plain, "[据悉|据了解]，[该|这一]平台上线以来已累计服务企业{na:100-5000}余家。"),
    (Cat::Plain, "[会议要求|会议指出]，要树牢“一盘棋”思想，[形成工作合力|凝聚发展合力]。"),
    (Cat::Plain, "[随后|会后]，与会人员[实地察看|参观]了[项目现场|企业生产线|园区规划展示馆]。"),
    (Cat::Plain, "当前正值[春耕|夏收|秋收]时节，田间地头[一派繁忙|处处是忙碌的身影]。"),
    (Cat::Plain, "[项目负责人|工作人员]介绍，[整个|全部]工程将分{cn:2-3}期实施。"),
    (Cat::Plain, "[好的营商环境|良好的产业生态]是吸引[项目|企业]落地的关键。"),
    (Cat::Plain, "[受访企业普遍认为|多家企业负责人表示]，[审批|办事]效率明显提高。"),
    (Cat::Plain, "[从签约到开工|从拿地到开工]，[仅用时|只用了]{n:30-120}天。"),
    (Cat::Plain, "[随着|伴随着]一声令下，[挖掘机|重型机械]轰鸣[作业|开工]，[标志着|宣告]项目正式进入建设阶段。"),
    (Cat::Plain, "[时间就是效率|时间紧、任务重]，[各参建单位|施工单位]正全力[抢抓|赶抢]工期。"),
    (Cat::Plain, "[生态环境持续改善|城乡面貌焕然一新]，[群众的获得感、幸福感不断增强|老百姓的日子越过越红火]。"),
    // foreign countries and companies
    (Cat::Foreign, "{M}与{W.corp}签订[技术合作|供货|战略合作]协议，产品将出口{W}[及周边市场|、{cty}等国家和地区]。"),
    (Cat::Foreign, "{H}生产的{prod}[已|]远销{cty}、{cty}、{cty}等{na:10-80}多个国家和地区。"),
    (Cat::Foreign, "{W.corp}[在|于]{Z}投资设立的[生产基地|亚太研发中心|中国区总部]正式[投产|启用]。"),
    (
        Cat::Foreign,
        "{date}，{H}[举行|举办]{H.s}—{W}[经贸合作|投资]推介会，{W}驻华使馆[商务参赞|经济参赞]{W.fname}[出席|参加]。",
    ),
    (Cat::Foreign, "[今年以来|{period}]，{H}对{W}进出口额{x:1-200}亿元，[同比增长|增长]{x:2-60}%。"),
    (Cat::Foreign, "{M.s}[已|先后]在{W}[设立|建成][海外仓|研发中心|销售公司]，产品覆盖{cty}、{cty}等市场。"),
    (Cat::Foreign, "来自{W}、{cty}、{cty}等国家的{na:20-200}余名[客商|嘉宾]参加了活动。"),
    (Cat::Foreign, "{W}驻{C.s}总领事{W.fname}一行[到访|访问]{H}，[双方就|围绕]{fld}合作[进行了交流|深入交换意见]。"),
];

/// Leads (first sentence) by kind.
const LEADS: &[(Kind, &str)] = &[
    (Kind::Signing, "{date}，{H}与{X}[合作|战略合作|区域合作]座谈会暨项目签约仪式在{X.s}举行。"),
    (
        Kind::Signing,
        "[{date}|近日]，{H}在{A}举办[招商引资|投资环境]推介会，现场签约项目{n@$s:5-30}个，[签约|协议]总金额{x@$t:20-400}亿元。",
    ),
    (Kind::Signing, "{fdate}，{H.s}{X.s}两地[党政领导|政府负责人]齐聚{H.s}，共商[深化合作|协同发展]大计。"),
    (
        Kind::Projects,
        "{date}，{H}[{year}年|今年]第{cn:1-4}[季度|批]重大项目集中开工[活动|仪式]在{Z}举行，[此次|本次]集中开工项目{n@$k:8-60}个，总投资{x@$i:40-600}亿元。",
    ),
    (Kind::Projects, "{date}，{J}[开工仪式|奠基仪式]在{H}{Z}举行。"),
    (
        Kind::Projects,
        "[{date}|近日]，记者从{H}[发展改革委|重点项目办]获悉，{period}{H}重点项目完成投资{x:50-900}亿元，完成年度计划的{n:40-98}%。",
    ),
    (
        Kind::Visit,
        "{date}至{date2}，{H.sect}{H.sec}率{H}党政代表团赴{X}考察[学习|对接]，{X.sect}{X.sec}、{X.govt}{X.gov}[会见代表团一行|陪同考察]。",
    ),
    (Kind::Visit, "{date}，{C.sect}{C.sec}[带队|率队]到{H}，[实地|]调研{F}产业发展和[重点项目建设|招商引资]工作。"),
    (Kind::Visit, "[近日|{date}]，{X}党政代表团来{H}考察[对接|交流]，[双方|两地]就深化{F}合作进行座谈。"),
    (Kind::Meeting, "{date}，{H}召开{F}高质量发展大会，[总结|回顾]{pyear}年工作，部署{year}年[重点任务|工作]。"),
    (
        Kind::Meeting,
        "{date}，{H.c}常委会召开[会议|扩大会议]，[传达学习|专题研究]{doc}[精神|有关工作]，{H.sect}{H.sec}主持会议。",
    ),
    (Kind::Meeting, "{fdate}，{H}第{cn@$a:15-19}届人民代表大会第{cn@$b:1-6}次会议在{H}会议中心开幕。"),
    (Kind::Company, "{date}，{M}在{H}[举行|举办]{M.prod}[发布会|上市发布会]。"),
    (Kind::Company, "[近日|{date}]，{M}{J}[正式投产|竣工投产|首条生产线下线]。"),
    (
        Kind::Company,
        "记者[{date}|近日]从{M}获悉，[公司|该公司]{period}实现[营业收入|产值]{x:5-300}亿元，同比增长{x:3-40}%。",
    ),
    (Kind::University, "{date}，{U}与{H}校地合作签约仪式在{U}举行。"),
    (Kind::University, "[近日|{date}]，{U.inst}在{H}{Z}揭牌成立。"),
    (Kind::Economy, "记者从{H}统计局获悉，{period@$p}，{H}[经济运行稳中向好|主要经济指标稳中有进]。"),
    (
        Kind::Economy,
        "{period@$p}，全{H.u}[实现|完成]地区生产总值{x:100-3000}亿元，同比增长{x@$g:2-12}%，增速[高于全{C.u}平均水平|居全{C.u}前列]。",
    ),
    (
        Kind::Interview,
        "[作为|身为]{C}[中心城区|重要节点城市|发展的重要一极]之一的{H.s}，将如何[抢抓|把握]{reg}建设机遇？",
    ),
    (Kind::Interview, "“{claim}。”[接受|在接受]{out}记者专访时，{H.sect}{H.sec}[这样说|开门见山地说]。"),
];

/// Titles by kind, each with the lead it goes with (its number among the kind's leads, 0 for
/// any lead).
const TITLES: &[(Kind, u8, &str)] = &[
    (Kind::Signing, 0, "{H}与{X}签署[战略合作框架协议|深化合作协议]"),
    (Kind::Signing, 0, "{H.s}{X.s}携手[共建|打造]{F}产业合作[示范区|高地]"),
    (Kind::Signing, 2, "{H.s}：签约{n@$s:5-30}个项目 总额{x@$t:20-400}亿元"),
    (Kind::Signing, 0, "[深化|推进]{reg}建设 {H.s}{X.s}[签约|握手]"),
    (Kind::Projects, 1, "{H}集中开工{n@$k:8-60}个重大项目 总投资{x@$i:40-600}亿元"),
    (Kind::Projects, 2, "{J}开工"),
    (Kind::Projects, 0, "{H.s}：[重点项目建设跑出“加速度”|项目建设热潮涌动]"),
    (Kind::Projects, 2, "[总投资|投资]{x@$j:5-80}亿元！{J}[开工|开工建设]"),
    (Kind::Visit, 1, "{H}党政代表团赴{X}考察"),
    (Kind::Visit, 2, "{C.sect}{C.sec}到{H}调研[{F}产业|产业发展]"),
    (Kind::Visit, 3, "{X.s}代表团来{H.s}考察[对接|交流]"),
    (Kind::Meeting, 1, "{H}召开{F}高质量发展大会"),
    (Kind::Meeting, 2, "{H.c}常委会召开[会议|扩大会议]"),
    (Kind::Meeting, 3, "{H}第{cn@$a:15-19}届人大第{cn@$b:1-6}次会议开幕"),
    (Kind::Company, 1, "{M.s}{M.prod}[发布|亮相]"),
    (Kind::Company, 0, "{M.f}[落户|投资]{H}"),
    (Kind::Company, 0, "{M.s}：[“智”造|创新]驱动[跑出加速度|赢得新市场]"),
    (Kind::University, 1, "{U}与{H}[签署校地合作协议|携手共建{U.inst}]"),
    (Kind::University, 2, "{U.inst}落户{H}"),
    (Kind::Economy, 2, "{H}{period@$p}地区生产总值增长{x@$g:2-12}%"),
    (Kind::Economy, 0, "{period@$p}{H.s}经济运行稳中[有进|向好]"),
    (Kind::Interview, 0, "{H.s}：[打造|建设]{slogan}[ 争当|，奋力建设]{reg}[排头兵|先行区]"),
    (Kind::Interview, 0, "[专访|访谈]{H.sect}{H.sec}"),
    (Kind::Interview, 0, "{H.sec}：[奋力|加快]建设{reg}先行区"),
];

/// Credit lines (the first is no credit line).
const CREDITS: &[&str] = &[
    "",
    "来源:{out}  时间:{iso} {hm}",
    "来源：{out}　{iso}",
    "记者 {rep} 通讯员 {corr}",
    "{out}记者 {rep}",
    "发布时间：{iso} {hm}　来源：{out}　作者：{rep}",
    "{fdate} {hm}　来源：{out}",
];

/// Endings (the first is none).
const ENDINGS: &[&str] = &["", "（责任编辑：{ed}）", "(责任编辑:{ed})", "编辑：{ed}　审核：{ed}", "{out}记者 {rep}"];

// ---------------------------------------------------------------------------------------------
// The world

/// Who a mention names (for tests of the name distribution).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum MentionKind {
    Person,
    Place,
    Org,
}

/// Facts of one story.
#[derive(Debug, Clone)]
struct Facts {
    /// Seed of the values bound across the story (`{n@$tag:…}`).
    seed: u64,
    kind: Kind,
    day: i64,
    home: &'static Area,
    partner: &'static Area,
    company: u64,
    univ: u64,
    project: u64,
    zone: u64,
    field: &'static str,
    country: &'static Country,
}

/// One planned sentence: its template and the seed its facts are drawn from.
#[derive(Debug, Clone, Copy)]
struct Sent {
    tpl: &'static str,
    seed: u64,
}

#[derive(Debug, Clone)]
struct Story {
    facts: Facts,
    title: Sent,
    /// The lead's number among the kind's leads (titles go with it).
    lead: u8,
    paras: Vec<Vec<Sent>>,
    /// The outlet of the first edition.
    outlet: u64,
}

/// How a story is told in one file.
#[derive(Debug, Clone)]
struct Edition {
    story: usize,
    /// 0 for the original wording; retellings reword some sentences with this.
    variant: u64,
    outlet: u64,
    /// Seed of the layout choices (credit line, ending, separators, punctuation).
    style: u64,
    gbk: bool,
    retell: bool,
}

/// A rendered article in parts.
struct Parts {
    title: String,
    credit: String,
    paragraphs: Vec<String>,
    ending: String,
}

struct World {
    seed: u64,
    gaz: &'static Gazetteer,
    /// Places that can be a story's home or partner, most newsworthy first.
    homes: Vec<&'static Area>,
    surnames: Vec<&'static str>,
    compound_surnames: Vec<&'static str>,
    /// Countries, most often reported first.
    countries: Vec<&'static Country>,
    /// Province adcode → one-character abbreviation (川, 渝).
    abbreviations: HashMap<u32, &'static str>,
    by_cat: Vec<Vec<&'static str>>,
}

/// Zipf laws and pool sizes: the most reported place is the home of about one story in twenty,
/// the most reported company and university are named in a few percent of the articles.
const HOME_S: f64 = 1.0;
const HOME_Q: f64 = 1.0;
const COMPANIES: usize = 60_000;
const COMPANY_S: f64 = 1.0;
const COMPANY_Q: f64 = 5.0;
const UNIVERSITIES: usize = 2_000;
const UNIVERSITY_Q: f64 = 2.0;
const COUNTRY_Q: f64 = 3.0;
const PROJECTS_PER_PLACE: usize = 400;
const OUTLETS: usize = 300;

/// Unit word of an area (市, 区, 县, 省, 自治区, 州, 旗, 盟).
fn unit(a: &Area) -> &'static str {
    if a.level == Level::Province {
        return if a.name.ends_with("自治区") {
            "自治区"
        } else if a.name.ends_with('市') {
            "市"
        } else {
            "省"
        };
    }
    match a.name.chars().last() {
        Some('县') => "县",
        Some('市') => "市",
        Some('旗') => "旗",
        Some('州') => "州",
        Some('盟') => "盟",
        _ => "区",
    }
}

fn short(a: &Area) -> &str {
    if a.short.chars().count() >= 2 { &a.short } else { &a.name }
}

fn is_autonomous_region(a: &Area) -> bool {
    a.level == Level::Province && a.name.ends_with("自治区")
}

/// 市委, 区委, 省委, 自治区党委.
fn committee_short(a: &Area) -> String {
    if is_autonomous_region(a) { "自治区党委".to_owned() } else { format!("{}委", unit(a)) }
}

/// 北碚区委, 四川省委, 广西壮族自治区党委.
fn committee_full(a: &Area) -> String {
    if is_autonomous_region(a) { format!("{}党委", a.name) } else { format!("{}委", a.name) }
}

/// 区长, 市长, 省长, 主席.
fn head_title(a: &Area) -> String {
    if is_autonomous_region(a) { "主席".to_owned() } else { format!("{}长", unit(a)) }
}

/// Posts of the standing committee (before the name), by index.
const COMMITTEE_POSTS: &[&str] =
    &["组织部部长", "宣传部部长", "统战部部长", "政法委书记", "纪委书记、监委主任", "秘书长", "武装部部长", "常务副"];

impl World {
    fn new(seed: u64) -> Self {
        let gaz = Gazetteer::get();
        let lex = Lexicon::get();
        let mut rng = Rng::new(mix(seed, hash_str("world")));
        let mut provinces: Vec<u32> = Vec::new();
        let mut eligible: Vec<&'static Area> = Vec::new();
        for adcode in 100_000..=999_999u32 {
            let Some(a) = gaz.area(adcode) else { continue };
            match a.level {
                Level::Province => provinces.push(adcode),
                Level::City if a.name.ends_with('市') || a.name.ends_with("自治州") => eligible.push(a),
                Level::County
                    if ['区', '县', '市', '旗'].iter().any(|&c| a.name.ends_with(c))
                        && !a.name.ends_with("地区")
                        // functional zones (经济技术开发区, 高新区) have no county government
                        && !["开发区", "园区", "高新", "管理区", "示范区", "试验区"].iter().any(|w| a.name.contains(w))
                        && a.parent.and_then(|p| gaz.area(p)).is_some() =>
                {
                    eligible.push(a);
                }
                _ => {}
            }
        }
        // two focus provinces: a regional corpus mostly reports on a region
        let focus: Vec<u32> = (0..2).map(|_| *rng.pick(&provinces)).collect();
        let world_province = |a: &Area| {
            let mut cur = a;
            while let Some(p) = cur.parent.and_then(|p| gaz.area(p)) {
                cur = p;
            }
            cur.adcode
        };
        let mut keyed: Vec<(f64, &'static Area)> = eligible
            .into_iter()
            .map(|a| {
                let mut key = rng.unit() * if a.level == Level::City { 1.0 } else { 2.5 };
                if !focus.contains(&world_province(a)) {
                    key += 3.0;
                }
                (key, a)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.adcode.cmp(&b.1.adcode)));
        let homes = keyed.into_iter().map(|(_, a)| a).collect();

        let all = gaz.countries();
        let mut countries: Vec<&'static Country> =
            HEAD_COUNTRIES.iter().filter_map(|n| all.iter().find(|c| c.name == *n)).collect();
        let mut rest: Vec<&'static Country> =
            all.iter().filter(|c| !HEAD_COUNTRIES.contains(&c.name.as_str())).collect();
        for i in (1..rest.len()).rev() {
            let j = rng.below(i + 1);
            rest.swap(i, j);
        }
        countries.extend(rest);

        let mut abbreviations = HashMap::new();
        for row in lex.place_abbreviations.rows() {
            if let [abbr, full, ..] = row.as_slice()
                && let Some((a, _)) = gaz.lookup(full).find(|(a, _)| a.level == Level::Province)
            {
                abbreviations.entry(a.adcode).or_insert(abbr.as_str());
            }
        }

        let mut by_cat = vec![Vec::new(); NCAT];
        for &(cat, tpl) in TEMPLATES {
            by_cat[cat as usize].push(tpl);
        }
        Self {
            seed,
            gaz,
            homes,
            surnames: lex.surnames.iter().collect(),
            compound_surnames: lex.compound_surnames.iter().collect(),
            countries,
            abbreviations,
            by_cat,
        }
    }

    /// The level above an area (its city, or its province), skipping 省直辖 placeholders.
    fn upper(&self, a: &'static Area) -> &'static Area {
        let mut cur = a;
        while let Some(p) = cur.parent.and_then(|p| self.gaz.area(p)) {
            if !p.name.ends_with("行政区划") {
                return p;
            }
            cur = p;
        }
        a
    }

    fn province(&self, a: &'static Area) -> &'static Area {
        self.gaz.ancestors(a.adcode).last().unwrap_or(a)
    }

    fn home_at(&self, rng: &mut Rng) -> &'static Area {
        self.homes[rng.zipf_flat(self.homes.len(), HOME_S, HOME_Q)]
    }

    fn person(&self, h: u64) -> String {
        let mut rng = Rng::new(mix(self.seed, h));
        let surname = if rng.chance(0.01) {
            rng.word(&self.compound_surnames)
        } else {
            self.surnames[rng.zipf(self.surnames.len(), 0.9)]
        };
        let mut name = surname.to_owned();
        name.push_str(rng.word(GIVEN));
        if rng.chance(0.72) {
            name.push_str(rng.word(GIVEN));
        }
        name
    }

    fn foreign_person(rng: &mut Rng) -> String {
        let mut name = String::new();
        for part in 0..2 {
            if part == 1 {
                name.push('·');
            }
            for _ in 0..rng.range(2, 3) {
                name.push_str(rng.word(FOREIGN_SYLLABLES));
            }
        }
        name
    }

    /// An official of `a`: post code, index within the post, and the term by the story's year.
    fn official(&self, a: &Area, post: u64, k: u64, year: i64) -> String {
        let offset = mix(u64::from(a.adcode), 7) % 5;
        let term = (year.unsigned_abs() + offset) / 5;
        self.person(mix(mix(hash_str("official"), u64::from(a.adcode)), post * 1000 + k * 10 + term))
    }

    fn stem(rng: &mut Rng) -> String {
        let a = rng.word(STEM_A);
        let mut b = rng.word(STEM_B);
        if b == a {
            b = "远";
        }
        format!("{a}{b}")
    }

    fn town_stem(rng: &mut Rng) -> String {
        format!("{}{}", rng.pick(TOWN_A), rng.pick(TOWN_B))
    }

    fn town(&self, a: &Area, k: u64) -> String {
        let mut rng = Rng::new(mix(self.seed, mix(u64::from(a.adcode), hash_str("town") ^ k)));
        let stem = Self::town_stem(&mut rng);
        let kind = rng.word(&["镇", "镇", "镇", "街道", "街道", "乡"]);
        format!("{stem}{kind}")
    }

    fn zone(&self, a: &Area, k: u64) -> String {
        let mut rng = Rng::new(mix(self.seed, mix(u64::from(a.adcode), hash_str("zone") ^ k)));
        let s = short(a);
        match k {
            0 => format!("{s}{}", rng.pick(&["高新区", "经开区", "经济技术开发区", "高新技术产业开发区"])),
            1 => format!("{s}工业园区"),
            _ => {
                let stem = Self::town_stem(&mut rng);
                format!(
                    "{stem}{}",
                    rng.pick(&["产业园", "科技园", "片区", "新城", "物流园", "智慧园", "产业新城", "工业园"])
                )
            }
        }
    }

    fn company(&self, id: u64) -> Company {
        let mut rng = Rng::new(mix(self.seed, mix(hash_str("company"), id)));
        let hq = self.home_at(&mut rng);
        let stem =
            if rng.chance(0.3) && short(hq).chars().count() == 2 { short(hq).to_owned() } else { Self::stem(&mut rng) };
        let industry = rng.below(INDUSTRIES.len());
        let (word, _, _) = INDUSTRIES[industry];
        let form = rng.word(COMPANY_FORMS);
        let prefix = if rng.chance(0.3) { short(self.province(hq)).to_owned() } else { String::new() };
        let full =
            if form == "集团" { format!("{prefix}{stem}集团") } else { format!("{prefix}{stem}{word}{form}") };
        let short_name =
            if form.contains("集团") && rng.chance(0.5) { format!("{stem}集团") } else { format!("{stem}{word}") };
        Company { full, short: short_name, stem, industry, hq }
    }

    fn university(&self, id: u64) -> String {
        let mut rng = Rng::new(mix(self.seed, mix(hash_str("university"), id)));
        let place = self.home_at(&mut rng);
        let province = short(self.province(place)).to_owned();
        let city = short(self.upper(place)).to_owned();
        let city = if self.upper(place).level == Level::City { city } else { short(place).to_owned() };
        match rng.below(12) {
            0 => format!("{province}大学"),
            1 => format!("{province}理工大学"),
            2 => format!("{province}师范大学"),
            3 => format!("{province}农业大学"),
            4 => format!("{province}医科大学"),
            5 => format!("{province}科技大学"),
            6 => format!("{province}财经大学"),
            7 => format!("{city}大学"),
            8 => format!("{city}学院"),
            9 => format!("{city}职业技术学院"),
            10 => format!("{city}师范学院"),
            _ => format!("{}{}大学", Self::stem(&mut rng), rng.pick(&["科技", "工业", "交通", "电子"])),
        }
    }

    /// A research platform of a university or a place.
    fn institute(&self, rng: &mut Rng, univ: Option<&str>, place: &'static Area) -> String {
        let field = rng.pick(FIELDS);
        match (univ, rng.below(5)) {
            (Some(u), 0 | 1) => format!("{u}{field}研究院"),
            (Some(u), 2) => format!("{u}{}{field}产业技术研究院", short(place)),
            (_, 3) => format!("国家{field}工程技术研究中心"),
            (_, 4) => format!("{}{field}重点实验室", short(self.province(place))),
            _ => format!("{}{field}产业技术研究院", short(place)),
        }
    }

    fn project(&self, a: &'static Area, k: u64) -> String {
        let mut rng = Rng::new(mix(self.seed, mix(u64::from(a.adcode), hash_str("project") ^ k)));
        let s = short(a);
        match rng.below(14) {
            0 => format!("{s}{}产业园{}", rng.pick(FIELDS), rng.pick(&["项目", "一期项目", "建设项目"])),
            1 | 2 => {
                let co = self.company(rng.range(0, COMPANIES as u64));
                let (word, _, products) = INDUSTRIES[co.industry];
                format!(
                    "{}{word}年产{}万{}{}项目",
                    co.stem,
                    rng.range(1, 60),
                    rng.pick(&["吨", "台", "套", "件"]),
                    rng.pick(products)
                )
            }
            3 => format!(
                "{}{}{}",
                self.town(a, rng.range(0, 20)),
                rng.pick(&["安置房", "棚户区改造", "农贸市场", "污水处理厂", "中心小学"]),
                rng.pick(&["项目", "工程", "建设项目"])
            ),
            4 => format!(
                "{s}{}{}{}工程",
                Self::town_stem(&mut rng),
                rng.pick(&["大道", "路", "快速路"]),
                rng.pick(&["改扩建", "延伸段", "道路"])
            ),
            5 => format!("{s}城市轨道交通{}号线{}工程", rng.range(1, 12), rng.pick(&["一期", "二期"])),
            6 => format!("{s}人民医院{}建设项目", rng.pick(&["新院区", "门诊综合楼", "住院大楼"])),
            7 => format!("{s}{}项目", rng.pick(&["智慧物流园", "冷链物流中心", "综合物流园", "国际陆港"])),
            8 | 9 => {
                let co = self.company(rng.range(0, COMPANIES as u64));
                format!(
                    "{}{}{}项目",
                    co.stem,
                    INDUSTRIES[co.industry].0,
                    rng.pick(&["智能制造基地", "总部基地", "研发中心", "生产基地"])
                )
            }
            10 => format!("{s}{}{}生态修复工程", Self::town_stem(&mut rng), rng.pick(&["河", "江", "湖"])),
            11 => format!("{s}{}项目", rng.pick(&["数据中心", "算力中心", "大数据产业园"])),
            12 => format!("{s}{}项目", rng.pick(&["国际会展中心", "体育中心", "文化艺术中心", "科技馆"])),
            _ => format!("{s}{}万千瓦{}项目", rng.range(5, 200), rng.pick(&["光伏", "风电", "农光互补"])),
        }
    }

    fn document(&self, rng: &mut Rng, f: &Facts) -> String {
        let field = rng.pick(FIELDS);
        let (year, _, _) = civil(f.day);
        let h = f.home;
        match rng.below(7) {
            0 => format!("《关于加快推进{field}高质量发展的{}》", rng.pick(&["若干意见", "实施意见"])),
            1 => format!("《{}{field}产业发展三年行动计划（{year}—{}年）》", h.name, year + 2),
            2 => format!("《{}{}{}》", short(h), short(f.partner), rng.pick(&["战略合作框架协议", "合作备忘录"])),
            3 => format!("《{}“十四五”{field}发展规划》", self.province(h).name),
            4 => format!("《{}{}{field}发展若干政策措施》", h.name, rng.pick(&["促进", "支持"])),
            5 => format!("《国务院关于推动{field}高质量发展的指导意见》"),
            _ => format!("《{}建设规划纲要》", self.region(rng, f)),
        }
    }

    /// A regional initiative concerning the story's home.
    fn region(&self, rng: &mut Rng, f: &Facts) -> String {
        let p1 = self.province(f.home).adcode;
        let p2 = self.province(f.partner).adcode;
        let home = self.abbreviations.get(&p1).copied().unwrap_or("");
        let near: Vec<&str> = REGIONS
            .iter()
            .filter(|(_, provinces)| provinces.is_empty() || (!home.is_empty() && provinces.contains(home)))
            .map(|r| r.0)
            .collect();
        let k = rng.zipf(near.len() + 2, 1.0);
        if k < near.len() {
            return near[k].to_owned();
        }
        match (self.abbreviations.get(&p1), self.abbreviations.get(&p2), rng.below(3)) {
            (Some(a), Some(b), 0) if a != b => format!("{a}{b}合作示范区"),
            (Some(a), Some(b), 1) if a != b => format!("{a}{b}协同发展示范区"),
            _ => format!("{}都市圈", short(self.upper(f.home))),
        }
    }

    fn slogan(rng: &mut Rng) -> String {
        let a = chinese_number(rng.range(1, 5));
        let b = chinese_number(rng.range(1, 3));
        let i = rng.below(SLOGAN_NOUNS.len());
        let j = (i + 1 + rng.below(SLOGAN_NOUNS.len() - 1)) % SLOGAN_NOUNS.len();
        format!("“{a}{}{b}{}”", SLOGAN_NOUNS[i], SLOGAN_NOUNS[j])
    }

    fn outlet(&self, id: u64) -> String {
        let mut rng = Rng::new(mix(self.seed, mix(hash_str("outlet"), id)));
        let place = self.home_at(&mut rng);
        let p = short(self.province(place)).to_owned();
        let s = short(place).to_owned();
        if place.level == Level::City {
            match rng.below(6) {
                0 => format!("{s}日报"),
                1 => format!("{s}晚报"),
                2 => format!("{s}新闻网"),
                3 => format!("{s}发布"),
                4 => format!("{p}日报"),
                _ => format!("{p}广播电视台"),
            }
        } else {
            match rng.below(5) {
                0 => format!("{s}融媒体中心"),
                1 => format!("{s}新闻网"),
                2 => format!("{p}经济网"),
                3 => format!("{}网", Self::stem(&mut rng)),
                _ => format!("{p}日报"),
            }
        }
    }

    /// Plans a new story: facts, title and sentences, rendering them once to fit `target_chars`.
    #[allow(clippy::cast_sign_loss)] // lengths are positive
    fn plan(&self, seed: u64, day: i64, target_chars: usize, outlet_seed: u64) -> Story {
        let mut rng = Rng::new(seed);
        let kind = KINDS[rng.weighted(&KIND_WEIGHTS)];
        let home = self.home_at(&mut rng);
        let mut partner = self.home_at(&mut rng);
        while partner.adcode == home.adcode {
            partner = self.home_at(&mut rng);
        }
        let facts = Facts {
            seed: rng.next_u64(),
            kind,
            day,
            home,
            partner,
            company: rng.zipf_flat(COMPANIES, COMPANY_S, COMPANY_Q) as u64,
            univ: rng.zipf_flat(UNIVERSITIES, 1.0, UNIVERSITY_Q) as u64,
            project: rng.zipf(PROJECTS_PER_PLACE, 1.0) as u64,
            zone: rng.zipf(12, 1.2) as u64,
            field: FIELDS[rng.zipf(FIELDS.len(), 0.8)],
            country: self.countries[rng.zipf_flat(self.countries.len(), 1.0, COUNTRY_Q)],
        };
        let outlet = Rng::new(outlet_seed).zipf(OUTLETS, 1.0) as u64;
        let ed = Edition { story: 0, variant: 0, outlet, style: 0, gbk: false, retell: false };
        let mut ctx = Ctx::new(self, &facts, &ed);

        let titles: Vec<(u8, &'static str)> = TITLES.iter().filter(|t| t.0 == kind).map(|t| (t.1, t.2)).collect();
        let &(tag, tpl) = rng.pick(&titles);
        let title = Sent { tpl, seed: rng.next_u64() };
        let leads: Vec<&'static str> = LEADS.iter().filter(|t| t.0 == kind).map(|t| t.1).collect();
        let lead = if tag == 0 { rng.below(leads.len()) } else { usize::from(tag) - 1 };
        let title_len = ctx.sentence(title, 0).chars().count();

        // lengths spread over about ±50% of the target, peaking at it
        let length = target_chars as f64 * (0.5 + f64::midpoint(rng.unit(), rng.unit()));
        let body = (length - title_len as f64 - 24.0).max(60.0);
        let per_para = 120.0 + rng.unit() * 110.0;
        let n_paras = ((body / per_para).round() as usize).clamp(4, 10);
        let weights = CAT_WEIGHTS[kind as usize];

        let mut used: Vec<&'static str> = Vec::new();
        let mut paras = Vec::with_capacity(n_paras);
        let mut written = 0.0;
        for p in 0..n_paras {
            let budget = (body - written) / (n_paras - p) as f64 * (0.7 + rng.unit() * 0.6);
            let plain = p > 0 && rng.chance(0.08);
            let theme = if plain { Cat::Plain as usize } else { rng.weighted(&weights) };
            let mut sents = Vec::new();
            let mut len = 0.0;
            if p == 0 {
                let s = Sent { tpl: leads[lead], seed: rng.next_u64() };
                used.push(s.tpl);
                len += ctx.sentence(s, 0).chars().count() as f64;
                sents.push(s);
            }
            // close the paragraph about half a sentence early so lengths do not overshoot
            while sents.is_empty() || len < budget - 22.0 {
                let tpl = self.fresh_template(&mut rng, plain, theme, &weights, &used);
                used.push(tpl);
                let s = Sent { tpl, seed: rng.next_u64() };
                len += ctx.sentence(s, 0).chars().count() as f64;
                sents.push(s);
            }
            written += len;
            paras.push(sents);
        }
        Story { facts, title, lead: u8::try_from(lead + 1).unwrap_or(0), paras, outlet }
    }

    /// A template not used yet in the article: from the paragraph's theme mostly, else from the
    /// kind's mix; a template is used twice only when a long article has exhausted them.
    fn fresh_template(&self, rng: &mut Rng, plain: bool, theme: usize, weights: &[u32], used: &[&str]) -> &'static str {
        for attempt in 0..8 {
            let cat = if plain || (attempt == 0 && rng.chance(0.8)) { theme } else { rng.weighted(weights) };
            let pool = &self.by_cat[cat];
            if pool.iter().filter(|t| used.contains(t)).count() >= CAT_CAPS[cat] {
                continue;
            }
            let fresh: Vec<&'static str> = pool.iter().copied().filter(|t| !used.contains(t)).collect();
            if !fresh.is_empty() {
                return rng.word(&fresh);
            }
        }
        rng.word(&self.by_cat[if plain { Cat::Plain } else { Cat::Filler } as usize])
    }

    /// Renders an edition of a story in parts.
    fn render_parts(&self, story: &Story, ed: &Edition) -> Parts {
        let mut ctx = Ctx::new(self, &story.facts, ed);
        Self::render_with(&mut ctx, story, ed)
    }

    fn render_with(ctx: &mut Ctx<'_>, story: &Story, ed: &Edition) -> Parts {
        let mut style = Rng::new(mix(ed.style, 1));
        let mut retell = Rng::new(mix(ed.variant, hash_str("retell")));
        let titles: Vec<&'static str> =
            TITLES.iter().filter(|t| t.0 == story.facts.kind && (t.1 == 0 || t.1 == story.lead)).map(|t| t.2).collect();
        let title = if ed.retell && retell.chance(0.6) {
            let tpl = if retell.chance(0.5) { retell.word(&titles) } else { story.title.tpl };
            ctx.sentence(Sent { tpl, seed: story.title.seed }, ed.variant)
        } else {
            ctx.sentence(story.title, 0)
        };

        let mut paras = story.paras.clone();
        if ed.retell {
            for para in &mut paras {
                if para.len() > 2 && retell.chance(0.35) {
                    let i = 1 + retell.below(para.len() - 2);
                    para.swap(i, i + 1);
                }
                if para.len() > 3 && retell.chance(0.15) {
                    para.remove(1 + retell.below(para.len() - 1));
                }
            }
            if paras.len() > 3 && retell.chance(0.3) {
                let i = 1 + retell.below(paras.len() - 2);
                paras.swap(i, i + 1);
            }
        }

        let credit_style = style.below(CREDITS.len());
        let credit_seed = mix(ed.style, hash_str("credit"));
        let credit = ctx.sentence(Sent { tpl: CREDITS[credit_style], seed: credit_seed }, 0);
        let lead_prefix =
            if credit_style == 0 || credit_style == 1 || credit_style == 2 { style.chance(0.35) } else { false };
        let mut paragraphs = Vec::with_capacity(paras.len());
        for (i, para) in paras.iter().enumerate() {
            let mut text = String::new();
            if i == 0 && lead_prefix {
                let tpl = style.word(&[
                    "{out}讯（记者 {rep}）",
                    "{out}讯（记者 {rep} 通讯员 {corr}）",
                    "本报讯（记者 {rep}）",
                ]);
                text.push_str(&ctx.sentence(Sent { tpl, seed: credit_seed }, 0));
            }
            for &s in para {
                let variant = if ed.retell && retell.chance(0.3) { ed.variant } else { 0 };
                text.push_str(&ctx.sentence(s, variant));
            }
            paragraphs.push(text);
        }
        let ending = if style.chance(0.45) {
            let tpl = ENDINGS[1 + style.below(ENDINGS.len() - 1)];
            ctx.sentence(Sent { tpl, seed: credit_seed }, 0)
        } else {
            String::new()
        };
        Parts { title, credit, paragraphs, ending }
    }

    /// The whole text of an edition, with the mentions it made.
    fn render(&self, story: &Story, ed: &Edition) -> (String, Vec<(MentionKind, String)>) {
        let mut ctx = Ctx::new(self, &story.facts, ed);
        let parts = Self::render_with(&mut ctx, story, ed);
        let mut style = Rng::new(mix(ed.style, 2));
        let sep = if style.chance(0.6) { "\n\n" } else { "\n" };
        let indent = if style.chance(0.25) { "\u{3000}\u{3000}" } else { "" };
        let mut text = parts.title;
        text.push_str(sep);
        if !parts.credit.is_empty() {
            text.push_str(&parts.credit);
            text.push_str(sep);
        }
        for p in &parts.paragraphs {
            text.push_str(indent);
            text.push_str(p);
            text.push_str(sep);
        }
        if !parts.ending.is_empty() {
            text.push_str(&parts.ending);
            text.push('\n');
        }
        if style.chance(0.1) {
            // some sites store half-width punctuation
            text = text.chars().map(half_width).collect();
        }
        (text, ctx.mentions)
    }
}

fn half_width(c: char) -> char {
    match c {
        '，' => ',',
        '：' => ':',
        '（' => '(',
        '）' => ')',
        '；' => ';',
        _ => c,
    }
}

struct Company {
    full: String,
    short: String,
    stem: String,
    industry: usize,
    hq: &'static Area,
}

// ---------------------------------------------------------------------------------------------
// Rendering

/// State of one rendering: facts, the outlet, which companies were named already, mentions.
struct Ctx<'a> {
    w: &'a World,
    f: &'a Facts,
    outlet: String,
    minute: u64,
    named_companies: Vec<u64>,
    /// Whether the home place was named in full already.
    home_named: bool,
    mentions: Vec<(MentionKind, String)>,
}

impl<'a> Ctx<'a> {
    fn new(w: &'a World, f: &'a Facts, ed: &Edition) -> Self {
        let minute = Rng::new(mix(ed.style, 3)).range(7 * 60, 22 * 60);
        Self {
            w,
            f,
            outlet: w.outlet(ed.outlet),
            minute,
            named_companies: Vec::new(),
            home_named: false,
            mentions: Vec::new(),
        }
    }

    fn year(&self) -> i64 {
        civil(self.f.day).0
    }

    /// Renders one sentence: facts from its seed, wording from its seed and `variant`.
    fn sentence(&mut self, s: Sent, variant: u64) -> String {
        let mut wording = Rng::new(mix(s.seed, variant ^ 0x5EED));
        let mut out = String::new();
        let mut occurrences: Vec<(&'static str, u64)> = Vec::new();
        let mut used: Vec<String> = Vec::new();
        self.expand(s.tpl, s.seed, &mut wording, &mut occurrences, &mut used, &mut out);
        out
    }

    fn expand(
        &mut self,
        tpl: &'static str,
        seed: u64,
        wording: &mut Rng,
        occurrences: &mut Vec<(&'static str, u64)>,
        used: &mut Vec<String>,
        out: &mut String,
    ) {
        let mut rest = tpl;
        while let Some(c) = rest.chars().next() {
            match c {
                '[' => {
                    let (alternatives, after) = split_alternatives(rest);
                    let chosen = alternatives[wording.below(alternatives.len())];
                    self.expand(chosen, seed, wording, occurrences, used, out);
                    rest = after;
                }
                '{' => {
                    let end = rest.find('}').unwrap_or(rest.len() - 1);
                    let key = &rest[1..end];
                    rest = &rest[end + 1..];
                    let occurrence = if let Some((_, n)) = occurrences.iter_mut().find(|(k, _)| *k == key) {
                        *n += 1;
                        *n
                    } else {
                        occurrences.push((key, 0));
                        0
                    };
                    self.placeholder(key, seed, occurrence, used, out);
                }
                _ => {
                    out.push(c);
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
    }

    fn placeholder(&mut self, key: &str, seed: u64, occurrence: u64, used: &mut Vec<String>, out: &mut String) {
        let (key, args) = key.split_once(':').unwrap_or((key, ""));
        let (key, field) = key.split_once('.').unwrap_or((key, ""));
        let (base, bind) = key.split_once('@').unwrap_or((key, ""));
        let entity_seed = if let Some(tag) = bind.strip_prefix('$') {
            // bound across the story: the title and the body give the same number
            mix(self.f.seed, hash_str(base) ^ hash_str(tag).rotate_left(11) ^ hash_str(args).rotate_left(29))
        } else if bind.is_empty() {
            mix(seed, hash_str(key) ^ hash_str(field).rotate_left(7) ^ occurrence.wrapping_mul(0x1000_0001))
        } else {
            mix(seed, hash_str(key))
        };
        let mut rng = Rng::new(entity_seed);
        // a fresh choice is drawn again (up to a few times) if the sentence already named it
        let mut value = self.fill(base, field, args, &mut rng);
        if bind.is_empty() {
            for _ in 0..6 {
                if !used.contains(&value) {
                    break;
                }
                value = self.fill(base, field, args, &mut rng);
            }
        }
        used.push(value.clone());
        out.push_str(&value);
    }

    fn mention(&mut self, kind: MentionKind, name: String) -> String {
        self.mentions.push((kind, name.clone()));
        name
    }

    fn area_of(&self, base: &str, rng: &mut Rng) -> Option<&'static Area> {
        Some(match base {
            "H" => self.f.home,
            "C" => self.w.upper(self.f.home),
            "P" => self.w.province(self.f.home),
            "X" => self.f.partner,
            "A" => {
                let mut a = self.w.home_at(rng);
                if a.adcode == self.f.home.adcode {
                    a = self.w.home_at(rng);
                }
                a
            }
            _ => return None,
        })
    }

    #[allow(clippy::too_many_lines)]
    fn fill(&mut self, base: &str, field: &str, args: &str, rng: &mut Rng) -> String {
        use MentionKind::{Org, Person, Place};
        if let Some(a) = self.area_of(base, rng) {
            return self.area_field(a, field, rng);
        }
        let year = self.year();
        let (lo, hi) = parse_range(args);
        match (base, field) {
            ("n", _) => rng.range(lo, hi).to_string(),
            ("x", _) => {
                let v = lo as f64 + rng.unit() * (hi - lo) as f64;
                if v >= 100.0 && rng.chance(0.6) { format!("{v:.0}") } else { format!("{v:.1}") }
            }
            ("na", _) => round_number(rng.range(lo, hi)).to_string(),
            ("cn", _) => chinese_number(rng.range(lo, hi)),
            ("date", _) => {
                let (_, m, d) = civil(self.f.day);
                format!("{m}月{d}日")
            }
            ("date2", _) => {
                let (_, m, d) = civil(self.f.day + 1 + i64::try_from(rng.below(3)).unwrap_or(0));
                format!("{m}月{d}日")
            }
            ("fdate", _) => {
                let (y, m, d) = civil(self.f.day);
                format!("{y}年{m}月{d}日")
            }
            ("iso", _) => {
                let (y, m, d) = civil(self.f.day);
                format!("{y}-{m:02}-{d:02}")
            }
            ("hm", _) => format!("{:02}:{:02}", self.minute / 60, self.minute % 60),
            ("month", _) => format!("{}月", civil(self.f.day).1),
            ("year", _) => year.to_string(),
            ("pyear", _) => (year - 1).to_string(),
            ("nyear", _) => (year + i64::from(rng.chance(0.6)) + 1).to_string(),
            ("fyear", _) => (year + 3 + i64::try_from(rng.below(4)).unwrap_or(0)).to_string(),
            ("period", _) => {
                let m = civil(self.f.day).1;
                match rng.below(5) {
                    0 => "今年以来".to_owned(),
                    1 => format!("{}年", year - 1),
                    2 if m > 7 => "今年上半年".to_owned(),
                    3 if m > 3 => format!("今年1—{}月", m - 1),
                    _ => "今年一季度".to_owned(),
                }
            }
            ("M" | "co", _) => {
                let id =
                    if base == "M" { self.f.company } else { rng.zipf_flat(COMPANIES, COMPANY_S, COMPANY_Q) as u64 };
                self.company_field(id, field, rng)
            }
            ("U" | "univ", _) => {
                let id = if base == "U" { self.f.univ } else { rng.zipf_flat(UNIVERSITIES, 1.0, UNIVERSITY_Q) as u64 };
                let name = self.w.university(id);
                // one university, one president: staff follow the name, not the id
                let role = |post: u64, k: u64| mix(mix(hash_str("university staff"), hash_str(&name)), post * 100 + k);
                match field {
                    "pres" => {
                        let p = self.w.person(role(1, 0));
                        self.mention(Person, p)
                    }
                    "sec" => {
                        let p = self.w.person(role(2, 0));
                        self.mention(Person, p)
                    }
                    "prof" => {
                        let p = self.w.person(role(3, rng.zipf(40, 1.0) as u64));
                        self.mention(Person, p)
                    }
                    "inst" => {
                        let mut r = Rng::new(mix(hash_str(&name), self.f.home.adcode.into()));
                        let inst = self.w.institute(&mut r, Some(&name), self.f.home);
                        self.mention(Org, inst)
                    }
                    _ => self.mention(Org, name),
                }
            }
            ("inst", _) => {
                let univ =
                    rng.chance(0.4).then(|| self.w.university(rng.zipf_flat(UNIVERSITIES, 1.0, UNIVERSITY_Q) as u64));
                let place = self.w.home_at(rng);
                let inst = self.w.institute(rng, univ.as_deref(), place);
                self.mention(Org, inst)
            }
            ("J", _) => self.w.project(self.f.home, self.f.project),
            ("Z", _) => self.w.zone(self.f.home, self.f.zone),
            ("F", _) => self.f.field.to_owned(),
            ("fld", _) => FIELDS[rng.zipf(FIELDS.len(), 0.8)].to_owned(),
            ("prod", _) => {
                let products = rng.pick(INDUSTRIES).2;
                rng.word(products).to_owned()
            }
            ("W", "corp") => {
                let mut r = Rng::new(mix(hash_str(&self.f.country.name), self.f.company));
                let mut name = self.f.country.name.clone();
                for _ in 0..r.range(2, 3) {
                    name.push_str(r.word(FOREIGN_SYLLABLES));
                }
                name.push_str(r.word(&["集团", "公司", "股份公司"]));
                self.mention(Org, name)
            }
            ("W", "fname") => {
                let mut r = Rng::new(mix(hash_str(&self.f.country.name), year.unsigned_abs()));
                let name = World::foreign_person(&mut r);
                self.mention(Person, name)
            }
            ("W", _) => self.mention(Place, self.f.country.name.clone()),
            ("cty", _) => {
                let c = self.w.countries[rng.zipf_flat(self.w.countries.len(), 1.0, COUNTRY_Q)].name.clone();
                self.mention(Place, c)
            }
            ("doc", _) => self.w.document(rng, self.f),
            ("reg", _) => self.w.region(rng, self.f),
            ("slogan", _) => World::slogan(rng),
            ("vp", _) => rng.word(VERB_PHRASES).to_owned(),
            ("goal", _) => rng.word(GOALS).to_owned(),
            ("claim", _) => rng.word(CLAIMS).to_owned(),
            ("per", _) => {
                let p = self.w.person(mix(hash_str("citizen"), rng.zipf(2_000_000, 0.6) as u64));
                self.mention(Person, p)
            }
            ("exp", _) => {
                let p = self.w.person(mix(hash_str("expert"), rng.zipf(5_000, 1.0) as u64));
                self.mention(Person, p)
            }
            ("rep" | "corr" | "ed", _) => {
                let (salt, pool) = match base {
                    "rep" => ("reporter", 8),
                    "corr" => ("correspondent", 30),
                    _ => ("editor", 4),
                };
                let k = rng.zipf(pool, 1.0) as u64;
                // an outlet's staff follow its name
                let p = self.w.person(mix(mix(hash_str(salt), hash_str(&self.outlet)), k));
                self.mention(Person, p)
            }
            ("out", _) => self.outlet.clone(),
            _ => {
                debug_assert!(false, "unknown placeholder {base}.{field}");
                format!("{{?{base}}}")
            }
        }
    }

    fn area_field(&mut self, a: &'static Area, field: &str, rng: &mut Rng) -> String {
        use MentionKind::{Person, Place};
        let year = self.year();
        let w = self.w;
        let official = |post: u64, k: u64| w.official(a, post, k, year);
        match field {
            // once named, the home place is often 该县 or its short name, as reporters write
            "" if a.adcode == self.f.home.adcode && self.home_named && rng.chance(0.45) => {
                if rng.chance(0.55) {
                    format!("该{}", unit(a))
                } else {
                    self.mention(Place, short(a).to_owned())
                }
            }
            "" => {
                self.home_named |= a.adcode == self.f.home.adcode;
                self.mention(Place, a.name.clone())
            }
            "s" => self.mention(Place, short(a).to_owned()),
            "u" => unit(a).to_owned(),
            "ct" => committee_short(a),
            "c" => committee_full(a),
            "headt" => head_title(a),
            "sect" => format!("{}书记", committee_full(a)),
            "govt" => format!("{}{}", a.name, head_title(a)),
            "sec" => self.mention(Person, official(1, 0)),
            "gov" => self.mention(Person, official(2, 0)),
            "npc" => self.mention(Person, official(3, 0)),
            "cppcc" => self.mention(Person, official(4, 0)),
            "dsec" => self.mention(Person, official(5, 0)),
            "vgov" => {
                let k = rng.zipf(6, 0.8) as u64;
                self.mention(Person, official(6, k))
            }
            "lead" => {
                let k = rng.zipf(14, 0.7) as u64;
                let name = if k.is_multiple_of(2) { official(6, k / 2) } else { official(7, k / 2) };
                self.mention(Person, name)
            }
            "scp" => {
                let k = rng.zipf(COMMITTEE_POSTS.len(), 0.6);
                let post = if COMMITTEE_POSTS[k] == "常务副" {
                    format!("常务副{}", head_title(a))
                } else {
                    COMMITTEE_POSTS[k].to_owned()
                };
                let name = self.mention(Person, official(7, k as u64));
                format!("{}常委、{post}{name}", committee_short(a))
            }
            "proj" => self.w.project(a, rng.zipf(PROJECTS_PER_PLACE, 1.0) as u64),
            "zone" => self.w.zone(a, rng.zipf(12, 1.2) as u64),
            "town" => self.w.town(a, rng.zipf(30, 1.0) as u64),
            _ => {
                debug_assert!(false, "unknown area field {field}");
                format!("{{?{field}}}")
            }
        }
    }

    fn company_field(&mut self, id: u64, field: &str, rng: &mut Rng) -> String {
        use MentionKind::{Org, Person, Place};
        let w = self.w;
        let co = w.company(id);
        let staff = |post: u64| w.person(mix(mix(hash_str("company staff"), hash_str(&co.full)), post));
        match field {
            // the short name once the full name was given
            "s" if self.named_companies.contains(&id) => self.mention(Org, co.short),
            "f" | "s" => {
                self.named_companies.push(id);
                self.mention(Org, co.full)
            }
            "chair" => self.mention(Person, staff(1)),
            "gm" => self.mention(Person, staff(2)),
            "hq" => self.mention(Place, co.hq.name.clone()),
            "ind" => INDUSTRIES[co.industry].1.to_owned(),
            "prod" => {
                let mut r = Rng::new(mix(id, 99));
                let products = INDUSTRIES[co.industry].2;
                let product = products[r.below(products.len())];
                if rng.chance(0.5) {
                    format!("“{}{}”{product}", World::stem(&mut r), r.range(1, 9))
                } else {
                    product.to_owned()
                }
            }
            "sub" => {
                let word = INDUSTRIES[co.industry].0;
                let name = if rng.chance(0.5) {
                    format!("{}{word}（{}）有限公司", co.stem, short(self.f.home))
                } else {
                    format!("{}{}{word}有限公司", short(self.f.home), co.stem)
                };
                self.mention(Org, name)
            }
            _ => {
                // the full name the first time, the short name after
                if self.named_companies.contains(&id) {
                    self.mention(Org, co.short)
                } else {
                    self.named_companies.push(id);
                    self.mention(Org, co.full)
                }
            }
        }
    }
}

/// The alternatives of a `[a|b|c]` group at the start of `s`, and the text after it.
fn split_alternatives(s: &'static str) -> (Vec<&'static str>, &'static str) {
    let mut depth = 0;
    let mut start = 1;
    let mut alternatives = Vec::new();
    for (i, c) in s.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    alternatives.push(&s[start..i]);
                    return (alternatives, &s[i + 1..]);
                }
            }
            '|' if depth == 1 => {
                alternatives.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    debug_assert!(false, "unclosed [ in template {s}");
    (vec![&s[1..]], "")
}

/// `lo-hi` → (lo, hi); (0, 0) when absent.
fn parse_range(args: &str) -> (u64, u64) {
    let (lo, hi) = args.split_once('-').unwrap_or((args, args));
    (lo.parse().unwrap_or(0), hi.parse().unwrap_or(0))
}

// ---------------------------------------------------------------------------------------------
// The generator

/// A generated article with what the tests look at.
#[cfg_attr(not(test), allow(dead_code))]
struct Article {
    name: String,
    bytes: Vec<u8>,
    text: String,
    mentions: Vec<(MentionKind, String)>,
    /// The index of the article this one re-tells or copies.
    source: Option<usize>,
}

struct Generator {
    world: World,
    spec: CorpusSpec,
    rng: Rng,
    index: usize,
    stories: Vec<Story>,
    /// The story's first article, by story.
    story_article: Vec<usize>,
    editions: Vec<Edition>,
}

/// Retellings pick a story among this many latest ones (news is re-told within days).
const RETELL_WINDOW: usize = 300;

impl Generator {
    fn new(spec: &CorpusSpec) -> Self {
        Self {
            world: World::new(spec.seed),
            spec: spec.clone(),
            rng: Rng::new(mix(spec.seed, hash_str("articles"))),
            index: 0,
            stories: Vec::new(),
            story_article: Vec::new(),
            editions: Vec::new(),
        }
    }

    fn next_edition(&mut self) -> (Edition, Option<usize>) {
        let repeat = self.spec.repeat_share.clamp(0.0, 1.0);
        let roll = self.rng.unit();
        if !self.editions.is_empty() && roll < repeat / 10.0 {
            let source = self.rng.below(self.editions.len());
            return (self.editions[source].clone(), Some(source));
        }
        let gbk = self.rng.chance(self.spec.gbk_share);
        let style = self.rng.next_u64();
        if !self.stories.is_empty() && roll < repeat {
            let window = self.stories.len().min(RETELL_WINDOW);
            let story = self.stories.len() - 1 - self.rng.below(window);
            let original = self.stories[story].outlet;
            let mut outlet = self.rng.zipf(OUTLETS, 1.0) as u64;
            while outlet == original {
                outlet = self.rng.zipf(OUTLETS, 1.0) as u64;
            }
            let variant = self.rng.next_u64() | 1;
            let ed = Edition { story, variant, outlet, style, gbk, retell: true };
            return (ed, Some(self.story_article[story]));
        }
        // dates advance at a fixed rate (10,000 articles span five years), so a corpus is a prefix
        // of any longer corpus with the same seed
        let at = i64::try_from(self.index).unwrap_or(0);
        let day = START_DAY
            + at * i64::try_from(SPAN_DAYS).unwrap_or(0) / 10_000
            + i64::try_from(self.rng.below(3)).unwrap_or(0);
        let story = self.world.plan(self.rng.next_u64(), day, self.spec.target_chars.max(50), self.rng.next_u64());
        let outlet = story.outlet;
        self.stories.push(story);
        self.story_article.push(self.index);
        (Edition { story: self.stories.len() - 1, variant: 0, outlet, style, gbk, retell: false }, None)
    }
}

impl Iterator for Generator {
    type Item = Article;

    fn next(&mut self) -> Option<Article> {
        if self.index >= self.spec.articles {
            return None;
        }
        let (mut ed, source) = self.next_edition();
        let story = &self.stories[ed.story];
        let (mut text, mut mentions) = self.world.render(story, &ed);
        if ed.retell {
            // a retelling differs from the original (it may come out the same when its outlet,
            // credit line and rewordings happen to match)
            let original = self.world.render(story, &self.editions[self.story_article[ed.story]]).0;
            for _ in 0..8 {
                if text != original {
                    break;
                }
                ed.variant = mix(ed.variant, 1) | 1;
                ed.style = mix(ed.style, 1);
                (text, mentions) = self.world.render(story, &ed);
            }
        }
        let bytes = if ed.gbk {
            let (encoded, _, unmappable) = encoding_rs::GBK.encode(&text);
            if unmappable { text.clone().into_bytes() } else { encoded.into_owned() }
        } else {
            text.clone().into_bytes()
        };
        let name = format!("a{:05}.txt", self.index);
        self.editions.push(ed);
        self.index += 1;
        Some(Article { name, bytes, text, mentions, source })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::*;

    fn spec(articles: usize, seed: u64) -> CorpusSpec {
        CorpusSpec { articles, seed, ..CorpusSpec::default() }
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        let a: Vec<_> = generate(&spec(60, 7)).collect();
        let b: Vec<_> = generate(&spec(60, 7)).collect();
        let c: Vec<_> = generate(&spec(60, 8)).collect();
        assert_eq!(a.len(), 60);
        assert_eq!(a, b);
        let differing = a.iter().zip(&c).filter(|(x, y)| x.bytes != y.bytes).count();
        assert!(differing > 55, "{differing}");
        assert_eq!(a[42].name, "a00042.txt");
        // a prefix of a longer corpus is the same corpus
        let longer: Vec<_> = generate(&spec(61, 7)).take(60).collect();
        assert_eq!(a.iter().filter(|x| longer.contains(x)).count(), 60);
    }

    #[test]
    fn mean_length_is_near_the_target_and_lengths_spread() {
        for target in [1500, 600, 3000] {
            let s = CorpusSpec { articles: 300, target_chars: target, ..CorpusSpec::default() };
            let lengths: Vec<usize> = Generator::new(&s).map(|a| a.text.chars().count()).collect();
            let mean = lengths.iter().sum::<usize>() as f64 / lengths.len() as f64;
            let t = target as f64;
            assert!((mean - t).abs() < 0.12 * t, "target {target}: mean {mean}");
            let short = lengths.iter().filter(|&&l| (l as f64) < 0.8 * t).count();
            let long = lengths.iter().filter(|&&l| (l as f64) > 1.2 * t).count();
            assert!(short > 20 && long > 20, "target {target}: {short} short, {long} long");
        }
    }

    #[test]
    fn gbk_share_and_gbk_files_decode_back() {
        let s = CorpusSpec { articles: 600, gbk_share: 0.2, ..CorpusSpec::default() };
        let mut gbk = 0;
        for a in Generator::new(&s) {
            if std::str::from_utf8(&a.bytes).is_err() {
                gbk += 1;
                let (decoded, had_errors) = encoding_rs::GBK.decode_without_bom_handling(&a.bytes);
                assert!(!had_errors, "{}", a.name);
                assert_eq!(decoded, a.text);
            } else {
                assert_eq!(a.bytes, a.text.as_bytes());
            }
        }
        assert!((80..=160).contains(&gbk), "{gbk} of 600 GBK files");
        let none = CorpusSpec { articles: 100, gbk_share: 0.0, ..CorpusSpec::default() };
        assert!(generate(&none).all(|a| std::str::from_utf8(&a.bytes).is_ok()));
    }

    #[test]
    fn names_repeat_with_a_skewed_distribution() {
        let articles: Vec<Article> = Generator::new(&spec(500, 3)).collect();
        for kind in [MentionKind::Person, MentionKind::Place, MentionKind::Org] {
            let mut docs: HashMap<&str, usize> = HashMap::new();
            for a in &articles {
                let names: HashSet<&str> = a.mentions.iter().filter(|m| m.0 == kind).map(|m| m.1.as_str()).collect();
                for n in names {
                    let half: String = n.chars().map(half_width).collect();
                    assert!(a.text.contains(n) || a.text.contains(&half), "{n} not in {}", a.name);
                    *docs.entry(n).or_default() += 1;
                }
            }
            let mut counts: Vec<usize> = docs.values().copied().collect();
            counts.sort_unstable();
            let top = *counts.last().unwrap_or(&0);
            let median = counts[counts.len() / 2];
            let in_few = counts.iter().filter(|&&c| c <= 2).count();
            assert!(top >= 25, "{kind:?}: top name in {top} articles");
            assert!(median <= 2, "{kind:?}: median {median}");
            assert!(in_few * 10 >= counts.len() * 6, "{kind:?}: {in_few} of {} names in ≤ 2 articles", counts.len());
        }
    }

    #[test]
    fn repeats_retell_and_copy_earlier_articles() {
        let articles: Vec<Article> = Generator::new(&CorpusSpec { articles: 800, ..CorpusSpec::default() }).collect();
        let mut copies = 0;
        let mut retellings = 0;
        for a in &articles {
            let Some(source) = a.source else { continue };
            let original = &articles[source];
            assert!(source < articles.len() && original.name < a.name);
            if a.bytes == original.bytes {
                copies += 1;
                continue;
            }
            retellings += 1;
            // same story: most body sentences recur
            let normal = |t: &str| t.chars().map(half_width).collect::<String>();
            let (text, original_text) = (normal(&a.text), normal(&original.text));
            let sentences: Vec<&str> = original_text.split_inclusive('。').filter(|s| s.chars().count() > 12).collect();
            let shared = sentences.iter().filter(|s| text.contains(s.trim())).count();
            assert!(
                shared * 2 >= sentences.len(),
                "{} re-tells {}: {shared} of {}",
                a.name,
                original.name,
                sentences.len()
            );
        }
        assert!((2..=25).contains(&copies), "{copies} copies");
        assert!((45..=120).contains(&retellings), "{retellings} retellings");
        let none = CorpusSpec { articles: 200, repeat_share: 0.0, ..CorpusSpec::default() };
        assert!(Generator::new(&none).all(|a| a.source.is_none()));
    }

    #[test]
    fn articles_have_title_credit_paragraphs_and_entity_free_paragraphs() {
        let articles: Vec<Article> = Generator::new(&spec(200, 5)).collect();
        let mut credits = 0;
        let mut editors = 0;
        let mut with_plain_paragraph = 0;
        for a in &articles {
            let body: Vec<&str> = a.text.lines().skip(2).filter(|l| l.chars().count() > 60).collect();
            let plain = body.iter().filter(|p| {
                !a.mentions.iter().any(|m| p.contains(&m.1)) && !["该区", "该县", "该市"].iter().any(|w| p.contains(w))
            });
            with_plain_paragraph += usize::from(plain.count() > 0);
            let lines: Vec<&str> = a.text.lines().filter(|l| !l.trim().is_empty()).collect();
            assert!(lines.len() >= 5, "{}", a.text);
            assert!(!lines[0].ends_with('。'), "title {}", lines[0]);
            credits +=
                usize::from(lines[1].starts_with("来源") || lines[1].contains("记者") || lines[1].contains("时间"));
            editors += usize::from(a.text.contains("责任编辑"));
            for bad in ['{', '}', '[', ']', '|', '?'] {
                assert!(!a.text.contains(bad), "{bad} in {}", a.text);
            }
        }
        assert!(credits > 40 && editors > 20, "{credits} credits, {editors} editors");
        assert!(
            (60..160).contains(&with_plain_paragraph),
            "{with_plain_paragraph} articles with a paragraph naming nothing"
        );
    }

    #[test]
    fn every_template_renders_and_there_are_many() {
        assert!(TEMPLATES.len() + LEADS.len() >= 100, "{}", TEMPLATES.len());
        let w = World::new(11);
        let mut rng = Rng::new(1);
        for k in 0..40 {
            let story = w.plan(rng.next_u64(), START_DAY + k * 40, 1500, rng.next_u64());
            let ed = Edition { story: 0, variant: 0, outlet: 1, style: 0, gbk: false, retell: false };
            let mut ctx = Ctx::new(&w, &story.facts, &ed);
            for tpl in TEMPLATES.iter().map(|t| t.1).chain(LEADS.iter().map(|t| t.1)).chain(TITLES.iter().map(|t| t.2))
            {
                let s = ctx.sentence(Sent { tpl, seed: rng.next_u64() }, 0);
                assert!(!s.contains(['{', '}', '[', ']', '|', '?']), "{tpl} → {s}");
            }
        }
        for (cat, tpl) in TEMPLATES {
            if *cat == Cat::Plain {
                let keys = tpl.split('{').skip(1).map(|k| k.split([':', '}']).next().unwrap_or(""));
                assert!(keys.clone().all(|k| ["n", "na", "cn"].contains(&k)), "{tpl}");
            }
        }
    }

    #[test]
    fn names_use_the_lexicon_suffixes() {
        let lex = Lexicon::get();
        let w = World::new(2);
        for id in 0..300 {
            let co = w.company(id);
            assert!(lex.company_suffixes.iter().any(|s| co.full.ends_with(s)), "{}", co.full);
            let u = w.university(id);
            assert!(lex.university_suffixes.iter().any(|s| u.ends_with(s)), "{u}");
        }
    }

    #[test]
    fn paragraphs_text_streams_about_the_size_asked() {
        let paras: Vec<String> = paragraphs_text(4, 200_000).collect();
        let total: usize = paras.iter().map(String::len).sum();
        assert!((200_000..205_000).contains(&total), "{total}");
        assert!(paras.iter().all(|p| p.ends_with('\n') && p.matches('\n').count() == 1));
        let again: Vec<String> = paragraphs_text(4, 50_000).collect();
        assert_eq!(again[..], paras[..again.len()]);
        assert_eq!(paragraphs_text(4, 0).count(), 0);
    }

    #[test]
    fn zipf_is_skewed_and_in_range() {
        let mut rng = Rng::new(9);
        let mut counts = vec![0usize; 1000];
        for _ in 0..100_000 {
            counts[rng.zipf(1000, 1.0)] += 1;
        }
        assert!(counts[0] > 10_000 && counts[0] < 20_000, "{}", counts[0]);
        assert!(counts[0] > 5 * counts[9]);
        assert!(counts[999] < 60);
        assert_eq!(chinese_number(15), "十五");
        assert_eq!(chinese_number(20), "二十");
        assert_eq!(chinese_number(34), "三十四");
        assert_eq!(civil(START_DAY), (2019, 1, 1));
        assert_eq!(civil(START_DAY + 59), (2019, 3, 1));
    }
}
