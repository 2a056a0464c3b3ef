namespace CreditKaizhou.Api.Seed;

/// <summary>
/// Joint punishment (CJ-, 联合惩戒) and joint incentive (JL-, 联合激励) measures, each citing the
/// law or central policy it rests on (国办发〔2020〕49号: no measure without such a basis). Where a
/// measure follows several lists, its legal basis names the document for each list.
/// </summary>
public static class DemoMeasures
{
    public const string RestrictTendering = "CJ-ZTB";
    public const string RestrictProcurement = "CJ-ZFCG";
    public const string MarketRegulationConsideration = "CJ-SCJG-ZYKL";
    public const string AbnormalOperationReview = "CJ-JYYC-SC";
    public const string RestrictSubsidy = "CJ-CZBZ";
    public const string RestrictLand = "CJ-TDSY";
    public const string RestrictCommendation = "CJ-PYPX";
    public const string FastTrack = "JL-LSTD";
    public const string Tolerance = "JL-RQSL";
    public const string FewerInspections = "JL-JSJC";
    public const string SubsidyPriority = "JL-ZJYX";

    public static IReadOnlyList<DemoMeasure> All { get; } =
    [
        new(
            RestrictTendering,
            "限制参与招标投标",
            "punishment",
            "bar",
            ["tendering"],
            "失信被执行人：《关于在招标投标活动中对失信被执行人实施联合惩戒的通知》（法〔2016〕285号）；"
                + "重大税收违法失信主体：《关于对重大税收违法案件当事人实施联合惩戒措施的合作备忘录（2016版）》（发改财金〔2016〕2798号）；"
                + "政府采购严重违法失信行为记录名单：《中华人民共和国政府采购法》第七十七条、财库〔2016〕125号",
            "区发展改革委、区公共资源交易中心、区住房城乡建委、区交通局、区水利局",
            [DemoLists.Sxbzxr, DemoLists.Zdsswf, DemoLists.Zfcgsx]),
        new(
            RestrictProcurement,
            "限制参与政府采购",
            "punishment",
            "bar",
            ["procurement"],
            "《中华人民共和国政府采购法》第二十二条；《财政部关于在政府采购活动中查询及使用信用记录有关问题的通知》（财库〔2016〕125号）",
            "区财政局、区公共资源交易中心",
            [DemoLists.Sxbzxr, DemoLists.Zdsswf, DemoLists.Zfcgsx]),
        new(
            MarketRegulationConsideration,
            "在政府采购、招标投标中作为重要考量因素",
            "punishment",
            "review",
            ["procurement", "tendering"],
            "《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）",
            "区财政局、区公共资源交易中心、区发展改革委",
            [DemoLists.Scjgyzsx]),
        new(
            AbnormalOperationReview,
            "经营异常名录企业审慎审查",
            "punishment",
            "review",
            ["tendering", "procurement"],
            "《企业信息公示暂行条例》（在政府采购、工程招投标等工作中将企业信息作为重要考量因素）；《企业经营异常名录管理暂行办法》",
            "区公共资源交易中心、区财政局",
            [DemoLists.Jyyc]),
        new(
            RestrictSubsidy,
            "限制申请财政补助资金",
            "punishment",
            "bar",
            ["subsidy"],
            "失信被执行人：《关于对失信被执行人实施联合惩戒的合作备忘录》（发改财金〔2016〕141号）；"
                + "重大税收违法失信主体：发改财金〔2016〕2798号；《全国失信惩戒措施基础清单》",
            "区财政局、区发展改革委",
            [DemoLists.Sxbzxr, DemoLists.Zdsswf]),
        new(
            RestrictLand,
            "限制取得政府供应土地使用权",
            "punishment",
            "bar",
            ["land"],
            "失信被执行人：《关于对失信被执行人实施联合惩戒的合作备忘录》（发改财金〔2016〕141号）；"
                + "重大税收违法失信主体：发改财金〔2016〕2798号",
            "区规划自然资源局",
            [DemoLists.Sxbzxr, DemoLists.Zdsswf]),
        new(
            RestrictCommendation,
            "限制评优评先",
            "punishment",
            "bar",
            ["commendation"],
            "失信被执行人：《关于加快推进失信被执行人信用监督、警示和惩戒机制建设的意见》（中办发〔2016〕64号）；"
                + "重大税收违法失信主体：发改财金〔2016〕2798号；"
                + "市场监管严重违法失信名单：国家市场监督管理总局令第44号",
            "区发展改革委、区人力社保局",
            [DemoLists.Sxbzxr, DemoLists.Zdsswf, DemoLists.Scjgyzsx]),
        new(
            FastTrack,
            "行政审批绿色通道",
            "incentive",
            "fast-track",
            ["licensing"],
            "《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）；"
                + "纳税信用A级纳税人：《关于对纳税信用A级纳税人实施联合激励措施的合作备忘录》（发改财金〔2016〕1467号）",
            "区发展改革委、区市场监督管理局、区住房城乡建委",
            [DemoLists.Nsxya, DemoLists.Hggjrz, DemoLists.Sxjl]),
        new(
            Tolerance,
            "容缺受理",
            "incentive",
            "tolerance",
            ["licensing"],
            "《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）；"
                + "《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）",
            "区市场监督管理局、区住房城乡建委、区交通局",
            [DemoLists.Nsxya, DemoLists.Hggjrz, DemoLists.Sxjl]),
        new(
            FewerInspections,
            "减少日常检查频次",
            "incentive",
            "fewer-inspections",
            ["licensing"],
            "《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）；"
                + "纳税信用A级纳税人：发改财金〔2016〕1467号",
            "区市场监督管理局、区生态环境局、区应急管理局",
            [DemoLists.Nsxya, DemoLists.Hggjrz, DemoLists.Sxjl]),
        new(
            SubsidyPriority,
            "财政性资金项目安排和评优评先中优先考虑",
            "incentive",
            "priority",
            ["subsidy", "commendation"],
            "《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）",
            "区财政局、区发展改革委",
            [DemoLists.Nsxya, DemoLists.Sxjl]),
    ];
}
