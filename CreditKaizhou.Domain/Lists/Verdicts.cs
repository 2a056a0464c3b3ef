namespace CreditKaizhou.Domain.Lists;

/// <summary>The verdict of a check for one bidder (PRODUCT.md, "Lists and their effect on bidding").</summary>
public static class Verdicts
{
    /// <summary>
    /// What the measures say about <paramref name="bidder"/> in <paramref name="context"/> on <paramref name="asOf"/>.
    /// <list type="bullet">
    /// <item>Only entries active on <paramref name="asOf"/> count; entries on lists no measure follows are ignored.</item>
    /// <item>Each punishment measure that applies in the context and follows an active entry's list (of either colour)
    /// gives a reason. Any bar reason makes the bidder <see cref="Verdict.Barred"/>; otherwise any reason makes it
    /// <see cref="Verdict.Review"/>; otherwise it is <see cref="Verdict.Eligible"/>. A consortium therefore takes the
    /// worst verdict of its members: one 失信被执行人 member bars all of it.</item>
    /// <item>Each incentive measure that applies in the context and follows an active red entry's list gives an
    /// incentive per member and list (once, however many records show the same listing). Incentives are reported
    /// beside reasons and never soften the verdict. See <see cref="VerdictIncentive.AppliesToWholeBidder"/>.</item>
    /// </list>
    /// </summary>
    /// <exception cref="ArgumentException">
    /// An unknown <paramref name="context"/> (the API validates it first); a bidder without members; a measure with a
    /// blank legal basis (国办发〔2020〕49号: no measure may act without one), an undefined kind, a list not in
    /// <paramref name="lists"/>, or a code given twice (pass one version of each measure). Every measure is checked,
    /// not only those that would apply, so bad configuration shows on the first check rather than on the first bidder
    /// it would have hit.
    /// </exception>
    public static BidderVerdict Evaluate(
        Bidder bidder,
        string context,
        DateOnly asOf,
        IReadOnlyList<Measure> measures,
        IReadOnlyDictionary<string, ListType> lists) => Evaluate(bidder, asOf, Rules(context, measures, lists));

    /// <summary>
    /// The measures and lists of one check, validated once (see <see cref="Evaluate(Bidder, string, DateOnly, IReadOnlyList{Measure}, IReadOnlyDictionary{string, ListType})"/>
    /// for what is refused), for evaluating its many bidders.
    /// </summary>
    public static VerdictRules Rules(string context, IReadOnlyList<Measure> measures, IReadOnlyDictionary<string, ListType> lists)
    {
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(lists);
        if (!CheckContexts.IsKnown(context))
        {
            throw new ArgumentException(
                $"Unknown check context '{context}'; expected one of {string.Join(", ", CheckContexts.All)}.", nameof(context));
        }

        Validate(measures, lists);
        return new VerdictRules(measures.Where(m => m.AppliesIn(context)).ToList(), lists);
    }

    /// <summary>What the rules of a check say about one bidder on <paramref name="asOf"/>.</summary>
    public static BidderVerdict Evaluate(Bidder bidder, DateOnly asOf, VerdictRules rules)
    {
        ArgumentNullException.ThrowIfNull(bidder);
        ArgumentNullException.ThrowIfNull(rules);
        if (bidder.Members.Count == 0)
        {
            throw new ArgumentException($"Bidder '{bidder.BidderRef}' has no members.", nameof(bidder));
        }

        var (applicable, lists) = (rules.Applicable, rules.Lists);
        var reasons = new List<(int Member, ListType List, VerdictReason Reason)>();
        var incentives = new List<(int Member, string SubjectCode, ListType List, Measure Measure)>();
        for (var member = 0; member < bidder.Members.Count; member++)
        {
            var subject = bidder.Members[member];
            foreach (var entry in subject.Entries.Where(e => e.IsActiveOn(asOf)))
            {
                if (!lists.TryGetValue(entry.ListCode, out var list))
                {
                    continue;
                }

                foreach (var measure in applicable.Where(m => m.Follows(entry.ListCode)))
                {
                    if (measure.Kind == MeasureKind.Punishment)
                    {
                        reasons.Add((member, list, new VerdictReason(subject.SubjectCode, list.Code, list.Name, measure.Code,
                            measure.Name, MeasureEffects.PunitiveEffect(measure.Effect), measure.LegalBasis, entry.RecordId,
                            entry.From, entry.To)));
                    }
                    else if (list.Colour == ListColour.Red
                        && !incentives.Any(i => i.Member == member && i.List.Code == list.Code && i.Measure.Code == measure.Code))
                    {
                        incentives.Add((member, subject.SubjectCode, list, measure));
                    }
                }
            }
        }

        var verdict = reasons.Count == 0 ? Verdict.Eligible
            : reasons.Any(r => r.Reason.Effect == MeasureEffects.Bar) ? Verdict.Barred
            : Verdict.Review;
        return new BidderVerdict(bidder.BidderRef, verdict, Order(reasons), Order(incentives, bidder.Members.Count));
    }

