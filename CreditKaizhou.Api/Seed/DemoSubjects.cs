namespace CreditKaizhou.Api.Seed;

/// <summary>
/// Demo credit subjects: fictional organisations and people of 开州区 with codes that pass the
/// GB 32100 and GB 11643 checks (including the GB 11714 check inside each credit code). Names
/// share the fragments 开州, 建设 and 商贸 so that name search has something to rank.
/// </summary>
public static class DemoSubjects
{
    // Companies registered since 2016 (division 500154).
    /// <summary>重庆市开州区鑫垣建设工程有限公司: 失信被执行人 (active): the barred bidder of the tendering demo.</summary>
    public const string XinyuanJianshe = "91500154MA5UGH9W6J";
    /// <summary>重庆市开州区盛川建设工程有限公司: 失信被执行人 listing that expired in 2025.</summary>
    public const string ShengchuanJianshe = "91500154MA5YCGFX1P";
    /// <summary>重庆市开州区万嘉建设工程有限公司: 失信被执行人 (active, partly performed): the revocation demo.</summary>
    public const string WanjiaJianshe = "91500154MA60J7TK9T";
    /// <summary>重庆市开州区汉丰商贸有限公司: 纳税信用A级.</summary>
    public const string HanfengShangmao = "91500154MA5UFB1W3Q";
    public const string PuliShipin = "91500154MA5UY8B35C";
    /// <summary>重庆市开州区和谦商贸有限公司: 经营异常名录.</summary>
    public const string HeqianShangmao = "91500154MA61U5LH9G";
    /// <summary>重庆开州宏图建设集团有限公司: 纳税信用A级 and 守信激励对象.</summary>
    public const string HongtuJianshe = "91500154MA5UUM0P1W";
    public const string LinjiangWuliu = "91500154MAABDKCQXK";
    public const string YunfengNongye = "91500154MA608ECM69";
    /// <summary>重庆市开州区德信建设工程有限公司: 政府采购严重违法失信行为记录.</summary>
    public const string DexinJianshe = "91500154MA5YHP825R";
    /// <summary>重庆市开州区恒润商贸有限公司: 市场监管严重违法失信名单.</summary>
    public const string HengrunShangmao = "91500154MABMUPYL7T";
    /// <summary>重庆开州康源食品有限公司: 市场监管严重违法失信名单, removable on application since 2025-10.</summary>
    public const string KangyuanShipin = "91500154MA60711PXE";
    public const string ShundaYunshu = "91500154MA610FJHXA";
    public const string JiaheYiyao = "91500154MAAC4EUE1G";
    public const string LantianHuanbao = "91500154MACXC67A7R";
    /// <summary>重庆开州铭远建设工程有限公司: 经营异常名录: the review demo.</summary>
    public const string MingyuanJianshe = "91500154MA5YEA2Q6C";
    /// <summary>重庆市开州区金桥商贸有限公司: Deregistered.</summary>
    public const string JinqiaoShangmao = "91500154MA617TJL95";
    public const string HongyuanShuiwu = "91500154MAABTBXA56";
    public const string XinglongLaowu = "91500154MA60HNXW5D";
    public const string TianhongHuagong = "91500154MA5UURTPX4";
    public const string ChangshengKuangye = "91500154MA5UM7K0X4";
    /// <summary>重庆开州通衢交通建设有限公司: 纳税信用A级.</summary>
    public const string TongquJiaotong = "91500154MA5YTMQ940";
    /// <summary>重庆市开州区绿源生态农业有限公司: 守信激励对象.</summary>
    public const string LvyuanNongye = "91500154MA61UK3J1D";
    /// <summary>重庆开州晨光电子科技有限公司: 纳税信用A级.</summary>
    public const string ChenguangDianzi = "91500154MABTFYBD41";
    public const string JialeChaoshi = "91500154MA5U52XG79";
    public const string AnjuFangchan = "91500154MA5YHY619C";
    /// <summary>重庆开州华夏印务有限公司: 纳税信用A级 for 2024 only (expired).</summary>
    public const string HuaxiaYinwu = "91500154MA60NR6F83";
    /// <summary>重庆市开州区明月餐饮管理有限公司: 经营异常名录.</summary>
    public const string MingyueCanyin = "91500154MACLATFA97";
    /// <summary>重庆市开州区青禾蔬菜种植专业合作社: 农民专业合作社 (organisation type 3).</summary>
    public const string QingheHezuoshe = "93500154MA60DWM815";

