//! Word lists the rule layers share: surnames, titles, boundary verbs and function characters,
//! generic modifiers, name suffixes per kind, and a lexicon of well-known organizations with
//! their short forms. Every list is general Chinese news vocabulary, not tuned to one article.

/// Single-character surnames, most frequent first (covers the great majority of Chinese names).
pub const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";

/// Two-character surnames.
pub const COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "夏侯",
    "端木", "南宫", "西门", "独孤", "轩辕", "万俟", "呼延", "申屠", "澹台", "公冶",
];

/// Titles that precede a person's name (区委书记周旭, 记者 王淳), longest first where one ends
/// another.
pub const TITLES: &[&str] = &[
    "党委书记",
    "党组书记",
    "副书记",
    "书记",
    "副市长",
    "市长",
    "副区长",
    "区长",
    "副县长",
    "县长",
    "副省长",
    "省长",
    "副州长",
    "州长",
    "镇长",
    "乡长",
    "村支书",
    "支书",
    "副主任",
    "主任",
    "副主席",
    "主席",
    "副总理",
    "总理",
    "副部长",
    "部长",
    "副局长",
    "局长",
    "副厅长",
    "厅长",
    "处长",
    "科长",
    "副院长",
    "院长",
    "副校长",
    "校长",
    "董事长",
    "副总经理",
    "总经理",
    "总裁",
    "首席执行官",
    "总工程师",
    "总编辑",
    "主编",
    "社长",
    "秘书长",
    "常委",
    "委员",
    "教授",
    "研究员",
    "院士",
    "主任医师",
    "医生",
    "记者",
    "通讯员",
    "发言人",
    "负责人",
    "创始人",
    "总监",
    "经理",
    "行长",
    "会长",
    "理事长",
    "馆长",
    "所长",
    "站长",
    "队长",
    "团长",
    "司令员",
    "政委",
    "大使",
    "法官",
    "检察官",
    "律师",
    "总统",
    "首相",
];

/// Words that commonly follow a name; a candidate name stops before them.
pub const AFTER_NAME: &[&str] = &[
    "表示", "说", "指出", "强调", "介绍", "认为", "称", "讲", "告诉", "透露", "坦言", "回忆", "提出", "在", "等",
    "一行", "同志", "先生", "女士", "和", "与", "及", "也", "就", "还", "对", "到", "来", "去", "要", "会", "是", "的",
    "了", "曾", "率", "带", "主持", "出席", "参加", "参观", "调研", "考察", "会见", "接受", "答", "向", "为", "则",
    "都", "又", "已", "正", "将", "于", "从", "作", "表", "所", "给", "让", "被", "把", "亲", "专", "立", "即", "随",
    "深", "现", "特",
];

/// Function characters that do not occur inside a name; left extension stops at them.
pub const STOP_CHARS: &str = "的在和与及或是为把被将对从向于到了等个也都又这那其并而以由让使给跟有每各该即就还已曾却仍便乃且若如所之着过吗呢吧啊";

