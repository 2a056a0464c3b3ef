namespace CreditKaizhou.Api.Seed;

/// <summary>
/// Builds a full-size 公共信用信息目录 of the district (2,014 entries by default) for demos and
/// benchmarks. Every generated entry is DEMO DATA: names, codes and legal bases are plausible but
/// not the district's published catalogue, and the importer flags them as such.
/// </summary>
/// <remarks>
/// The output is identical on every machine and run: a fixed-seed xorshift64* generator drives
/// every choice, counts are apportioned with integer arithmetic, all inputs are ordered lists,
/// and nothing is formatted with the current culture or depends on hash ordering.
/// </remarks>
public static class CatalogueGenerator
{
    public const int DefaultCount = 2014;

    private const ulong Seed = 0x4B5A_2014_C0DE_5EEDUL;

    private static readonly IReadOnlyList<string> Organisations = ["legal", "individual_business"];
    private static readonly IReadOnlyList<string> Everyone = ["legal", "individual_business", "person"];

    // Non-permit neutral and positive entries are published while the decision stands.
    private static readonly DemoPublicityRule WhileDecisionValid = new(
        "validity", "决定作出后公示，有效期内持续公示。", []);

    /// <summary>
    /// The first <paramref name="count"/> entries: the 20 hand-written entries of
    /// <see cref="DemoCatalogue.All"/> unchanged, then generated ones grouped by department (in
    /// <see cref="DemoDepartments.All"/> order) and category.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When count is negative.</exception>
    /// <exception cref="InvalidOperationException">When the vocabulary cannot yield enough unique names.</exception>
    public static IReadOnlyList<DemoCatalogueEntry> Generate(int count = DefaultCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        var fixedEntries = DemoCatalogue.All;
        if (count <= fixedEntries.Count)
        {
            return fixedEntries.Take(count).ToList();
        }

        var entries = new List<DemoCatalogueEntry>(count);
        entries.AddRange(fixedEntries);
        var usedNames = new HashSet<string>(fixedEntries.Select(e => e.Name), StringComparer.Ordinal);
        var rng = new XorShift64Star(Seed);

        var departments = DemoDepartments.All
            .Select(d => CatalogueVocabulary.Departments.Single(v => v.DepartmentCode == d.Code))
            .ToList();
        var perDepartment = Apportion(count - fixedEntries.Count, departments.Select(d => d.Weight).ToList());
        var categories = CatalogueVocabulary.Categories;
        var categoryShares = categories.Select(c => c.Share).ToList();

        for (var d = 0; d < departments.Count; d++)
        {
            var department = departments[d];
            var matters = department.Groups
                .SelectMany(g => g.Matters.Select(m => (Matter: m, g.Law)))
                .ToList();
            var perCategory = Apportion(perDepartment[d], categoryShares);

            for (var c = 0; c < categories.Count; c++)
            {
                var picks = PickNames(department, categories[c], matters, perCategory[c], usedNames, rng);
                for (var i = 0; i < picks.Count; i++)
                {
                    entries.Add(Build(department.DepartmentCode, categories[c], picks[i].Name, picks[i].Law, i + 1));
                }
            }
        }

        return entries;
    }

    // Round-robin over the department's matters in a shuffled order, each matter with its own
    // shuffled order of phrasings, so every matter is used once before any is used twice. A name
    // already taken is skipped in favour of the next phrasing.
    private static List<(string Name, string Law)> PickNames(
        DepartmentVocabulary department,
        CategoryVocabulary category,
        List<(string Matter, string Law)> matters,
        int needed,
        HashSet<string> usedNames,
        XorShift64Star rng)
    {
        var picks = new List<(string Name, string Law)>(needed);
        if (needed == 0)
        {
            return picks;
        }

        var matterOrder = rng.Permutation(matters.Count);
        var templateOrders = matterOrder.Select(_ => rng.Permutation(category.Templates.Count)).ToList();

        for (var round = 0; round < category.Templates.Count && picks.Count < needed; round++)
        {
            for (var i = 0; i < matterOrder.Length && picks.Count < needed; i++)
            {
                var (matter, law) = matters[matterOrder[i]];
                var template = category.Templates[templateOrders[i][round]];
                var name = template.Replace("{m}", matter, StringComparison.Ordinal);
                if (usedNames.Add(name))
                {
                    picks.Add((name, law));
                }
            }
        }

        if (picks.Count < needed)
        {
            throw new InvalidOperationException(
                $"The vocabulary of {department.DepartmentCode} yields only {picks.Count} unique "
                    + $"{category.Name} names; {needed} are needed.");
        }

        return picks;
    }

