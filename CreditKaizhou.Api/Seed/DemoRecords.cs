namespace CreditKaizhou.Api.Seed;

/// <summary>
/// Demo records, dated around the reference day 2026-11-26 so that some listings are active, some
/// have expired and some penalties are past their publicity period. This file holds the records
/// that feed red and black lists; the administrative records are in DemoRecords.Administrative.cs.
/// </summary>
public static partial class DemoRecords
{
    /// <summary>The day the demo data describes as "today".</summary>
    public static DateOnly ReferenceDate => new(2026, 11, 26);

    /// <summary>
    /// An active 失信被执行人 listing whose obligations are partly performed: the record the demo
    /// revokes (performance) to show a subject leaving a list.
    /// </summary>
    public const string RevocationCandidateSourceRef = "SXBZXR-2026-0356";

    /// <summary>A 失信被执行人 listing that ran out on 2025-09-11.</summary>
    public const string ExpiredListingSourceRef = "SXBZXR-2023-2087";

    // The parts are methods, not fields: static initialisers in different files of a partial
    // class run in no defined order.
    public static IReadOnlyList<DemoRecord> All { get; } =
        [.. ListRecords(), .. SocialInsuranceRecords(), .. PenaltyRecords(), .. PermitRecords(), .. RegistrationRecords()];

    private static IReadOnlyDictionary<string, object> Fields(params (string Key, object? Value)[] pairs) =>
        pairs.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static DemoRecord Record(
        string catalogueCode, string subjectCode, string sourceRef, DateOnly decisionDate,
        DateOnly effectiveFrom, DateOnly? effectiveTo, string? severity,
        IReadOnlyDictionary<string, object> fields) =>
        new(DemoCatalogue.Get(catalogueCode).DepartmentCode, catalogueCode, subjectCode, sourceRef,
            decisionDate, effectiveFrom, effectiveTo, severity, fields);

    private static DemoRecord Defaulter(
        string subject, string sourceRef, string caseNumber, string? legalRepresentative,
        string basisNumber, string basisIssuer, string obligation, string performance,
        string circumstances, DateOnly filed, DateOnly published) =>
        Record(DemoCatalogue.JudgmentDefaulter, subject, sourceRef, published, published,
            published.AddMonths(24).AddDays(-1), "serious", Fields(
                ("caseNumber", caseNumber),
                ("executingCourt", DemoDepartments.Get(DemoDepartments.Fy).Name),
                ("legalRepresentative", legalRepresentative),
                ("basisDocumentNumber", basisNumber),
                ("basisIssuer", basisIssuer),
                ("obligation", obligation),
                ("performance", performance),
                ("defaultCircumstances", circumstances),
                ("filingDate", filed),
                ("publishedDate", published)));

    private static DemoRecord TaxViolation(
        string subject, string sourceRef, string nature, string legalRepresentative, string? financialOfficer,
        string facts, string handling, decimal taxAmount, DateOnly published) =>
        Record(DemoCatalogue.MajorTaxViolation, subject, sourceRef, published, published,
            published.AddMonths(36).AddDays(-1), "serious", Fields(
                ("caseNature", nature),
                ("legalRepresentative", legalRepresentative),
                ("financialOfficer", financialOfficer),
                ("mainFacts", facts),
                ("handling", handling),
                ("taxAmount", taxAmount),
                ("inspectingUnit", "国家税务总局重庆市税务局稽查局"),
                ("publishedDate", published)));

    private static DemoRecord MarketSerious(
        string subject, string sourceRef, string reason, string decisionNumber, DateOnly listed) =>
        Record(DemoCatalogue.MarketSeriousViolation, subject, sourceRef, listed, listed,
            listed.AddMonths(36).AddDays(-1), "serious", Fields(
                ("listingReason", reason),
                ("decisionNumber", decisionNumber),
                ("listedDate", listed),
                ("listingBasis", "《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）"),
                ("authority", DemoDepartments.Get(DemoDepartments.Scjgj).Name)));

    private static DemoRecord Abnormal(
        string subject, string sourceRef, string reason, DateOnly listed,
        DateOnly? removed = null, string? removalReason = null) =>
        Record(DemoCatalogue.AbnormalOperation, subject, sourceRef, listed, listed,
            removed?.AddDays(-1), "general", Fields(
                ("listingReason", reason),
                ("listedDate", listed),
                ("authority", DemoDepartments.Get(DemoDepartments.Scjgj).Name),
                ("removalReason", removalReason),
                ("removedDate", removed)));