/// Two-character verbs and adverbs that end a name on its left ("依托水土高新园", "推进成渝…").
pub const BOUNDARY_WORDS: &[&str] = &[
    "打造",
    "建设",
    "推进",
    "推动",
    "加快",
    "依托",
    "围绕",
    "纳入",
    "位于",
    "发挥",
    "强化",
    "提升",
    "实施",
    "开展",
    "成立",
    "举办",
    "召开",
    "参加",
    "出席",
    "加入",
    "签订",
    "签署",
    "缔结",
    "创建",
    "组建",
    "设立",
    "成为",
    "作为",
    "担任",
    "来到",
    "前往",
    "抵达",
    "访问",
    "考察",
    "调研",
    "视察",
    "参观",
    "支持",
    "促进",
    "落实",
    "深化",
    "拓展",
    "服务",
    "融入",
    "带动",
    "引领",
    "联合",
    "携手",
    "助力",
    "承办",
    "主办",
    "协办",
    "发布",
    "宣布",
    "表示",
    "指出",
    "强调",
    "认为",
    "介绍",
    "获悉",
    "了解",
    "表明",
    "显示",
    "报道",
    "通过",
    "坚持",
    "争取",
    "构建",
    "增强",
    "培育",
    "引进",
    "吸引",
    "聚集",
    "集聚",
    "入驻",
    "落户",
    "投资",
    "合作",
    "共建",
    "联手",
    "牵头",
    "组织",
    "领导",
    "管理",
    "负责",
    "隶属",
    "包括",
    "包含",
    "涵盖",
    "形成",
    "属于",
    "称为",
    "授予",
    "评为",
    "获得",
    "荣获",
    "入选",
    "面向",
    "针对",
    "根据",
    "按照",
    "关于",
    "对于",
    "印发",
    "出台",
    "公布",
    "依靠",
    "借助",
    "利用",
    "运用",
    "采用",
    "建立",
    "完善",
    "健全",
    "着力",
    "努力",
    "积极",
    "全力",
    "主动",
    "大力",
    "加强",
    "抢抓",
    "谋划",
    "制定",
    "编制",
    "启动",
    "完成",
    "实现",
    "达成",
    "开通",
    "建成",
    "投运",
    "投产",
    "搭建",
    "共享",
    "对接",
    "连接",
    "联通",
    "覆盖",
    "辐射",
    "毗邻",
    "地处",
    "来自",
    "前来",
    "代表",
    "委托",
    "邀请",
    "会同",
    "会见",
    "会晤",
    "接待",
    "陪同",
    "率领",
    "带领",
    "率队",
    "走进",
    "进入",
    "进驻",
    "回到",
    "返回",
    "离开",
    "驻扎",
    "设在",
    "落地",
    "布局",
    "发展",
    "唱好",
    "建好",
    "贯彻",
    "推进",
    "希望",
    "要求",
    "提出",
    "明确",
    "部署",
    "如何",
    "已经",
    "正在",
    "继续",
    "进一步",
    "目前",
    "近期",
    "近日",
    "今年",
    "去年",
    "明年",
    "日前",
    "此外",
    "同时",
    "其中",
    "以及",
    "还有",
];

/// Generic modifiers: a name made only of these (plus a suffix) is a description, not a name
/// (国家级工程技术研究中心, 重点实验室, 智慧新城).
pub const GENERIC_WORDS: &[&str] = &[
    "国家级",
    "国家",
    "省级",
    "市级",
    "区级",
    "县级",
    "部级",
    "重点",
    "工程",
    "技术",
    "科技",
    "研发",
    "研究",
    "创新",
    "产业",
    "经济",
    "发展",
    "建设",
    "高新",
    "高新技术",
    "智慧",
    "智能",
    "数字",
    "信息",
    "现代",
    "新型",
    "综合",
    "国际",
    "全国",
    "全省",
    "全市",
    "全区",
    "全县",
    "各级",
    "各类",
    "相关",
    "有关",
    "地方",
    "本地",
    "当地",
    "上述",
    "一些",
    "这些",
    "多家",
    "一批",
    "大型",
    "骨干",
    "龙头",
    "高等",
    "科研",
    "公共",
    "服务",
    "管理",
    "行政",
    "社会",
    "文化",
    "教育",
    "卫生",
    "医疗",
    "健康",
    "生态",
    "环境",
    "绿色",
    "能源",
    "交通",
    "物流",
    "金融",
    "商务",
    "贸易",
    "农业",
    "工业",
    "制造",
    "旅游",
    "体育",
    "艺术",
    "合作",
    "示范",
    "试点",
    "先行",
    "核心",
    "中心",
    "城市",
    "都市",
    "城区",
    "区域",
    "片区",
    "地区",
    "市场",
    "企业",
    "民营",
    "国有",
    "私营",
    "外资",
    "合资",
    "股份",
    "有限",
    "责任",
    "控股",
    "实业",
    "投资",
    "人民",
    "中央",
    "地方",
    "基层",
    "乡村",
    "农村",
    "城乡",
    "特色",
    "优势",
    "品牌",
    "高端",
    "先进",
    "专业",
    "职业",
    "技能",
    "实验",
    "检测",
    "质量",
    "安全",
    "应急",
    "互联网",
    "大数据",
    "人工智能",
    "网络",
    "平台",
    "基地",
    "项目",
    "单位",
    "部门",
    "机构",
    "组织",
    "委员会",
    "领导",
    "小组",
    "工作",
    "办公",
    "事务",
    "联合",
    "协同",
    "新",
    "大",
    "小",
    "老",
    "东",
    "西",
    "南",
    "北",
    "中",
    "上",
    "下",
    "内",
    "外",
    "高",
    "低",
    "总",
    "分",
    "主",
    "副",
    "原",
    "前",
    "该",
    "本",
    "我",
    "其",
    "两",
    "三",
    "多",
    "首",
    "第一",
    "一",
    "二",
    "四",
    "五",
    "六",
];

