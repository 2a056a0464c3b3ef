namespace CreditKaizhou.Api.Seed;

// Administrative records: 行政处罚 (graded by severity), 行政许可 and 登记注册基本信息.
public static partial class DemoRecords
{
    private const string RegistrationAuthority = "重庆市开州区市场监督管理局";

    // A penalty counts, and is published unless minor, for the longest period of its grade
    // (国办发〔2025〕22号: minor at most 3 months, general up to 1 year, serious up to 3 years).
    private static DemoRecord Penalty(
        string catalogueCode, string subject, string sourceRef, string severity, string decisionNumber,
        DateOnly decided, string violationType, string facts, string basis, string category, string content,
        decimal? fine = null, decimal? confiscated = null)
    {
        var department = DemoDepartments.Get(DemoCatalogue.Get(catalogueCode).DepartmentCode);
        var months = severity switch { "minor" => 3, "general" => 12, _ => 36 };
        var until = decided.AddMonths(months).AddDays(-1);
        return Record(catalogueCode, subject, sourceRef, decided, decided, until, severity, Fields(
            ("decisionNumber", decisionNumber),
            ("violationType", violationType),
            ("violationFacts", facts),
            ("penaltyBasis", basis),
            ("penaltyCategory", category),
            ("penaltyContent", content),
            ("fineAmount", fine),
            ("confiscatedAmount", confiscated),
            ("decisionDate", decided),
            ("penaltyValidUntil", until),
            ("publicityUntil", severity == "minor" ? null : until),
            ("authority", department.Name),
            ("authorityCode", department.CreditCode),
            ("dataSource", department.Name),
            ("dataSourceCode", department.CreditCode)));
    }

    private static DemoRecord Permit(
        string catalogueCode, string subject, string sourceRef, string documentName, string decisionNumber,
        string? certificateName, string? permitNumber, string content, DateOnly decided, DateOnly validTo)
    {
        var department = DemoDepartments.Get(DemoCatalogue.Get(catalogueCode).DepartmentCode);
        return Record(catalogueCode, subject, sourceRef, decided, decided, validTo, null, Fields(
            ("decisionDocumentName", documentName),
            ("decisionNumber", decisionNumber),
            ("permitCategory", "普通"),
            ("certificateName", certificateName),
            ("permitNumber", permitNumber),
            ("permitContent", content),
            ("decisionDate", decided),
            ("validFrom", decided),
            ("validTo", validTo),
            ("authority", department.Name),
            ("authorityCode", department.CreditCode),
            ("currentStatus", validTo >= ReferenceDate ? "有效" : "无效"),
            ("dataSource", department.Name),
            ("dataSourceCode", department.CreditCode)));
    }

    private static DemoRecord Registration(
        string subject, string sourceRef, string entityType, string representative, decimal? capital,
        DateOnly established, string address, string scope, DateOnly approved, DateOnly? deregistered = null) =>
        Record(DemoCatalogue.Registration, subject, sourceRef, approved, established, deregistered?.AddDays(-1), null, Fields(
            ("entityType", entityType),
            ("legalRepresentative", representative),
            ("registeredCapital", capital),
            ("establishedDate", established),
            ("address", address),
            ("businessScope", scope),
            ("registrationAuthority", RegistrationAuthority),
            ("approvalDate", approved),
            ("registrationStatus", deregistered is null ? "存续" : "注销")));

