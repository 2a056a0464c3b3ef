namespace CreditKaizhou.Api.Seed;

/// <summary>
/// District bodies of 重庆市开州区 that provide or use credit information. Codes are the pinyin
/// initials of the body's short name (SCJGJ = 市场监督管理局); the district credit office
/// (区信用办) sits in FZGGW.
/// </summary>
public static class DemoDepartments
{
    public const string Fzggw = "FZGGW";
    public const string Scjgj = "SCJGJ";
    public const string Swj = "SWJ";
    public const string Fy = "FY";
    public const string Rsj = "RSJ";
    public const string Sthjj = "STHJJ";
    public const string Zjw = "ZJW";
    public const string Yjj = "YJJ";
    public const string Czj = "CZJ";
    public const string Ggzyjyzx = "GGZYJYZX";
    public const string Jyw = "JYW";
    public const string Wsjkw = "WSJKW";
    public const string Jtj = "JTJ";
    public const string Slj = "SLJ";
    public const string Nyncw = "NYNCW";
    public const string Ghzrzyj = "GHZRZYJ";

    // Credit codes are placeholders with valid check characters (bodies set up before 2016 carry
    // the old 开县 division 500234, later ones 500154), not the bodies' real codes.
    public static IReadOnlyList<DemoDepartment> All { get; } =
    [
        new(Fzggw, "重庆市开州区发展和改革委员会", "区发展改革委", "115002340087995157", 10),
        new(Scjgj, "重庆市开州区市场监督管理局", "区市场监督管理局", "11500154MB1P1R7U4W", 20),
        new(Swj, "国家税务总局重庆市开州区税务局", "区税务局", "11500154MB1G309W2U", 30),
        new(Fy, "重庆市开州区人民法院", "区人民法院", "11500234006331492H", 40),
        new(Rsj, "重庆市开州区人力资源和社会保障局", "区人力社保局", "115002340077933222", 50),
        new(Sthjj, "重庆市开州区生态环境局", "区生态环境局", "11500154MB1Y37J85A", 60),
        new(Zjw, "重庆市开州区住房和城乡建设委员会", "区住房城乡建委", "1150023400497518X2", 70),
        new(Yjj, "重庆市开州区应急管理局", "区应急管理局", "11500154MB1DWJDF6D", 80),
        new(Czj, "重庆市开州区财政局", "区财政局", "11500234004390405C", 90),
        new(Ggzyjyzx, "重庆市开州区公共资源交易中心", "区公共资源交易中心", "12500154MB139TPE72", 100),
        new(Jyw, "重庆市开州区教育委员会", "区教委", "11500234005096646Q", 110),
        new(Wsjkw, "重庆市开州区卫生健康委员会", "区卫生健康委", "11500154MB1L2RX14Y", 120),
        new(Jtj, "重庆市开州区交通局", "区交通局", "11500234000123369T", 130),
        new(Slj, "重庆市开州区水利局", "区水利局", "11500234005701279N", 140),
        new(Nyncw, "重庆市开州区农业农村委员会", "区农业农村委", "11500154MB1EX1MWXY", 150),
        new(Ghzrzyj, "重庆市开州区规划和自然资源局", "区规划自然资源局", "11500154MB1UDR3W5H", 160),
    ];

    public static DemoDepartment Get(string code) => All.Single(d => d.Code == code);
}
