using CreditKaizhou.Api.Seed;

namespace CreditKaizhou.Bench.Generator;

/// <summary>The three kinds of generated subject, by the first eight characters of their credit code.</summary>
public enum SubjectKind : byte
{
    /// <summary>91500154…: a company registered in 开州区 since 2016.</summary>
    Company = 0,

    /// <summary>91500234…: a company registered under the old division 开县 (before 2016); codes never change.</summary>
    OldCompany = 1,

    /// <summary>92500154…: a 个体工商户.</summary>
    IndividualBusiness = 2,
}

/// <summary>A red or black list the generator puts a share of the subjects on, and the catalogue entry that feeds it.</summary>
/// <param name="Share">The share of all subjects with a listing record.</param>
/// <param name="CompaniesOnly">Only companies are eligible (经营异常名录 takes legal persons only).</param>
/// <param name="Red">A red list: only subjects on no black list, and not deregistered, are eligible.</param>
public sealed record ListShare(string ListCode, string EntryCode, double Share, bool CompaniesOnly, bool Red);

/// <summary>
/// The first pass: who each subject is (kind, deregistered, lists) and how many other records it gets. Every
/// count is exact (sampling without replacement), so the shares are the same at every size, up to rounding.
/// </summary>
internal sealed class SubjectPlan
{
    public const double OldCompanyShare = 0.10;
    public const double IndividualShare = 0.15;
    public const double DeregisteredShare = 0.02;

    /// <summary>行政许可 and 登记注册 together, and 行政处罚, as shares of all records.</summary>
    public const double PermitAndRegistrationShare = 0.70;

    public const double PenaltyShare = 0.25;

    // A tenth of the subjects are busy (builders, hauliers, chains) and draw a third of the other records.
    private const double BusyShare = 0.10;
    private const double BusyDraw = 0.35;

    public static IReadOnlyList<ListShare> Lists { get; } =
    [
        new(DemoLists.Sxbzxr, DemoCatalogue.JudgmentDefaulter, 0.005, false, false),
        new(DemoLists.Zdsswf, DemoCatalogue.MajorTaxViolation, 0.002, false, false),
        new(DemoLists.Zfcgsx, DemoCatalogue.ProcurementViolation, 0.001, false, false),
        new(DemoLists.Scjgyzsx, DemoCatalogue.MarketSeriousViolation, 0.003, false, false),
        new(DemoLists.Jyyc, DemoCatalogue.AbnormalOperation, 0.03, true, false),
        new(DemoLists.Nsxya, DemoCatalogue.TaxCreditA, 0.05, false, true),
        new(DemoLists.Sxjl, DemoCatalogue.CreditIncentive, 0.005, false, true),
    ];

    // After Lists: static initialisers run in the order they are written.
    private static readonly byte BlackMask = (byte)Lists.Select((l, i) => l.Red ? 0 : 1 << i).Sum();

    private SubjectPlan(int subjects)
    {
        Kinds = new SubjectKind[subjects];
        Deregistered = new bool[subjects];
        ListFlags = new byte[subjects];
        OtherRecords = new int[subjects];
    }

    public SubjectKind[] Kinds { get; }
    public bool[] Deregistered { get; }

    /// <summary>Bit i set: the subject is on <see cref="Lists"/>[i].</summary>
    public byte[] ListFlags { get; }

    /// <summary>Records besides the registration and the listings: permits, penalties and social insurance.</summary>
    public int[] OtherRecords { get; }

    public int ListRecords { get; private set; }
    public int Permits { get; private set; }
    public int Penalties { get; private set; }
    public int SocialInsurance { get; private set; }

    public static SubjectPlan Create(int subjects, int records, XorShift64Star rng)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(subjects);
        var plan = new SubjectPlan(subjects);
        for (var i = 0; i < subjects; i++)
        {
            var u = rng.NextDouble();
            plan.Kinds[i] = u < OldCompanyShare ? SubjectKind.OldCompany
                : u < OldCompanyShare + IndividualShare ? SubjectKind.IndividualBusiness
                : SubjectKind.Company;
        }

        Sample(rng, subjects, Exact(DeregisteredShare, subjects), _ => true, i => plan.Deregistered[i] = true);
        for (var l = 0; l < Lists.Count; l++)
        {
            var list = Lists[l];
            var bit = (byte)(1 << l);
            Func<int, bool> eligible = list.Red
                ? i => !plan.Deregistered[i] && (plan.ListFlags[i] & BlackMask) == 0
                : list.CompaniesOnly ? i => plan.Kinds[i] != SubjectKind.IndividualBusiness : _ => true;
            plan.ListRecords += Sample(rng, subjects, Exact(list.Share, subjects), eligible, i => plan.ListFlags[i] |= bit);
        }

        var others = records - subjects - plan.ListRecords;
        if (others < 0)
        {
            throw new ArgumentException(
                $"{records} records are too few for {subjects} subjects: each has a registration record and {plan.ListRecords} listings are due.");
        }

        plan.Penalties = Math.Min(Exact(PenaltyShare, records), others);
        plan.Permits = Math.Min(Math.Max(0, Exact(PermitAndRegistrationShare, records) - subjects), others - plan.Penalties);
        plan.SocialInsurance = others - plan.Penalties - plan.Permits;

        var busy = new List<int>();
        for (var i = 0; i < subjects; i++)
        {
            if (rng.Chance(BusyShare))
            {
                busy.Add(i);
            }
        }

        for (var k = 0; k < others; k++)
        {
            var i = busy.Count > 0 && rng.Chance(BusyDraw) ? busy[rng.NextInt(busy.Count)] : rng.NextInt(subjects);
            plan.OtherRecords[i]++;
        }

        return plan;
    }

    public static int Exact(double share, int total) => (int)Math.Round(share * total, MidpointRounding.AwayFromZero);

    /// <summary>Picks exactly <paramref name="wanted"/> eligible indexes (fewer if fewer are eligible), each set equally likely.</summary>
    private static int Sample(XorShift64Star rng, int count, int wanted, Func<int, bool> eligible, Action<int> take)
    {
        var remaining = 0;
        for (var i = 0; i < count; i++)
        {
            remaining += eligible(i) ? 1 : 0;
        }

        var taken = 0;
        for (var i = 0; i < count && taken < wanted; i++)
        {
            if (!eligible(i))
            {
                continue;
            }

            if (rng.NextInt(remaining) < wanted - taken)
            {
                take(i);
                taken++;
            }

            remaining--;
        }

        return taken;
    }
}
