namespace CreditKaizhou.Api.Seed;

/// <summary>
/// Field schemas shared by several catalogue entries. Field names and lengths follow the national
/// 双公示 data standard (行政许可、行政处罚信息数据标准) and the lists' published formats; the
/// subject's own name and code are not fields because every record names its subject.
/// </summary>
public static class DemoFieldSchemas
{
    private const string S = DemoFieldTypes.String;
    private const string D = DemoFieldTypes.Date;
    private const string Dec = DemoFieldTypes.Decimal;
    private const string E = DemoFieldTypes.Enum;
    private const string Code = DemoFieldTypes.SubjectCode;

    public static IReadOnlyList<string> PenaltyCategories { get; } =
    [
        "警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件", "降低资质等级",
        "吊销许可证件", "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业", "行政拘留", "其他",
    ];

    public static IReadOnlyList<string> PermitCategories { get; } = ["普通", "特许", "认可", "核准", "登记", "其他"];

    public static IReadOnlyList<DemoField> Penalty { get; } =
    [
        new("行政处罚决定书文号", "decisionNumber", S, true, MaxLength: 128),
        new("违法行为类型", "violationType", S, true, MaxLength: 2000),
        new("违法事实", "violationFacts", S, true, MaxLength: 5000),
        new("处罚依据", "penaltyBasis", S, true, MaxLength: 2048),
        new("处罚类别", "penaltyCategory", E, true, AllowedValues: PenaltyCategories),
        new("处罚内容", "penaltyContent", S, true, MaxLength: 4000),
        new("罚款金额（万元）", "fineAmount", Dec, false, Unit: "万元"),
        new("没收违法所得、没收非法财物的金额（万元）", "confiscatedAmount", Dec, false, Unit: "万元"),
        new("暂扣或吊销证照名称及编号", "licenceSuspendedOrRevoked", S, false, MaxLength: 200),
        new("处罚决定日期", "decisionDate", D, true),
        new("处罚有效期", "penaltyValidUntil", D, true),
        new("公示截止期", "publicityUntil", D, false),
        new("处罚机关", "authority", S, true, MaxLength: 200),
        new("处罚机关统一社会信用代码", "authorityCode", Code, true),
        new("数据来源单位", "dataSource", S, true, MaxLength: 200),
        new("数据来源单位统一社会信用代码", "dataSourceCode", Code, true),
        new("备注", "remarks", S, false, MaxLength: 512),
    ];

    public static IReadOnlyList<DemoField> Permit { get; } =
    [
        new("行政许可决定文书名称", "decisionDocumentName", S, true, MaxLength: 64),
        new("行政许可决定文书号", "decisionNumber", S, true, MaxLength: 64),
        new("许可类别", "permitCategory", E, true, AllowedValues: PermitCategories),
        new("许可证书名称", "certificateName", S, false, MaxLength: 64),
        new("许可编号", "permitNumber", S, false, MaxLength: 64),
        new("许可内容", "permitContent", S, true, MaxLength: 4000),
        new("许可决定日期", "decisionDate", D, true),
        new("有效期自", "validFrom", D, true),
        new("有效期至", "validTo", D, true),
        new("许可机关", "authority", S, true, MaxLength: 200),
        new("许可机关统一社会信用代码", "authorityCode", Code, true),
        new("当前状态", "currentStatus", E, true, AllowedValues: ["有效", "无效"]),
        new("数据来源单位", "dataSource", S, true, MaxLength: 200),
        new("数据来源单位统一社会信用代码", "dataSourceCode", Code, true),
        new("备注", "remarks", S, false, MaxLength: 512),
    ];

    public static IReadOnlyList<DemoField> Registration { get; } =
    [
        new("市场主体类型", "entityType", E, true, AllowedValues:
        [
            "有限责任公司", "股份有限公司", "个人独资企业", "合伙企业", "农民专业合作社", "个体工商户",
            "社会团体", "民办非企业单位", "事业单位", "其他",
        ]),
        new("法定代表人（负责人、经营者）", "legalRepresentative", S, true, MaxLength: 50),
        new("注册资本（万元）", "registeredCapital", Dec, false, Unit: "万元"),
        new("成立日期", "establishedDate", D, true),
        new("住所（经营场所）", "address", S, true, MaxLength: 200),
        new("经营范围（业务范围）", "businessScope", S, true, MaxLength: 4000),
        new("登记机关", "registrationAuthority", S, true, MaxLength: 200),
        new("核准日期", "approvalDate", D, false),
        new("登记状态", "registrationStatus", E, true, AllowedValues: ["存续", "在业", "吊销", "注销", "迁出"]),
    ];

