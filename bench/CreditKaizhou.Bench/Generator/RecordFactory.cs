using System.Globalization;
using CreditKaizhou.Api.Seed;
using CreditKaizhou.Domain.Catalogue;
using V = CreditKaizhou.Bench.Generator.GeneratorVocabulary;

namespace CreditKaizhou.Bench.Generator;

/// <summary>A record's content before it is given an id, a source reference and its canonical JSON.</summary>
internal sealed class RecordDraft
{
    public required CatalogueEntry Entry { get; init; }
    public required DateOnly DecisionDate { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required DateOnly? EffectiveTo { get; init; }
    public required string? Severity { get; init; }
    public required Dictionary<string, object?> Fields { get; init; }

    /// <summary>Set when the department later revoked the record (a <c>revoked</c> event).</summary>
    public Revocation? Revocation { get; init; }
}

internal sealed record Revocation(DateOnly EffectiveOn, string Reason);

/// <summary>The kinds of record besides registrations and listings, drawn in exact numbers by <see cref="SubjectPlan"/>.</summary>
internal enum OtherKind
{
    Permit,
    Penalty,
    SocialInsurance,
}

/// <summary>
/// Makes the records of one subject: field values per field of the entry's schema, dates within the subject's
/// life and the reference day, and the durations of the lists (失信被执行人 24 months, 重大税收违法 36 …).
/// Known fields get the wording of their item; any other field gets a value of its type, so every record
/// satisfies its entry's schema whatever the schema holds.
/// </summary>
internal sealed partial class RecordFactory(XorShift64Star rng, IReadOnlyDictionary<string, CatalogueEntry> entries, SubjectFactory people,
    DateOnly lastDay)
{
    public const double DefaulterRevokedShare = 0.10;
    public const double TaxViolationRevokedShare = 0.03;
    public const double AbnormalRemovedShare = 0.40;

    private readonly Dictionary<(string Prefix, int Year), int> _numbers = [];

    public RecordDraft Registration(SubjectDraft s)
    {
        var approved = s.Deregistered ?? (rng.Chance(0.7) ? s.Established : rng.Day(s.Established, lastDay));
        return Draft(DemoCatalogue.Registration, approved, s.Established, s.Deregistered?.AddDays(-1), null, new()
        {
            ["entityType"] = s.EntityType,
            ["legalRepresentative"] = s.Representative,
            ["registeredCapital"] = s.Kind == SubjectKind.IndividualBusiness ? null : Capital(),
            ["establishedDate"] = s.Established,
            ["address"] = s.Address,
            ["businessScope"] = s.Scope,
            ["registrationAuthority"] = Department(DemoDepartments.Scjgj).Name,
            ["approvalDate"] = approved,
            ["registrationStatus"] = s.Deregistered is not null ? "注销" : rng.Chance(0.8) ? "存续" : "在业",
        });
    }

    public RecordDraft Listing(SubjectDraft s, ListShare list)
    {
        var day = rng.Day(s.WindowStart, s.WindowEnd);
        return list.EntryCode switch
        {
            DemoCatalogue.JudgmentDefaulter => Defaulter(s, day),
            DemoCatalogue.MajorTaxViolation => TaxViolation(s, day),
            DemoCatalogue.ProcurementViolation => ProcurementViolation(day),
            DemoCatalogue.MarketSeriousViolation => Draft(list.EntryCode, day, day, day.AddMonths(36).AddDays(-1), "serious", new()
            {
                ["listingReason"] = rng.Pick(V.MarketSeriousReasons),
                ["decisionNumber"] = Number("开州市监严列", day, 3),
                ["listedDate"] = day,
                ["listingBasis"] = "《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）",
                ["authority"] = Department(DemoDepartments.Scjgj).Name,
            }),
            DemoCatalogue.AbnormalOperation => Abnormal(day),
            DemoCatalogue.TaxCreditA => TaxCreditA(s, day),
            DemoCatalogue.CreditIncentive => Draft(list.EntryCode, day, day, day.AddMonths(24).AddDays(-1), null, new()
            {
                ["recognitionReason"] = rng.Pick(V.IncentiveReasons),
                ["documentNumber"] = Number("开州发改", day, 3),
                ["recognisedBy"] = Department(DemoDepartments.Fzggw).Name,
                ["recognitionDate"] = day,
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(list), list.EntryCode, "No listing records are made for this entry."),
        };
    }

    private RecordDraft Defaulter(SubjectDraft s, DateOnly published)
    {
        var filed = published.AddDays(-rng.Between(30, 180));
        var issuer = rng.Pick(V.BasisIssuers);
        var basisYear = filed.Year - rng.NextInt(2);
        var basis = issuer.Contains("仲裁", StringComparison.Ordinal)
            ? $"开州劳人仲案字〔{basisYear}〕第{rng.Between(1, 600)}号"
            : $"（{basisYear}）渝{(issuer.Contains("第二中级", StringComparison.Ordinal) ? "02" : "0154")}民{(rng.Chance(0.8) ? "初" : "终")}{rng.Between(1, 9999)}号";
        var until = published.AddMonths(24).AddDays(-1);
        return Draft(DemoCatalogue.JudgmentDefaulter, published, published, until, "serious", new()
        {
            ["caseNumber"] = $"（{filed.Year}）渝0154执{rng.Between(1, 9999)}号",
            ["executingCourt"] = Department(DemoDepartments.Fy).Name,
            ["legalRepresentative"] = s.Representative,
            ["basisDocumentNumber"] = basis,
            ["basisIssuer"] = issuer,
            ["obligation"] = string.Format(CultureInfo.InvariantCulture, rng.Pick(V.DefaulterObligations), rng.Between(5, 5000) * 1000),
            ["performance"] = rng.Chance(0.7) ? "全部未履行" : "部分未履行",
            ["defaultCircumstances"] = rng.Pick(V.DefaultCircumstances),
            ["filingDate"] = filed,
            ["publishedDate"] = published,
        }, MaybeRevoked(published, until, DefaulterRevokedShare, "被执行人已履行生效法律文书确定的全部义务，依法删除失信信息"));
    }

    private RecordDraft TaxViolation(SubjectDraft s, DateOnly published)
    {
        var nature = rng.Pick(entries[DemoCatalogue.MajorTaxViolation].Fields.Find("caseNature")!.AllowedValues!);
        var amount = Amount(20, 2000);
        var from = published.Year - rng.Between(2, 4);
        var until = published.AddMonths(36).AddDays(-1);
        return Draft(DemoCatalogue.MajorTaxViolation, published, published, until, "serious", new()
        {
            ["caseNature"] = nature,
            ["legalRepresentative"] = s.Representative,
            ["financialOfficer"] = rng.Chance(0.6) ? people.PersonName() : null,
            ["mainFacts"] = $"经国家税务总局重庆市税务局稽查局检查，该单位于{from}年至{published.Year - 1}年存在{nature}行为，"
                + $"涉及税款{Money(amount)}万元。",
            ["handling"] = $"依照《中华人民共和国税收征收管理法》等相关法律法规的有关规定，对其处以追缴税款{Money(amount)}万元的行政处理、"
                + $"处以罚款{Money(Math.Round(amount * 0.5m, 2))}万元的行政处罚。",
            ["taxAmount"] = amount,
            ["inspectingUnit"] = "国家税务总局重庆市税务局稽查局",
            ["publishedDate"] = published,
        }, MaybeRevoked(published, until, TaxViolationRevokedShare, "当事人已缴清税款、滞纳金和罚款，经实施检查的税务机关确认，提前停止公布"));
    }

    private RecordDraft ProcurementViolation(DateOnly day)
    {
        var years = rng.Between(1, 3);
        var until = day.AddMonths(12 * years).AddDays(-1);
        return Draft(DemoCatalogue.ProcurementViolation, day, day, until, "serious", new()
        {
            ["circumstances"] = $"在开州区某采购项目（采购项目编号：KZCG-{day.Year}-{rng.Between(1, 999):D4}）中{rng.Pick(V.ProcurementCircumstances)}",
            ["penaltyResult"] = $"处以采购金额千分之五的罚款，列入不良行为记录名单，{"一二三"[years - 1]}年内禁止参加政府采购活动",
            ["penaltyBasis"] = "《中华人民共和国政府采购法》第七十七条第一款",
            ["decisionNumber"] = Number("开州财采罚", day, 1),
            ["penaltyDate"] = day,
            ["banUntil"] = until,
            ["enforcementAgency"] = Department(DemoDepartments.Czj).Name,
        });
    }

    private RecordDraft Abnormal(DateOnly listed)
    {
        var removed = rng.Chance(AbnormalRemovedShare) ? listed.AddDays(rng.Between(30, 540)) : (DateOnly?)null;
        if (removed > lastDay)
        {
            removed = null;
        }

        return Draft(DemoCatalogue.AbnormalOperation, listed, listed, removed?.AddDays(-1), "general", new()
        {
            ["listingReason"] = rng.Pick(entries[DemoCatalogue.AbnormalOperation].Fields.Find("listingReason")!.AllowedValues!),
            ["listedDate"] = listed,
            ["authority"] = Department(DemoDepartments.Scjgj).Name,
            ["removalReason"] = removed is null ? null : rng.Pick(V.AbnormalRemovalReasons),
            ["removedDate"] = removed,
        });
    }

    private RecordDraft TaxCreditA(SubjectDraft s, DateOnly day)
    {
        // The year's evaluation is published in April of the next year.
        var april = new DateOnly(day.Year, 4, rng.Between(10, 28));
        var published = april >= s.WindowStart && april <= s.WindowEnd ? april : day;
        return Draft(DemoCatalogue.TaxCreditA, published, published, published.AddMonths(12).AddDays(-1), null, new()
        {
            ["evaluationYear"] = published.Year - 1,
            ["creditLevel"] = "A",
            ["evaluatingAuthority"] = Department(DemoDepartments.Swj).Name,
            ["publishedDate"] = published,
        });
    }

    private Revocation? MaybeRevoked(DateOnly from, DateOnly until, double share, string reason)
    {
        var first = from.AddDays(30);
        var last = until < lastDay ? until : lastDay;
        return first <= last && rng.Chance(share) ? new Revocation(rng.Day(first, last), reason) : null;
    }

    private RecordDraft Draft(string entryCode, DateOnly decided, DateOnly from, DateOnly? to, string? severity, Dictionary<string, object?> fields,
        Revocation? revocation = null)
    {
        var entry = entries[entryCode];
        Complete(entry.Fields, fields, decided);
        return new RecordDraft
        {
            Entry = entry, DecisionDate = decided, EffectiveFrom = from, EffectiveTo = to, Severity = severity, Fields = fields,
            Revocation = revocation,
        };
    }

    /// <summary>
    /// Drops absent values, gives every required field the generator did not fill a value of its type (an optional
    /// one now and then), and refuses a key the schema does not have: a schema that changed must not go unnoticed.
    /// </summary>
    private void Complete(FieldSchema schema, Dictionary<string, object?> fields, DateOnly decided)
    {
        foreach (var (key, value) in fields.ToList())
        {
            var field = schema.Find(key) ?? throw new InvalidOperationException($"The generator fills {key}, which the entry's schema does not have.");
            if (value is null)
            {
                fields.Remove(key);
            }
            else if (value is string text && field.MaxLength is { } max && text.Length > max)
            {
                fields[key] = text[..max];
            }
        }

        foreach (var field in schema.Fields)
        {
            if (!fields.ContainsKey(field.Key) && (field.Required || rng.Chance(0.05)))
            {
                fields[field.Key] = ValueOf(field, decided);
            }
        }
    }

    private object ValueOf(FieldDefinition field, DateOnly decided) => field.Type switch
    {
        FieldType.String => Truncate(field.Key == "remarks" ? rng.Pick(V.Remarks) : $"{field.Name}（见原始文书）", field.MaxLength),
        FieldType.Integer => (long)rng.Between(1, 1000),
        FieldType.Decimal => Amount(1, 10_000),
        FieldType.Date => decided,
        FieldType.Enum => rng.Pick(field.AllowedValues!),
        FieldType.SubjectCode => Department(DemoDepartments.Scjgj).CreditCode!,
        FieldType.Boolean => rng.Chance(0.5),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, "Not a defined field type."),
    };

    private static string Truncate(string text, int? max) => max is { } m && text.Length > m ? text[..m] : text;

    /// <summary>A document number of the department's form, e.g. 开州市监处罚〔2025〕063号, numbered per prefix and year.</summary>
    private string Number(string prefix, DateOnly day, int digits)
    {
        var key = (prefix, day.Year);
        var n = _numbers[key] = _numbers.GetValueOrDefault(key) + 1;
        return $"{prefix}〔{day.Year}〕{n.ToString("D" + digits, CultureInfo.InvariantCulture)}号";
    }

    /// <summary>An amount in 万元 with two decimals, from <paramref name="min"/> to <paramref name="max"/> hundredths.</summary>
    private decimal Amount(int min, int max) => rng.Between(min, max) / 100m;

    private decimal Capital() => rng.Chance(0.8)
        ? rng.Pick(Capitals)
        : rng.Between(100, 500_000) / 100m;

    private static readonly decimal[] Capitals = [3m, 5m, 10m, 20m, 30m, 50m, 100m, 200m, 300m, 500m, 800m, 1000m, 2000m, 5000m, 10000m];

    private static string Money(decimal amount) => CreditKaizhou.Domain.Records.CanonicalJson.FormatDecimal(amount);

    private static readonly Dictionary<string, DemoDepartment> Departments = DemoDepartments.All.ToDictionary(d => d.Code, StringComparer.Ordinal);

    private static DemoDepartment Department(string code) => Departments[code];
}