    private static IEnumerable<DemoRecord> PenaltyRecords() =>
    [
        // 区市场监督管理局
        Penalty(DemoCatalogue.MarketPenalty, DemoSubjects.KangyuanShipin, "XZCF-2024-0187", "serious",
            "开州市监处罚〔2024〕187号", D(2024, 9, 26),
            "生产经营添加食品添加剂以外的化学物质和其他可能危害人体健康物质的食品",
            "当事人在其生产的红油辣椒酱中添加非食用物质苏丹红Ⅰ，涉案产品货值金额3.2万元，违法所得1.86万元。",
            "《中华人民共和国食品安全法》第三十四条第（一）项、第一百二十三条第一款第（一）项", "罚款",
            "没收违法所得1.86万元和违法生产的食品，并处货值金额十五倍罚款48万元", 48m, 1.86m),
        Penalty(DemoCatalogue.MarketPenalty, DemoSubjects.HengrunShangmao, "XZCF-2025-0063", "serious",
            "开州市监处罚〔2025〕063号", D(2025, 4, 28), "销售侵犯注册商标专用权的商品",
            "当事人销售假冒他人注册商标的白酒312瓶，违法经营额10.4万元。",
            "《中华人民共和国商标法》第五十七条第（三）项、第六十条第二款", "罚款",
            "责令立即停止侵权行为，没收、销毁侵权商品，并处违法经营额二倍罚款20.8万元", 20.8m),
        Penalty(DemoCatalogue.MarketPenalty, DemoSubjects.PuliShipin, "XZCF-2026-0112", "minor",
            "开州市监处罚〔2026〕112号", D(2026, 6, 11), "生产经营的食品标签存在瑕疵且拒不改正",
            "当事人生产的麻辣牛肉干标签中食品添加剂名称标示不规范，不影响食品安全，经责令改正后逾期未改正。",
            "《中华人民共和国食品安全法》第一百二十五条第二款", "罚款", "处罚款1000元", 0.1m),
        Penalty(DemoCatalogue.MarketPenalty, DemoSubjects.JialeChaoshi, "XZCF-2025-0201", "general",
            "开州市监处罚〔2025〕201号", D(2025, 10, 16), "经营超过保质期的食品",
            "当事人货架上陈列销售超过保质期的饮料24瓶、饼干15袋，货值金额0.03万元。",
            "《中华人民共和国食品安全法》第三十四条第（十）项、第一百二十四条第一款", "罚款",
            "没收超过保质期的食品，并处罚款5万元", 5m),
        Penalty(DemoCatalogue.MarketPenalty, DemoSubjects.ChenXiuyingXiaochi, "XZCF-2026-0158", "minor",
            "开州市监处罚〔2026〕158号", D(2026, 8, 5), "安排未取得健康证明的人员从事接触直接入口食品的工作",
            "当事人安排1名未取得健康证明的人员从事凉菜制作。",
            "《中华人民共和国食品安全法》第四十五条、第一百二十六条第一款第（六）项", "警告", "责令改正，给予警告"),
        Penalty(DemoCatalogue.MarketPenalty, DemoSubjects.JiaheYiyao, "XZCF-2026-0047", "minor",
            "开州市监处罚〔2026〕047号", D(2026, 3, 19), "零售药品未按照规定调配处方",
            "当事人所属门店执业药师不在岗时调配处方药，未按规定审核处方。",
            "《中华人民共和国药品管理法》第一百三十条", "警告", "责令改正，给予警告"),
        Penalty(DemoCatalogue.MarketPenalty, DemoSubjects.WangJianguo, "XZCF-2026-0129", "minor",
            "开州市监处罚〔2026〕129号", D(2026, 7, 9), "未经设立登记从事经营活动",
            "当事人未经设立登记，在开州区某农贸市场外从事蔬菜批发经营，违法所得0.12万元。",
            "《中华人民共和国市场主体登记管理条例》第四十三条", "没收违法所得",
            "责令改正，没收违法所得0.12万元", confiscated: 0.12m),

        // 区税务局
        Penalty(DemoCatalogue.TaxPenalty, DemoSubjects.ShundaYunshu, "SWCF-2026-1021", "minor",
            "开州税简罚〔2026〕1021号", D(2026, 5, 14), "未按照规定期限办理纳税申报和报送纳税资料",
            "当事人未按照规定期限办理2026年3月所属期增值税纳税申报。",
            "《中华人民共和国税收征收管理法》第六十二条", "罚款", "处罚款200元", 0.02m),
        Penalty(DemoCatalogue.TaxPenalty, DemoSubjects.ZhangJianping, "SWCF-2025-0036", "general",
            "开州税罚〔2025〕036号", D(2025, 12, 3), "未按照规定设置、保管账簿或者保管记账凭证和有关资料",
            "当事人2024年度未按照规定设置账簿，经责令限期改正后仍未设置。",
            "《中华人民共和国税收征收管理法》第六十条第一款第（二）项", "罚款", "处罚款3000元", 0.3m),
        Penalty(DemoCatalogue.TaxPenalty, DemoSubjects.LinjiangWuliu, "SWCF-2025-0783", "minor",
            "开州税简罚〔2025〕0783号", D(2025, 8, 19), "未按照规定期限办理纳税申报和报送纳税资料",
            "当事人未按照规定期限办理2025年第二季度企业所得税预缴申报。",
            "《中华人民共和国税收征收管理法》第六十二条", "罚款", "处罚款100元", 0.01m),

        // 区生态环境局
        Penalty(DemoCatalogue.EnvironmentPenalty, DemoSubjects.TianhongHuagong, "HJCF-2025-0036", "serious",
            "渝开环罚〔2025〕36号", D(2025, 7, 22), "通过暗管排放水污染物",
            "当事人在厂区雨水排口旁私设暗管，将未经处理的生产废水直接排入外环境，经监测化学需氧量超标2.6倍。",
            "《中华人民共和国水污染防治法》第三十九条、第八十三条第（三）项", "罚款",
            "责令改正违法行为，处罚款45万元", 45m),
        Penalty(DemoCatalogue.EnvironmentPenalty, DemoSubjects.QukouJixie, "HJCF-2026-0012", "general",
            "渝开环罚〔2026〕12号", D(2026, 2, 27), "产生含挥发性有机物废气的生产活动未按照规定使用污染防治设施",
            "当事人喷涂作业未在密闭空间内进行，活性炭吸附装置未正常使用。",
            "《中华人民共和国大气污染防治法》第四十五条、第一百零八条第（一）项", "罚款",
            "责令改正，处罚款3.5万元", 3.5m),

        // 区应急管理局
        Penalty(DemoCatalogue.SafetyPenalty, DemoSubjects.ChangshengKuangye, "YJCF-2025-0019", "general",
            "（开）应急罚〔2025〕19号", D(2025, 6, 30), "未如实记录安全生产教育和培训情况",
            "当事人2025年上半年新入职从业人员安全生产教育和培训档案记录与实际不符。",
            "《中华人民共和国安全生产法》第二十八条第四款、第九十七条第（四）项", "罚款",
            "责令限期改正，处罚款3万元", 3m),
        Penalty(DemoCatalogue.SafetyPenalty, DemoSubjects.QukouJixie, "YJCF-2026-0041", "general",
            "（开）应急罚〔2026〕41号", D(2026, 9, 15), "特种作业人员未按照规定经专门的安全作业培训并取得相应资格上岗作业",
            "当事人安排2名未取得特种作业操作证的人员从事焊接与热切割作业。",
            "《中华人民共和国安全生产法》第三十条第一款、第九十七条第（七）项", "罚款",
            "责令限期改正，处罚款2万元", 2m),
        Penalty(DemoCatalogue.SafetyPenalty, DemoSubjects.FengleNiangjiu, "YJCF-2024-0008", "minor",
            "（开）应急罚〔2024〕08号", D(2024, 5, 8), "未建立事故隐患排查治理制度",
            "当事人未建立生产安全事故隐患排查治理制度，经责令限期改正逾期未改正。",
            "《中华人民共和国安全生产法》第四十一条第二款、第一百零一条第（五）项", "罚款",
            "处罚款5000元", 0.5m),

        // 区住房城乡建委
        Penalty(DemoCatalogue.ConstructionPenalty, DemoSubjects.AnjuFangchan, "JSCF-2025-0027", "serious",
            "开州建罚〔2025〕027号", D(2025, 9, 10), "未取得施工许可证擅自施工",
            "当事人开发的安居·滨河苑二期项目未取得建筑工程施工许可证擅自开工建设，工程合同价款1430万元。",
            "《中华人民共和国建筑法》第七条、《建设工程质量管理条例》第五十七条", "罚款",
            "责令停止施工、限期改正，处工程合同价款百分之二的罚款28.6万元", 28.6m),
        Penalty(DemoCatalogue.ConstructionPenalty, DemoSubjects.MingyuanJianshe, "JSCF-2026-0015", "general",
            "开州建罚〔2026〕015号", D(2026, 3, 26), "施工工地未采取有效扬尘防治措施",
            "当事人承建的道路改造工程土方作业未采取覆盖、洒水抑尘等措施，裸土未覆盖面积约1200平方米。",
            "《中华人民共和国大气污染防治法》第六十九条、第一百一十五条第一款第（一）项", "罚款",
            "责令改正，处罚款2万元", 2m),
        Penalty(DemoCatalogue.ConstructionPenalty, DemoSubjects.XinyuanJianshe, "JSCF-2025-0088", "general",
            "开州建罚〔2025〕088号", D(2025, 11, 20), "施工单位未对建筑材料、建筑构配件进行检验",
            "当事人承建的安置房项目使用的钢筋进场后未按规定进行见证取样检验即用于主体结构施工。",
            "《建设工程质量管理条例》第二十九条、第六十五条", "罚款", "责令改正，处罚款12万元", 12m),

        // 区人力社保局
        Penalty(DemoCatalogue.LabourPenalty, DemoSubjects.XinglongLaowu, "RSCF-2026-0009", "general",
            "开人社监罚〔2026〕009号", D(2026, 4, 22), "违反规定延长劳动者工作时间",
            "当事人安排12名劳动者每月延长工作时间超过36小时。",
            "《中华人民共和国劳动法》第四十一条、《劳动保障监察条例》第二十五条", "罚款",
            "给予警告，责令限期改正，并按每名受侵害劳动者500元的标准处罚款6000元", 0.6m),
        Penalty(DemoCatalogue.LabourPenalty, DemoSubjects.ShengchuanJianshe, "RSCF-2025-0003", "minor",
            "开人社监罚〔2025〕003号", D(2025, 2, 11), "未按照规定建立职工名册",
            "当事人未建立职工名册，经责令限期改正逾期未改正。",
            "《中华人民共和国劳动合同法》第七条、《中华人民共和国劳动合同法实施条例》第三十三条", "罚款",
            "处罚款2000元", 0.2m),
    ];