/// Organization suffixes, longest first where one ends another.
/// One-char abbreviations of countries and continents as they combine in news (中美, 中俄, 亚欧,
/// 中非): a word made only of these names each place on its own.
pub const COUNTRY_ABBREVIATIONS: &str = "中美日俄英法德意韩朝越泰蒙印巴葡澳加欧亚非以埃叙伊";

/// Words of those chars that are one place or no place, never split (Central Asia, addition).
pub const UNSPLIT_ABBREVIATIONS: &[&str] = &["中亚", "中非共和国", "加法"];

/// Of those, the chars too common in other words to count alone as a place (朝着, 日前, 加上);
/// they still count inside a compound such as 中朝 or 中日.
pub const AMBIGUOUS_ALONE: &str = "朝中日意加巴亚非青宁甘吉黑蒙以埃叙伊";

/// One-char names of places as news uses them (在京, 访华, 沪深, 中美): the char and the place it
/// stands for. Countries use the gazetteer's usual names, provinces their full names.
pub const PLACE_ABBREVIATIONS: &[(char, &str)] = &[
    ('京', "北京市"),
    ('沪', "上海市"),
    ('津', "天津市"),
    ('渝', "重庆市"),
    ('冀', "河北省"),
    ('晋', "山西省"),
    ('辽', "辽宁省"),
    ('吉', "吉林省"),
    ('黑', "黑龙江省"),
    ('苏', "江苏省"),
    ('浙', "浙江省"),
    ('皖', "安徽省"),
    ('闽', "福建省"),
    ('赣', "江西省"),
    ('鲁', "山东省"),
    ('豫', "河南省"),
    ('鄂', "湖北省"),
    ('湘', "湖南省"),
    ('粤', "广东省"),
    ('桂', "广西壮族自治区"),
    ('琼', "海南省"),
    ('川', "四川省"),
    ('蜀', "四川省"),
    ('黔', "贵州省"),
    ('滇', "云南省"),
    ('藏', "西藏自治区"),
    ('陕', "陕西省"),
    ('甘', "甘肃省"),
    ('陇', "甘肃省"),
    ('青', "青海省"),
    ('宁', "宁夏回族自治区"),
    ('疆', "新疆维吾尔自治区"),
    ('港', "香港特别行政区"),
    ('台', "台湾省"),
    ('华', "中国"),
    ('中', "中国"),
    ('美', "美国"),
    ('日', "日本"),
    ('俄', "俄罗斯"),
    ('英', "英国"),
    ('法', "法国"),
    ('德', "德国"),
    ('意', "意大利"),
    ('韩', "韩国"),
    ('朝', "朝鲜"),
    ('越', "越南"),
    ('泰', "泰国"),
    ('蒙', "蒙古"),
    ('印', "印度"),
    ('巴', "巴基斯坦"),
    ('葡', "葡萄牙"),
    ('澳', "澳大利亚"),
    ('加', "加拿大"),
    ('欧', "欧洲"),
    ('亚', "亚洲"),
    ('非', "非洲"),
];

/// Weather words that a tagger may glue to a city name in forecast tables (巴黎晴).
pub const WEATHER_WORDS: &[&str] = &[
    "转",
    "雷",
    "晴",
    "阴",
    "多云",
    "少云",
    "小雨",
    "中雨",
    "大雨",
    "暴雨",
    "阵雨",
    "雷阵雨",
    "小雪",
    "中雪",
    "大雪",
    "阵雪",
    "雨夹雪",
    "雾",
    "霾",
    "沙尘",
];