    private static DemoRecord TaxCreditA(string subject, string sourceRef, int year, DateOnly published) =>
        Record(DemoCatalogue.TaxCreditA, subject, sourceRef, published, published,
            published.AddMonths(12).AddDays(-1), null, Fields(
                ("evaluationYear", year),
                ("creditLevel", "A"),
                ("evaluatingAuthority", DemoDepartments.Get(DemoDepartments.Swj).Name),
                ("publishedDate", published)));

    private static DemoRecord Incentive(
        string subject, string sourceRef, string reason, string documentNumber, DateOnly recognised) =>
        Record(DemoCatalogue.CreditIncentive, subject, sourceRef, recognised, recognised,
            recognised.AddMonths(24).AddDays(-1), null, Fields(
                ("recognitionReason", reason),
                ("documentNumber", documentNumber),
                ("recognisedBy", DemoDepartments.Get(DemoDepartments.Fzggw).Name),
                ("recognitionDate", recognised)));

    private static DemoRecord Insurance(
        string subject, string sourceRef, string status, int? insuredCount, decimal? arrears, DateOnly asOf) =>
        Record(DemoCatalogue.SocialInsurance, subject, sourceRef, asOf, asOf, null, null, Fields(
            ("insuranceType", "企业职工基本养老保险"),
            ("insuredStatus", status),
            ("insuredCount", insuredCount),
            ("hasArrears", arrears is > 0m),
            ("arrearsAmount", arrears),
            ("asOfDate", asOf),
            ("agency", "重庆市开州区社会保险事务中心")));

