//! Relation patterns on short texts written for them.

use crate::extract::{Extractor, RelationType, RuleExtractor};
use crate::ingest::Document;

fn entity_labels(text: &str) -> Vec<String> {
    let doc = Document::new("t".into(), "t".into(), text.to_owned());
    crate::extract::HybridExtractor.extract(&doc).entities.into_iter().map(|e| e.label).collect()
}

fn rels(text: &str) -> Vec<(String, String, RelationType)> {
    let doc = Document::new("t".into(), "t".into(), text.to_owned());
    let x = RuleExtractor.extract(&doc);
    x.relations
        .iter()
        .map(|r| (x.entities[r.source].label.clone(), x.entities[r.target].label.clone(), r.kind))
        .collect()
}

fn has(rs: &[(String, String, RelationType)], a: &str, b: &str, t: RelationType) -> bool {
    rs.iter().any(|(x, y, k)| *k == t && (x == a && y == b || t.is_symmetric() && x == b && y == a))
}

#[test]
fn a_project_named_by_its_yearly_capacity() {
    let rs = full(
        "清江纺织集团有限公司投资12亿元建设清江年产15万锭精梳紧密纺纱项目，\
         南岭新材料科技有限公司投资4亿元建设年产2万吨竹浆纤维项目。公司年产值达到10亿元。",
    );
    assert!(holds(&rs, "清江纺织集团有限公司", "清江年产15万锭精梳紧密纺纱项目", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "南岭新材料科技有限公司", "年产2万吨竹浆纤维项目", RelationType::Promotes), "{rs:?}");
}

#[test]
fn a_park_named_by_its_county_and_trade_is_one_name() {
    let x = entity_labels("签约入驻富顺县纺织产业园的还有三个项目。渝中区解放碑片区也在建设，江北区空港新城同步推进。");
    assert!(x.iter().any(|l| l == "富顺县纺织产业园"), "{x:?}");
    assert!(x.iter().any(|l| l == "解放碑片区") && x.iter().any(|l| l == "渝中区"), "{x:?}");
    assert!(x.iter().any(|l| l == "空港新城"), "{x:?}");
}

#[test]
fn a_company_s_seat_is_the_company() {
    let rs = full("浙江清江纺织集团有限公司在当地投资。清江集团总部位于浙江省湖州市吴兴区。");
    assert!(holds(&rs, "浙江清江纺织集团有限公司", "吴兴区", RelationType::LocatedIn), "{rs:?}");
    assert!(!rs.iter().any(|r| r.0.ends_with("总部")), "{rs:?}");
    // a company by its short name
    let rs = full("浙江瑞丰智能家居股份有限公司（以下简称“瑞丰智家”）发布公告。瑞丰智家总部位于浙江省嘉兴市海宁市。");
    assert!(holds(&rs, "浙江瑞丰智能家居股份有限公司", "海宁市", RelationType::LocatedIn), "{rs:?}");
}

#[test]
fn a_project_named_by_a_company_and_built_by_the_subsidiary_in_charge() {
    let rs = full(
        "公司拟由全资子公司湖北瑞丰智能科技有限公司作为实施主体，在湖北省孝感市汉川市汉川经济开发区投资建设瑞丰智家华中智能制造基地项目。\
         公司于2022年在泰国罗勇府设立海外工厂瑞丰家居（泰国）有限公司。",
    );
    let project = "瑞丰智家华中智能制造基地项目";
    assert!(holds(&rs, project, "汉川经济开发区", RelationType::LocatedIn), "{rs:?}");
    assert!(!holds(&rs, "湖北省", project, RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "瑞丰家居（泰国）有限公司", "罗勇府", RelationType::LocatedIn), "{rs:?}");
}

#[test]
fn a_local_body_after_the_central_organs_or_another_body_stands_alone() {
    let x = entity_labels(
        "会议贯彻中央和黔东南州委经济工作会议精神。中国驻匈牙利大使馆和云南省人民政府外事办公室负责人出席。",
    );
    for name in ["黔东南州委", "中国驻匈牙利大使馆", "云南省人民政府外事办公室"] {
        assert!(x.iter().any(|l| l == name), "{name}: {x:?}");
    }
    assert!(!x.iter().any(|l| l.starts_with("中央")), "{x:?}");
}

#[test]
fn a_local_department_by_a_national_short_name_is_local() {
    let rs = full("锦屏县位于贵州东南部。县发改委要做好项目谋划，国家发改委给予支持。");
    assert!(holds(&rs, "锦屏县发改委", "锦屏县", RelationType::PartOf), "{rs:?}");
    assert!(!rs.iter().any(|r| r.0 == "国家发展改革委" && r.2 == RelationType::PartOf), "{rs:?}");
}

#[test]
fn a_government_named_after_its_committee_takes_its_place() {
    let x = entity_labels("过去一年，天柱县委、县政府团结带领全县干部群众抓项目。县政府各部门要抓好落实。");
    assert!(x.iter().any(|l| l == "天柱县人民政府"), "{x:?}");
    // without the committee before it, a bare 县政府 names no body of its own
    let x = entity_labels("县政府各部门要抓好落实。");
    assert!(!x.iter().any(|l| l.contains("政府")), "{x:?}");
}

#[test]
fn what_is_founded_in_a_place_lies_there() {
    let rs = full(
        "华瑞集团将在凯里经济开发区设立华瑞西南研究院。宏达公司在都匀市投资建设宏达锂电池项目。\
         双方在都匀市建立了全资子公司都匀宏达材料有限公司。市民在都匀市建设美好家园。",
    );
    assert!(holds(&rs, "华瑞西南研究院", "凯里经济开发区", RelationType::LocatedIn), "{rs:?}");
    assert!(holds(&rs, "宏达锂电池项目", "都匀市", RelationType::LocatedIn), "{rs:?}");
    assert!(holds(&rs, "都匀宏达材料有限公司", "都匀市", RelationType::LocatedIn), "{rs:?}");
    assert!(!rs.iter().any(|r| r.1.contains("投资")), "{rs:?}");
}

#[test]
fn both_parties_are_the_signing_pair_when_a_longer_list_came_since() {
    let rs = full(
        "南昌理工大学与清河生物科技股份有限公司全面战略合作签约仪式在学校举行。\
         学校科技处、食品学院、生物工程学院及清河生物相关负责人参加活动。根据协议，双方将共建清河功能食品联合实验室。",
    );
    for body in ["南昌理工大学", "清河生物科技股份有限公司"] {
        assert!(holds(&rs, body, "清河功能食品联合实验室", RelationType::Promotes), "{body}: {rs:?}");
    }
    assert!(!holds(&rs, "生物工程学院", "清河功能食品联合实验室", RelationType::Promotes), "{rs:?}");
}

#[test]
fn a_school_s_office_a_resource_bank_and_a_quoted_scholarship() {
    let rs = full(
        "南昌理工大学与赣江生物科技股份有限公司签约。学校科技处、食品学院负责人参加活动。\
         生物工程学院将与赣江生物科技股份有限公司共建益生菌菌种资源库。赣江生物科技股份有限公司还将设立“赣江奖学金”，每年出资100万元。",
    );
    assert!(holds(&rs, "南昌理工大学科技处", "南昌理工大学", RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "南昌理工大学生物工程学院", "益生菌菌种资源库", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "赣江生物科技股份有限公司", "赣江奖学金", RelationType::Promotes), "{rs:?}");
    let rs = full("南昌理工大学与赣江生物科技股份有限公司签约，双方将共建“智能软体家居联合研发中心”。");
    for body in ["南昌理工大学", "赣江生物科技股份有限公司"] {
        assert!(holds(&rs, body, "智能软体家居联合研发中心", RelationType::Promotes), "{body}: {rs:?}");
    }
}

#[test]
fn a_festival_named_with_its_region_and_its_organizers_after_a_guide() {
    let rs = full(
        "8月2日晚，2024黔东南·镇远古城文化旅游节在镇远古城景区开幕。本届文化旅游节由贵州省文化和旅游厅指导，\
         黔东南苗族侗族自治州人民政府主办，镇远县人民政府、黔东南州文体广电旅游局承办，镇远文旅发展集团有限公司协办。",
    );
    let fest = "镇远古城文化旅游节";
    for body in ["黔东南苗族侗族自治州人民政府", "镇远县人民政府", "黔东南州文体广电旅游局", "镇远文旅发展集团有限公司"]
    {
        assert!(holds(&rs, body, fest, RelationType::Promotes), "{body}: {rs:?}");
    }
    // the guide is no organizer
    assert!(!holds(&rs, "贵州省文化和旅游厅", fest, RelationType::Promotes), "{rs:?}");
    // the region the festival is named after is still a place of the text
    assert!(holds(&rs, "黔东南苗族侗族自治州人民政府", "黔东南苗族侗族自治州", RelationType::PartOf), "{rs:?}");
}

#[test]
fn a_plan_s_programmes_listed_in_paragraphs_and_the_bodies_in_charge_of_them() {
    let rs = full(
        "《南宁市制造业三年行动方案》提出了四项重点工程。\n\
         一是实施产业链“链长制”提升工程。由市领导担任链长，市工业和信息化局牵头绘制产业链图谱。\n\
         二是实施“南宁工匠”培育计划。由市人力资源和社会保障局联合广西大学开展订单式培养。\n\
         三是实施园区扩能增效工程。重点推动园区扩容提质。\n\
         会议强调，宏达公司投资建设的项目要加快推进。",
    );
    let plan = "南宁市制造业三年行动方案";
    // (a quoted slogan with its programme's words goes by the slogan: 南宁工匠)
    for programme in ["产业链“链长制”提升工程", "南宁工匠", "园区扩能增效工程"] {
        assert!(holds(&rs, plan, programme, RelationType::Promotes), "{programme}: {rs:?}");
    }
    assert!(holds(&rs, "市工业和信息化局", "产业链“链长制”提升工程", RelationType::Promotes), "{rs:?}");
    for body in ["市人力资源和社会保障局", "广西大学"] {
        assert!(holds(&rs, body, "南宁工匠", RelationType::Promotes), "{body}: {rs:?}");
    }
}

#[test]
fn a_foreign_city_the_tagger_split_and_no_country_as_sister_city() {
    let rs = full(
        "9月11日上午，德阳市与意大利佩斯卡拉市缔结友好城市关系签约仪式举行。\
         市长王刚与佩斯卡拉市市长马里奥·罗西分别代表两市签署协议书。",
    );
    assert!(holds(&rs, "马里奥·罗西", "佩斯卡拉市", RelationType::HoldsPosition), "{rs:?}");
    assert!(!rs.iter().any(|r| r.0 == "卡拉市" || r.1 == "卡拉市"), "{rs:?}");
    let rs = full("2023年，德阳市代表团访问意大利期间，双方签署了建立友好城市关系意向书。");
    assert!(!holds(&rs, "德阳市", "意大利", RelationType::SisterCity), "{rs:?}");
}

#[test]
fn what_lies_in_the_zone_just_named() {
    let rs = full("代表团考察了德阳高新技术产业开发区及区内的东方钛业新材料有限公司。");
    assert!(holds(&rs, "东方钛业新材料有限公司", "德阳高新技术产业开发区", RelationType::LocatedIn), "{rs:?}");
}

#[test]
fn a_unit_named_after_its_body_belongs_to_it() {
    let rs = full(
        "喀什地区第二人民医院副院长钱伟东介绍，喀什地区第二人民医院卒中中心已通过认证。\
         喀什地区人民政府办公室发布通知。西南农业大学将与区政府共建西南农业大学科学中心。",
    );
    assert!(holds(&rs, "喀什地区第二人民医院卒中中心", "喀什地区第二人民医院", RelationType::PartOf), "{rs:?}");
    // a government's office belongs to the place, not to the government; a centre a body builds
    // is no unit of it
    assert!(!holds(&rs, "喀什地区人民政府办公室", "喀什地区人民政府", RelationType::PartOf), "{rs:?}");
    assert!(!holds(&rs, "西南农业大学科学中心", "西南农业大学", RelationType::PartOf), "{rs:?}");
}

#[test]
fn the_bodies_signers_sign_for_sign_too() {
    let rs = full(
        "4月15日，滁州经济技术开发区管委会主任杨帆与恒擎动力（滁州）有限公司总经理赵一鸣签署《恒擎产业园项目投资协议》。\
         副市长苏文娟代表滁州市人民政府，恒擎集团总裁周启航代表企业签署《战略合作框架协议》。",
    );
    for body in ["滁州经济技术开发区管委会", "恒擎动力（滁州）有限公司"] {
        assert!(holds(&rs, body, "恒擎产业园项目投资协议", RelationType::Promotes), "{body}: {rs:?}");
    }
    assert!(holds(&rs, "滁州经济技术开发区管委会", "恒擎动力（滁州）有限公司", RelationType::CooperatesWith), "{rs:?}");
    assert!(holds(&rs, "滁州市人民政府", "战略合作框架协议", RelationType::Promotes), "{rs:?}");
}

#[test]
fn an_event_lies_where_it_is_held() {
    let rs = full("8月2日晚，2024年青岩古镇端午龙舟文化旅游节在青岩古镇景区开幕。会议在贵阳市举行。");
    assert!(holds(&rs, "2024年青岩古镇端午龙舟文化旅游节", "青岩古镇", RelationType::LocatedIn), "{rs:?}");
}

#[test]
fn a_company_named_inside_its_project_by_its_declared_short_name_is_that_company() {
    let text = "浙江瑞丰智能家居股份有限公司（以下简称“瑞丰智家”）发布公告，将投资建设瑞丰智家华中智能制造基地项目。\
                据瑞丰智家总经理沈佳怡介绍，2023年瑞丰智家实现营业收入42.6亿元。";
    let x = entity_labels(text);
    assert!(!x.iter().any(|l| l == "瑞丰智家"), "{x:?}");
    let rs = full(text);
    assert!(
        holds(&rs, "浙江瑞丰智能家居股份有限公司", "瑞丰智家华中智能制造基地项目", RelationType::Promotes),
        "{rs:?}"
    );
}