/// Policy vocabulary that taggers mistake for names of places or bodies: directions of
/// development (西拓, 东进), corridors and channels (大通道), eras (新时代).
pub const GENERIC_POLICY_WORDS: &[&str] = &["西拓", "东进", "南向", "大通道", "新时代", "新阶段", "新格局"];

/// Endings of a newspaper or magazine title inside 《》 (《费加罗报》, 《时代》周刊 aside).
pub const MEDIA_TITLE_ENDINGS: &[&str] = &["报", "周刊", "杂志", "新闻", "邮报", "画报", "月刊"];

/// Forms of address after a surname (李大娘, 胡老, 温先生): the name is the surname; the title is
/// not part of it. Used with [`TITLES`].
pub const HONORIFICS: &[&str] = &[
    "先生", "女士", "小姐", "老师", "同志", "师傅", "大娘", "大爷", "大妈", "大伯", "大叔", "大姐", "大哥", "阿姨",
    "老", "总", "工", "教授", "博士", "医生", "大夫", "院士", "将军", "夫人",
];

/// Geographic names no administrative gazetteer lists: China itself, continents and world
/// regions, China's regions, major rivers and seas, common short names of countries.
pub const GEO_NAMES: &[&str] = &[
    "中国",
    "中华",
    "神州",
    "亚洲",
    "欧洲",
    "非洲",
    "美洲",
    "北美",
    "南美",
    "拉美",
    "大洋洲",
    "南极洲",
    "北极",
    "南极",
    "中东",
    "近东",
    "远东",
    "南亚",
    "东亚",
    "东南亚",
    "西亚",
    "中亚",
    "北非",
    "西非",
    "东非",
    "南非",
    "西欧",
    "东欧",
    "北欧",
    "南欧",
    "中欧",
    "亚太",
    "欧亚",
    "华北",
    "华东",
    "华南",
    "华中",
    "西南",
    "西北",
    "东北",
    "江南",
    "江淮",
    "黄淮",
    "江汉",
    "岭南",
    "关中",
    "中原",
    "港岛",
    "长江",
    "黄河",
    "珠江",
    "淮河",
    "汉水",
    "汉江",
    "湘江",
    "渤海",
    "黄海",
    "东海",
    "南海",
    "太平洋",
    "大西洋",
    "印度洋",
    "北冰洋",
    "地中海",
    "印尼",
    "马岛",
    "台岛",
];

/// Parts of an area named after it (华北北部, 新疆中南部, 华南大部): the place is the area.
pub const AREA_PARTS: &[&str] = &[
    "东北部",
    "东南部",
    "西北部",
    "西南部",
    "中南部",
    "中北部",
    "中东部",
    "中西部",
    "东部",
    "西部",
    "南部",
    "北部",
    "中部",
    "大部",
];

/// Words after a place that name its team (中国队, 俄罗斯男队): the whole is an organization.
pub const TEAM_WORDS: &[&str] = &["队", "男队", "女队", "代表队", "代表团", "国家队", "青年队"];

pub const ORG_SUFFIXES: &[&str] = &[
    "研究院",
    "研究所",
    "研究中心",
    "科学院",
    "工程院",
    "社科院",
    "大学",
    "学院",
    "中学",
    "小学",
    "幼儿园",
    "医院",
    "卫生院",
    "集团",
    "公司",
    "银行",
    "证券",
    "保险",
    "基金会",
    "委员会",
    "党委",
    "党组",
    "区委",
    "市委",
    "县委",
    "省委",
    "州委",
    "人民政府",
    "政府",
    "人大常委会",
    "人大",
    "政协",
    "法院",
    "检察院",
    "公安局",
    "局",
    "厅",
    "办公室",
    "日报",
    "晚报",
    "晨报",
    "商报",
    "时报",
    "周报",
    "导报",
    "早报",
    "快报",
    "报社",
    "杂志社",
    "出版社",
    "电视台",
    "广播电台",
    "通讯社",
    "新闻社",
    "协会",
    "学会",
    "联合会",
    "商会",
    "工会",
    "俱乐部",
    "实验室",
    "博物馆",
    "图书馆",
    "研究会",
    "事务所",
    "合作社",
    "工作室",
    "总部",
    "中心",
    "组委会",
    "工作组",
    "领导小组",
    "指挥部",
    "管委会",
    "总公司",
    "分公司",
    "编辑部",
    "办事处",
    "分行",
    "支行",
    "总局",
];

