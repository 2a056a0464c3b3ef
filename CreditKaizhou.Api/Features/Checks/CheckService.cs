using System.Globalization;
using System.Security.Claims;
using CreditKaizhou.Api.Features.Checks.Receipts;
using CreditKaizhou.Api.Features.Identifiers;
using CreditKaizhou.Api.Infrastructure.Audit;
using CreditKaizhou.Api.Infrastructure.Auth;
using CreditKaizhou.Api.Infrastructure.Privacy;
using CreditKaizhou.Api.Infrastructure.Time;
using CreditKaizhou.Domain.Identifiers;
using CreditKaizhou.Domain.Lists;

namespace CreditKaizhou.Api.Features.Checks;

/// <summary>
/// Runs a bidding check: one look at the change log to bring the list index up to date, then pure work per
/// bidder (<see cref="Verdicts.Evaluate"/>), then the answer is stored and receipted by the ledger.
/// </summary>
public sealed class CheckService(ListIndex index, CheckLedger ledger, KnownCodeExceptions exceptions, PersonalIdProtector ids, TimeProvider clock)
{

    public async Task<CheckResponse> RunAsync(CheckRequest request, ClaimsPrincipal caller, CancellationToken ct)
    {
        var clientId = caller.ClientId()!.Value;
        using var coming = ledger.Announce();
        var snapshot = await index.CurrentAsync(ct);
        var known = await exceptions.SnapshotAsync(ct);
        var checkedAt = Microseconds(clock.GetUtcNow());
        var knownAt = request.KnownAt is { } k ? Microseconds(k.ToUniversalTime()) : checkedAt;
        var today = clock.Today();
        var asOf = request.AsOf is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : today;
        var rules = Verdicts.Rules(request.Context!, snapshot.MeasuresAsKnownAt(knownAt), snapshot.Lists);
        var results = request.Bidders!.Select(b => Evaluate(b, asOf, knownAt, today, snapshot, rules, known)).ToList();

        var document = new CheckDocument(Guid.CreateVersion7(checkedAt), checkedAt, asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            knownAt, snapshot.DataVersion, request.Context!, request.Project, request.Bidders!, results);
        // The document in canonical form in one pass; stored as its request part and its results.
        var leaf = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(document, CheckCanonical.Sorted);
        var requestJson = System.Text.Json.JsonSerializer.Serialize(document with { Results = [] }, CheckCanonical.Sorted);
        var resultsJson = System.Text.Json.JsonSerializer.Serialize(results, CheckCanonical.Sorted);
        var receipt = await ledger.AppendAsync(new PendingCheck(document.CheckId, clientId, document.Context, asOf, knownAt, checkedAt,
            snapshot.DataVersion, request.Project?.Code, requestJson, resultsJson, MerkleTree.Sm3.HashLeaf(leaf),
            AuditRecord.Of(caller, CheckAudit.Entry(document.CheckId, request), checkedAt)), ct, coming);
        return CheckResponse.From(document, receipt);
    }

    private CheckResult Evaluate(CheckBidder bidder, DateOnly asOf, DateTimeOffset knownAt, DateOnly today,
        ListIndex.Snapshot snapshot, VerdictRules rules, IReadOnlySet<string> knownExceptions)
    {
        var codes = bidder.Code is not null ? [bidder.Code] : bidder.Consortium!.Select(m => m.Code!).ToList();
        var members = new List<BidderMember>();
        var problems = new List<CheckProblem>();
        foreach (var code in codes.Select(c => c.Trim()))
        {
            if (SubjectKey(code, today, knownExceptions, out var problem) is not { } key)
            {
                problems.Add(new CheckProblem(code, problem!));
                continue;
            }

            var entries = snapshot.Histories(key).Select(h => ListMembership.AsKnownAt(h, knownAt)).OfType<ListEntry>().ToList();
            members.Add(new BidderMember(code, entries));
        }

        if (problems.Count > 0)
        {
            return new CheckResult(bidder.BidderRef!, "invalid", [], [], problems);
        }

        var verdict = Verdicts.Evaluate(new Bidder(bidder.BidderRef!, members), asOf, rules);
        return new CheckResult(verdict.BidderRef, verdict.Verdict.Code(), verdict.Reasons, verdict.Incentives, null);
    }

    /// <summary>The stored lookup key of a bidder's code: the credit code itself, or the keyed hash of an ID number.</summary>
    private string? SubjectKey(string code, DateOnly today, IReadOnlySet<string> knownExceptions, out string? problem)
    {
        problem = null;
        var uscc = UnifiedSocialCreditCode.Validate(code);
        if (uscc.IsValid || (uscc.HasOnlyChecksumProblems && knownExceptions.Contains(uscc.CodeIgnoringChecksums!.Value)))
        {
            return (uscc.Code ?? uscc.CodeIgnoringChecksums)!.Value;
        }

        var id = ResidentIdNumber.Validate(code, today);
        if (id.Number is { } number)
        {
            return ids.LookupKey(number.Value);
        }

        problem = string.Join("；", uscc.Problems.Select(p => p.Describe(CultureInfo.CurrentUICulture)));
        return null;
    }

    private static DateTimeOffset Microseconds(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);
}