#[test]
fn title_gives_position_and_employer() {
    // a party title glued to its place is a post in the place (as analysts annotate it); a
    // medium employs
    let rs = rels("北碚区委书记周旭表示,北碚要发展。\n重庆日报·上游新闻记者 王淳");
    assert!(has(&rs, "周旭", "北碚区", RelationType::HoldsPosition), "{rs:?}");
    assert!(!rs.iter().any(|(a, b, ..)| a == "北碚区委" || b == "北碚区委"), "{rs:?}");
    assert!(has(&rs, "王淳", "重庆日报", RelationType::WorksFor), "{rs:?}");
    // a place named in the title: the post is in that place
    let rs = rels("江津区副区长刘建平出席活动。");
    assert!(has(&rs, "刘建平", "江津区", RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn inclusion_and_enumerated_enterprises() {
    let rs = rels("歇马片区约58平方公里全域纳入重庆高新区。北碚区将发挥京东方等骨干企业引领作用。");
    assert!(has(&rs, "歇马片区", "重庆高新区", RelationType::PartOf), "{rs:?}");
    assert!(has(&rs, "京东方", "北碚区", RelationType::LocatedIn), "{rs:?}");
}

#[test]
fn containment_and_located_in() {
    let rs = rels("北碚区与四川省绵阳市开展合作。北碚有西南大学、长江师范学院等高校。");
    assert!(has(&rs, "绵阳市", "四川省", RelationType::PartOf), "{rs:?}");
    assert!(has(&rs, "北碚区", "绵阳市", RelationType::CooperatesWith), "{rs:?}");
    assert!(has(&rs, "西南大学", "北碚区", RelationType::LocatedIn), "{rs:?}");
}

#[test]
fn both_parties_refer_back() {
    let rs = rels("江津区与宜宾市交流频繁。一个月里,两地缔结了友好城市,共同制定“三年行动计划”。");
    assert!(has(&rs, "江津区", "宜宾市", RelationType::SisterCity), "{rs:?}");
    assert!(has(&rs, "江津区", "三年行动计划", RelationType::Promotes), "{rs:?}");
    assert!(has(&rs, "宜宾市", "三年行动计划", RelationType::Promotes), "{rs:?}");
}

#[test]
fn co_occurrence_is_the_fallback_within_one_sentence() {
    let rs = rels("西南大学与重庆大学的学者在绵阳交流。北京大学很远。");
    assert!(has(&rs, "西南大学", "绵阳市", RelationType::CoOccurs), "{rs:?}");
    assert!(has(&rs, "西南大学", "重庆大学", RelationType::CoOccurs), "{rs:?}");
    assert!(!rs.iter().any(|(a, b, _)| a == "北京大学" || b == "北京大学"), "{rs:?}");
}

/// Relations the full extractor (tagger and rules) finds in a text, with their labels.
fn full(text: &str) -> Vec<(String, String, RelationType, String)> {
    let doc = Document::new("t".into(), "t".into(), text.to_owned());
    let x = crate::extract::HybridExtractor.extract(&doc);
    x.relations
        .iter()
        .map(|r| (x.entities[r.source].label.clone(), x.entities[r.target].label.clone(), r.kind, r.label.clone()))
        .collect()
}

fn names_of(text: &str) -> Vec<String> {
    let doc = Document::new("t".into(), "t".into(), text.to_owned());
    crate::extract::HybridExtractor.extract(&doc).entities.into_iter().map(|e| e.label).collect()
}

fn holds(rs: &[(String, String, RelationType, String)], a: &str, b: &str, t: RelationType) -> bool {
    rs.iter().any(|(x, y, k, _)| *k == t && (x == a && y == b || t.is_symmetric() && x == b && y == a))
}

fn labelled(rs: &[(String, String, RelationType, String)], a: &str, b: &str, label: &str) -> bool {
    rs.iter().any(|(x, y, _, l)| x == a && y == b && l == label)
}

#[test]
fn a_run_of_titles_gives_one_post_per_title() {
    let rs = full("宜宾市委副书记、市长赵明华出席会议。宜宾市将加快发展。宜宾市还将扩大开放。");
    // both titles are held in the city: one post labelled with both
    assert!(labelled(&rs, "赵明华", "宜宾市", "宜宾市委副书记、市长"), "{rs:?}");
}

#[test]
fn bare_titles_hold_posts_in_the_home_area() {
    let rs = full("江津区召开会议。区委书记王晓东主持，副区长刘建平出席。江津区将加快发展。");
    assert!(holds(&rs, "王晓东", "江津区", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "刘建平", "江津区", RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn officials_listed_under_one_title() {
    let rs = full("江津区召开会议。区领导陈明宇、赵丽华、孙浩参加会议。江津区将加快发展。");
    for name in ["陈明宇", "赵丽华", "孙浩"] {
        assert!(holds(&rs, name, "江津区", RelationType::HoldsPosition), "{name}: {rs:?}");
    }
}

#[test]
fn a_post_in_brackets_after_the_name() {
    let rs = full("宜宾市召开会议。市领导孙浩、周立(市政府秘书长)参加会议。");
    assert!(holds(&rs, "周立", "宜宾市", RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn credit_lines_work_for_the_outlet() {
    let rs = full("宜宾市召开会议。\n来源：宜宾日报 时间：2023-05-06 10:20 编辑：婷婷\n（记者 李明 摄影 王华）");
    assert!(holds(&rs, "婷婷", "宜宾日报", RelationType::WorksFor), "{rs:?}");
    assert!(holds(&rs, "李明", "宜宾日报", RelationType::WorksFor), "{rs:?}");
    assert!(holds(&rs, "王华", "宜宾日报", RelationType::WorksFor), "{rs:?}");
    // a newspaper's correspondent contributes from outside it: no employer is stated
    let rs = full("来源：江油日报\n本报讯（记者 周文 通讯员 侯晓岚）江油市召开会议。");
    assert!(holds(&rs, "周文", "江油日报", RelationType::WorksFor), "{rs:?}");
    assert!(!rs.iter().any(|r| r.0 == "侯晓岚" && r.2 != RelationType::CoOccurs), "{rs:?}");
    // on a body's own site the correspondent is the body's
    let rs = full("标题\n来源：龙泉区人民法院 作者：通讯员 秦悦\n龙泉区人民法院召开会议。");
    assert!(rs.iter().any(|r| r.0 == "秦悦" && r.1 == "龙泉区人民法院"), "{rs:?}");
}

#[test]
fn officers_of_the_company_and_the_university() {
    let rs = full(
        "重庆华芯微电子科技有限公司在江津区投资。董事长李国强表示满意。\n重庆嘉陵理工大学与江津区签约，我校副校长周立群出席。",
    );
    assert!(holds(&rs, "李国强", "重庆华芯微电子科技有限公司", RelationType::WorksFor), "{rs:?}");
    assert!(holds(&rs, "周立群", "重庆嘉陵理工大学", RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn both_sides_sign_and_promote_what_they_sign() {
    let rs = full("宜宾市与泸州市举行座谈。两地签署《川南文旅协同发展合作协议》。");
    assert!(holds(&rs, "宜宾市", "泸州市", RelationType::CooperatesWith), "{rs:?}");
    assert!(holds(&rs, "宜宾市", "川南文旅协同发展合作协议", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "泸州市", "川南文旅协同发展合作协议", RelationType::Promotes), "{rs:?}");
}

#[test]
fn three_parties_cooperate() {
    let rs = full("江津区、永川区与重庆嘉陵理工大学举行会谈。三方签署合作协议，共建联合实验室。");
    assert!(holds(&rs, "江津区", "永川区", RelationType::CooperatesWith), "{rs:?}");
    assert!(holds(&rs, "永川区", "重庆嘉陵理工大学", RelationType::CooperatesWith), "{rs:?}");
}

#[test]
fn sister_cities_referred_back_to() {
    let rs = full("湖州市代表团访问广元市。两市正式缔结友好城市关系。");
    assert!(holds(&rs, "湖州市", "广元市", RelationType::SisterCity), "{rs:?}");
}

#[test]
fn the_district_referred_to_promotes() {
    let rs = full("江津区地处长江之滨。近年来，该区积极推进“双福新城”建设。");
    assert!(
        holds(&rs, "江津区", "双福新城", RelationType::Promotes)
            || holds(&rs, "江津区", "“双福新城”", RelationType::Promotes),
        "{rs:?}"
    );
}

#[test]
fn the_university_referred_to_as_school() {
    let rs = full("重庆嘉陵理工大学召开会议。学校将全力推动嘉陵江流域水资源保护重点实验室建设。");
    assert!(holds(&rs, "重庆嘉陵理工大学", "嘉陵江流域水资源保护重点实验室", RelationType::Promotes), "{rs:?}");
}

#[test]
fn what_is_where() {
    let rs = full("华芯研发中心位于江津区双福工业园。位于宜宾市三江新区的长江工业园投入使用。");
    assert!(holds(&rs, "华芯研发中心", "双福工业园", RelationType::LocatedIn), "{rs:?}");
    assert!(holds(&rs, "长江工业园", "三江新区", RelationType::LocatedIn), "{rs:?}");
}

#[test]
fn projects_lie_where_they_are_named_and_in_the_lists_they_join() {
    let rs = full(
        "天府新区共12个项目纳入省级重点项目。其中，天府新区航空发动机零部件项目、宜宾华芯高端芯片封测基地项目被纳入其中。",
    );
    assert!(holds(&rs, "天府新区航空发动机零部件项目", "省级重点项目", RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "宜宾华芯高端芯片封测基地项目", "省级重点项目", RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "天府新区航空发动机零部件项目", "天府新区", RelationType::LocatedIn), "{rs:?}");
    assert!(holds(&rs, "宜宾华芯高端芯片封测基地项目", "天府新区", RelationType::LocatedIn), "{rs:?}");
}

#[test]
fn departments_belong_to_their_place() {
    let rs = full("江津区政府办、科技局负责人参加会议。江津区将加快发展。");
    assert!(holds(&rs, "江津区政府办", "江津区", RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "江津区科技局", "江津区", RelationType::PartOf), "{rs:?}");
}

#[test]
fn subsidiaries_belong_to_their_group() {
    let rs = full("重庆华晨实业集团有限公司旗下拥有重庆华晨动力机械有限公司、重庆华晨新材料有限公司等企业。");
    assert!(holds(&rs, "重庆华晨动力机械有限公司", "重庆华晨实业集团有限公司", RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "重庆华晨新材料有限公司", "重庆华晨实业集团有限公司", RelationType::PartOf), "{rs:?}");
    // in a later clause of the sentence about the group, with a count for 等
    let rs = full(
        "江源铜业集团成立于1998年，总部位于铜陵市，旗下拥有铜陵江源线材有限公司、池州江源精密铜管有限公司2家子公司。",
    );
    assert!(holds(&rs, "铜陵江源线材有限公司", "江源铜业集团", RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "池州江源精密铜管有限公司", "江源铜业集团", RelationType::PartOf), "{rs:?}");
}

#[test]
fn a_zone_and_its_committee() {
    let rs =
        full("襄阳市位于湖北。襄阳高新技术产业开发区位于襄阳市东部。襄阳高新技术产业开发区管理委员会与顺德区签约。");
    assert!(holds(&rs, "襄阳高新技术产业开发区管理委员会", "襄阳高新技术产业开发区", RelationType::PartOf), "{rs:?}");
    // a development zone named after its city lies in it
    let rs = full("张掖市召开大会。张掖经济技术开发区今年新增企业30家。");
    assert!(holds(&rs, "张掖经济技术开发区", "张掖市", RelationType::LocatedIn), "{rs:?}");
}

#[test]
fn districts_named_with_their_city_are_part_of_it() {
    let rs = full("宜宾市召开会议。宜宾将抓好翠屏区、叙州区、南溪区三大园区建设。");
    assert!(holds(&rs, "翠屏区", "宜宾市", RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "南溪区", "宜宾市", RelationType::PartOf), "{rs:?}");
}

#[test]
fn the_agent_of_a_passive_builds_the_project() {
    let rs = full("由重庆华芯微电子科技有限公司投资建设的江津区高端电子元器件产业园项目进展顺利。");
    assert!(
        holds(&rs, "重庆华芯微电子科技有限公司", "江津区高端电子元器件产业园项目", RelationType::Promotes),
        "{rs:?}"
    );
}

#[test]
fn the_issuer_of_a_document_and_the_company_of_a_project() {
    let rs = full("近日，《宜宾市人民政府办公室关于做好春耕生产工作的通知》印发。江北康达玻璃基板项目进展顺利。");
    assert!(
        holds(&rs, "宜宾市人民政府办公室", "宜宾市人民政府办公室关于做好春耕生产工作的通知", RelationType::Promotes),
        "{rs:?}"
    );
}

#[test]
fn stated_relations_that_fit_no_type() {
    let rs = full("消费者张先生向渝北区市场监督管理局投诉重庆驰骋汽车销售服务有限公司。");
    assert!(rs.iter().any(|(_, _, k, l)| *k == RelationType::Related && l == "投诉"), "{rs:?}");
}

#[test]
fn have_means_having_not_a_word_starting_with_it() {
    let rs = full("绵阳市有关部门与华为公司签约。北碚区有西南大学、重庆嘉陵理工大学等高校。");
    assert!(
        !holds(&rs, "华为公司", "绵阳市", RelationType::LocatedIn)
            && !holds(&rs, "华为", "绵阳市", RelationType::LocatedIn),
        "{rs:?}"
    );
    assert!(holds(&rs, "西南大学", "北碚区", RelationType::LocatedIn), "{rs:?}");
}

#[test]
fn who_includes_is_not_what_is_included() {
    let rs = full("宜宾市发展改革委将宜宾华芯高端芯片封测基地项目纳入省级重点项目。");
    assert!(holds(&rs, "宜宾华芯高端芯片封测基地项目", "省级重点项目", RelationType::PartOf), "{rs:?}");
    assert!(
        !rs.iter().any(|(a, b, k, _)| a.contains("发展改革委") && b == "省级重点项目" && *k == RelationType::PartOf),
        "{rs:?}"
    );
}

#[test]
fn a_photographer_credit_is_the_name_without_its_mark() {
    let rs = full("宜宾市召开会议。\n来源：宜宾日报\n（记者 李明摄）");
    assert!(holds(&rs, "李明", "宜宾日报", RelationType::WorksFor), "{rs:?}");
}

#[test]
fn similar_projects_of_different_brands_stay_apart() {
    let doc = Document::new(
        "t".into(),
        "t".into(),
        "东风汽车新能源整车生产基地项目和红旗汽车新能源整车生产基地项目同时开工。".to_owned(),
    );
    let x = crate::extract::HybridExtractor.extract(&doc);
    let projects = x.entities.iter().filter(|e| e.label.ends_with("项目")).count();
    assert_eq!(projects, 2, "{:?}", x.entities);
}

#[test]
fn a_park_or_place_that_brings_companies_in_holds_them() {
    let rs = full(
        "记者了解到，青溪数字产业园位于江津区双福街道。目前，园区已引进重庆岚图信息技术有限公司、四川明越软件有限公司等企业80余家。园区内的青溪创新港已建成投用。",
    );
    assert!(holds(&rs, "重庆岚图信息技术有限公司", "青溪数字产业园", RelationType::LocatedIn), "{rs:?}");
    assert!(holds(&rs, "四川明越软件有限公司", "青溪数字产业园", RelationType::LocatedIn), "{rs:?}");
    assert!(holds(&rs, "青溪创新港", "青溪数字产业园", RelationType::LocatedIn), "{rs:?}");
    let rs = full("今年以来，璧山区招引重庆凯拓精工有限公司落户，吸引了成都远川科技有限公司的关注。");
    assert!(holds(&rs, "重庆凯拓精工有限公司", "璧山区", RelationType::LocatedIn), "{rs:?}");
    assert!(!holds(&rs, "成都远川科技有限公司", "璧山区", RelationType::LocatedIn), "{rs:?}");
}

#[test]
fn parks_in_general_are_not_the_park_of_the_article() {
    let rs = full("合川工业园区今年新增企业20家。全市各园区引进重庆恒岳机电有限公司等企业。");
    assert!(!holds(&rs, "重庆恒岳机电有限公司", "合川工业园区", RelationType::LocatedIn), "{rs:?}");
}

#[test]
fn included_in_it_and_selected_refer_to_the_list_named_last() {
    let rs = full(
        "日前，四川省发展和改革委员会印发《2025年四川省重点项目名单》，绵阳市共30个项目纳入其中。科技创新方面，绵阳科技城新区光电产业园项目、涪城区智能终端产业园项目等8个项目入选。",
    );
    let list = "2025年四川省重点项目名单";
    assert!(holds(&rs, "绵阳科技城新区光电产业园项目", list, RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "涪城区智能终端产业园项目", list, RelationType::PartOf), "{rs:?}");
}

#[test]
fn a_subsidiary_named_after_its_description_keeps_its_own_name() {
    let rs = full("该项目由德国施泰纳机械集团在华全资子公司施泰纳精密机械（太仓）有限公司负责建设运营。");
    let names: Vec<&str> = rs.iter().flat_map(|(a, b, _, _)| [a.as_str(), b.as_str()]).collect();
    assert!(names.contains(&"施泰纳精密机械（太仓）有限公司"), "{rs:?}");
    assert!(!names.iter().any(|n| n.contains("子公司")), "{rs:?}");
}

#[test]
fn a_mission_abroad_is_named_with_its_country_and_place() {
    let rs = full("葡萄牙驻广州总领事馆总领事马里奥·席尔瓦出席签约仪式，与珠海市副市长交流。");
    let names: Vec<&str> = rs.iter().flat_map(|(a, b, _, _)| [a.as_str(), b.as_str()]).collect();
    assert!(names.contains(&"葡萄牙驻广州总领事馆"), "{rs:?}");
    assert!(
        holds(&rs, "马里奥·席尔瓦", "葡萄牙驻广州总领事馆", RelationType::HoldsPosition)
            || holds(&rs, "马里奥·席尔瓦", "葡萄牙驻广州总领事馆", RelationType::WorksFor),
        "{rs:?}"
    );
}

#[test]
fn a_foreign_city_named_with_its_country_is_the_party() {
    let rs = full("9月12日，嘉兴市与意大利普拉托市缔结友好城市关系签字仪式在嘉兴举行。");
    assert!(holds(&rs, "嘉兴市", "普拉托市", RelationType::SisterCity), "{rs:?}");
    assert!(!holds(&rs, "嘉兴市", "意大利", RelationType::SisterCity), "{rs:?}");
}

#[test]
fn a_post_given_with_you_danren_is_held_in_the_body_its_words_name() {
    let rs = full(
        "实验室揭牌\n西南材料大学与北碚区共建的北碚陶瓷材料联合实验室当天揭牌。实验室主任由材料学院副院长孙立峰担任，首任理事长由王海出任。",
    );
    assert!(holds(&rs, "孙立峰", "北碚陶瓷材料联合实验室", RelationType::HoldsPosition), "{rs:?}");
    assert!(!rs.iter().any(|(a, _, t, _)| a == "王海" && *t == RelationType::HoldsPosition), "no body named: {rs:?}");
}

#[test]
fn a_body_and_its_verb_glued_before_a_name_are_not_part_of_it() {
    let rs = full("标题\n北碚区与西南材料大学共建先进陶瓷研究院，中国建设银行重庆分行参加。\n");
    let names: Vec<&str> = rs.iter().flat_map(|(a, b, _, _)| [a.as_str(), b.as_str()]).collect();
    assert!(!names.iter().any(|n| n.contains("共建")), "{rs:?}");
    assert!(names.iter().any(|n| n.starts_with("中国建设银行")), "a verb that is part of a name stays: {rs:?}");
}

#[test]
fn a_department_named_with_he_is_one_body() {
    let rs = full("标题\n芙蓉区召开推进会。区工业和信息化局局长邓立新表示，将加快项目建设。\n");
    assert!(rs.iter().any(|(a, b, _, _)| a == "邓立新" && b.ends_with("工业和信息化局")), "{rs:?}");
    assert!(!rs.iter().any(|(a, b, _, _)| a == "区工业" || b == "区工业"), "{rs:?}");
}

#[test]
fn a_zone_committee_title_after_the_zones_party_title_is_held_in_the_zone() {
    // the district the document is about is not the zone the run of titles names
    let rs = rels(
        "长寿区委书记周立新主持会议。长寿区与晏家经开区共建园区，晏家经开区党工委副书记、管委会主任郝思远通报情况。",
    );
    assert!(has(&rs, "郝思远", "晏家经开区", RelationType::HoldsPosition), "{rs:?}");
    assert!(!has(&rs, "郝思远", "长寿区", RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn a_zone_committee_title_is_held_in_the_committee_when_the_text_names_it() {
    let rs = rels("晏家经开区管委会发布公告。晏家经开区党工委副书记、管委会主任郝思远通报情况。");
    assert!(has(&rs, "郝思远", "晏家经开区管委会", RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn subsidiaries_of_the_company_the_text_is_about() {
    let rs = full(
        "山东岚泰新材料股份有限公司（以下简称“岚泰新材”）发布公告称，公司旗下全资子公司淄博岚泰锂电科技有限公司与临淄区人民政府签署投资协议书。\
         除淄博岚泰锂电科技有限公司外，公司旗下还有全资子公司岚泰新材料（香港）有限公司和控股子公司宁夏岚泰硅碳材料有限公司。",
    );
    let parent = "山东岚泰新材料股份有限公司";
    assert!(labelled(&rs, "淄博岚泰锂电科技有限公司", parent, "全资子公司"), "{rs:?}");
    assert!(labelled(&rs, "岚泰新材料（香港）有限公司", parent, "全资子公司"), "{rs:?}");
    assert!(labelled(&rs, "宁夏岚泰硅碳材料有限公司", parent, "控股子公司"), "{rs:?}");
    // an agreement partner is no subsidiary
    assert!(!holds(&rs, "临淄区人民政府", parent, RelationType::PartOf), "{rs:?}");
}

#[test]
fn the_words_between_a_parent_and_its_subsidiary() {
    let rs = full("德国施泰纳机械集团在华全资子公司施泰纳精密机械（太仓）有限公司负责运营。");
    assert!(labelled(&rs, "施泰纳精密机械（太仓）有限公司", "德国施泰纳机械集团", "全资子公司"), "{rs:?}");
    let rs = full("江苏岚川控股集团有限公司的子公司岚川物流有限公司在当地投资。");
    assert!(holds(&rs, "岚川物流有限公司", "江苏岚川控股集团有限公司", RelationType::PartOf), "{rs:?}");
    // a company that signs with another is not its subsidiary
    let rs = full("江苏岚川控股集团有限公司与岚山物流有限公司签署协议。");
    assert!(!rs.iter().any(|(_, _, k, _)| *k == RelationType::PartOf), "{rs:?}");
}

#[test]
fn brands_belong_to_their_company() {
    let rs = full(
        "福建岚步体育用品股份有限公司旗下拥有主品牌“岚步”、户外品牌“野川”。公司目前拥有“岚碳”“晶川”两大产品品牌。",
    );
    let owner = "福建岚步体育用品股份有限公司";
    for brand in ["岚步", "野川", "岚碳", "晶川"] {
        assert!(holds(&rs, brand, owner, RelationType::PartOf), "{brand}: {rs:?}");
    }
}

#[test]
fn a_bare_title_after_a_committee_named_with_its_city() {
    // 区长 is held in the district of the committee before it, not in the district the text is
    // about
    let rs = full(
        "北海市银滩区与厦门市湖里区签署协议。银滩区发展很快，银滩区位于北海市南部。厦门市湖里区委副书记、区长洪若溪出席。",
    );
    assert!(holds(&rs, "洪若溪", "湖里区", RelationType::HoldsPosition), "{rs:?}");
    assert!(!holds(&rs, "洪若溪", "银滩区", RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn a_bare_title_is_held_in_the_place_of_its_level_named_before_it_in_the_sentence() {
    let rs = full(
        "佛山市与襄阳市签署协议。佛山市将加强合作，佛山市发展很快。\
         湖北省襄阳市委书记黄振东，市委副书记、市长刘思源率代表团来访。",
    );
    assert!(holds(&rs, "刘思源", "襄阳市", RelationType::HoldsPosition), "{rs:?}");
    assert!(!holds(&rs, "刘思源", "佛山市", RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn bodies_in_charge_of_an_item_of_a_list() {
    let rs = full(
        "株江市人民政府办公室印发《株江市数字化转型行动计划》，明确实施三大工程：\n一是“千企上云”工程。由株江市工业和信息化局、株江市数据资源局负责，每年推动300家企业上云。\n\
         该项目由华锐新能源科技有限公司投资建设。",
    );
    assert!(holds(&rs, "株江市工业和信息化局", "千企上云", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "株江市数据资源局", "千企上云", RelationType::Promotes), "{rs:?}");
}

#[test]
fn the_people_who_sign_for_the_bodies_sign_too() {
    let rs = full("仪式上，南江区副区长沈佳宁与利州区副区长赵明川分别代表两地签署《南江区与利州区产业合作框架协议》。");
    let deal = "南江区与利州区产业合作框架协议";
    assert!(holds(&rs, "沈佳宁", deal, RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "赵明川", deal, RelationType::Promotes), "{rs:?}");
}

#[test]
fn each_project_of_a_list_by_its_own_investor() {
    let rs = full(
        "此次开工的项目中，陆川县龙湾风电场项目由云南滇川新能源开发有限公司投资，位于龙湾乡；\
         陆川县蚕桑丝绸产业园项目由云南桑川丝绸科技有限公司投资建设，总投资5亿元。",
    );
    assert!(holds(&rs, "云南滇川新能源开发有限公司", "陆川县龙湾风电场项目", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "云南桑川丝绸科技有限公司", "陆川县蚕桑丝绸产业园项目", RelationType::Promotes), "{rs:?}");
    assert!(!holds(&rs, "云南桑川丝绸科技有限公司", "陆川县龙湾风电场项目", RelationType::Promotes), "{rs:?}");
}

#[test]
fn local_bodies_named_after_their_county() {
    let rs = full(
        "陆良县人民医院医技楼项目开工，由陆良县工业园区开发投资有限公司代建。陆良县人民医院院长出席。重庆华川实业集团有限公司参加。",
    );
    assert!(holds(&rs, "陆良县人民医院", "陆良县", RelationType::LocatedIn), "{rs:?}");
    assert!(holds(&rs, "陆良县工业园区开发投资有限公司", "陆良县", RelationType::LocatedIn), "{rs:?}");
    // a city's name starts too many names to say where they are
    assert!(!rs.iter().any(|(a, _, k, _)| a == "重庆华川实业集团有限公司" && *k == RelationType::LocatedIn), "{rs:?}");
}

#[test]
fn a_company_named_after_a_country_or_a_zone_is_not_placed_by_its_name() {
    let rs = full("芬兰北岸能源技术有限公司与江苏通川新能源科技有限公司签约。芬兰代表团到访。");
    assert!(!holds(&rs, "芬兰北岸能源技术有限公司", "芬兰", RelationType::LocatedIn), "{rs:?}");
}

#[test]
fn two_cities_are_cities_of_that_level() {
    let rs = full(
        "南通市与芬兰图尔库市缔结友好城市关系。南通市发展很快。\
         市委书记会见图尔库市代表团，市长许文川与图尔库市市长米卡·拉赫宁代表两市签署《友好城市关系协议书》。",
    );
    assert!(holds(&rs, "南通市", "友好城市关系协议书", RelationType::Promotes), "{rs:?}");
    assert!(!holds(&rs, "芬兰", "友好城市关系协议书", RelationType::Promotes), "{rs:?}");
    assert!(!holds(&rs, "芬兰", "图尔库市", RelationType::SisterCity), "{rs:?}");
}

#[test]
fn two_districts_may_be_a_district_and_a_zone() {
    let rs = full("綦江区与万盛经开区召开联席会议。两区签署了《公共服务共建共享合作备忘录》。");
    assert!(holds(&rs, "綦江区", "公共服务共建共享合作备忘录", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "万盛经开区", "公共服务共建共享合作备忘录", RelationType::Promotes), "{rs:?}");
}

#[test]
fn towns_of_the_county_and_its_media_centre() {
    let rs = full("北碚区召开会议。歇马街道、澄江镇入选今年北碚区名单，北碚区融媒体中心报道。天府镇也在建设。");
    assert!(holds(&rs, "歇马街道", "北碚区", RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "澄江镇", "北碚区", RelationType::PartOf), "{rs:?}");
    assert!(!holds(&rs, "北碚区融媒体中心", "北碚区", RelationType::PartOf), "{rs:?}");
    // (a town named apart from its county: no sentence shows it)
    assert!(!holds(&rs, "天府镇", "北碚区", RelationType::PartOf), "{rs:?}");
}

#[test]
fn a_bare_committee_is_the_home_areas() {
    let rs = full(
        "中共泸溪县委召开全会。泸溪县发展很快，泸溪县干部群众满意。过去一年，县委团结带领全县干部群众，深入实施“山海协作”工程。县委书记隗晓川出席。",
    );
    assert!(holds(&rs, "中共泸溪县委", "山海协作", RelationType::Promotes), "{rs:?}");
}

#[test]
fn a_banners_titles_are_held_in_the_banner() {
    let rs = full(
        "达尔罕茂明安联合旗召开会议，达尔罕茂明安联合旗发展很快。旗委副书记、旗长额尔德出席。公司董事局主席施乃川致辞。",
    );
    assert!(holds(&rs, "额尔德", "达尔罕茂明安联合旗", RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn our_school_is_the_writers_university() {
    let rs = full(
        "哈尔滨寒川科技大学与黑龙江省农业科学院共建联合实验室。哈尔滨寒川科技大学校长出席。黑龙江省农业科学院副院长韩东川，我校副校长孙立川出席仪式。",
    );
    assert!(holds(&rs, "孙立川", "哈尔滨寒川科技大学", RelationType::HoldsPosition), "{rs:?}");
    assert!(!holds(&rs, "孙立川", "黑龙江省农业科学院", RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn a_unit_named_with_its_university_is_part_of_it() {
    // named with a place too (贵州): still a unit of the university
    let rs = full("贵州大学副校长拓万川出席。贵州大学化学化工学院与企业签约，化学化工学院院长主持。贵州大学发展很快。");
    assert!(holds(&rs, "贵州大学化学化工学院", "贵州大学", RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "拓万川", "贵州大学", RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn a_government_named_in_full_signs_for_itself_and_belongs_to_its_place() {
    let rs = full(
        "雅安市地处四川盆地西缘。四川省经济和信息化厅与雅安市人民政府举行签约仪式，双方签署《共同推进雅安市绿色材料产业发展合作协议》。",
    );
    let doc = "共同推进雅安市绿色材料产业发展合作协议";
    assert!(holds(&rs, "雅安市人民政府", doc, RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "四川省经济和信息化厅", doc, RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "四川省经济和信息化厅", "雅安市人民政府", RelationType::CooperatesWith), "{rs:?}");
    assert!(holds(&rs, "雅安市人民政府", "雅安市", RelationType::PartOf), "{rs:?}");
    assert!(!holds(&rs, "雅安市", doc, RelationType::Promotes), "{rs:?}");
}

#[test]
fn a_party_committee_belongs_to_its_place() {
    let rs = full("会理市地处川滇交界。中共会理市委召开全体会议。会理市委书记陈国良主持会议。");
    assert!(holds(&rs, "中共会理市委", "会理市", RelationType::PartOf), "{rs:?}");
    // a committee the text names as a body holds its titles, glued to the place or bare
    assert!(holds(&rs, "陈国良", "中共会理市委", RelationType::HoldsPosition), "{rs:?}");
    let rs =
        full("中共巫溪县委经济工作会议召开。县委书记罗文军出席会议，县委副书记、县长杨丽主持。巫溪县经济稳中有进。");
    assert!(holds(&rs, "罗文军", "中共巫溪县委", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "杨丽", "中共巫溪县委", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "杨丽", "巫溪县", RelationType::HoldsPosition), "{rs:?}");
    // without it, the titles are posts in the place and no committee is made up
    let rs = full("黔江区召开会议。黔江区委书记李明亮、区委副书记周敏出席。县委常委张华主持。");
    assert!(holds(&rs, "李明亮", "黔江区", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "周敏", "黔江区", RelationType::HoldsPosition), "{rs:?}");
    assert!(!rs.iter().any(|(a, b, ..)| a.ends_with("区委") || b.ends_with("区委")), "{rs:?}");
    // the area's name in any of its shapes: after its province and city, short with its level,
    // the level said twice; a level alone (自治区党委常委) names no committee either
    let rs = full(
        "福建省泉州市晋江市委副书记、市长林海峰率团考察。恩施州委常委刘涛，石林彝族自治县县委书记赵亮，自治区党委常委、包头市委书记马骏出席。",
    );
    assert!(labelled(&rs, "林海峰", "晋江市", "福建省泉州市晋江市委副书记、市长"), "{rs:?}");
    assert!(holds(&rs, "刘涛", "恩施土家族苗族自治州", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "赵亮", "石林彝族自治县", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "马骏", "包头市", RelationType::HoldsPosition), "{rs:?}");
    assert!(!rs.iter().any(|(a, b, ..)| a.ends_with('委') || b.ends_with('委') || b.ends_with('党')), "{rs:?}");
}

#[test]
fn both_sides_are_the_parties_last_joined_not_units_listed_since() {
    // 双方 is the university and the district that met, not the two offices listed after them
    let rs = full(
        "江宁区与南京江东大学举行座谈。区政府办、区科技局和学校后勤处、资产处相关人员参加。会后，双方签署《共建江东科技园合作协议》。",
    );
    let doc = "共建江东科技园合作协议";
    assert!(holds(&rs, "江宁区", doc, RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "南京江东大学", doc, RelationType::Promotes), "{rs:?}");
    assert!(!rs.iter().any(|(a, _, k, _)| *k == RelationType::Promotes && a.ends_with('处')), "{rs:?}");
}

#[test]
fn two_cities_stand_for_their_places_even_where_their_governments_met() {
    let rs = full("泰州市与宿迁市同在苏北。泰州市人民政府与宿迁市人民政府举行会商。两市签署《泰宿产业协作框架协议》。");
    assert!(holds(&rs, "泰州市", "泰宿产业协作框架协议", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "宿迁市", "泰宿产业协作框架协议", RelationType::Promotes), "{rs:?}");
}

#[test]
fn an_event_named_with_its_year_and_its_hosts() {
    let rs = full(
        "9月20日，2025年凤冈中秋茶文化旅游节在凤冈县茶海景区开幕。本届旅游节由遵义市文体旅游局、凤冈县人民政府主办，凤冈县文体旅游局、凤冈茶旅集团有限公司承办。",
    );
    let fest = "2025年凤冈中秋茶文化旅游节";
    assert!(holds(&rs, "遵义市文体旅游局", fest, RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "凤冈县人民政府", fest, RelationType::Promotes), "{rs:?}");
    assert!(labelled(&rs, "凤冈县文体旅游局", fest, "承办"), "{rs:?}");
    assert!(labelled(&rs, "凤冈茶旅集团有限公司", fest, "承办"), "{rs:?}");
}

#[test]
fn this_project_is_the_one_just_named() {
    let rs = full("璧山区今年开工璧泉智能家居产业园项目。该项目由重庆璧泉家居有限公司投资建设，总投资12亿元。");
    assert!(holds(&rs, "重庆璧泉家居有限公司", "璧泉智能家居产业园项目", RelationType::Promotes), "{rs:?}");
}

#[test]
fn platforms_named_by_their_field_where_they_are_set_up() {
    let rs = full(
        "江源铜业集团与安徽江淮大学材料学院共建的铜基材料联合研发中心已投入使用。双方还将同步建设高端铜箔中试基地。",
    );
    assert!(holds(&rs, "江源铜业集团", "铜基材料联合研发中心", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "安徽江淮大学材料学院", "铜基材料联合研发中心", RelationType::Promotes), "{rs:?}");
    assert!(!holds(&rs, "铜基材料联合研发中心", "安徽江淮大学材料学院", RelationType::PartOf), "{rs:?}");
    assert!(rs.iter().any(|(_, b, _, _)| b == "高端铜箔中试基地"), "{rs:?}");
    // a platform with no field of its own is no name
    let rs = full(
        "鼓励企业建设研发中心，推动重点实验室建设。推动两地企业互设研发中心。其研发中心今年初获批市级企业技术中心。",
    );
    assert!(rs.iter().all(|(a, b, _, _)| !a.ends_with("中心") && !b.ends_with("中心")), "{rs:?}");
}

#[test]
fn venues_named_after_their_city_lie_in_it() {
    let rs = full("信阳市二季度项目集中签约活动在信阳市民服务中心举行。信阳市位于河南南部。");
    assert!(holds(&rs, "信阳市民服务中心", "信阳市", RelationType::LocatedIn), "{rs:?}");
    assert!(!holds(&rs, "信阳市民服务中心", "信阳市", RelationType::PartOf), "{rs:?}");
}

#[test]
fn a_sight_and_its_scenic_area_are_one_place_in_a_text() {
    let x = crate::extract::HybridExtractor.extract(&Document::new(
        "t".into(),
        "t".into(),
        "活动在青岩古镇景区开幕。青岩古镇是国家5A级旅游景区。".to_owned(),
    ));
    let places: Vec<&str> =
        x.entities.iter().filter(|e| e.label.starts_with("青岩")).map(|e| e.label.as_str()).collect();
    assert_eq!(places.len(), 1, "{places:?}");
}

#[test]
fn a_plan_promotes_the_programmes_it_lists() {
    let rs = full(
        "湘潭市印发《湘潭市新材料产业发展行动方案（2024—2026年）》，这是落实《湖南省新材料产业规划》的举措，明确实施三大工程：\n一是“强链补链”工程。由市工业和信息化局牵头。\n二是“湘材入园”工程。推动企业集聚。\n（三）“新材人才”工程。培养人才。\n此外，湘潭市还将推进“智造湘潭”行动。",
    );
    let plan = "湘潭市新材料产业发展行动方案（2024—2026年）";
    for p in ["强链补链", "湘材入园", "新材人才"] {
        assert!(holds(&rs, plan, p, RelationType::Promotes), "{p}: {rs:?}");
    }
    assert!(!holds(&rs, plan, "智造湘潭", RelationType::Promotes), "{rs:?}");
}

#[test]
fn the_page_s_source_line_names_the_outlet_the_credits_work_for() {
    let page = "<html><body><h1>溆浦县新建学校三所</h1><div class=\"info\"><span>2024-02-29 07:52</span><span>来源：溆浦日报</span>\
                <span>作者：记者 蒋一鸣 通讯员 石岚</span><span>阅读数：<em>2351</em></span></div>\
                <div class=\"content\"><p>2月28日，溆浦县召开教育工作会议，今年将新建学校三所，新增学位三千个。</p>\
                <p>会议要求，各乡镇要做好用地保障，确保项目按期开工建设。</p><p>责任编辑：舒婷</p></div></body></html>";
    let doc = crate::ingest::from_bytes("p.html", page.as_bytes(), crate::ingest::ArticleFormat::Html).unwrap();
    let x = crate::extract::HybridExtractor.extract(&doc);
    let rs: Vec<_> = x
        .relations
        .iter()
        .map(|r| (x.entities[r.source].label.clone(), x.entities[r.target].label.clone(), r.kind, r.label.clone()))
        .collect();
    for person in ["蒋一鸣", "舒婷"] {
        assert!(holds(&rs, person, "溆浦日报", RelationType::WorksFor), "{person}: {rs:?}");
    }
    // (a correspondent contributes to the paper without working for it)
    assert!(!holds(&rs, "石岚", "溆浦日报", RelationType::WorksFor), "{rs:?}");
}

#[test]
fn who_invests_in_and_builds_a_project() {
    // the subsidiary right before the verb, not the group the sentence starts with
    let rs = full("同日，澜川科技旗下全资子公司宁波澜川精密制造有限公司投资建设的澜川智能机器人生产基地项目开工。");
    let p = "澜川智能机器人生产基地项目";
    assert!(holds(&rs, "宁波澜川精密制造有限公司", p, RelationType::Promotes), "{rs:?}");
    // 由A投资建设的X, with what is said of X right after its name
    let rs = full("其中，由云南滇川生物医药有限公司投资建设的滇川特色生物药研发基地项目计划总投资22亿元。");
    assert!(holds(&rs, "云南滇川生物医药有限公司", "滇川特色生物药研发基地项目", RelationType::Promotes), "{rs:?}");
    // X由A（以下简称…）投资建设, the name without a label before it
    let rs = full("主会场项目湖州南浔高端装备产业园一期项目由浙江恒川智能装备有限公司（以下简称“恒川智能”）投资建设。");
    assert!(holds(&rs, "浙江恒川智能装备有限公司", "湖州南浔高端装备产业园一期项目", RelationType::Promotes), "{rs:?}");
}

#[test]
fn a_lead_and_the_bodies_it_joins_build_together() {
    let rs = full("李岚介绍，区科技局将联合遵义大学、遵义学院共建汇川区数字经济产学研协同创新中心。");
    let centre = "汇川区数字经济产学研协同创新中心";
    for body in ["区科技局", "遵义大学", "遵义学院"] {
        assert!(holds(&rs, body, centre, RelationType::Promotes), "{body}: {rs:?}");
    }
    assert!(holds(&rs, "区科技局", "遵义大学", RelationType::CooperatesWith), "{rs:?}");
    assert!(holds(&rs, "区科技局", "遵义学院", RelationType::CooperatesWith), "{rs:?}");
    // a school named after a place is no unit of the university named before it
    assert!(!holds(&rs, "遵义学院", "遵义大学", RelationType::PartOf), "{rs:?}");
}

#[test]
fn a_venue_after_zai_is_where_not_who() {
    let rs =
        full("江北新区、天府新区与西川大学在位于天府新区的天府国际会议中心签署《共建智能网联汽车创新中心合作协议》。");
    let doc = "共建智能网联汽车创新中心合作协议";
    assert!(holds(&rs, "西川大学", doc, RelationType::Promotes), "{rs:?}");
    assert!(!holds(&rs, "天府国际会议中心", doc, RelationType::Promotes), "{rs:?}");
}

#[test]
fn a_zone_s_committee_belongs_to_the_zone_by_either_spelling() {
    let rs = full("包头稀土高新技术产业开发区发展很快，包头稀土高新区管委会负责服务。");
    assert!(holds(&rs, "包头稀土高新区管委会", "包头稀土高新技术产业开发区", RelationType::PartOf), "{rs:?}");
}

#[test]
fn a_project_named_after_its_county_lies_in_it_and_in_its_town() {
    let rs = full("宣威市召开大会。宣威市羊场镇光伏发电项目位于羊场镇，由云南宣能新能源有限公司投资建设。");
    assert!(holds(&rs, "宣威市羊场镇光伏发电项目", "羊场镇", RelationType::LocatedIn), "{rs:?}");
    assert!(holds(&rs, "宣威市羊场镇光伏发电项目", "宣威市", RelationType::LocatedIn), "{rs:?}");
}

#[test]
fn a_body_that_will_work_with_others_cooperates_with_each() {
    let rs = full(
        "重庆长鑫科技有限公司将与重庆蓝岸通信有限公司、中兴通讯股份有限公司合作建设智能工厂。江北区与渝北区的负责人出席。",
    );
    assert!(holds(&rs, "重庆长鑫科技有限公司", "重庆蓝岸通信有限公司", RelationType::CooperatesWith), "{rs:?}");
    assert!(holds(&rs, "重庆长鑫科技有限公司", "中兴通讯股份有限公司", RelationType::CooperatesWith), "{rs:?}");
    // two bodies named together with no act of their own
    assert!(!holds(&rs, "江北区", "渝北区", RelationType::CooperatesWith), "{rs:?}");
}

#[test]
fn what_is_written_right_after_its_area_lies_there() {
    let rs = full("音乐节在石柱土家族自治县黄水森林公园开幕。在龙潭镇凤凰村，游客可以采茶。企业落户奉节县永乐镇。");
    assert!(holds(&rs, "黄水森林公园", "石柱土家族自治县", RelationType::LocatedIn), "{rs:?}");
    assert!(holds(&rs, "凤凰村", "龙潭镇", RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "永乐镇", "奉节县", RelationType::PartOf), "{rs:?}");
}

#[test]
fn a_paragraph_opened_by_a_place_locates_what_it_names_there() {
    let rs = full(
        "3月5日，市委书记方立调研。\n在綦江区，方立首先来到綦江齿轮传动产业园，走进园区内的重庆綦齿精工有限公司。随后，方立来到重庆渝南食品有限公司，察看浙江华丰机械有限公司的设备。綦江区经济和信息化委员会负责人陪同。\n会议强调，要抓好项目。重庆川维化工有限公司参加会议。",
    );
    for site in ["綦江齿轮传动产业园", "重庆綦齿精工有限公司", "重庆渝南食品有限公司"] {
        assert!(holds(&rs, site, "綦江区", RelationType::LocatedIn), "{site}: {rs:?}");
    }
    // a company named after another area, a department of the place, and the next paragraph
    for other in ["浙江华丰机械有限公司", "綦江区经济和信息化委员会", "重庆川维化工有限公司"]
    {
        assert!(!holds(&rs, other, "綦江区", RelationType::LocatedIn), "{other}: {rs:?}");
    }
}

#[test]
fn quoted_programmes_carried_out_joined_or_in_straight_quotes() {
    let rs = full(
        "近年来，赣州市大力实施“园区攻坚战”和“招商引资”行动。瑞金市持续开展\"千名干部进千企\"服务活动，深入推行“河长制”。",
    );
    assert!(holds(&rs, "赣州市", "园区攻坚战", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "赣州市", "招商引资", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "瑞金市", "千名干部进千企", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "瑞金市", "河长制", RelationType::Promotes), "{rs:?}");
    // a quoted tone or a place is no programme
    let rs = full("会议要求坚持“稳中求进”，实施“重庆”计划，打造“精品工程”。");
    assert!(!rs.iter().any(|(_, b, ..)| b == "稳中求进" || b == "重庆" || b == "精品工程"), "{rs:?}");
    let rs = full("庆元县扎实推进“百千工程”。");
    assert!(holds(&rs, "庆元县", "百千工程", RelationType::Promotes), "{rs:?}");
}

#[test]
fn a_builder_promotes_the_project_it_builds_named_by_its_product() {
    let rs = full(
        "本次开工项目中，贵州黔丰装备有限公司投资6亿元建设的高效节能变压器智能制造项目，将于明年投产；遵义康源药业有限公司投资3亿元建设的现代苗药制剂生产线项目开工。各地新建的重点产业项目加快推进。",
    );
    assert!(holds(&rs, "贵州黔丰装备有限公司", "高效节能变压器智能制造项目", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "遵义康源药业有限公司", "现代苗药制剂生产线项目", RelationType::Promotes), "{rs:?}");
    // qualifiers alone name no project
    assert!(!rs.iter().any(|(_, b, ..)| b.ends_with("重点产业项目")), "{rs:?}");
}

#[test]
fn subsidiaries_said_by_company_words_or_founded_somewhere() {
    let rs = full(
        "浙江禾丰新材料股份有限公司（以下简称“禾丰新材”）发布公告。公司拟在遂宁市设立全资子公司遂宁禾丰新材料有限公司。项目建成后，将由集团全资子公司衢州禾丰包装有限公司负责运营。交易完成后，宜宾川矿资源有限公司将成为公司控股子公司。",
    );
    let parent = "浙江禾丰新材料股份有限公司";
    for (child, kind) in [
        ("遂宁禾丰新材料有限公司", "全资子公司"),
        ("衢州禾丰包装有限公司", "全资子公司"),
        ("宜宾川矿资源有限公司", "控股子公司"),
    ] {
        assert!(labelled(&rs, child, parent, kind), "{child}: {rs:?}");
    }
    // a subsidiary founded somewhere by a parent named with its city before its province
    let rs = full("隆昌鸿达鞋业有限公司是晋江福建鸿达鞋业有限公司在隆昌投资设立的全资子公司。");
    assert!(labelled(&rs, "隆昌鸿达鞋业有限公司", "福建鸿达鞋业有限公司", "全资子公司"), "{rs:?}");
}

#[test]
fn the_company_that_declares_itself_the_company_is_the_texts() {
    // the other company is named more often, but 公司 is the one that declared it
    let rs = full(
        "岚峰锂电设立子公司\n本公司及董事会保证“公司”公告内容真实。浙江岚峰锂电科技股份有限公司（证券简称：岚峰锂电，以下简称“岚峰锂电”或“公司”）发布公告，拟收购宜宾川磷矿业有限公司51%股权。宜宾川磷矿业有限公司位于屏山县，宜宾川磷矿业有限公司产量稳定。交易完成后，宜宾川磷矿业有限公司将成为公司控股子公司。公司董事长陈立新表示满意。",
    );
    assert!(labelled(&rs, "宜宾川磷矿业有限公司", "浙江岚峰锂电科技股份有限公司", "控股子公司"), "{rs:?}");
    assert!(holds(&rs, "陈立新", "浙江岚峰锂电科技股份有限公司", RelationType::WorksFor), "{rs:?}");
}

#[test]
fn a_bare_title_of_an_organ_named_in_full_is_held_there() {
    let rs = full(
        "营口市召开大会。营口市人大常委会、政协营口市委员会负责同志出席。市长赵刚，市政协主席钱明，市人大常委会副主任孙丽出席。",
    );
    assert!(holds(&rs, "钱明", "政协营口市委员会", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "孙丽", "营口市人大常委会", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "赵刚", "营口市", RelationType::HoldsPosition), "{rs:?}");
    // not named in full: the city
    let rs = full("营口市召开大会。市政协主席钱明出席。");
    assert!(holds(&rs, "钱明", "营口市", RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn party_titles_keep_named_committees_regions_and_the_city_of_a_run() {
    // a committee named with the party's name keeps its title
    let rs = full("黑河市召开会议。中共黑河市委书记赵强出席。");
    assert!(holds(&rs, "赵强", "中共黑河市委", RelationType::HoldsPosition), "{rs:?}");
    // a region's party committee: the region
    let rs = full("广西壮族自治区党委书记钱江到南宁市调研。");
    assert!(holds(&rs, "钱江", "广西壮族自治区", RelationType::HoldsPosition), "{rs:?}");
    // a bare 市长 after a prefecture-level city's title in a sentence naming a county-level one
    let rs = full("泉州市委书记孙立在晋江市调研，市长周敏陪同。");
    assert!(holds(&rs, "周敏", "泉州市", RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn a_department_belongs_to_the_innermost_place_its_name_runs_through() {
    let rs = full(
        "雁塔区今年经济平稳。西安市雁塔区市场监督管理局副局长高明告诉记者，该局已立案。西安市人民政府办公室印发通知。西安市经济平稳。",
    );
    assert!(holds(&rs, "西安市雁塔区市场监督管理局", "雁塔区", RelationType::PartOf), "{rs:?}");
    assert!(!holds(&rs, "西安市雁塔区市场监督管理局", "西安市", RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "西安市人民政府办公室", "西安市", RelationType::PartOf), "{rs:?}");
}

#[test]
fn the_place_of_an_organ_named_only_inside_its_name_is_a_place_of_the_text() {
    let rs = full(
        "部分常德市人大代表以及常德市生态环境局、常德市水利局相关负责人旁听了庭审。怀化市鹤城区人民政府办公室印发了通知。",
    );
    for body in ["常德市生态环境局", "常德市水利局"] {
        assert!(holds(&rs, body, "常德市", RelationType::PartOf), "{body}: {rs:?}");
    }
    assert!(holds(&rs, "怀化市鹤城区人民政府办公室", "鹤城区", RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "鹤城区", "怀化市", RelationType::PartOf), "{rs:?}");
    // a company or a hospital named after a place is not one of its bodies
    let x = entity_labels("深圳市锐达储能科技有限公司与巫溪县人民医院签约。");
    assert!(!x.iter().any(|l| l == "深圳市" || l == "巫溪县"), "{x:?}");
}

#[test]
fn a_government_is_named_with_the_areas_written_before_it() {
    let rs = full("江苏科技大学与镇江市丹徒区人民政府签署全面战略合作协议。");
    assert!(holds(&rs, "江苏科技大学", "镇江市丹徒区人民政府", RelationType::CooperatesWith), "{rs:?}");
}

#[test]
fn every_name_listed_under_a_leaders_title_holds_it_whatever_its_surname() {
    let rs = full("巫溪县项目集中开工。县领导庹志军、隗海、仉立新参加。县委书记罗文军宣布开工。");
    for name in ["庹志军", "隗海", "仉立新"] {
        assert!(holds(&rs, name, "巫溪县", RelationType::HoldsPosition), "{name}: {rs:?}");
    }
    let x = entity_labels("县领导来校调研。市领导出席会议。");
    assert!(x.iter().all(|l| !l.starts_with("来校") && !l.starts_with("出席")), "{x:?}");
}

#[test]
fn an_area_is_part_of_the_nearest_ancestor_named_with_it() {
    let rs = full("甘州区今年新开工项目20个，张掖市经济稳中有进。甘肃省下达了专项资金。");
    assert!(holds(&rs, "甘州区", "张掖市", RelationType::PartOf), "{rs:?}");
    assert!(!holds(&rs, "甘州区", "甘肃省", RelationType::PartOf), "{rs:?}");
    // (named only apart: no sentence shows it)
    assert!(!holds(&rs, "张掖市", "甘肃省", RelationType::PartOf), "{rs:?}");
}

#[test]
fn a_medium_before_a_qualified_reporter_is_the_outlet_of_the_credits() {
    let rs = full("标题\n湘潭日报全媒体记者 晏秋 通讯员 龙宁\n\n近日，湘潭市召开会议。\n编辑：易心\n审核：昌源");
    for name in ["晏秋", "易心", "昌源"] {
        assert!(holds(&rs, name, "湘潭日报", RelationType::WorksFor), "{name}: {rs:?}");
    }
}

#[test]
fn a_department_is_part_of_its_places_government_where_the_text_names_it() {
    let rs = full(
        "铜陵市人民政府与华擎集团签约。铜陵市投资促进局、铜陵市发展和改革委员会、市经济和信息化局负责人参加。铜陵市人大常委会副主任出席。铜陵市第十七届人民代表大会常务委员会召开会议。",
    );
    for body in ["铜陵市投资促进局", "铜陵市发展和改革委员会", "铜陵市经济和信息化局"] {
        assert!(holds(&rs, body, "铜陵市人民政府", RelationType::PartOf), "{body}: {rs:?}");
        assert!(holds(&rs, body, "铜陵市", RelationType::PartOf), "{body}: {rs:?}");
    }
    assert!(!holds(&rs, "铜陵市人大常委会", "铜陵市人民政府", RelationType::PartOf), "{rs:?}");
    assert!(!holds(&rs, "铜陵市第十七届人民代表大会常务委员会", "铜陵市人民政府", RelationType::PartOf), "{rs:?}");
}

#[test]
fn the_parties_named_in_an_agreements_title_sign_it() {
    let rs = full(
        "汉中市代表团访问格鲁吉亚鲁斯塔维市。市长李明与鲁斯塔维市市长奥塔尔分别签署《中华人民共和国陕西省汉中市与格鲁吉亚鲁斯塔维市建立友好城市关系协议书》。",
    );
    let title = "中华人民共和国陕西省汉中市与格鲁吉亚鲁斯塔维市建立友好城市关系协议书";
    assert!(holds(&rs, "汉中市", title, RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "鲁斯塔维市", title, RelationType::Promotes), "{rs:?}");
    assert!(!holds(&rs, "格鲁吉亚", title, RelationType::Promotes), "{rs:?}");
}

#[test]
fn a_country_before_its_province_only_qualifies_the_party() {
    let rs = full("钦州市与泰国春武里府缔结友好城市。双方将加强经贸合作。");
    assert!(holds(&rs, "钦州市", "春武里府", RelationType::CooperatesWith), "{rs:?}");
    assert!(!holds(&rs, "钦州市", "泰国", RelationType::CooperatesWith), "{rs:?}");
}

#[test]
fn a_company_named_in_full_at_the_head_of_its_project_builds_it() {
    let rs = full("同时开工的还有南通瑞凯新材料科技有限公司年产12万吨高性能工程塑料项目，总投资20亿元。");
    assert!(holds(&rs, "南通瑞凯新材料科技有限公司", "年产12万吨高性能工程塑料项目", RelationType::Promotes), "{rs:?}");
}

#[test]
fn names_in_lists_of_officials_whatever_their_surnames() {
    let rs = full(
        "出席会议的县领导有：吉克拉哈（县委书记）、阿木日哈（县委副书记、县长）、俄木阿果（县政协主席）。\
         美姑县经济稳中有进。西双版纳州外事办公室主任岩温罕、副州长刀文华等参加。",
    );
    assert!(holds(&rs, "阿木日哈", "美姑县", RelationType::HoldsPosition), "{rs:?}");
    assert!(rs.iter().any(|(a, _, _, _)| a == "俄木阿果"), "{rs:?}");
    assert!(rs.iter().any(|(a, b, _, _)| a == "岩温罕" && b == "西双版纳州外事办公室"), "{rs:?}");
}

#[test]
fn a_dotted_name_after_a_title_is_whole() {
    let people = entity_labels(
        "塔城地区副专员艾尼瓦尔·吐尔逊宣布活动开幕。府尹颂提·乍仑分别代表两地签署协议。\
         院长阿布都热依木·艾买提及学校相关负责人参加。领事馆总领事安德拉什·包拉日出席。",
    );
    for name in ["艾尼瓦尔·吐尔逊", "颂提·乍仑", "阿布都热依木·艾买提", "安德拉什·包拉日"]
    {
        assert!(people.iter().any(|p| p == name), "{name}: {people:?}");
    }
    assert!(!people.iter().any(|p| p.starts_with('馆') || p.ends_with("宣布")), "{people:?}");
}

#[test]
fn china_as_a_qualifier_is_no_place_of_the_story() {
    let x = entity_labels("钦州是中国重要的港口城市。越来越多的中国企业到当地投资。为端牢“中国饭碗”贡献力量。");
    assert!(!x.iter().any(|l| l == "中国"), "{x:?}");
    let x = entity_labels("代表团此行是第一次访问中国。");
    assert!(x.iter().any(|l| l == "中国"), "{x:?}");
}

#[test]
fn a_ceremony_joined_by_ji_names_the_body_after_it() {
    let x = entity_labels("黑龙江八一农垦大学与肇源县人民政府合作签约仪式暨黑龙江八一农垦大学肇源研究院揭牌仪式举行。");
    assert!(x.iter().any(|l| l == "黑龙江八一农垦大学肇源研究院"), "{x:?}");
    assert!(!x.iter().any(|l| l.contains('暨')), "{x:?}");
}

#[test]
fn a_countrys_mission_a_cppcc_committee_and_a_federation_belong_to_their_place() {
    let rs = full(
        "泰王国驻南宁总领事馆总领事出席仪式。政协铁岭市委员会委员列席会议。石狮市工商联与西吉县工商联签订帮扶协议。",
    );
    assert!(holds(&rs, "泰王国驻南宁总领事馆", "泰国", RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "政协铁岭市委员会", "铁岭市", RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "石狮市工商联", "石狮市", RelationType::PartOf), "{rs:?}");
}

#[test]
fn two_departments_joined_by_yu_are_two_bodies() {
    let x = entity_labels("会上，綦江区发展改革委与习水县发展改革局签署了通道建设协议。");
    assert!(x.iter().any(|l| l == "綦江区发展改革委") && x.iter().any(|l| l == "习水县发展改革局"), "{x:?}");
}

#[test]
fn a_group_is_not_the_company_below_it() {
    let rs = full(
        "该项目由华泰集团全资子公司盐城华泰新材料科技有限公司投资建设。华泰集团董事长周明代表项目方发言。梵净山景区管理处与旅行社签约。",
    );
    assert!(holds(&rs, "盐城华泰新材料科技有限公司", "华泰集团", RelationType::PartOf), "{rs:?}");
    assert!(rs.iter().any(|(a, b, _, _)| a == "周明" && b == "华泰集团"), "{rs:?}");
    let x = entity_labels("梵净山景区管理处与旅行社签约。");
    assert!(x.iter().any(|l| l == "梵净山景区管理处"), "{x:?}");
}

#[test]
fn a_government_named_with_its_province_is_the_citys_government() {
    let x = entity_labels("江西省赣州市人民政府与企业签约。赣州市人民政府将提供服务。");
    assert_eq!(x.iter().filter(|l| l.contains("人民政府")).count(), 1, "{x:?}");
}

#[test]
fn a_listed_companys_stock_name_before_its_declared_short_name_is_the_company() {
    let x = entity_labels(
        "华钒锂能设立全资子公司\n浙江华钒锂能科技股份有限公司（证券简称：华钒锂能，以下简称“华钒锂能”或“公司”）发布公告。\
         公司拟出资设立全资子公司成都华钒锂能新材料有限公司，投资建设华钒锂能成都年产5万吨正极材料项目。",
    );
    assert!(!x.iter().any(|l| l == "华钒锂能"), "{x:?}");
    assert!(x.iter().any(|l| l == "浙江华钒锂能科技股份有限公司"), "{x:?}");
}

#[test]
fn a_plans_programmes_listed_inline_after_a_colon() {
    let rs = full(
        "近日，淄博市人民政府办公室印发《淄博市数字经济三年行动方案（2024—2026年）》（以下简称《行动方案》），明确了目标。\
         《行动方案》围绕落实《山东省数字经济提升行动方案》，提出实施“四大工程”：一是“链长护航”工程，支持链主企业建设平台；二是“企业上云”工程，每年推动500家企业上云。",
    );
    let plan = "淄博市数字经济三年行动方案（2024—2026年）";
    for item in ["链长护航", "企业上云"] {
        assert!(holds(&rs, plan, item, RelationType::Promotes), "{item}: {rs:?}");
    }
    // the short name declared in title marks is the plan, not a node of its own
    assert!(!rs.iter().any(|(a, b, _, _)| a == "行动方案" || b == "行动方案"), "{rs:?}");
}

#[test]
fn a_centre_named_for_two_fields_joined_by_ji_is_one_name() {
    let x = entity_labels("学校将推动建设黄河流域种质资源大科学中心、储能材料及智能装备科技创新中心等平台。");
    assert!(x.iter().any(|l| l == "储能材料及智能装备科技创新中心"), "{x:?}");
}

#[test]
fn a_body_named_by_its_level_word_alone_is_the_body() {
    let x = entity_labels(
        "宁夏回族自治区文化和旅游厅主办本次活动。自治区文化和旅游厅副厅长致辞。吉林省农业科学院参与。省农业科学院院长出席。",
    );
    assert!(!x.iter().any(|l| l == "自治区文化和旅游厅" || l == "省农业科学院"), "{x:?}");
}

#[test]
fn a_development_zone_goes_by_its_name_and_kaifaqu() {
    let x = entity_labels("3月28日，辽源红旗经济技术开发区一季度项目开工。董事长表示，红旗开发区区位交通便利。");
    assert!(!x.iter().any(|l| l == "红旗开发区"), "{x:?}");
}

#[test]
fn a_party_organ_is_no_department_of_the_government() {
    let rs = full("泸溪县人民政府与企业签约。泸溪县委办公室、县纪委、泸溪县科学技术局负责落实。");
    assert!(!holds(&rs, "泸溪县委办公室", "泸溪县人民政府", RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "泸溪县科学技术局", "泸溪县人民政府", RelationType::PartOf), "{rs:?}");
}

#[test]
fn bodies_and_posts_listed_after_a_title_are_no_people() {
    let doc = Document::new(
        "t".into(),
        "t".into(),
        "副县长王五、各部门、各乡镇负责人参加。公司总经理助理、董事会秘书张某出席。参会单位：县政府办（主任）。".into(),
    );
    let x = crate::extract::HybridExtractor.extract(&doc);
    let people: Vec<&str> =
        x.entities.iter().filter(|e| e.kind == crate::extract::EntityKind::Person).map(|e| e.label.as_str()).collect();
    for not_person in ["各部门", "各乡镇", "助理", "县政府办"] {
        assert!(!people.contains(&not_person), "{not_person}: {people:?}");
    }
    assert!(people.contains(&"王五") && people.contains(&"张某"), "{people:?}");
}

#[test]
fn china_named_as_a_party_stays() {
    let x = entity_labels("代表团访问中国期间参观了工厂。他说：“我们将继续扩大在中国的投资，深化合作。”");
    assert!(x.iter().any(|l| l == "中国"), "{x:?}");
}

#[test]
fn a_one_char_word_after_names_does_not_cut_a_short_last_part() {
    let x = entity_labels("州长艾克拜尔·阿不都拉出席会议。");
    assert!(x.iter().any(|l| l == "艾克拜尔·阿不都拉"), "{x:?}");
}

#[test]
fn a_bare_title_listed_after_a_post_in_a_body_is_held_there() {
    let rs = full("遵义医科大学第二附属医院与某县签约。遵义医科大学第二附属医院副院长甘立、院长柯文，县长鲁平出席。");
    assert!(holds(&rs, "甘立", "遵义医科大学第二附属医院", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "柯文", "遵义医科大学第二附属医院", RelationType::HoldsPosition), "{rs:?}");
    // a title with a level word of its own is held at that level
    let rs = full("宜宾市召开会议。宜宾市发展改革委主任甘立、市长柯文出席。");
    assert!(holds(&rs, "柯文", "宜宾市", RelationType::HoldsPosition), "{rs:?}");
    assert!(!holds(&rs, "柯文", "宜宾市发展改革委", RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn a_zones_committee_names_the_zone() {
    let rs = full("宜宾三江新区管理委员会与某银行签约。宜宾三江新区智能终端产业园项目总投资20亿元。");
    assert!(holds(&rs, "宜宾三江新区管理委员会", "宜宾三江新区", RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "宜宾三江新区智能终端产业园项目", "宜宾三江新区", RelationType::LocatedIn), "{rs:?}");
    // the zone written without its city is the same zone
    let x = entity_labels("宜宾三江新区管委会与某银行签约。三江新区将加快发展。");
    assert_eq!(x.iter().filter(|l| l.contains("三江新区") && !l.contains("管委会")).count(), 1, "{x:?}");
    // a bank by its short name and its branch
    let doc =
        Document::new("t".into(), "t".into(), "中国建设银行四川省分行与宜宾市签约。建行四川省分行将提供融资。".into());
    let x = crate::extract::HybridExtractor.extract(&doc);
    let bank = x.entities.iter().find(|e| e.label == "中国建设银行四川省分行").expect("the bank");
    assert!(bank.aliases.contains("建行四川省分行"), "{bank:?}");
}

#[test]
fn sister_cities_listed_after_one_partner_are_each_the_firsts() {
    let rs = full("此前，泉州已与马来西亚马六甲州、菲律宾宿务市等地建立友好城市关系。");
    assert!(holds(&rs, "泉州市", "马六甲州", RelationType::SisterCity), "{rs:?}");
    assert!(holds(&rs, "泉州市", "宿务市", RelationType::SisterCity), "{rs:?}");
    assert!(!holds(&rs, "马六甲州", "宿务市", RelationType::SisterCity), "{rs:?}");
    // a second 与 starts another pair
    let rs = full("会上，江津区与重庆大学、永川区与西南大学分别签订合作协议。");
    assert!(holds(&rs, "江津区", "重庆大学", RelationType::CooperatesWith), "{rs:?}");
    assert!(!holds(&rs, "江津区", "西南大学", RelationType::CooperatesWith), "{rs:?}");
}

#[test]
fn a_name_read_without_its_first_char_is_the_whole_named_elsewhere() {
    let x = entity_labels("印度尼西亚三宝垄市是港口城市。泉州市市长与三宝垄市市长签署协议。");
    assert!(x.iter().any(|l| l == "三宝垄市") && !x.iter().any(|l| l == "宝垄市"), "{x:?}");
}

#[test]
fn a_verbs_complement_before_a_name_that_starts_with_it_is_no_part_of_the_name() {
    let x = entity_labels("要打造成成渝地区双城经济圈的重要一极。");
    assert!(x.iter().any(|l| l == "成渝地区双城经济圈"), "{x:?}");
    assert!(!x.iter().any(|l| l.starts_with("成成")), "{x:?}");
    // a name that starts with 成 right after the verb keeps it
    let x = entity_labels("共同推动建设成渝地区双城经济圈。");
    assert!(x.iter().any(|l| l == "成渝地区双城经济圈"), "{x:?}");
}

#[test]
fn names_listed_before_the_kind_of_project_they_are_are_projects() {
    let x =
        entity_labels("全力推进云岭铁路、青石国际陆港二期、引渠供水配套工程等重大项目建设。北碚区、江津区等区县参加。");
    for name in ["云岭铁路", "青石国际陆港二期", "引渠供水配套工程"] {
        assert!(x.iter().any(|l| l == name), "{name}: {x:?}");
    }
    assert!(!x.iter().any(|l| l.contains("推进")), "{x:?}");
    // a list of kinds is no list of names; an item keeps no verb or opening word
    let x = entity_labels("推进城市更新、生态修复、产业发展等重大工程。主要包括云岭铁路、青石水库等重大项目。");
    assert!(!x.iter().any(|l| l == "城市更新" || l == "生态修复"), "{x:?}");
    assert!(x.iter().any(|l| l == "云岭铁路") && !x.iter().any(|l| l.contains("包括")), "{x:?}");
    // a board's proposal in 《》 is a document
    let x = entity_labels("公司董事会审议通过《关于向全资子公司增资的议案》。");
    assert!(x.iter().any(|l| l.contains("增资的议案")), "{x:?}");
}

#[test]
fn a_department_of_two_joined_fields_is_one_name() {
    let x = entity_labels("甘立要求，市发展改革委、市经济和信息化局等部门要加强统筹调度。");
    assert!(x.iter().any(|l| l == "市经济和信息化局"), "{x:?}");
    // the ending ends the word (not 委 of 政协委员)
    let x = entity_labels("会上，县人口和计生委员们发言。");
    assert!(!x.iter().any(|l| l.contains("计生委")), "{x:?}");
}

#[test]
fn a_court_or_procuratorate_by_its_word_and_their_titles() {
    let rs = full("近日，云岭县人民检察院提起公诉。该院第二检察部检察官甘立介绍了案情。该院检察长柯文出席。");
    assert!(holds(&rs, "甘立", "云岭县人民检察院", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "柯文", "云岭县人民检察院", RelationType::HoldsPosition), "{rs:?}");
    let rs = full("承办法官、荷塘区人民法院刑事审判庭庭长鲁平表示，将依法审理。");
    assert!(holds(&rs, "鲁平", "荷塘区人民法院", RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn a_named_unit_after_the_word_for_its_university_holds_the_post() {
    let rs = full("重庆嘉陵大学与北碚区签约。学校科学技术处处长甘立与北碚区科学技术局局长柯文签署协议。");
    assert!(holds(&rs, "甘立", "重庆嘉陵大学科学技术处", RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn a_sight_named_a_town_and_a_market_after_their_area_lie_there() {
    let rs = full("在崇礼区太舞滑雪小镇，甘立详细了解雪季运营情况。代表团还来到白云区江南果菜批发市场考察。");
    assert!(holds(&rs, "太舞滑雪小镇", "崇礼区", RelationType::LocatedIn), "{rs:?}");
    assert!(!holds(&rs, "太舞滑雪小镇", "崇礼区", RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "江南果菜批发市场", "白云区", RelationType::LocatedIn), "{rs:?}");
    // the scene of the paragraph does not hold what is written after another area
    assert!(!holds(&rs, "江南果菜批发市场", "太舞滑雪小镇", RelationType::LocatedIn), "{rs:?}");
}

#[test]
fn a_sister_city_abroad_is_the_innermost_place_named_and_no_port() {
    let rs = full(
        "10月16日，泉州市与印度尼西亚中爪哇省三宝垄市缔结友好城市关系。希望以友城关系为纽带，推动三宝垄港与泉州港开展合作。",
    );
    assert!(holds(&rs, "泉州市", "三宝垄市", RelationType::SisterCity), "{rs:?}");
    assert!(!holds(&rs, "泉州市", "中爪哇省", RelationType::SisterCity), "{rs:?}");
    assert!(!holds(&rs, "三宝垄港", "泉州港", RelationType::SisterCity), "{rs:?}");
}

#[test]
fn a_news_site_before_its_reporter_is_the_outlet() {
    let rs = full("云岭网记者 甘立报道。近日，宜宾市召开会议。");
    assert!(holds(&rs, "甘立", "云岭网", RelationType::WorksFor), "{rs:?}");
    let x = entity_labels("东南网讯 福州市召开会议。全网都在转发。");
    assert!(x.iter().any(|l| l == "东南网") && !x.iter().any(|l| l == "全网"), "{x:?}");
}

#[test]
fn a_bodys_party_group_in_a_title_is_the_body() {
    let rs = full("宁夏回族自治区高级人民法院召开新闻发布会。自治区高级人民法院党组成员、副院长甘立出席。");
    assert!(holds(&rs, "甘立", "宁夏回族自治区高级人民法院", RelationType::HoldsPosition), "{rs:?}");
    let x = entity_labels("电子科技大学党委书记柯文出席。");
    assert!(x.iter().any(|l| l == "电子科技大学") && !x.iter().any(|l| l.ends_with("党委")), "{x:?}");
}

#[test]
fn each_clause_of_a_list_of_signings_has_its_own_parties() {
    let rs = full(
        "推介会上，岳阳经济技术开发区与深圳市鹏程储能科技有限公司签约储能电池生产基地项目，总投资35亿元；华容县与深能南方新能源投资有限公司签约华容县农光互补光伏发电项目，投资6.5亿元。",
    );
    assert!(holds(&rs, "华容县", "华容县农光互补光伏发电项目", RelationType::Promotes), "{rs:?}");
    assert!(!holds(&rs, "华容县", "储能电池生产基地项目", RelationType::Promotes), "{rs:?}");
    assert!(!holds(&rs, "深圳市鹏程储能科技有限公司", "华容县农光互补光伏发电项目", RelationType::Promotes), "{rs:?}");
}

#[test]
fn a_prefectures_titles_are_held_in_the_prefecture() {
    let rs = full("杭州市代表团赴黔东南州考察。州委书记甘立，州委副书记、州长柯文陪同考察。");
    assert!(holds(&rs, "甘立", "黔东南苗族侗族自治州", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "柯文", "黔东南苗族侗族自治州", RelationType::HoldsPosition), "{rs:?}");
    assert!(!rs.iter().any(|r| r.1 == "杭州市" && r.2 == RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn a_village_title_is_held_in_the_village_named_before_it() {
    let rs = full("静乐县杜家村镇西沟村地处汾河源头。村党支部书记甘立带领村民成立合作社，驻村第一书记柯文协助。");
    assert!(holds(&rs, "甘立", "西沟村", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "柯文", "西沟村", RelationType::HoldsPosition), "{rs:?}");
    let x = entity_labels("静乐县西沟村地处汾河源头。村党支部书记甘立带领村民成立合作社。");
    assert!(!x.iter().any(|l| l == "党支部" || l == "河源市"), "{x:?}");
}

#[test]
fn a_tibetan_name_after_a_title_or_a_credit_label_is_a_person() {
    let rs = full("山南市举行开幕式。山南市委副书记、市长扎西顿珠，副市长格桑出席开幕式。\n编辑：央金　校审：甘立");
    assert!(holds(&rs, "扎西顿珠", "山南市", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "格桑", "山南市", RelationType::HoldsPosition), "{rs:?}");
    let x = entity_labels("山南市举行开幕式。\n编辑：央金　校审：甘立");
    assert!(x.iter().any(|l| l == "央金") && x.iter().any(|l| l == "甘立"), "{x:?}");
}

#[test]
fn a_project_after_its_companys_legal_name_goes_by_its_own_name() {
    let rs = full("汨罗高新区引进湖南湘粤医疗器械有限公司医用耗材智能制造项目，投资7亿元。");
    assert!(holds(&rs, "湖南湘粤医疗器械有限公司", "医用耗材智能制造项目", RelationType::Promotes), "{rs:?}");
    let doc = Document::new(
        "t".into(),
        "t".into(),
        "汨罗高新区引进湖南湘粤医疗器械有限公司医用耗材智能制造项目。".to_owned(),
    );
    let x = crate::extract::HybridExtractor.extract(&doc);
    let project = x.entities.iter().find(|e| e.label == "医用耗材智能制造项目").expect("the project");
    assert!(project.aliases.contains("湖南湘粤医疗器械有限公司医用耗材智能制造项目"), "{project:?}");
}

#[test]
fn a_represented_body_signs_only_its_own_part_of_a_signing_list() {
    let rs = full(
        "湖北省宜昌市与广西柳州市缔结友好城市。仪式上，周某与吴某代表两市签署《友好城市关系协议书》；宜昌市文化和旅游局与柳州市文化广电和旅游局签署《文旅合作协议》；三峡大学与广西科技大学签署《校际合作协议》。",
    );
    assert!(holds(&rs, "宜昌市", "友好城市关系协议书", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "三峡大学", "校际合作协议", RelationType::Promotes), "{rs:?}");
    assert!(!holds(&rs, "宜昌市", "校际合作协议", RelationType::Promotes), "{rs:?}");
    assert!(!holds(&rs, "柳州市", "文旅合作协议", RelationType::Promotes), "{rs:?}");
}

#[test]
fn each_signing_of_a_comma_list_signs_its_own_document() {
    let rs = full(
        "宁夏大学与吴忠市签约。仪式上，宁夏大学农学院与吴忠市农业农村局签署《设施农业合作协议》，宁夏大学生态环境学院与罗山国家级自然保护区管理局签署《生态监测合作协议》。",
    );
    assert!(holds(&rs, "宁夏大学农学院", "设施农业合作协议", RelationType::Promotes), "{rs:?}");
    assert!(!holds(&rs, "宁夏大学农学院", "生态监测合作协议", RelationType::Promotes), "{rs:?}");
    assert!(!holds(&rs, "吴忠市农业农村局", "生态监测合作协议", RelationType::Promotes), "{rs:?}");
}

#[test]
fn both_parties_are_no_pair_that_was_built() {
    let rs = full(
        "贵州大学与遵义市签署合作协议。双方将共建贵州大学遵义研究院和贵州大学赤水竹产业研究中心。仪式上，王某与李某代表双方签署《全面战略合作协议》。",
    );
    assert!(holds(&rs, "贵州大学", "全面战略合作协议", RelationType::Promotes), "{rs:?}");
    assert!(!holds(&rs, "贵州大学遵义研究院", "全面战略合作协议", RelationType::Promotes), "{rs:?}");
}

#[test]
fn a_personnel_notice_gives_each_appointee_the_post_after_the_name() {
    let rs = full(
        "通辽市第六届人民代表大会常务委员会第九次会议闭幕。会议经表决，决定任命：\n孙海涛为通辽市交通运输局局长；\n额尔敦巴图为通辽市民族事务委员会主任。\n决定免去：\n刘志国的通辽市交通运输局局长职务。\n会议还通过了以下任免事项：\n任命白玉兰为通辽市中级人民法院副院长、审判委员会委员。\n市人大常委会主任高岩主持会议。",
    );
    assert!(holds(&rs, "孙海涛", "通辽市交通运输局", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "额尔敦巴图", "通辽市民族事务委员会", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "刘志国", "通辽市交通运输局", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "白玉兰", "通辽市中级人民法院", RelationType::HoldsPosition), "{rs:?}");
    // a bare organ title goes to the organ the text names in full, whatever its term
    assert!(holds(&rs, "高岩", "通辽市第六届人民代表大会常务委员会", RelationType::HoldsPosition), "{rs:?}");
    // 为 without a decision around it gives no post
    let rs = full("李华为通辽市交通运输局职工作报告。张强担任通辽市交通运输局副局长。");
    assert!(!rs.iter().any(|r| r.0 == "李华" && r.2 == RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "张强", "通辽市交通运输局", RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn listed_members_and_joiners_are_members_of_the_group() {
    let rs = full(
        "3月5日，湘雅医院牵头的湘西医疗联合体成立。首批成员单位包括吉首市人民医院、凤凰县人民医院和泸溪县人民医院。同日，湖南华菱钢铁集团有限公司、三一重工股份有限公司加入湖南省智能制造产业联盟。",
    );
    for m in ["吉首市人民医院", "凤凰县人民医院", "泸溪县人民医院"] {
        assert!(holds(&rs, m, "湘西医疗联合体", RelationType::PartOf), "{m}: {rs:?}");
    }
    assert!(holds(&rs, "三一重工股份有限公司", "湖南省智能制造产业联盟", RelationType::PartOf), "{rs:?}");
    // a list of members needs a group: no alliance named, no members
    let rs = full("会议邀请了成员，包括长沙市人民医院、湘潭市中心医院。");
    assert!(!rs.iter().any(|r| r.2 == RelationType::PartOf && r.0.ends_with("医院")), "{rs:?}");
}

#[test]
fn a_title_after_its_bodys_kind_is_held_in_the_body_of_that_kind_named_last() {
    let rs =
        full("江西赣江先进材料实验室在南昌揭牌。实验室主任、南昌大学教授严某介绍了研究方向。研究中心主任刘某出席。");
    assert!(holds(&rs, "严某", "江西赣江先进材料实验室", RelationType::HoldsPosition), "{rs:?}");
    // (no 研究中心 named: no post)
    assert!(!rs.iter().any(|r| r.0 == "刘某" && r.2 == RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn the_agents_of_a_passive_build_promote_what_the_clause_is_about() {
    let rs = full(
        "近日，江西赣江先进材料实验室在南昌高新技术产业开发区（以下简称南昌高新区）揭牌运行。该实验室由南昌大学、江西理工大学和江西铜业集团有限公司共同组建，首期投入5亿元。赣南医疗联合体由赣南医科大学第一附属医院牵头。",
    );
    for a in ["南昌大学", "江西理工大学", "江西铜业集团有限公司"] {
        assert!(holds(&rs, a, "江西赣江先进材料实验室", RelationType::Promotes), "{a}: {rs:?}");
    }
    assert!(holds(&rs, "赣南医科大学第一附属医院", "赣南医疗联合体", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "江西赣江先进材料实验室", "南昌高新技术产业开发区", RelationType::LocatedIn), "{rs:?}");
    // a person presiding is no builder
    let rs = full("全省科技大会由省长王某主持。");
    assert!(!rs.iter().any(|r| r.2 == RelationType::Promotes), "{rs:?}");
}

#[test]
fn partners_signing_respectively_sign_their_own_documents() {
    let rs = full(
        "仪式上，南昌大学与江铃汽车集团有限公司、国网江西省电力有限公司分别签署《电池联合攻关协议》和《储能示范应用协议》。",
    );
    assert!(holds(&rs, "南昌大学", "电池联合攻关协议", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "南昌大学", "储能示范应用协议", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "江铃汽车集团有限公司", "电池联合攻关协议", RelationType::Promotes), "{rs:?}");
    assert!(!holds(&rs, "江铃汽车集团有限公司", "储能示范应用协议", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "国网江西省电力有限公司", "储能示范应用协议", RelationType::Promotes), "{rs:?}");
    assert!(!holds(&rs, "国网江西省电力有限公司", "电池联合攻关协议", RelationType::Promotes), "{rs:?}");
}

#[test]
fn an_event_by_its_kind_word_is_promoted_by_who_hosts_it() {
    let rs = full(
        "4月18日，2024赣州（厦门）招商引资推介会在厦门市思明区举行。推介会由赣州市人民政府主办。签约仪式上，厦门某某新能源科技有限公司与赣州经开区管委会签订年产10GWh储能电池项目投资协议。",
    );
    assert!(holds(&rs, "赣州市人民政府", "2024赣州（厦门）招商引资推介会", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "2024赣州（厦门）招商引资推介会", "思明区", RelationType::LocatedIn), "{rs:?}");
    assert!(rs.iter().any(|r| r.1 == "年产10GWh储能电池项目"), "{rs:?}");
}

#[test]
fn every_pair_of_a_signing_sentence_cooperates() {
    let rs = full(
        "会上，浙江省人民政府与四川省人民政府签署《对口合作协议》，杭州市与广元市、宁波市与凉山彝族自治州分别签署产业合作协议。",
    );
    assert!(holds(&rs, "浙江省人民政府", "四川省人民政府", RelationType::CooperatesWith), "{rs:?}");
    assert!(holds(&rs, "杭州市", "广元市", RelationType::CooperatesWith), "{rs:?}");
    assert!(holds(&rs, "宁波市", "凉山彝族自治州", RelationType::CooperatesWith), "{rs:?}");
    assert!(!holds(&rs, "广元市", "宁波市", RelationType::CooperatesWith), "{rs:?}");
    // a title names its autonomous region's level, and a town's committee its town
    let rs = full("广西壮族自治区副主席黄某出席。自治区副主席韦某讲话。长洲镇党委书记覃某介绍。");
    assert!(holds(&rs, "黄某", "广西壮族自治区", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "韦某", "广西壮族自治区", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "覃某", "长洲镇", RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn a_group_signs_with_the_units_it_owns() {
    let rs = full(
        "会上，赣能控股集团有限公司与所属江西赣能电力有限公司、江西赣能新能源有限公司等8家二级企业签订《2024年度经营业绩责任书》。集团党委副书记吴某出席。",
    );
    assert!(holds(&rs, "江西赣能电力有限公司", "赣能控股集团有限公司", RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "江西赣能新能源有限公司", "赣能控股集团有限公司", RelationType::PartOf), "{rs:?}");
    assert!(holds(&rs, "吴某", "赣能控股集团有限公司", RelationType::WorksFor), "{rs:?}");
}

#[test]
fn the_projects_listed_after_a_batch_are_its_parts() {
    let rs = full(
        "成都高新区2024年第二批重点项目集中开工\n3月8日，成都高新区2024年第二批重点项目集中开工活动举行。本批开工项目中，成都芯源半导体有限公司12英寸晶圆扩产项目总投资80亿元；成都康华生物医药产业园项目总投资20亿元。民生类项目包括成都高新区第十二小学建设项目、中和街道城市更新项目等。",
    );
    let batch = "成都高新区2024年第二批重点项目";
    for p in ["12英寸晶圆扩产项目", "成都康华生物医药产业园项目", "成都高新区第十二小学建设项目"]
    {
        assert!(holds(&rs, p, batch, RelationType::PartOf), "{p}: {rs:?}");
    }
}

#[test]
fn a_sub_zone_written_after_its_zone_is_one_place_by_either_name() {
    let x = crate::extract::HybridExtractor.extract(&Document::new(
        "t".into(),
        "t".into(),
        "中国（湖北）自由贸易试验区设有武汉、襄阳、宜昌三个片区。中国（湖北）自由贸易试验区宜昌片区今年新设企业3000家。宜昌片区还出台了若干措施。".into(),
    ));
    let zone: Vec<_> = x.entities.iter().filter(|e| e.label.ends_with("宜昌片区")).collect();
    assert_eq!(zone.len(), 1, "{:?}", x.entities);
    assert_eq!(zone[0].label, "中国（湖北）自由贸易试验区宜昌片区");
    assert!(zone[0].aliases.contains("宜昌片区"), "{:?}", zone[0]);
    let rels: Vec<_> =
        x.relations.iter().map(|r| (&x.entities[r.source].label, &x.entities[r.target].label, r.kind)).collect();
    assert!(
        rels.iter().any(|&(a, b, k)| a == "中国（湖北）自由贸易试验区宜昌片区"
            && b == "中国（湖北）自由贸易试验区"
            && k == RelationType::PartOf),
        "{rels:?}"
    );
}

#[test]
fn a_bare_deputy_after_the_heads_post_is_in_the_heads_body() {
    let rs = full("江西省科学技术协会召开全委会。江西省科学技术协会主席刘某主持会议，副主席陈某、赵某出席。");
    assert!(holds(&rs, "陈某", "江西省科学技术协会", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "赵某", "江西省科学技术协会", RelationType::HoldsPosition), "{rs:?}");
    // (a deputy of another head is not)
    let rs = full("江西省科学技术协会主席刘某主持会议，副院长陈某出席。");
    assert!(!rs.iter().any(|r| r.0 == "陈某" && r.2 == RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn bodies_that_countersign_a_document_cooperate_and_promote_it() {
    let rs = full("今年3月，西湖区检察院与西湖区河长制办公室会签《关于建立协作机制的实施意见》。");
    assert!(holds(&rs, "西湖区检察院", "关于建立协作机制的实施意见", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "西湖区河长制办公室", "关于建立协作机制的实施意见", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "西湖区检察院", "西湖区河长制办公室", RelationType::CooperatesWith), "{rs:?}");
}

#[test]
fn review_cases_give_no_wrong_relations() {
    // a list of members stops where the list does, and takes no group from far away
    let rs = full(
        "四川省物流协会召开年会。考察团成员单位包括宜宾市商务局、宜宾市经济和信息化局，四川省商务厅副厅长王某出席。",
    );
    assert!(holds(&rs, "宜宾市商务局", "四川省物流协会", RelationType::PartOf), "{rs:?}");
    assert!(!holds(&rs, "四川省商务厅", "四川省物流协会", RelationType::PartOf), "{rs:?}");
    // a place counting its members does not join
    let rs = full("宜宾市12家企业加入长江上游产业联盟。");
    assert!(!holds(&rs, "宜宾市", "长江上游产业联盟", RelationType::PartOf), "{rs:?}");
    // counted kind words stand for no one body
    let x = crate::extract::HybridExtractor.extract(&Document::new(
        "t".into(),
        "t".into(),
        "洪山实验室与江夏实验室签署协议，两个实验室将联合攻关。".into(),
    ));
    assert!(x.entities.iter().all(|e| !e.aliases.contains("实验室")), "{:?}", x.entities);
    // a listing abroad is no landing
    let rs = full("宜宾天原集团股份有限公司在香港挂牌上市。");
    assert!(!rs.iter().any(|r| r.2 == RelationType::LocatedIn && r.0 == "宜宾天原集团股份有限公司"), "{rs:?}");
    // a builder of a plant builds no company
    let rs = full("宜宾丝丽雅集团有限公司新厂区开工，由中建三局集团有限公司承建。");
    assert!(!holds(&rs, "中建三局集团有限公司", "宜宾丝丽雅集团有限公司", RelationType::Promotes), "{rs:?}");
    // a correspondent named with a body is the body's
    let rs = full("来源：宜宾日报\n据宜宾市公安局通讯员张强介绍，案件已侦破。");
    assert!(!holds(&rs, "张强", "宜宾日报", RelationType::WorksFor), "{rs:?}");
    assert!(rs.iter().any(|r| r.0 == "张强" && r.1 == "宜宾市公安局"), "{rs:?}");
}

#[test]
fn a_supplier_cooperates_with_the_customers_it_supplies() {
    // entering customers' supply chains, and the customer a clause of the same sentence names
    let rs = full(
        "宁德蓝海电池有限公司发布公告。目前公司已进入东风汽车集团有限公司、重庆长安汽车股份有限公司等车企的供应链体系，\
         其中对北京理想汽车有限公司的年供货额超过2亿元。",
    );
    for customer in ["东风汽车集团有限公司", "重庆长安汽车股份有限公司", "北京理想汽车有限公司"]
    {
        assert!(holds(&rs, "宁德蓝海电池有限公司", customer, RelationType::CooperatesWith), "{customer}: {rs:?}");
    }
    // 向…供货 and 为…配套
    let rs = full("常州星辰电机有限公司主要向安徽华鼎汽车股份有限公司供货，并为宇通客车股份有限公司配套生产驱动电机。");
    assert!(holds(&rs, "常州星辰电机有限公司", "安徽华鼎汽车股份有限公司", RelationType::CooperatesWith), "{rs:?}");
    assert!(holds(&rs, "常州星辰电机有限公司", "宇通客车股份有限公司", RelationType::CooperatesWith), "{rs:?}");
    // 甲是乙的主要供应商
    let rs = full("据悉，宜昌华越电驱科技有限公司位于宜昌高新区，是安徽华鼎汽车股份有限公司电驱动系统的主要供应商。");
    assert!(holds(&rs, "宜昌华越电驱科技有限公司", "安徽华鼎汽车股份有限公司", RelationType::CooperatesWith), "{rs:?}");
    // a government serving companies in general names no customer
    let rs = full("沙坪坝区人民政府为重庆长安汽车股份有限公司提供配套服务。");
    assert!(!rs.iter().any(|r| r.2 == RelationType::CooperatesWith), "{rs:?}");
    // nor a word with 为 or 是 inside it, nor a body that oversees supply
    for text in [
        "市经济和信息化局认为宁德时代新能源科技股份有限公司的电池供应能力充足。",
        "市发展和改革委员会对国家电网有限公司的电力供应情况进行督查。",
        "市商务局今年引进入驻长安汽车供应链企业12家。",
        "市投资促进局介绍，特别是宁德时代新能源科技股份有限公司的供应商纷纷落户。",
    ] {
        let rs = full(text);
        assert!(!rs.iter().any(|r| r.2 == RelationType::CooperatesWith), "{text}: {rs:?}");
    }
}

#[test]
fn a_listed_company_its_controlling_holder_and_its_partner_university() {
    let text = "江苏恒泰新材料股份有限公司（以下简称恒泰新材）发布公告。恒泰新材成立于2008年，2020年在上海证券交易所科创板上市。\
                新产线将采用公司与南京工业大学联合研发的工艺。双方共建的特种膜材料工程技术研究中心已获专利20项。\
                公司控股股东常州恒泰投资集团有限公司承诺提供资金支持。恒泰新材表示将扩大产能。";
    let rs = full(text);
    let company = "江苏恒泰新材料股份有限公司";
    assert!(labelled(&rs, company, "上海证券交易所", "上市"), "{rs:?}");
    assert!(labelled(&rs, company, "常州恒泰投资集团有限公司", "控股股东"), "{rs:?}");
    // 公司与…: the company is a party, and 双方 are the two
    assert!(holds(&rs, company, "南京工业大学", RelationType::CooperatesWith), "{rs:?}");
    assert!(holds(&rs, company, "特种膜材料工程技术研究中心", RelationType::Promotes), "{rs:?}");
    // the co-built centre is no unit of the partner university of a company's news
    assert!(!holds(&rs, "特种膜材料工程技术研究中心", "南京工业大学", RelationType::PartOf), "{rs:?}");
    // the shareholder's name has no description glued on, and 上市公司 is no body
    let labels = entity_labels(&format!("{text}归属于上市公司股东的净利润1.2亿元。"));
    assert!(labels.contains(&"常州恒泰投资集团有限公司".to_owned()), "{labels:?}");
    assert!(!labels.contains(&"上市公司".to_owned()), "{labels:?}");
}

#[test]
fn tibetan_names_after_a_title_glued_to_the_body_and_before_an_escort_verb() {
    let rs = full("那曲市委书记尼玛次仁率团赴京考察，市委副书记、市长达瓦扎西陪同。");
    assert!(holds(&rs, "尼玛次仁", "那曲市", RelationType::HoldsPosition), "{rs:?}");
    assert!(holds(&rs, "达瓦扎西", "那曲市", RelationType::HoldsPosition), "{rs:?}");
}

#[test]
fn wire_reporters_work_for_the_agency_and_a_foreign_ministry_is_not_the_bare_one() {
    let rs = full(
        "新华社北京5月9日电（记者 骆思琪）外交部发言人韩立言9日宣布：应越南外交部邀请，外交部副部长蔺海川将访问越南。\
         另据新华社南宁5月9日电（记者 闵嘉树）广西壮族自治区外事办公室介绍了有关情况。",
    );
    assert!(holds(&rs, "骆思琪", "新华社", RelationType::WorksFor), "{rs:?}");
    assert!(holds(&rs, "闵嘉树", "新华社", RelationType::WorksFor), "{rs:?}");
    // the bare 外交部 of a Chinese wire is China's, not the foreign ministry named in full
    assert!(holds(&rs, "蔺海川", "外交部", RelationType::HoldsPosition), "{rs:?}");
    assert!(!rs.iter().any(|r| r.0 == "蔺海川" && r.1 == "越南外交部"), "{rs:?}");
}

#[test]
fn a_body_and_its_verb_glued_before_a_name_and_media_joined_by_a_dash() {
    let rs = full("据岳阳新闻网-岳阳日报报道，平江县与湖南理工学院共建平江酱干产业研究院。");
    for party in ["平江县", "湖南理工学院"] {
        assert!(holds(&rs, party, "平江酱干产业研究院", RelationType::Promotes), "{party}: {rs:?}");
    }
    let labels = entity_labels("据岳阳新闻网-岳阳日报报道，平江县与湖南理工学院共建平江酱干产业研究院。");
    assert!(labels.contains(&"岳阳新闻网".to_owned()) && labels.contains(&"岳阳日报".to_owned()), "{labels:?}");
}

#[test]
fn a_dashed_list_of_a_batch_and_a_project_named_by_its_company_s_brand() {
    let rs = full(
        "3月8日，江门市新会区2025年第一批重点项目集中开工。\n据介绍，本批项目中投资额较大的有：\n\
         ——崖门新材高端铝型材生产线项目，由广东崖门新材科技有限公司投资建设，总投资12亿元；\n\
         ——银湖湾滨海新区综合管廊工程，位于崖门镇，总投资6亿元；",
    );
    let batch = "新会区2025年第一批重点项目";
    for project in ["崖门新材高端铝型材生产线项目", "银湖湾滨海新区综合管廊工程"] {
        assert!(holds(&rs, project, batch, RelationType::PartOf), "{project}: {rs:?}");
    }
    assert!(holds(&rs, "广东崖门新材科技有限公司", "崖门新材高端铝型材生产线项目", RelationType::Promotes), "{rs:?}");
}

#[test]
fn the_founders_of_a_group_referred_to_by_its_head_word_are_members() {
    let rs = full(
        "11月3日，绍兴集成电路产业创新联盟成立大会召开。联盟在绍兴市科学技术局指导下，由浙江越芯实验室牵头，\
         联合绍兴文理学院、浙江柯桥微电子有限公司等20家单位共同发起成立。",
    );
    let group = "绍兴集成电路产业创新联盟";
    assert!(holds(&rs, "浙江越芯实验室", group, RelationType::Promotes), "{rs:?}");
    for member in ["浙江越芯实验室", "绍兴文理学院", "浙江柯桥微电子有限公司"] {
        assert!(holds(&rs, member, group, RelationType::PartOf), "{member}: {rs:?}");
    }
    assert!(!holds(&rs, "绍兴市科学技术局", group, RelationType::PartOf), "{rs:?}");
}

#[test]
fn subsidiaries_of_the_subject_after_its_description_and_its_manager_by_the_bare_word() {
    let text = "5月8日，浙江澜川新材料股份有限公司（以下简称“澜川新材”）在嘉兴举行发布会，其下属子公司嘉兴澜川高分子有限公司发布新品。\
                澜川新材是一家上交所科创板上市公司，总部位于嘉兴市南湖区，旗下拥有嘉兴澜川高分子有限公司、浙江澜川检测技术有限公司等5家子公司。\
                发布会由公司总经理祁望舒主持。";
    let rs = full(text);
    let parent = "浙江澜川新材料股份有限公司";
    for child in ["嘉兴澜川高分子有限公司", "浙江澜川检测技术有限公司"] {
        assert!(holds(&rs, child, parent, RelationType::PartOf), "{child}: {rs:?}");
    }
    assert!(holds(&rs, "祁望舒", parent, RelationType::WorksFor), "{rs:?}");
    // 一家…上市公司 describes the company; it names no body
    let labels = entity_labels(text);
    assert!(!labels.iter().any(|l| l.ends_with("上市公司")), "{labels:?}");
}

#[test]
fn members_listed_before_their_member_word_and_a_subsidiary_without_de() {
    let rs = full(
        "5月6日，曲靖市第一人民医院紧密型城市医疗集团成立。医疗集团由曲靖市第一人民医院牵头，麒麟区人民医院、\
         沿江乡卫生院等3家医疗机构作为成员单位加入。",
    );
    let group = "曲靖市第一人民医院紧密型城市医疗集团";
    for m in ["麒麟区人民医院", "沿江乡卫生院"] {
        assert!(holds(&rs, m, group, RelationType::PartOf), "{m}: {rs:?}");
    }
    assert!(!holds(&rs, "曲靖市第一人民医院", group, RelationType::PartOf), "{rs:?}");
    let rs = full("湖北磷川新材料有限公司是宜昌兴科化工集团有限公司控股子公司，主要生产磷酸铁。");
    assert!(labelled(&rs, "湖北磷川新材料有限公司", "宜昌兴科化工集团有限公司", "控股子公司"), "{rs:?}");
}

#[test]
fn review_cases_of_company_news_give_no_wrong_relations() {
    // a legal name after 一家 is a name; a company with 控股 in its name stays whole
    let labels = entity_labels(
        "宁波港城集团有限公司出资设立一家全资子公司宁波甬江新材料有限公司。北京控股集团有限公司发布公告。",
    );
    assert!(labels.contains(&"宁波甬江新材料有限公司".to_owned()), "{labels:?}");
    assert!(labels.contains(&"北京控股集团有限公司".to_owned()), "{labels:?}");
    // 合资公司总经理 is the joint venture's, not the company the document is about
    let rs = full("重庆长安汽车股份有限公司发布公告。双方成立合资公司，合资公司总经理韩立春介绍了情况。");
    assert!(!holds(&rs, "韩立春", "重庆长安汽车股份有限公司", RelationType::WorksFor), "{rs:?}");
    // the group founded is the one named after the verb; a guide is no member
    let rs = full(
        "在中国汽车工业协会指导下，安徽华鼎汽车股份有限公司、浙江吉利控股集团有限公司共同发起成立长三角新能源汽车产业联盟。",
    );
    let group = "长三角新能源汽车产业联盟";
    assert!(holds(&rs, "安徽华鼎汽车股份有限公司", group, RelationType::PartOf), "{rs:?}");
    assert!(!holds(&rs, "安徽华鼎汽车股份有限公司", "中国汽车工业协会", RelationType::PartOf), "{rs:?}");
    // 其 is the body named last; a listing is the company's right before 在, not an adviser's
    let rs = full(
        "成都市人民政府与中国电力建设集团有限公司签署合作协议，其下属子公司中国水利水电第七工程局有限公司将承建该项目。",
    );
    assert!(holds(&rs, "中国水利水电第七工程局有限公司", "中国电力建设集团有限公司", RelationType::PartOf), "{rs:?}");
    assert!(!holds(&rs, "中国水利水电第七工程局有限公司", "成都市人民政府", RelationType::PartOf), "{rs:?}");
    let rs = full("省证监局介绍，全省在上海证券交易所上市的企业达58家。");
    assert!(!rs.iter().any(|r| r.3 == "上市"), "{rs:?}");
    // a company's supplier that is another's subsidiary is no subsidiary of it
    let rs = full("宁德蓝海电池有限公司是安徽华鼎汽车股份有限公司子公司的主要供应商。");
    assert!(!holds(&rs, "宁德蓝海电池有限公司", "安徽华鼎汽车股份有限公司", RelationType::PartOf), "{rs:?}");
}

#[test]
fn later_clauses_with_partners_of_their_own() {
    // a later clause with its own partner acts with the sentence's first actor
    let rs = full("湘雅医院将与怀化市第一人民医院共建胸痛救治中心，与邵阳市中心医院共建卒中诊疗中心。");
    assert!(holds(&rs, "湘雅医院", "卒中诊疗中心", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "邵阳市中心医院", "卒中诊疗中心", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "湘雅医院", "邵阳市中心医院", RelationType::CooperatesWith), "{rs:?}");
    // the first clause's partner builds nothing of the second, and is built by no one
    assert!(!holds(&rs, "怀化市第一人民医院", "卒中诊疗中心", RelationType::Promotes), "{rs:?}");
    assert!(!holds(&rs, "湘雅医院", "邵阳市中心医院", RelationType::Promotes), "{rs:?}");
    // a lead whose clause names no partner
    let rs = full("远航汽车集团将同步引入智能座舱研发中心，与湖南大学共建汽车电子联合实验室。");
    assert!(holds(&rs, "远航汽车集团", "汽车电子联合实验室", RelationType::Promotes), "{rs:?}");
    assert!(holds(&rs, "湖南大学", "汽车电子联合实验室", RelationType::Promotes), "{rs:?}");
    // 双方 opening a later clause
    let rs = full("鼓楼区人民政府与闽江学院签署合作协议，双方将共建数字文旅产业学院，每年培养人才。");
    for party in ["鼓楼区人民政府", "闽江学院"] {
        assert!(holds(&rs, party, "数字文旅产业学院", RelationType::Promotes), "{party}: {rs:?}");
    }
    // the lead is the subject of the clause before, not a source the sentence opens with
    let rs = full(
        "记者从江城市发展和改革委员会获悉，江城汽车集团将与江城大学共建动力电池研究院，与华电江城发电有限公司共建储能技术研究院。",
    );
    assert!(holds(&rs, "江城汽车集团", "储能技术研究院", RelationType::Promotes), "{rs:?}");
    assert!(!holds(&rs, "江城市发展和改革委员会", "储能技术研究院", RelationType::Promotes), "{rs:?}");
    // a pair of its own, building jointly
    let rs = full("根据协议内容，东南大学将与盐城市共同组建海上风电装备中试基地，开展联合攻关。");
    for party in ["东南大学", "盐城市"] {
        assert!(holds(&rs, party, "海上风电装备中试基地", RelationType::Promotes), "{party}: {rs:?}");
    }
}

#[test]
fn a_project_s_site_ceremony_is_held_where_it_lies() {
    let rs = full("6月18日，宏图新能源汽车零部件生产基地项目开工仪式在滁州经济技术开发区举行。");
    assert!(holds(&rs, "宏图新能源汽车零部件生产基地项目", "滁州经济技术开发区", RelationType::LocatedIn), "{rs:?}");
    // a signing ceremony is held anywhere
    let rs = full("宏图新能源汽车零部件生产基地项目签约仪式在合肥举行。");
    assert!(!rs.iter().any(|r| r.2 == RelationType::LocatedIn), "{rs:?}");
}

#[test]
fn reporters_listed_with_spaces_after_one_credit() {
    // a credit label after another's colon
    let rs = full("来源：洪江市融媒体中心　作者：记者 向晓岚 杜珩 通讯员 米乐　发布时间：2025-03-02\n洪江市召开会议。");
    for reporter in ["向晓岚", "杜珩"] {
        assert!(holds(&rs, reporter, "洪江市融媒体中心", RelationType::WorksFor), "{reporter}: {rs:?}");
    }
    // names set off by spaces after an outlet's credit
    let rs = full("（津南日报记者 秦岳 贺知远）\n津南区召开会议。");
    for reporter in ["秦岳", "贺知远"] {
        assert!(holds(&rs, reporter, "津南日报", RelationType::WorksFor), "{reporter}: {rs:?}");
    }
}

#[test]
fn places_written_together_or_cut_by_the_tagger() {
    // a city written before its county is a place of its own
    let rs = full("清明前后，浙江省丽水市松阳县的茶园一片繁忙。");
    assert!(holds(&rs, "松阳县", "丽水市", RelationType::PartOf), "{rs:?}");
    // a count glued after a short name, a village glued after its town
    let x = names_of("覆盖柳州、桂林、梧州、百色4市。在大坝镇青松村，合作社成立。");
    for name in ["百色市", "大坝镇", "青松村"] {
        assert!(x.iter().any(|n| n == name), "{name}: {x:?}");
    }
    assert!(!x.iter().any(|n| n.contains('4')), "{x:?}");
    // a town whose first char the tagger cut off
    let rs = full("该产业园位于积石山县吹麻滩镇，规划面积460亩。");
    assert!(holds(&rs, "吹麻滩镇", "积石山保安族东乡族撒拉族自治县", RelationType::PartOf), "{rs:?}");
    // a county since made a city goes by its new name
    let x = names_of("山南市为隆子县、错那市等6个县授牌。");
    assert!(x.iter().any(|n| n == "错那市"), "{x:?}");
    // (not a word 市 starts: 城口 + 市场)
    let x = names_of("重庆市城口县召开会议，城口市场监管局开展检查。");
    assert!(!x.iter().any(|n| n == "城口市"), "{x:?}");
    // a village after a town is split, 乡村 is no town
    let x = names_of("全国乡村旅游重点村名单公布，天荒坪镇余村入选。");
    assert!(!x.iter().any(|n| n == "全国乡"), "{x:?}");
    // …and a district once a county, by its old name
    let rs = full("河北省张家口市崇礼县的滑雪场很多。");
    assert!(holds(&rs, "崇礼县", "张家口市", RelationType::PartOf), "{rs:?}");
}

#[test]
fn words_glued_to_a_body_s_name_are_cut() {
    let x = names_of("据上述中粮储备辽宁分公司人士介绍，征文活动由江城晚报主办，华信运通协办。");
    for name in ["中粮储备辽宁分公司", "华信运通"] {
        assert!(x.iter().any(|n| n == name), "{name}: {x:?}");
    }
}

#[test]
fn areas_a_zone_or_a_listed_project_is_named_after() {
    let x = names_of("要加快推进鄂尔多斯高新区氢能产业园、石拐区新能源装备制造基地等重大项目建设。");
    assert!(x.iter().any(|n| n == "石拐区"), "{x:?}");
}

#[test]
fn what_a_body_does_to_another_named_after_xiang_or_dui() {
    let rs = full("江岸区人民检察院以涉嫌非法采砂罪向江岸区人民法院提起公诉。");
    assert!(labelled(&rs, "江岸区人民检察院", "江岸区人民法院", "提起公诉"), "{rs:?}");
    let rs = full("江岸区人民检察院向江岸区水务局发出诉前检察建议。");
    assert!(holds(&rs, "江岸区人民检察院", "江岸区水务局", RelationType::Related), "{rs:?}");
    let rs = full("区市场监管局对华兴商贸有限公司作出行政处罚。");
    assert!(labelled(&rs, "区市场监管局", "华兴商贸有限公司", "处罚"), "{rs:?}");
}