    private static void Validate(IReadOnlyList<Measure> measures, IReadOnlyDictionary<string, ListType> lists)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var measure in measures)
        {
            ArgumentNullException.ThrowIfNull(measure, nameof(measures));
            if (string.IsNullOrWhiteSpace(measure.LegalBasis))
            {
                throw new ArgumentException(
                    $"Measure {measure.Code} v{measure.Version} has no legal basis; no measure may apply without one (国办发〔2020〕49号).",
                    nameof(measures));
            }

            if (!Enum.IsDefined(measure.Kind))
            {
                throw new ArgumentException($"Measure {measure.Code} has an undefined kind {measure.Kind}.", nameof(measures));
            }

            if (measure.ListCodes.FirstOrDefault(code => !lists.ContainsKey(code)) is { } unknown)
            {
                throw new ArgumentException($"Measure {measure.Code} follows the unknown list '{unknown}'.", nameof(measures));
            }

            if (!codes.Add(measure.Code))
            {
                throw new ArgumentException($"Measure {measure.Code} is given more than once; pass one version of each.", nameof(measures));
            }
        }
    }

    private static List<VerdictReason> Order(List<(int Member, ListType List, VerdictReason Reason)> reasons) =>
    [
        .. reasons
            .OrderBy(r => r.Reason.Effect == MeasureEffects.Bar ? 0 : 1)
            .ThenBy(r => r.Member)
            .ThenBy(r => r.List.SortOrder)
            .ThenBy(r => r.List.Code, StringComparer.Ordinal)
            .ThenBy(r => r.Reason.MeasureCode, StringComparer.Ordinal)
            .ThenBy(r => r.Reason.From)
            // Ties beyond the documented order only need to be stable across runs: a replay must repeat the answer.
            .ThenBy(r => r.Reason.To ?? DateOnly.MaxValue)
            .ThenBy(r => r.Reason.RecordId)
            .Select(r => r.Reason),
    ];

    private static List<VerdictIncentive> Order(List<(int Member, string SubjectCode, ListType List, Measure Measure)> incentives, int memberCount)
    {
        var wholeBidder = incentives
            .GroupBy(i => i.Measure.Code, StringComparer.Ordinal)
            .Where(g => g.Select(i => i.Member).Distinct().Count() == memberCount)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        return
        [
            .. incentives
                .OrderBy(i => i.Member)
                .ThenBy(i => i.List.SortOrder)
                .ThenBy(i => i.List.Code, StringComparer.Ordinal)
                .ThenBy(i => i.Measure.Code, StringComparer.Ordinal)
                .Select(i => new VerdictIncentive(i.SubjectCode, i.List.Code, i.List.Name, i.Measure.Code, i.Measure.Name,
                    i.Measure.Effect, i.Measure.LegalBasis, wholeBidder.Contains(i.Measure.Code))),
        ];
    }
}

/// <summary>The measures that apply in one check's context, validated, and the list types: made by <see cref="Verdicts.Rules"/>.</summary>
public sealed class VerdictRules
{
    internal VerdictRules(IReadOnlyList<Measure> applicable, IReadOnlyDictionary<string, ListType> lists)
    {
        Applicable = applicable;
        Lists = lists;
    }

    internal IReadOnlyList<Measure> Applicable { get; }

    internal IReadOnlyDictionary<string, ListType> Lists { get; }
}
