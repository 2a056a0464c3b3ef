namespace CreditKaizhou.Api.Seed;

/// <summary>
/// Catalogue entries of the demo seed: a small slice of the district's 公共信用信息目录.
/// Code scheme: <c>KZ-{department code}-{item}</c>, where item is the pinyin initials of the
/// information item (XZCF 行政处罚, XZXK 行政许可, DJZC 登记注册, SXBZXR 失信被执行人 …). The
/// department part keeps codes unique where several departments publish the same kind of item.
/// </summary>
public static class DemoCatalogue
{
    public const string Registration = "KZ-SCJGJ-DJZC";
    public const string MarketPenalty = "KZ-SCJGJ-XZCF";
    public const string TaxPenalty = "KZ-SWJ-XZCF";
    public const string EnvironmentPenalty = "KZ-STHJJ-XZCF";
    public const string SafetyPenalty = "KZ-YJJ-XZCF";
    public const string ConstructionPenalty = "KZ-ZJW-XZCF";
    public const string LabourPenalty = "KZ-RSJ-XZCF";
    public const string FoodPermit = "KZ-SCJGJ-XZXK";
    public const string ConstructionPermit = "KZ-ZJW-XZXK";
    public const string EnvironmentPermit = "KZ-STHJJ-XZXK";
    public const string TransportPermit = "KZ-JTJ-XZXK";
    public const string LabourPermit = "KZ-RSJ-XZXK";
    public const string JudgmentDefaulter = "KZ-FY-SXBZXR";
    public const string MajorTaxViolation = "KZ-SWJ-ZDSSWF";
    public const string ProcurementViolation = "KZ-CZJ-ZFCGSX";
    public const string MarketSeriousViolation = "KZ-SCJGJ-YZSX";
    public const string AbnormalOperation = "KZ-SCJGJ-JYYC";
    public const string TaxCreditA = "KZ-SWJ-NSXYA";
    public const string CreditIncentive = "KZ-FZGGW-SXJL";
    public const string SocialInsurance = "KZ-RSJ-SBJF";

    private static readonly IReadOnlyList<string> Organisations = ["legal", "individual_business"];
    private static readonly IReadOnlyList<string> Everyone = ["legal", "individual_business", "person"];

    internal const string PenaltyPublicityBasis =
        "《中华人民共和国行政处罚法》第四十八条；《国务院办公厅印发〈关于进一步完善信用修复制度的实施方案〉的通知》（国办发〔2025〕22号）";

    internal const string PermitPublicityBasis = "《中华人民共和国行政许可法》第四十条";

    internal const string DoublePublicityFrequency = "作出决定之日起7个工作日内";

    internal static readonly DemoPublicityRule GradedPenalty = new(
        "graded",
        "轻微失信信息不予公示（确有必要公示的最长3个月）；一般失信信息公示3个月至1年；严重失信信息公示1年至3年。"
            + "公示期满可申请信用修复，修复后停止公示。",
        [
            new("minor", false, 0, 3),
            new("general", true, 3, 12),
            new("serious", true, 12, 36),
        ]);

    internal static readonly DemoPublicityRule WhileValid = new(
        "validity", "许可决定作出后公示，有效期内持续公示。", []);

    private static readonly DemoPublicityRule WhileListed = new(
        "list", "列入名单期间公示，移出名单后停止公示。", []);

    private static readonly DemoPublicityRule WhileExists = new(
        "permanent", "主体存续期间持续公示。", []);

    private static DemoCatalogueEntry Penalty(string code, string name, string department, string lawBasis) => new(
        code, name, "行政处罚", department, Everyone, "public", "negative", null,
        DoublePublicityFrequency, GradedPenalty, $"{PenaltyPublicityBasis}；{lawBasis}", DemoFieldSchemas.Penalty);

    private static DemoCatalogueEntry Permit(string code, string name, string department, string lawBasis) => new(
        code, name, "行政许可", department, Organisations, "public", "neutral", null,
        DoublePublicityFrequency, WhileValid, $"{PermitPublicityBasis}；{lawBasis}", DemoFieldSchemas.Permit);