    private static DemoCatalogueEntry Build(
        string departmentCode, CategoryVocabulary category, string name, string law, int sequence)
    {
        var code = "KZ-" + departmentCode + "-" + category.Initials + "-" + FourDigits(sequence);
        return category.Name switch
        {
            CatalogueVocabulary.Penalty => new(
                code, name, category.Name, departmentCode, Everyone, "public", "negative", null,
                DemoCatalogue.DoublePublicityFrequency, DemoCatalogue.GradedPenalty,
                DemoCatalogue.PenaltyPublicityBasis + "；" + law, DemoFieldSchemas.Penalty),
            CatalogueVocabulary.Permit => new(
                code, name, category.Name, departmentCode, Organisations, "public", "neutral", null,
                DemoCatalogue.DoublePublicityFrequency, DemoCatalogue.WhileValid,
                DemoCatalogue.PermitPublicityBasis + "；" + law, DemoFieldSchemas.Permit),
            CatalogueVocabulary.Inspection =>
                Other(code, name, category.Name, departmentCode, "shared", "neutral", law, GeneratedFieldSchemas.Inspection),
            CatalogueVocabulary.Enforcement => new(
                code, name, category.Name, departmentCode, Everyone, "public", "negative", null,
                DemoCatalogue.DoublePublicityFrequency, DemoCatalogue.GradedPenalty,
                "《中华人民共和国行政强制法》；" + law, GeneratedFieldSchemas.Enforcement),
            CatalogueVocabulary.Confirmation =>
                Other(code, name, category.Name, departmentCode, "public", "neutral", law, GeneratedFieldSchemas.Confirmation),
            CatalogueVocabulary.Levy =>
                Other(code, name, category.Name, departmentCode, "shared", "neutral", law, GeneratedFieldSchemas.Levy),
            CatalogueVocabulary.Payment =>
                Other(code, name, category.Name, departmentCode, PaymentDisclosure(departmentCode), "neutral", law,
                    GeneratedFieldSchemas.Payment),
            CatalogueVocabulary.Reward =>
                Other(code, name, category.Name, departmentCode, "public", "positive", law, GeneratedFieldSchemas.Reward),
            CatalogueVocabulary.Adjudication =>
                Other(code, name, category.Name, departmentCode, "shared", "neutral", law, GeneratedFieldSchemas.Adjudication),
            _ => throw new InvalidOperationException($"Unknown category {category.Name}."),
        };
    }

    private static DemoCatalogueEntry Other(
        string code, string name, string category, string departmentCode, string disclosure, string polarity,
        string law, IReadOnlyList<DemoField> schema) => new(
        code, name, category, departmentCode, Everyone, disclosure, polarity, null,
        DemoCatalogue.DoublePublicityFrequency, WhileDecisionValid, law, schema);

    // Benefits paid to people (social insurance, health) carry personal data: authorised access only.
    private static string PaymentDisclosure(string departmentCode) =>
        departmentCode is DemoDepartments.Rsj or DemoDepartments.Wsjkw ? "authorised" : "shared";

    private static string FourDigits(int value)
    {
        if (value is < 1 or > 9999)
        {
            throw new InvalidOperationException($"Sequence {value} does not fit four digits.");
        }

        Span<char> digits = ['0', '0', '0', '0'];
        for (var i = 3; i >= 0; i--)
        {
            digits[i] = (char)('0' + value % 10);
            value /= 10;
        }

        return new string(digits);
    }

    /// <summary>
    /// Splits <paramref name="total"/> in proportion to <paramref name="weights"/> by the largest
    /// remainder method; ties go to the earlier weight.
    /// </summary>
    internal static int[] Apportion(int total, IReadOnlyList<int> weights)
    {
        long sum = weights.Sum();
        var result = new int[weights.Count];
        var remainders = new long[weights.Count];
        var assigned = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var share = (long)total * weights[i];
            result[i] = (int)(share / sum);
            remainders[i] = share % sum;
            assigned += result[i];
        }

        var order = Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i);
        foreach (var i in order.Take(total - assigned))
        {
            result[i]++;
        }

        return result;
    }

    /// <summary>xorshift64* (Vigna 2016): tiny, fast and the same on every platform.</summary>
    private sealed class XorShift64Star(ulong seed)
    {
        private ulong _state = seed == 0 ? 0x9E37_79B9_7F4A_7C15UL : seed;

        public ulong Next()
        {
            _state ^= _state >> 12;
            _state ^= _state << 25;
            _state ^= _state >> 27;
            return _state * 0x2545_F491_4F6C_DD1DUL;
        }

        /// <summary>A uniform integer in [0, bound), by rejection so there is no modulo bias.</summary>
        public int NextInt(int bound)
        {
            var b = (ulong)bound;
            var limit = ulong.MaxValue - ulong.MaxValue % b;
            ulong value;
            do
            {
                value = Next();
            }
            while (value >= limit);

            return (int)(value % b);
        }

        /// <summary>A Fisher–Yates shuffle of 0 … n−1.</summary>
        public int[] Permutation(int n)
        {
            var items = Enumerable.Range(0, n).ToArray();
            for (var i = n - 1; i > 0; i--)
            {
                var j = NextInt(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }

            return items;
        }
    }
}