    private static IEnumerable<DemoRecord> PermitRecords() =>
    [
        // 区市场监督管理局: 食品生产许可 (SC…) and 食品经营许可 (JY…), valid five years.
        Permit(DemoCatalogue.FoodPermit, DemoSubjects.PuliShipin, "XZXK-2024-0310", "准予食品生产许可决定书",
            "开州市监许准〔2024〕0310号", "食品生产许可证", "SC10350015400312",
            "调味品（半固体复合调味料）、肉制品（熟肉干制品）生产", D(2024, 3, 18), D(2029, 3, 17)),
        Permit(DemoCatalogue.FoodPermit, DemoSubjects.KangyuanShipin, "XZXK-2022-0207", "准予食品生产许可决定书",
            "开州市监许准〔2022〕0207号", "食品生产许可证", "SC10350015400207",
            "调味品（半固体复合调味料、辣椒制品）生产", D(2022, 5, 10), D(2027, 5, 9)),
        Permit(DemoCatalogue.FoodPermit, DemoSubjects.HanfengShangmao, "XZXK-2023-0146", "准予食品经营许可决定书",
            "开州市监许准〔2023〕0146号", "食品经营许可证", "JY15001540021473",
            "预包装食品销售（含冷藏冷冻食品）", D(2023, 3, 6), D(2028, 3, 5)),
        Permit(DemoCatalogue.FoodPermit, DemoSubjects.JialeChaoshi, "XZXK-2021-0588", "准予食品经营许可决定书",
            "开州市监许准〔2021〕0588号", "食品经营许可证", "JY15001540008826",
            "预包装食品销售（含冷藏冷冻食品）、散装食品销售", D(2021, 8, 12), D(2026, 8, 11)),
        Permit(DemoCatalogue.FoodPermit, DemoSubjects.ChenXiuyingXiaochi, "XZXK-2024-0731", "准予食品经营许可决定书",
            "开州市监许准〔2024〕0731号", "食品经营许可证", "JY25001540035519",
            "小型餐饮（热食类食品制售）", D(2024, 4, 18), D(2029, 4, 17)),
        Permit(DemoCatalogue.FoodPermit, DemoSubjects.MingyueCanyin, "XZXK-2022-0964", "准予食品经营许可决定书",
            "开州市监许准〔2022〕0964号", "食品经营许可证", "JY25001540027704",
            "热食类食品制售、冷食类食品制售", D(2022, 11, 2), D(2027, 11, 1)),
        Permit(DemoCatalogue.FoodPermit, DemoSubjects.LiuHuaFushidian, "XZXK-2025-0412", "准予食品经营许可决定书",
            "开州市监许准〔2025〕0412号", "食品经营许可证", "JY15001540041286",
            "散装食品销售（含散装熟食）", D(2025, 6, 20), D(2030, 6, 19)),

        // 区住房城乡建委: 建筑工程施工许可, valid until the planned completion.
        Permit(DemoCatalogue.ConstructionPermit, DemoSubjects.AnjuFangchan, "SGXK-2025-0512", "建筑工程施工许可决定书",
            "开州建施许〔2025〕0512号", "建筑工程施工许可证", "500154202505120101",
            "安居·滨河苑一期（1#—6#楼及地下车库），建筑面积68420平方米，合同价款18650万元", D(2025, 5, 12), D(2027, 11, 30)),
        Permit(DemoCatalogue.ConstructionPermit, DemoSubjects.LvyuanNongye, "SGXK-2026-0303", "建筑工程施工许可决定书",
            "开州建施许〔2026〕0303号", "建筑工程施工许可证", "500154202603030201",
            "绿源农产品冷链仓储中心项目，建筑面积12600平方米", D(2026, 3, 3), D(2027, 3, 31)),
        Permit(DemoCatalogue.ConstructionPermit, DemoSubjects.QukouJixie, "SGXK-2024-0820", "建筑工程施工许可决定书",
            "开州建施许〔2024〕0820号", "建筑工程施工许可证", "500154202408200102",
            "机械加工厂房扩建工程，建筑面积8300平方米", D(2024, 8, 20), D(2025, 12, 31)),

        // 区生态环境局: 环评批复 lapse after five years without construction.
        Permit(DemoCatalogue.EnvironmentPermit, DemoSubjects.TianhongHuagong, "HPSP-2023-0061",
            "关于年产5000吨水处理剂项目环境影响报告表的批复", "渝（开）环准〔2023〕061号", null, null,
            "同意项目按照报告表所列性质、规模、地点和环境保护措施进行建设", D(2023, 6, 15), D(2028, 6, 14)),
        Permit(DemoCatalogue.EnvironmentPermit, DemoSubjects.LantianHuanbao, "HPSP-2025-0018",
            "关于一般工业固体废物综合利用项目环境影响报告表的批复", "渝（开）环准〔2025〕018号", null, null,
            "同意项目按照报告表所列性质、规模、地点和环境保护措施进行建设", D(2025, 3, 20), D(2030, 3, 19)),
        Permit(DemoCatalogue.EnvironmentPermit, DemoSubjects.YunfengNongye, "HPSP-2025-0073",
            "关于生猪标准化养殖场建设项目环境影响报告书的批复", "渝（开）环准〔2025〕073号", null, null,
            "同意项目按照报告书所列性质、规模、地点和环境保护措施进行建设，年出栏生猪1万头", D(2025, 9, 8), D(2030, 9, 7)),

        // 区交通局
        Permit(DemoCatalogue.TransportPermit, DemoSubjects.LinjiangWuliu, "YSXK-2024-0018", "道路运输经营许可决定书",
            "开州交运许〔2024〕018号", "道路运输经营许可证", "渝交运管许可开字500154000318号",
            "道路普通货物运输、货物专用运输（集装箱）", D(2024, 5, 6), D(2028, 5, 5)),
        Permit(DemoCatalogue.TransportPermit, DemoSubjects.ShundaYunshu, "YSXK-2023-0041", "道路运输经营许可决定书",
            "开州交运许〔2023〕041号", "道路运输经营许可证", "渝交运管许可开字500154000276号",
            "道路普通货物运输、大型物件运输", D(2023, 8, 14), D(2027, 8, 13)),

        // 区人力社保局
        Permit(DemoCatalogue.LabourPermit, DemoSubjects.XinglongLaowu, "RSXK-2026-0012", "劳务派遣经营许可决定书",
            "开人社许〔2026〕012号", "劳务派遣经营许可证", "500154202600012",
            "劳务派遣经营", D(2026, 8, 25), D(2029, 8, 24)),
        Permit(DemoCatalogue.LabourPermit, DemoSubjects.QihangPeixun, "RSXK-2024-0027", "民办职业培训学校设立审批决定书",
            "开人社许〔2024〕027号", "民办学校办学许可证", "人社民5001547000027号",
            "职业技能培训：电工、焊工、中式烹调师", D(2024, 7, 1), D(2029, 6, 30)),
    ];