/// Place suffixes for development zones and districts that the gazetteer does not list.
pub const ZONE_SUFFIXES: &[&str] = &[
    "高新技术产业开发区",
    "经济技术开发区",
    "高新区",
    "开发区",
    "经开区",
    "保税区",
    "自贸区",
    "自贸试验区",
    "综合保税区",
    "新区",
    "片区",
    "新城",
    "高新园",
    "科学城",
    "产业园",
    "工业园",
    "科技园",
    "园区",
    "港区",
    "试验区",
];

/// Initiative suffixes: named programmes, strategies and zones of policy.
pub const INITIATIVE_SUFFIXES: &[&str] = &[
    "经济圈",
    "经济带",
    "城市群",
    "行动计划",
    "先行区",
    "示范区",
    "生态圈",
    "通勤圈",
    "生活圈",
    "都市圈",
    "走廊",
    "倡议",
    "战略",
    "工程",
    "计划",
    "行动",
    "规划",
];

/// Suffixes that only make an initiative inside quotes or with a clear name before them
/// (they are common nouns otherwise).
pub const WEAK_INITIATIVE_SUFFIXES: &[&str] = &["走廊", "倡议", "战略", "工程", "计划", "行动", "规划"];

/// Words after a quoted term that mark it as a named programme ("芯屏器核网"全产业链).
pub const INITIATIVE_CUES: &[&str] = &[
    "全产业链",
    "产业链",
    "战略",
    "工程",
    "计划",
    "行动",
    "建设",
    "体系",
    "格局",
    "布局",
    "模式",
    "示范",
    "品牌",
    "项目",
];

/// Quoted words that look like slogans but are ordinary vocabulary.
pub const INITIATIVE_STOPLIST: &[&str] = &[
    "一盘棋",
    "一体化",
    "快进键",
    "加速度",
    "新常态",
    "双循环",
    "最后一公里",
    "一张网",
    "一张图",
    "一站式",
    "一条龙",
    "一把手",
    "一刀切",
    "一揽子",
    "双核",
    "双城记",
    "放管服",
    "最多跑一次",
    "经济圈",
    "生态圈",
    "生活圈",
    "通勤圈",
    "朋友圈",
];

/// Heads of enumerations that name organizations: "京东方等骨干企业", "西南大学等高校".
pub const ORG_HYPERNYMS: &[&str] = &[
    "骨干企业",
    "龙头企业",
    "重点企业",
    "知名企业",
    "领军企业",
    "大型企业",
    "企业",
    "公司",
    "集团",
    "高校",
    "高等院校",
    "院校",
    "科研院所",
    "机构",
    "银行",
    "媒体",
    "医院",
    "车企",
    "品牌",
];

/// Broad regions that anchor a name as proper (西南大学, 华东师范大学).
pub const REGIONS: &[&str] = &["华北", "华东", "华南", "华中", "西南", "西北", "东北", "中国", "全国"];