    // Registered before the 2016 change from 开县 (division 500234); codes never change.
    /// <summary>开县鼎泰建材有限责任公司: 重大税收违法失信主体.</summary>
    public const string DingtaiJiancai = "91500234547391172U";
    /// <summary>重庆市开州区锦程建设工程有限公司: Renamed from 开县… in 2017; 纳税信用A级.</summary>
    public const string JinchengJianshe = "91500234656312277H";
    /// <summary>开县华宇商贸有限责任公司: 经营异常名录.</summary>
    public const string HuayuShangmao = "91500234MA5UJ5HY74";
    public const string QukouJixie = "915002347451125848";
    /// <summary>开县丰乐酿酒有限责任公司: Deregistered.</summary>
    public const string FengleNiangjiu = "91500234242811172R";
    /// <summary>开县汉丰建设工程有限责任公司: 重大税收违法失信主体.</summary>
    public const string HanfengJianshe = "91500234566765432N";
    /// <summary>重庆市开州区长沙商贸有限公司: Renamed from 开县… in 2018.</summary>
    public const string ChangshaShangmao = "91500234MA5U9BL65U";

    // 个体工商户 (registration authority 9, type 2).
    public const string LiuHuaFushidian = "92500154MA60T59Y5M";
    public const string ChenXiuyingXiaochi = "92500154MA6120958R";
    /// <summary>开州区周德明五金店: Deregistered.</summary>
    public const string ZhouDemingWujin = "92500154MAABRDCY2L";
    /// <summary>张建平: No trade name: the business carries its operator's name.</summary>
    public const string ZhangJianping = "92500154MA5YQPHR6T";
    public const string ZhaoZhigangJiancai = "92500154MACHGP130J";
    public const string YangChunmeiChaguan = "92500234MA5UFWCY7K";

    // Social organisations (民政, 5x) and a public institution (机构编制, 12).
    public const string ShangmaoXiehui = "51500154MJ2R41LJ1K";
    public const string QihangPeixun = "52500154MJN9WUFL3L";
    public const string JianceZhongxin = "125002344532430809";

    // Natural persons: resident ID numbers (fictional people, valid check characters).
    /// <summary>陈志远: 失信被执行人.</summary>
    public const string ChenZhiyuan = "500234198503162132";
    public const string LiXiulan = "500234199007221847";
    public const string WangJianguo = "500234198201090575";
    public const string LiuXiaomei = "500101199309052265";
    public const string ZhangHaibo = "500235198811280313";

    private static DemoSubject Legal(string code, string name, params DemoSubjectName[] formerNames) =>
        new(code, name, "legal", "active", formerNames);

    private static DemoSubject Business(string code, string name) => new(code, name, "individual_business", "active", []);

    private static DemoSubject Person(string code, string name) => new(code, name, "person", "active", []);

    private static DemoSubject Deregistered(DemoSubject subject) => subject with { Status = "deregistered" };