    private static IEnumerable<DemoRecord> RegistrationRecords() =>
    [
        Registration(DemoSubjects.XinyuanJianshe, "DJZC-XYJS", "有限责任公司", "周正平", 2000m, D(2016, 11, 8),
            "重庆市开州区汉丰街道滨湖北路168号", "许可项目：建设工程施工；一般项目：建筑材料销售", D(2024, 6, 12)),
        Registration(DemoSubjects.WanjiaJianshe, "DJZC-WJJS", "有限责任公司", "黄德军", 1000m, D(2018, 3, 21),
            "重庆市开州区云枫街道开州大道中段56号", "许可项目：建设工程施工；一般项目：园林绿化工程施工", D(2018, 3, 21)),
        Registration(DemoSubjects.HanfengShangmao, "DJZC-HFSM", "有限责任公司", "李明军", 200m, D(2016, 7, 14),
            "重庆市开州区汉丰街道安康路32号", "许可项目：食品销售；一般项目：日用百货销售", D(2023, 2, 20)),
        Registration(DemoSubjects.HongtuJianshe, "DJZC-HTJS", "有限责任公司", "陈宏", 8000m, D(2016, 9, 12),
            "重庆市开州区文峰街道开州大道东段218号", "许可项目：建设工程施工；一般项目：工程管理服务", D(2022, 9, 1)),
        Registration(DemoSubjects.KangyuanShipin, "DJZC-KYSP", "有限责任公司", "邓建华", 500m, D(2018, 11, 26),
            "重庆市开州区白鹤街道工业园区C区8号", "许可项目：食品生产；食品销售", D(2022, 4, 28)),
        Registration(DemoSubjects.JinqiaoShangmao, "DJZC-JQSM", "有限责任公司", "唐小平", 100m, D(2019, 5, 9),
            "重庆市开州区镇东街道东华路77号", "一般项目：建筑材料销售；五金产品零售", D(2025, 12, 18), D(2025, 12, 18)),
        Registration(DemoSubjects.FengleNiangjiu, "DJZC-FLNJ", "有限责任公司", "何永福", 300m, D(2003, 6, 17),
            "重庆市开州区丰乐街道丰乐社区", "白酒生产、销售", D(2024, 11, 6), D(2024, 11, 6)),
        Registration(DemoSubjects.JinchengJianshe, "DJZC-JCJS", "有限责任公司", "冉茂林", 2000m, D(2009, 4, 21),
            "重庆市开州区汉丰街道南河路20号", "许可项目：建设工程施工；一般项目：市政设施管理", D(2017, 3, 15)),
        Registration(DemoSubjects.DingtaiJiancai, "DJZC-DTJC", "有限责任公司", "冉光明", 500m, D(2007, 10, 30),
            "重庆市开州区赵家街道工业园区", "建筑材料、装饰材料销售", D(2019, 8, 6)),
        Registration(DemoSubjects.ChangshaShangmao, "DJZC-CSSM", "有限责任公司", "熊德胜", 50m, D(2015, 11, 3),
            "重庆市开州区长沙镇齐圣社区", "日用百货、农副产品销售", D(2018, 6, 20)),
        Registration(DemoSubjects.HeqianShangmao, "DJZC-HQSM", "有限责任公司", "罗运平", 100m, D(2020, 3, 16),
            "重庆市开州区汉丰街道盛山路15号", "一般项目：日用百货销售；服装服饰零售", D(2020, 3, 16)),
        Registration(DemoSubjects.MingyuanJianshe, "DJZC-MYJS", "有限责任公司", "吴建明", 1000m, D(2017, 8, 29),
            "重庆市开州区厚坝镇厚坝社区", "许可项目：建设工程施工；一般项目：土石方工程施工", D(2017, 8, 29)),
        Registration(DemoSubjects.QingheHezuoshe, "DJZC-QHHZ", "农民专业合作社", "谢永春", 120m, D(2018, 4, 10),
            "重庆市开州区临江镇福德村", "组织收购、销售成员种植的蔬菜；引进新技术、新品种", D(2018, 4, 10)),
        Registration(DemoSubjects.ZhangJianping, "DJZC-ZJP", "个体工商户", "张建平", null, D(2017, 5, 22),
            "重庆市开州区汉丰街道兴华路", "一般项目：日用杂品销售", D(2017, 5, 22)),
        Registration(DemoSubjects.ZhouDemingWujin, "DJZC-ZDMWJ", "个体工商户", "周德明", null, D(2020, 10, 15),
            "重庆市开州区镇安镇", "一般项目：五金产品零售", D(2026, 2, 27), D(2026, 2, 27)),
        Registration(DemoSubjects.LiuHuaFushidian, "DJZC-LHFSD", "个体工商户", "刘华", null, D(2018, 7, 2),
            "重庆市开州区竹溪镇", "许可项目：食品销售", D(2025, 6, 18)),
    ];
}
