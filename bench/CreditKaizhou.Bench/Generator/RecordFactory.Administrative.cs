using System.Globalization;
using CreditKaizhou.Api.Seed;
using V = CreditKaizhou.Bench.Generator.GeneratorVocabulary;

namespace CreditKaizhou.Bench.Generator;

// 行政处罚 (graded by severity), 行政许可 and 社会保险 records.
internal sealed partial class RecordFactory
{
    /// <summary>Penalty entries: (entry, weight, decision number prefix).</summary>
    private static readonly (string Entry, int Weight, string Prefix)[] PenaltyEntries =
    [
        (DemoCatalogue.MarketPenalty, 35, "开州市监处罚"),
        (DemoCatalogue.TaxPenalty, 20, "开州税罚"),
        (DemoCatalogue.EnvironmentPenalty, 10, "渝开环罚"),
        (DemoCatalogue.SafetyPenalty, 10, "（开）应急罚"),
        (DemoCatalogue.ConstructionPenalty, 12, "开州建罚"),
        (DemoCatalogue.LabourPenalty, 13, "开人社监罚"),
    ];

    private static readonly (string Entry, int Weight)[] PermitEntries =
    [
        (DemoCatalogue.FoodPermit, 35),
        (DemoCatalogue.ConstructionPermit, 15),
        (DemoCatalogue.EnvironmentPermit, 10),
        (DemoCatalogue.TransportPermit, 25),
        (DemoCatalogue.LabourPermit, 15),
    ];

    private static readonly Dictionary<string, string> LicenceNames = new(StringComparer.Ordinal)
    {
        [DemoCatalogue.MarketPenalty] = "食品经营许可证",
        [DemoCatalogue.EnvironmentPenalty] = "排污许可证",
        [DemoCatalogue.SafetyPenalty] = "安全生产许可证",
        [DemoCatalogue.ConstructionPenalty] = "建筑业企业资质证书",
        [DemoCatalogue.LabourPenalty] = "劳务派遣经营许可证",
    };

    private static readonly string[] PermitCategories = ["普通", "普通", "普通", "普通", "普通", "普通", "普通", "核准", "登记", "认可"];

    public RecordDraft Other(SubjectDraft s, OtherKind kind)
    {
        var day = rng.Day(s.WindowStart, s.WindowEnd);
        return kind switch
        {
            OtherKind.Permit => Permit(Weighted(PermitEntries, e => e.Weight).Entry, day),
            OtherKind.Penalty => Penalty(Weighted(PenaltyEntries, e => e.Weight), day),
            _ => SocialInsurance(s, day),
        };
    }

    private RecordDraft Penalty((string Entry, int Weight, string Prefix) entry, DateOnly decided)
    {
        var u = rng.NextDouble();
        var severity = u < 0.35 ? "minor" : u < 0.85 ? "general" : "serious";
        var (type, facts, basis) = rng.Pick(V.Violations[entry.Entry]);
        decimal? fine = null;
        decimal? confiscated = null;
        string? licence = null;
        string category;
        string content;
        var c = rng.NextDouble();
        switch (severity)
        {
            case "minor" when c < 0.5:
                category = "警告";
                content = "责令改正，给予警告";
                break;
            case "minor":
                category = "罚款";
                fine = Amount(1, 50);
                content = $"责令改正，处罚款{Yuan(fine.Value)}";
                break;
            case "general" when c < 0.85:
                category = "罚款";
                fine = Amount(50, 500);
                content = $"责令改正，处罚款{Yuan(fine.Value)}";
                break;
            case "general":
                category = "没收违法所得";
                confiscated = Amount(10, 200);
                fine = Amount(50, 300);
                content = $"没收违法所得{Yuan(confiscated.Value)}，并处罚款{Yuan(fine.Value)}";
                break;
            case "serious" when entry.Entry == DemoCatalogue.TaxPenalty:
                category = "罚款";
                fine = Amount(3000, 20000);
                content = $"处少缴税款百分之五十的罚款{Yuan(fine.Value)}";
                break;
            case "serious" when c < 0.7:
                category = "罚款";
                fine = Amount(500, 6000);
                content = $"责令改正，处罚款{Yuan(fine.Value)}";
                break;
            case "serious" when c < 0.85:
                category = "责令停产停业";
                fine = Amount(500, 3000);
                content = $"责令停产停业整顿，并处罚款{Yuan(fine.Value)}";
                break;
            default:
                category = c < 0.95 ? "吊销许可证件" : "暂扣许可证件";
                licence = $"{LicenceNames[entry.Entry]}（编号{rng.Between(100000, 999999)}）";
                content = category == "吊销许可证件" ? $"吊销{licence}" : $"暂扣{licence}六个月";
                break;
        }

        var until = decided.AddMonths(severity switch { "minor" => 3, "general" => 12, _ => 36 }).AddDays(-1);
        var department = Department(entries[entry.Entry].DepartmentCode);
        var prefix = entry.Entry == DemoCatalogue.TaxPenalty && severity == "minor" ? "开州税简罚" : entry.Prefix;
        return Draft(entry.Entry, decided, decided, until, severity, new()
        {
            ["decisionNumber"] = Number(prefix, decided, 3),
            ["violationType"] = type,
            ["violationFacts"] = facts,
            ["penaltyBasis"] = basis,
            ["penaltyCategory"] = category,
            ["penaltyContent"] = content,
            ["fineAmount"] = fine,
            ["confiscatedAmount"] = confiscated,
            ["licenceSuspendedOrRevoked"] = licence,
            ["decisionDate"] = decided,
            ["penaltyValidUntil"] = until,
            ["publicityUntil"] = severity == "minor" ? null : until,
            ["authority"] = department.Name,
            ["authorityCode"] = department.CreditCode,
            ["dataSource"] = department.Name,
            ["dataSourceCode"] = department.CreditCode,
            ["remarks"] = rng.Chance(0.1) ? rng.Pick(V.Remarks) : null,
        });
    }

