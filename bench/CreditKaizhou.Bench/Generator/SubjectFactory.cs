using CreditKaizhou.Api.Seed;
using CreditKaizhou.Domain.Identifiers;
using V = CreditKaizhou.Bench.Generator.GeneratorVocabulary;

namespace CreditKaizhou.Bench.Generator;

/// <summary>A generated subject, with what its records need to know about it.</summary>
internal sealed class SubjectDraft
{
    public required int Index { get; init; }
    public required SubjectKind Kind { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }

    /// <summary><c>legal</c> or <c>individual_business</c>, as stored.</summary>
    public required string Type { get; init; }

    /// <summary>市场主体类型 of the registration record.</summary>
    public required string EntityType { get; init; }

    public required DateOnly Established { get; init; }
    public required DateOnly? Deregistered { get; init; }
    public required string Representative { get; init; }
    public required string Address { get; init; }
    public required string Scope { get; init; }

    /// <summary>The days its other records are decided on: from 2022 (or its establishment) to its end or the day before the reference day.</summary>
    public required DateOnly WindowStart { get; init; }

    public required DateOnly WindowEnd { get; init; }
}

/// <summary>
/// Makes subjects: valid, unique 统一社会信用代码 in increasing order per kind (so the unique index on lookup_key
/// grows at its end), unique names built from 地名 + 字号 + 行业 + 组织形式, and the registration facts.
/// </summary>
internal sealed class SubjectFactory
{
    public static readonly DateOnly FirstRecordDay = new(2022, 1, 1);

    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly DateOnly DivisionChange = new(2016, 7, 1);
    private static readonly char[] TradeCharacters = V.TradeNameCharacters.Distinct().ToArray();
    private static readonly char[] GivenCharacters = V.GivenNameCharacters.Distinct().ToArray();

    private readonly XorShift64Star _rng;
    private readonly DateOnly _lastDay;
    private readonly HashSet<string> _codes;
    private readonly HashSet<string> _names;

    // New organisation codes are "MA" + six characters of the alphabet, issued in increasing order from MA5U…
    // (as Chongqing's are); codes issued before 2016 are eight digits.
    private long _newCursor = ValueOf("5U0000");
    private long _oldCursor = 20_000_000;
    private readonly int _newStep;
    private readonly int _oldStep;

    public SubjectFactory(XorShift64Star rng, int subjects, DateOnly lastDay)
    {
        _rng = rng;
        _lastDay = lastDay;
        _codes = new HashSet<string>(DemoSubjects.All.Select(s => s.Code).Concat(DemoDepartments.All.Select(d => d.CreditCode!)), StringComparer.Ordinal);
        _names = new HashSet<string>(DemoSubjects.All.Select(s => s.Name), StringComparer.Ordinal);
        // Steps average half the room per subject, so the codes look issued over years yet never run out of digits.
        _newStep = (int)Math.Clamp((ValueOf("YYYYYY") - _newCursor) / Math.Max(1, subjects), 2, 400);
        _oldStep = (int)Math.Clamp((99_999_999 - _oldCursor) / Math.Max(1, subjects / 5), 2, 1400);
    }

    public SubjectDraft Create(int index, SubjectKind kind, bool deregistered)
    {
        var code = NextCode(kind);
        var individual = kind == SubjectKind.IndividualBusiness;
        var (trade, scope) = individual ? _rng.Pick(V.IndividualTrades) : _rng.Pick(V.CompanyTrades);
        var town = _rng.Pick(V.Towns);
        var form = individual ? "" : _rng.Pick(V.LegalForms);
        var name = NextName(kind, town, trade, form);
        var established = kind == SubjectKind.OldCompany
            ? _rng.Day(new DateOnly(1998, 1, 1), DivisionChange.AddDays(-1))
            : _rng.Day(DivisionChange, deregistered ? new DateOnly(2025, 6, 30) : _lastDay);
        DateOnly? ended = deregistered ? _rng.Day(Max(established.AddDays(60), new DateOnly(2023, 1, 1)), _lastDay) : null;
        return new SubjectDraft
        {
            Index = index,
            Kind = kind,
            Code = code,
            Name = name,
            Type = individual ? "individual_business" : "legal",
            EntityType = individual ? "个体工商户" : form == "股份有限公司" ? "股份有限公司" : "有限责任公司",
            Established = established,
            Deregistered = ended,
            Representative = PersonName(),
            Address = $"重庆市开州区{town}{_rng.Pick(V.Roads)}{_rng.Between(1, 399)}号"
                + (_rng.Chance(0.3) ? $"{_rng.Between(1, 12)}幢{_rng.Between(1, 28)}-{_rng.Between(1, 6)}" : ""),
            Scope = scope,
            WindowStart = Max(FirstRecordDay, established),
            WindowEnd = ended ?? _lastDay,
        };
    }

    public string PersonName() =>
        _rng.Pick(V.Surnames) + GivenCharacters[_rng.NextInt(GivenCharacters.Length)]
        + (_rng.Chance(0.7) ? GivenCharacters[_rng.NextInt(GivenCharacters.Length)].ToString() : "");

    private string NextCode(SubjectKind kind)
    {
        while (true)
        {
            string organisation;
            if (kind == SubjectKind.OldCompany)
            {
                _oldCursor += 1 + _rng.NextInt(_oldStep);
                organisation = _oldCursor.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                _newCursor += 1 + _rng.NextInt(_newStep);
                organisation = "MA" + Base31(_newCursor);
            }

            var first17 = (kind == SubjectKind.IndividualBusiness ? "92" : "91") + (kind == SubjectKind.OldCompany ? "500234" : "500154")
                + organisation + UnifiedSocialCreditCode.ComputeOrganisationCodeCheckCharacter(organisation);
            var code = first17 + UnifiedSocialCreditCode.ComputeCheckCharacter(first17);
            if (_codes.Add(code))
            {
                return code;
            }
        }
    }

    private string NextName(SubjectKind kind, string town, string trade, string form)
    {
        for (var attempt = 0; ; attempt++)
        {
            // Two characters make a 字号; after a few clashes a third keeps names unique at any size.
            var tradeName = string.Concat(Enumerable.Range(0, attempt < 8 ? 2 : 3).Select(_ => TradeCharacters[_rng.NextInt(TradeCharacters.Length)]));
            if (tradeName[0] == tradeName[1])
            {
                continue;
            }

            var name = kind switch
            {
                SubjectKind.IndividualBusiness => $"开州区{town}{tradeName}{trade}",
                SubjectKind.OldCompany => $"{_rng.Pick(OldPlaces)}{tradeName}{trade}{form}",
                _ => $"{(_rng.Chance(0.7) ? "重庆市开州区" : "重庆开州")}{tradeName}{trade}{(_rng.Chance(0.02) ? "集团" : "")}{form}",
            };
            if (_names.Add(name))
            {
                return name;
            }
        }
    }

    // Companies of the old 开县 mostly renamed after 2016; some kept the old place name.
    private static readonly string[] OldPlaces = ["重庆市开州区", "重庆市开州区", "重庆开州", "重庆市开县", "开县"];

    private static string Base31(long value)
    {
        Span<char> chars = stackalloc char[6];
        for (var i = 5; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value % 31)];
            value /= 31;
        }

        return new string(chars);
    }

    private static long ValueOf(string text) => text.Aggregate(0L, (v, c) => v * 31 + Alphabet.IndexOf(c, StringComparison.Ordinal));

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