    public static IReadOnlyList<DemoSubject> All { get; } =
    [
        Legal(XinyuanJianshe, "重庆市开州区鑫垣建设工程有限公司"),
        Legal(ShengchuanJianshe, "重庆市开州区盛川建设工程有限公司"),
        Legal(WanjiaJianshe, "重庆市开州区万嘉建设工程有限公司"),
        Legal(HanfengShangmao, "重庆市开州区汉丰商贸有限公司"),
        Legal(PuliShipin, "重庆开州浦里食品有限公司"),
        Legal(HeqianShangmao, "重庆市开州区和谦商贸有限公司"),
        Legal(HongtuJianshe, "重庆开州宏图建设集团有限公司",
            new DemoSubjectName("重庆开州宏图建设工程有限公司", new(2016, 9, 12), new(2022, 8, 31))),
        Legal(LinjiangWuliu, "重庆市开州区临江物流有限公司"),
        Legal(YunfengNongye, "重庆开州云枫农业开发有限公司"),
        Legal(DexinJianshe, "重庆市开州区德信建设工程有限公司"),
        Legal(HengrunShangmao, "重庆市开州区恒润商贸有限公司"),
        Legal(KangyuanShipin, "重庆开州康源食品有限公司"),
        Legal(ShundaYunshu, "重庆市开州区顺达运输有限公司"),
        Legal(JiaheYiyao, "重庆开州嘉禾医药连锁有限公司"),
        Legal(LantianHuanbao, "重庆市开州区蓝天环保科技有限公司"),
        Legal(MingyuanJianshe, "重庆开州铭远建设工程有限公司"),
        Deregistered(Legal(JinqiaoShangmao, "重庆市开州区金桥商贸有限公司")),
        Legal(HongyuanShuiwu, "重庆开州泓源水务工程有限公司"),
        Legal(XinglongLaowu, "重庆开州兴隆劳务有限公司"),
        Legal(TianhongHuagong, "重庆市开州区天宏化工有限公司"),
        Legal(ChangshengKuangye, "重庆开州昌盛矿业有限公司"),
        Legal(TongquJiaotong, "重庆开州通衢交通建设有限公司"),
        Legal(LvyuanNongye, "重庆市开州区绿源生态农业有限公司"),
        Legal(ChenguangDianzi, "重庆开州晨光电子科技有限公司"),
        Legal(JialeChaoshi, "重庆市开州区佳乐超市有限公司"),
        Legal(AnjuFangchan, "重庆市开州区安居房地产开发有限公司"),
        Legal(HuaxiaYinwu, "重庆开州华夏印务有限公司"),
        Legal(MingyueCanyin, "重庆市开州区明月餐饮管理有限公司"),
        Legal(QingheHezuoshe, "重庆市开州区青禾蔬菜种植专业合作社"),

        Legal(DingtaiJiancai, "开县鼎泰建材有限责任公司"),
        Legal(JinchengJianshe, "重庆市开州区锦程建设工程有限公司",
            new DemoSubjectName("开县锦程建设工程有限责任公司", new(2009, 4, 21), new(2017, 3, 14))),
        Legal(HuayuShangmao, "开县华宇商贸有限责任公司"),
        Legal(QukouJixie, "开县渠口机械制造有限责任公司"),
        Deregistered(Legal(FengleNiangjiu, "开县丰乐酿酒有限责任公司")),
        Legal(HanfengJianshe, "开县汉丰建设工程有限责任公司"),
        Legal(ChangshaShangmao, "重庆市开州区长沙商贸有限公司",
            new DemoSubjectName("开县长沙商贸有限责任公司", new(2015, 11, 3), new(2018, 6, 19))),

        Business(LiuHuaFushidian, "开州区刘华副食店"),
        Business(ChenXiuyingXiaochi, "开州区陈秀英小吃店"),
        Deregistered(Business(ZhouDemingWujin, "开州区周德明五金店")),
        Business(ZhangJianping, "张建平"),
        Business(ZhaoZhigangJiancai, "开州区赵志刚建材经营部"),
        Business(YangChunmeiChaguan, "开县杨春梅茶馆"),

        Legal(ShangmaoXiehui, "重庆市开州区商贸流通行业协会"),
        Legal(QihangPeixun, "重庆市开州区启航职业技能培训学校"),
        Legal(JianceZhongxin, "重庆市开州区公共检验检测服务中心"),

        Person(ChenZhiyuan, "陈志远"),
        Person(LiXiulan, "李秀兰"),
        Person(WangJianguo, "王建国"),
        Person(LiuXiaomei, "刘晓梅"),
        Person(ZhangHaibo, "张海波"),
    ];

    public static DemoSubject Get(string code) => All.Single(s => s.Code == code);
}