    private RecordDraft Permit(string entryCode, DateOnly decided)
    {
        var (document, numberPrefix, certificate, contents, years) = V.Permits[entryCode];
        var validTo = decided.AddYears(entryCode == DemoCatalogue.ConstructionPermit ? rng.Between(1, 3) : years).AddDays(-1);
        var department = Department(entries[entryCode].DepartmentCode);
        var n = rng.Between(1, 9999);
        var permitNumber = entryCode switch
        {
            DemoCatalogue.FoodPermit => $"JY{rng.Between(1, 2)}500154{n:D4}{rng.Between(100, 999)}",
            DemoCatalogue.ConstructionPermit => $"500154{decided:yyyyMMdd}{rng.Between(1, 99):D2}{rng.Between(1, 99):D2}",
            DemoCatalogue.TransportPermit => $"渝交运管许可开字500154{n:D6}号",
            DemoCatalogue.LabourPermit => $"500154{decided.Year}{n:D5}",
            _ => null,
        };
        return Draft(entryCode, decided, decided, validTo, null, new()
        {
            ["decisionDocumentName"] = document,
            ["decisionNumber"] = Number(numberPrefix, decided, 4),
            ["permitCategory"] = rng.Pick(PermitCategories),
            ["certificateName"] = certificate,
            ["permitNumber"] = permitNumber,
            ["permitContent"] = rng.Pick(contents),
            ["decisionDate"] = decided,
            ["validFrom"] = decided,
            ["validTo"] = validTo,
            ["authority"] = department.Name,
            ["authorityCode"] = department.CreditCode,
            ["currentStatus"] = validTo > lastDay ? "有效" : "无效",
            ["dataSource"] = department.Name,
            ["dataSourceCode"] = department.CreditCode,
            ["remarks"] = rng.Chance(0.05) ? rng.Pick(V.Remarks) : null,
        });
    }

    private RecordDraft SocialInsurance(SubjectDraft s, DateOnly day)
    {
        // Statistics are as of the last day of a month: the month of the day drawn, or the one before.
        var monthEnd = new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);
        var asOf = monthEnd <= s.WindowEnd ? monthEnd : new DateOnly(day.Year, day.Month, 1).AddDays(-1);
        if (asOf < s.WindowStart)
        {
            asOf = day;
        }

        var arrears = rng.Chance(0.15);
        var v = rng.NextDouble();
        return Draft(DemoCatalogue.SocialInsurance, asOf, asOf, null, null, new()
        {
            ["insuranceType"] = rng.Pick(entries[DemoCatalogue.SocialInsurance].Fields.Find("insuranceType")!.AllowedValues!),
            ["insuredStatus"] = v < 0.85 ? "正常参保" : v < 0.95 ? "暂停缴费" : "终止参保",
            ["insuredCount"] = s.Kind == SubjectKind.IndividualBusiness ? (rng.Chance(0.5) ? rng.Between(1, 5) : null) : rng.Between(1, 300),
            ["hasArrears"] = arrears,
            ["arrearsAmount"] = arrears ? Amount(10, 5000) : null,
            ["asOfDate"] = asOf,
            ["agency"] = "重庆市开州区社会保险事务中心",
        });
    }

    private T Weighted<T>(T[] items, Func<T, int> weight)
    {
        var total = 0;
        foreach (var item in items)
        {
            total += weight(item);
        }

        var r = rng.NextInt(total);
        foreach (var item in items)
        {
            r -= weight(item);
            if (r < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    /// <summary>An amount in 万元 as the decision writes it: 元 below ten thousand, 万元 above.</summary>
    private static string Yuan(decimal wan) => wan < 1m
        ? (wan * 10_000m).ToString("0", CultureInfo.InvariantCulture) + "元"
        : Money(wan) + "万元";
}