/// Well-known organizations (national bodies, large companies, major media): canonical name and
/// the other names they go by. Short forms that are also ordinary words or places are left out.
pub const KNOWN_ORGS: &[(&str, &[&str])] = &[
    ("中国科学院", &["中科院"]),
    ("中国工程院", &[]),
    ("中国社会科学院", &["社科院", "中国社科院"]),
    ("清华大学", &[]),
    ("北京大学", &["北大"]),
    ("京东方", &["京东方科技集团", "京东方科技集团股份有限公司", "BOE"]),
    ("华为", &["华为技术有限公司", "华为公司"]),
    ("腾讯", &["腾讯公司", "腾讯控股"]),
    ("阿里巴巴", &["阿里巴巴集团"]),
    ("百度", &["百度公司"]),
    ("京东", &["京东集团"]),
    ("小米", &["小米集团", "小米公司"]),
    ("字节跳动", &[]),
    ("比亚迪", &["比亚迪股份有限公司"]),
    ("中兴通讯", &["中兴"]),
    ("联想", &["联想集团"]),
    ("海尔", &["海尔集团"]),
    ("格力", &["格力电器"]),
    ("美团", &[]),
    ("拼多多", &[]),
    ("宁德时代", &[]),
    ("长安汽车", &[]),
    ("吉利", &["吉利汽车", "吉利控股集团"]),
    ("中芯国际", &[]),
    ("国家电网", &[]),
    ("中国石油", &["中石油"]),
    ("中国石化", &["中石化"]),
    ("中国移动", &[]),
    ("中国联通", &[]),
    ("中国电信", &[]),
    ("新华社", &["新华通讯社"]),
    ("人民日报", &[]),
    ("中央广播电视总台", &["央视", "中央电视台"]),
    ("新华网", &[]),
    ("人民网", &[]),
    ("央视网", &[]),
    ("中国新闻网", &["中新网"]),
    ("中国新闻社", &["中新社"]),
    ("澎湃新闻", &[]),
    ("华龙网", &[]),
    ("上游新闻", &[]),
    ("红星新闻", &[]),
    ("封面新闻", &[]),
    ("界面新闻", &[]),
    ("财新", &["财新网"]),
    ("第一财经", &[]),
    ("环球时报", &[]),
    ("光明日报", &[]),
    ("经济日报", &[]),
    ("中国日报", &[]),
    ("新京报", &[]),
    ("南方都市报", &[]),
    ("党中央", &["中共中央"]),
    ("国务院", &[]),
    ("全国人大", &["全国人民代表大会"]),
    ("全国政协", &[]),
    ("国家发展改革委", &["国家发改委", "发改委"]),
    ("工业和信息化部", &["工信部"]),
    ("教育部", &[]),
    ("科技部", &["科学技术部"]),
    ("财政部", &[]),
    ("商务部", &[]),
    ("外交部", &[]),
    ("生态环境部", &[]),
    ("交通运输部", &[]),
    ("自然资源部", &[]),
    ("农业农村部", &[]),
    ("文化和旅游部", &["文旅部"]),
    ("国家卫生健康委", &["国家卫健委"]),
    ("中国共产党", &["中共"]),
    ("中央军委", &["中央军事委员会"]),
    ("最高人民法院", &["最高法"]),
    ("最高人民检察院", &["最高检"]),
    ("中国人民解放军", &["解放军"]),
    ("中国人民银行", &["人民银行", "央行"]),
    ("联合国", &[]),
    ("联合国安理会", &["安理会"]),
    ("联合国教科文组织", &["教科文组织"]),
    ("世界卫生组织", &["世卫组织"]),
    ("世界贸易组织", &["世贸组织"]),
    ("世界银行", &["世行"]),
    ("亚洲开发银行", &["亚行"]),
    ("国际货币基金组织", &["基金组织"]),
    ("国际奥委会", &["国际奥林匹克委员会"]),
    ("欧洲联盟", &["欧盟"]),
    ("欧盟委员会", &[]),
    ("东南亚国家联盟", &["东盟"]),
    ("北大西洋公约组织", &["北约"]),
    ("石油输出国组织", &["欧佩克"]),
    ("非洲联盟", &["非盟"]),
    ("上海合作组织", &["上合组织"]),
    ("二十国集团", &[]),
    ("七国集团", &[]),
    ("美国联邦储备委员会", &["美联储"]),
    ("俄罗斯国家杜马", &["国家杜马"]),
    ("美国国家航空航天局", &["美国宇航局"]),
    ("路透社", &[]),
    ("美联社", &[]),
    ("法新社", &[]),
    ("共同社", &[]),
    ("塔斯社", &[]),
    ("英国广播公司", &[]),
    ("有线电视新闻网", &[]),
];