    private static IEnumerable<DemoRecord> ListRecords() =>
    [
        // 失信被执行人 (区人民法院): listings last two years from publication.
        Defaulter(DemoSubjects.XinyuanJianshe, "SXBZXR-2025-1234", "（2025）渝0154执1234号", "周正平",
            "（2024）渝0154民初5612号", "重庆市开州区人民法院",
            "支付货款人民币1286500元及逾期付款利息", "全部未履行",
            "有履行能力而拒不履行生效法律文书确定义务", D(2025, 3, 10), D(2025, 6, 16)),
        Defaulter(DemoSubjects.ShengchuanJianshe, ExpiredListingSourceRef, "（2023）渝0154执2087号", "彭志刚",
            "开州劳人仲案字〔2023〕第215号", "重庆市开州区劳动人事争议仲裁委员会",
            "支付劳动者工资及经济补偿金共计人民币386420元", "全部未履行",
            "违反财产报告制度", D(2023, 7, 4), D(2023, 9, 12)),
        Defaulter(DemoSubjects.WanjiaJianshe, RevocationCandidateSourceRef, "（2026）渝0154执356号", "黄德军",
            "（2025）渝0154民初8831号", "重庆市开州区人民法院",
            "支付工程款人民币2450000元及资金占用损失", "部分未履行",
            "违反限制消费令", D(2026, 1, 8), D(2026, 3, 2)),
        Defaulter(DemoSubjects.ChenZhiyuan, "SXBZXR-2025-4417", "（2025）渝0154执4417号", null,
            "（2025）渝0154民初2290号", "重庆市开州区人民法院",
            "偿还借款本金人民币200000元及利息", "全部未履行",
            "有履行能力而拒不履行生效法律文书确定义务", D(2025, 5, 19), D(2025, 8, 25)),

        // 重大税收违法失信主体 (区税务局): published for three years.
        TaxViolation(DemoSubjects.DingtaiJiancai, "ZDSSWF-2025-0008", "虚开增值税专用发票", "冉光明", "谭丽",
            "经国家税务总局重庆市税务局稽查局检查，该单位于2022年1月至2023年12月在没有真实交易的情况下，"
                + "让他人为自己虚开增值税专用发票86份，金额735.62万元，税额95.63万元。",
            "依照《中华人民共和国税收征收管理法》等相关法律法规的有关规定，对其处以追缴税款95.63万元的行政处理、"
                + "处以罚款95.63万元的行政处罚；对其虚开增值税专用发票的行为，依法移送公安机关处理。",
            95.63m, D(2025, 8, 20)),
        TaxViolation(DemoSubjects.HanfengJianshe, "ZDSSWF-2026-0002", "偷税", "向明华", null,
            "经国家税务总局重庆市税务局稽查局检查，该单位于2021年至2023年采取在账簿上多列支出、不列或者少列收入的手段，"
                + "少缴增值税、企业所得税等税费合计186.40万元。",
            "依照《中华人民共和国税收征收管理法》第六十三条等相关法律法规的有关规定，对其处以追缴税款186.40万元的行政处理、"
                + "处以罚款93.20万元的行政处罚。",
            186.40m, D(2026, 2, 10)),

        // 政府采购严重违法失信行为记录 (区财政局): barred for the period in the decision.
        Record(DemoCatalogue.ProcurementViolation, DemoSubjects.DexinJianshe, "ZFCGSX-2025-0003",
            D(2025, 11, 5), D(2025, 11, 5), D(2027, 11, 4), "serious", Fields(
                ("circumstances", "在开州区某中学教学楼维修改造项目（采购项目编号：KZCG-2025-0213）中提供虚假材料谋取中标"),
                ("penaltyResult", "处以采购金额千分之五的罚款，列入不良行为记录名单，二年内禁止参加政府采购活动"),
                ("penaltyBasis", "《中华人民共和国政府采购法》第七十七条第一款第（一）项"),
                ("decisionNumber", "开州财采罚〔2025〕3号"),
                ("penaltyDate", D(2025, 11, 5)),
                ("banUntil", D(2027, 11, 4)),
                ("enforcementAgency", DemoDepartments.Get(DemoDepartments.Czj).Name))),

        // 市场监管严重违法失信名单 (区市场监督管理局): three years, removable on application after one.
        MarketSerious(DemoSubjects.HengrunShangmao, "YZSX-2025-0002",
            "销售侵犯注册商标专用权的商品，违法行为情节严重，受到较重行政处罚",
            "开州市监严列〔2025〕2号", D(2025, 5, 20)),
        MarketSerious(DemoSubjects.KangyuanShipin, "YZSX-2024-0005",
            "在生产的食品中添加食品添加剂以外的化学物质，违法行为情节严重，受到较重行政处罚",
            "开州市监严列〔2024〕5号", D(2024, 10, 15)),

        // 经营异常名录 (区市场监督管理局): open-ended until the company corrects and is removed.
        Abnormal(DemoSubjects.HeqianShangmao, "JYYC-2025-0311", "未按照规定的期限公示年度报告", D(2025, 7, 15)),
        Abnormal(DemoSubjects.MingyuanJianshe, "JYYC-2026-0127", "通过登记的住所或者经营场所无法联系", D(2026, 4, 8)),
        Abnormal(DemoSubjects.MingyueCanyin, "JYYC-2026-0342", "未按照规定的期限公示年度报告", D(2026, 7, 14)),
        Abnormal(DemoSubjects.HuayuShangmao, "JYYC-2024-0058", "通过登记的住所或者经营场所无法联系", D(2024, 3, 12)),
        Abnormal(DemoSubjects.LantianHuanbao, "JYYC-2025-0315", "未按照规定的期限公示年度报告", D(2025, 7, 15),
            D(2026, 1, 20), "补报未报年份的年度报告并公示，申请移出"),

        // 纳税信用A级纳税人 (区税务局): the 2025 evaluation was published in April 2026.
        TaxCreditA(DemoSubjects.HanfengShangmao, "NSXYA-2025-0017", 2025, D(2026, 4, 20)),
        TaxCreditA(DemoSubjects.HongtuJianshe, "NSXYA-2025-0018", 2025, D(2026, 4, 20)),
        TaxCreditA(DemoSubjects.TongquJiaotong, "NSXYA-2025-0019", 2025, D(2026, 4, 20)),
        TaxCreditA(DemoSubjects.ChenguangDianzi, "NSXYA-2025-0020", 2025, D(2026, 4, 20)),
        TaxCreditA(DemoSubjects.JinchengJianshe, "NSXYA-2025-0021", 2025, D(2026, 4, 20)),
        TaxCreditA(DemoSubjects.HuaxiaYinwu, "NSXYA-2024-0009", 2024, D(2025, 4, 18)),

        // 守信激励对象 (区发展改革委 / 区信用办).
        Incentive(DemoSubjects.HongtuJianshe, "SXJL-2026-0004",
            "连续三年无不良信用记录，获评重庆市“守合同重信用”企业", "开州发改〔2026〕35号", D(2026, 3, 18)),
        Incentive(DemoSubjects.LvyuanNongye, "SXJL-2025-0011",
            "区级农业产业化龙头企业，连续三年无不良信用记录", "开州发改〔2025〕212号", D(2025, 12, 10)),
    ];

    private static IEnumerable<DemoRecord> SocialInsuranceRecords() =>
    [
        Insurance(DemoSubjects.XinglongLaowu, "SBJF-2026-10-0046", "正常参保", 46, 12.36m, D(2026, 10, 31)),
        Insurance(DemoSubjects.HongtuJianshe, "SBJF-2026-10-0312", "正常参保", 312, null, D(2026, 10, 31)),
        Insurance(DemoSubjects.LiuXiaomei, "SBJF-2026-10-P0007", "正常参保", null, null, D(2026, 10, 31)),
    ];
}