    public static IReadOnlyList<DemoField> JudgmentDefaulter { get; } =
    [
        new("案号", "caseNumber", S, true, MaxLength: 64),
        new("执行法院", "executingCourt", S, true, MaxLength: 100),
        new("法定代表人或者负责人姓名", "legalRepresentative", S, false, MaxLength: 50),
        new("执行依据文号", "basisDocumentNumber", S, true, MaxLength: 100),
        new("做出执行依据单位", "basisIssuer", S, true, MaxLength: 100),
        new("生效法律文书确定的义务", "obligation", S, true, MaxLength: 2000),
        new("被执行人的履行情况", "performance", E, true, AllowedValues: ["全部未履行", "部分未履行"]),
        new("失信被执行人行为具体情形", "defaultCircumstances", S, true, MaxLength: 500),
        new("立案时间", "filingDate", D, true),
        new("发布时间", "publishedDate", D, true),
    ];

    public static IReadOnlyList<DemoField> MajorTaxViolation { get; } =
    [
        new("案件性质", "caseNature", E, true, AllowedValues:
        [
            "偷税", "逃避追缴欠税", "骗取出口退税", "抗税", "虚开增值税专用发票", "虚开普通发票",
            "非法印制发票", "走逃（失联）", "其他",
        ]),
        new("法定代表人或者负责人姓名", "legalRepresentative", S, true, MaxLength: 50),
        new("负有直接责任的财务负责人姓名", "financialOfficer", S, false, MaxLength: 50),
        new("主要违法事实", "mainFacts", S, true, MaxLength: 2000),
        new("相关法律依据及税务处理处罚情况", "handling", S, true, MaxLength: 2000),
        new("涉案税款金额（万元）", "taxAmount", Dec, false, Unit: "万元"),
        new("实施检查的单位", "inspectingUnit", S, true, MaxLength: 100),
        new("公布日期", "publishedDate", D, true),
    ];

    public static IReadOnlyList<DemoField> ProcurementViolation { get; } =
    [
        new("严重违法失信行为的具体情形", "circumstances", S, true, MaxLength: 1000),
        new("处罚结果", "penaltyResult", S, true, MaxLength: 1000),
        new("处罚依据", "penaltyBasis", S, true, MaxLength: 500),
        new("行政处罚决定书文号", "decisionNumber", S, false, MaxLength: 128),
        new("处罚日期", "penaltyDate", D, true),
        new("禁止参加政府采购活动截止日期", "banUntil", D, true),
        new("执法单位", "enforcementAgency", S, true, MaxLength: 100),
    ];

    public static IReadOnlyList<DemoField> MarketSeriousViolation { get; } =
    [
        new("列入严重违法失信名单原因", "listingReason", S, true, MaxLength: 1000),
        new("列入决定书文号", "decisionNumber", S, true, MaxLength: 128),
        new("列入日期", "listedDate", D, true),
        new("列入依据", "listingBasis", S, true, MaxLength: 500),
        new("作出决定机关", "authority", S, true, MaxLength: 100),
    ];

    public static IReadOnlyList<DemoField> AbnormalOperation { get; } =
    [
        new("列入经营异常名录原因", "listingReason", E, true, AllowedValues:
        [
            "未按照规定的期限公示年度报告", "未在责令的期限内公示有关企业信息",
            "公示企业信息隐瞒真实情况、弄虚作假", "通过登记的住所或者经营场所无法联系",
        ]),
        new("列入日期", "listedDate", D, true),
        new("作出决定机关", "authority", S, true, MaxLength: 100),
        new("移出经营异常名录原因", "removalReason", S, false, MaxLength: 500),
        new("移出日期", "removedDate", D, false),
    ];

    public static IReadOnlyList<DemoField> TaxCreditA { get; } =
    [
        new("评价年度", "evaluationYear", DemoFieldTypes.Integer, true),
        new("纳税信用级别", "creditLevel", E, true, AllowedValues: ["A"]),
        new("评价机关", "evaluatingAuthority", S, true, MaxLength: 100),
        new("发布日期", "publishedDate", D, true),
    ];

    public static IReadOnlyList<DemoField> CreditIncentive { get; } =
    [
        new("认定事由", "recognitionReason", S, true, MaxLength: 500),
        new("认定文号", "documentNumber", S, true, MaxLength: 64),
        new("认定部门", "recognisedBy", S, true, MaxLength: 100),
        new("认定日期", "recognitionDate", D, true),
    ];

    public static IReadOnlyList<DemoField> SocialInsurance { get; } =
    [
        new("参保险种", "insuranceType", E, true, AllowedValues: ["企业职工基本养老保险", "失业保险", "工伤保险"]),
        new("参保状态", "insuredStatus", E, true, AllowedValues: ["正常参保", "暂停缴费", "终止参保"]),
        new("参保人数", "insuredCount", DemoFieldTypes.Integer, false),
        new("是否存在欠费", "hasArrears", DemoFieldTypes.Boolean, true),
        new("欠费金额（万元）", "arrearsAmount", Dec, false, Unit: "万元"),
        new("统计截止日期", "asOfDate", D, true),
        new("经办机构", "agency", S, true, MaxLength: 100),
    ];
}