    public static IReadOnlyList<DemoCatalogueEntry> All { get; } =
    [
        new(
            Registration, "登记注册基本信息", "登记注册基本信息", DemoDepartments.Scjgj, Organisations,
            "public", "neutral", null, "实时", WhileExists,
            "《中华人民共和国市场主体登记管理条例》（国务院令第746号）；《企业信息公示暂行条例》",
            DemoFieldSchemas.Registration),

        Penalty(MarketPenalty, "市场监管领域行政处罚信息", DemoDepartments.Scjgj,
            "《市场监督管理行政处罚信息公示规定》"),
        Penalty(TaxPenalty, "税务行政处罚信息", DemoDepartments.Swj,
            "《中华人民共和国税收征收管理法》"),
        Penalty(EnvironmentPenalty, "生态环境行政处罚信息", DemoDepartments.Sthjj,
            "《中华人民共和国环境保护法》第五十四条"),
        Penalty(SafetyPenalty, "安全生产行政处罚信息", DemoDepartments.Yjj,
            "《中华人民共和国安全生产法》"),
        Penalty(ConstructionPenalty, "住房城乡建设领域行政处罚信息", DemoDepartments.Zjw,
            "《中华人民共和国建筑法》；《建设工程质量管理条例》"),
        Penalty(LabourPenalty, "劳动保障监察行政处罚信息", DemoDepartments.Rsj,
            "《劳动保障监察条例》；《保障农民工工资支付条例》"),

        Permit(FoodPermit, "食品生产经营许可信息", DemoDepartments.Scjgj,
            "《中华人民共和国食品安全法》第三十五条"),
        Permit(ConstructionPermit, "建筑工程施工许可信息", DemoDepartments.Zjw,
            "《中华人民共和国建筑法》第七条"),
        Permit(EnvironmentPermit, "建设项目环境影响评价文件审批信息", DemoDepartments.Sthjj,
            "《中华人民共和国环境影响评价法》第二十二条"),
        Permit(TransportPermit, "道路运输经营许可信息", DemoDepartments.Jtj,
            "《中华人民共和国道路运输条例》"),
        Permit(LabourPermit, "人力资源社会保障领域行政许可信息", DemoDepartments.Rsj,
            "《中华人民共和国劳动合同法》第五十七条；《中华人民共和国民办教育促进法》第十二条"),

        new(
            JudgmentDefaulter, "失信被执行人信息", "严重失信主体名单", DemoDepartments.Fy, Everyone,
            "public", "negative", DemoLists.Sxbzxr, "每日", WhileListed,
            "《最高人民法院关于公布失信被执行人名单信息的若干规定》（法释〔2017〕7号）；"
                + "《关于在招标投标活动中对失信被执行人实施联合惩戒的通知》（法〔2016〕285号）",
            DemoFieldSchemas.JudgmentDefaulter),
        new(
            MajorTaxViolation, "重大税收违法失信主体信息", "严重失信主体名单", DemoDepartments.Swj, Organisations,
            "public", "negative", DemoLists.Zdsswf, "每月", WhileListed,
            "《重大税收违法失信主体信息公布管理办法》（国家税务总局令第54号）",
            DemoFieldSchemas.MajorTaxViolation),
        new(
            ProcurementViolation, "政府采购严重违法失信行为记录", "严重失信主体名单", DemoDepartments.Czj, Organisations,
            "public", "negative", DemoLists.Zfcgsx, DoublePublicityFrequency, WhileListed,
            "《中华人民共和国政府采购法》第二十二条、第七十七条；《财政部关于在政府采购活动中查询及使用信用记录有关问题的通知》（财库〔2016〕125号）",
            DemoFieldSchemas.ProcurementViolation),
        new(
            MarketSeriousViolation, "市场监管严重违法失信名单信息", "严重失信主体名单", DemoDepartments.Scjgj, Organisations,
            "public", "negative", DemoLists.Scjgyzsx, "实时", WhileListed,
            "《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）",
            DemoFieldSchemas.MarketSeriousViolation),
        new(
            AbnormalOperation, "经营异常名录信息", "经营异常名录", DemoDepartments.Scjgj, ["legal"],
            "public", "negative", DemoLists.Jyyc, "实时", WhileListed,
            "《中华人民共和国市场主体登记管理条例》；《企业经营异常名录管理暂行办法》",
            DemoFieldSchemas.AbnormalOperation),
        new(
            TaxCreditA, "纳税信用A级纳税人信息", "信用评价结果", DemoDepartments.Swj, Organisations,
            "public", "positive", DemoLists.Nsxya, "每年", WhileListed,
            "《纳税缴费信用管理办法》",
            DemoFieldSchemas.TaxCreditA),
        new(
            CreditIncentive, "守信激励对象信息", "守信激励/荣誉", DemoDepartments.Fzggw, Everyone,
            "public", "positive", DemoLists.Sxjl, "每季度", WhileListed,
            "《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）",
            DemoFieldSchemas.CreditIncentive),
        new(
            SocialInsurance, "社会保险参保缴费信息", "社会保险缴纳及欠费", DemoDepartments.Rsj, Everyone,
            "authorised", "neutral", null, "每月",
            new DemoPublicityRule("none", "不向社会公开，仅依授权查询。", []),
            "《中华人民共和国社会保险法》",
            DemoFieldSchemas.SocialInsurance),
    ];

    public static DemoCatalogueEntry Get(string code) => All.Single(e => e.Code == code);
}
