namespace CreditKaizhou.Api.Seed;

/// <summary>
/// Small field schemas for the categories of the generated catalogue that the 双公示 standard
/// does not cover (行政处罚 and 行政许可 use <see cref="DemoFieldSchemas"/>). Demo data only.
/// </summary>
public static class GeneratedFieldSchemas
{
    private const string S = DemoFieldTypes.String;
    private const string D = DemoFieldTypes.Date;
    private const string Dec = DemoFieldTypes.Decimal;
    private const string E = DemoFieldTypes.Enum;

    public static IReadOnlyList<DemoField> Inspection { get; } =
    [
        new("检查文书号", "inspectionNumber", S, true, MaxLength: 64),
        new("检查事项", "inspectionItem", S, true, MaxLength: 200),
        new("检查日期", "inspectionDate", D, true),
        new("检查结果", "inspectionResult", E, true, AllowedValues: ["未发现问题", "责令改正", "移送立案", "其他"]),
        new("是否“双随机、一公开”抽查", "isRandomSpotCheck", DemoFieldTypes.Boolean, true),
        new("检查机关", "authority", S, true, MaxLength: 200),
    ];

    public static IReadOnlyList<DemoField> Enforcement { get; } =
    [
        new("行政强制决定书文号", "decisionNumber", S, true, MaxLength: 128),
        new("强制措施或者执行方式", "measureType", E, true, AllowedValues:
        [
            "查封场所设施财物", "扣押财物", "冻结存款汇款", "加处罚款或者滞纳金", "代履行", "其他",
        ]),
        new("强制事由", "reason", S, true, MaxLength: 2000),
        new("决定日期", "decisionDate", D, true),
        new("解除日期", "releaseDate", D, false),
        new("实施机关", "authority", S, true, MaxLength: 200),
    ];

    public static IReadOnlyList<DemoField> Confirmation { get; } =
    [
        new("确认文书号", "decisionNumber", S, true, MaxLength: 64),
        new("确认事项", "confirmedMatter", S, true, MaxLength: 500),
        new("确认结果", "result", S, true, MaxLength: 1000),
        new("确认日期", "decisionDate", D, true),
        new("有效期至", "validTo", D, false),
        new("确认机关", "authority", S, true, MaxLength: 200),
    ];

    public static IReadOnlyList<DemoField> Levy { get; } =
    [
        new("征收文书号", "decisionNumber", S, true, MaxLength: 64),
        new("征收项目", "levyItem", S, true, MaxLength: 200),
        new("征收金额（万元）", "amount", Dec, true, Unit: "万元"),
        new("征收日期", "levyDate", D, true),
        new("征收机关", "authority", S, true, MaxLength: 200),
    ];

    public static IReadOnlyList<DemoField> Payment { get; } =
    [
        new("给付文书号", "decisionNumber", S, true, MaxLength: 64),
        new("给付项目", "paymentItem", S, true, MaxLength: 200),
        new("给付金额（万元）", "amount", Dec, true, Unit: "万元"),
        new("受益人数", "beneficiaryCount", DemoFieldTypes.Integer, false),
        new("给付日期", "paymentDate", D, true),
        new("给付机关", "authority", S, true, MaxLength: 200),
    ];

    public static IReadOnlyList<DemoField> Reward { get; } =
    [
        new("奖励决定文号", "decisionNumber", S, true, MaxLength: 64),
        new("奖励名称", "rewardName", S, true, MaxLength: 200),
        new("奖励级别", "rewardLevel", E, true, AllowedValues: ["国家级", "省部级", "市级", "区县级", "其他"]),
        new("奖励日期", "rewardDate", D, true),
        new("奖励机关", "authority", S, true, MaxLength: 200),
    ];

    public static IReadOnlyList<DemoField> Adjudication { get; } =
    [
        new("行政裁决书文号", "decisionNumber", S, true, MaxLength: 64),
        new("争议事项", "disputeMatter", S, true, MaxLength: 1000),
        new("裁决结果", "result", S, true, MaxLength: 2000),
        new("裁决日期", "decisionDate", D, true),
        new("裁决机关", "authority", S, true, MaxLength: 200),
    ];
}