/// Abbreviations expanded when forming identity keys (中科院重庆… = 中国科学院重庆…).
pub const ABBREVIATIONS: &[(&str, &str)] = &[
    ("中科院", "中国科学院"),
    ("中国社科院", "中国社会科学院"),
    ("社科院", "社会科学院"),
    ("工信部", "工业和信息化部"),
];

/// Whether a character is a common surname, or `s` starts with a compound surname.
#[must_use]
pub fn surname_len(s: &[char]) -> Option<usize> {
    if s.len() >= 3 {
        let two: String = s[..2].iter().collect();
        if COMPOUND_SURNAMES.contains(&two.as_str()) {
            return Some(2);
        }
    }
    s.first().filter(|c| SURNAMES.contains(**c)).map(|_| 1)
}

/// Whether `name` can be segmented entirely into generic words.
#[must_use]
pub fn is_generic(name: &[char]) -> bool {
    if name.is_empty() {
        return true;
    }
    // dynamic programming over prefixes: reachable[i] = name[..i] is all generic words
    let mut reachable = vec![false; name.len() + 1];
    reachable[0] = true;
    for i in 0..name.len() {
        if !reachable[i] {
            continue;
        }
        for w in GENERIC_WORDS {
            let n = w.chars().count();
            if i + n <= name.len() && name[i..i + n].iter().copied().eq(w.chars()) {
                reachable[i + n] = true;
            }
        }
        if name[i].is_ascii_digit() {
            reachable[i + 1] = true;
        }
    }
    reachable[name.len()]
}

/// Whether `chars[..end]` ends with the word `w`.
#[must_use]
pub fn ends_with_word(chars: &[char], end: usize, w: &str) -> bool {
    // compare from the last char so most calls stop after one
    let mut i = end.min(chars.len());
    if i != end {
        return false;
    }
    for c in w.chars().rev() {
        if i == 0 || chars[i - 1] != c {
            return false;
        }
        i -= 1;
    }
    true
}

/// Whether `chars[start..]` starts with the word `w`.
#[must_use]
pub fn starts_with_word(chars: &[char], start: usize, w: &str) -> bool {
    let mut i = start;
    for c in w.chars() {
        if chars.get(i) != Some(&c) {
            return false;
        }
        i += 1;
    }
    true
}

/// Expands known abbreviations and folds full-width ASCII so variants share one identity key.
#[must_use]
pub fn normalize_key(name: &str) -> String {
    let folded: String = name
        .chars()
        .filter_map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
            '\u{3000}' | ' ' | '“' | '”' | '"' | '‘' | '’' | '·' | '•' => None,
            _ => Some(c),
        })
        .collect();
    for (short, full) in ABBREVIATIONS {
        if let Some(rest) = folded.strip_prefix(short) {
            return format!("{full}{rest}");
        }
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn generic_descriptions_are_detected() {
        assert!(is_generic(&chars("国家级工程技术")));
        assert!(is_generic(&chars("重点")));
        assert!(is_generic(&chars("")));
        // direction words are generic on their own; regions anchor names through REGIONS
        assert!(is_generic(&chars("西南")));
        assert!(!is_generic(&chars("蔡家智慧")));
        assert!(!is_generic(&chars("歇马")));
    }

    #[test]
    fn surnames() {
        assert_eq!(surname_len(&chars("周旭")), Some(1));
        assert_eq!(surname_len(&chars("欧阳修")), Some(2));
        assert_eq!(surname_len(&chars("的人")), None);
    }

    #[test]
    fn keys_fold_variants() {
        assert_eq!(normalize_key("中科院重庆绿色智能技术研究院"), "中国科学院重庆绿色智能技术研究院");
        assert_eq!(normalize_key("ＢＯＥ"), "BOE");
        assert_eq!(normalize_key("“四地一枢纽”"), "四地一枢纽");
    }

    #[test]
    fn every_title_and_suffix_is_nonempty() {
        for w in TITLES.iter().chain(ORG_SUFFIXES).chain(ZONE_SUFFIXES).chain(INITIATIVE_SUFFIXES) {
            assert!(w.chars().count() >= 1);
        }
    }
}
