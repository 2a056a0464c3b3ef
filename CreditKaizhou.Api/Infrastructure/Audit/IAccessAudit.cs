using System.Security.Claims;

namespace CreditKaizhou.Api.Infrastructure.Audit;

/// <summary>
/// One look at subject data worth a trace: a read of non-public subject data, a credit report issued
/// or read, a check. Who and when come from the caller and the clock; the rest says what was seen.
/// </summary>
/// <param name="Action">What was done: <c>subject.profile</c>, <c>subject.records</c>, <c>report.issue</c>, <c>report.read</c>, <c>check</c>.</param>
/// <param name="SubjectKey">The subject's lookup key (USCC, or the keyed hash of an ID number), for filtering by subject; null for a check of many subjects.</param>
/// <param name="SubjectDisplay">The subject as shown (display code, masked for persons, and name), or a summary such as "3 个主体".</param>
/// <param name="Purpose">The purpose the caller stated (查询目的), if any.</param>
/// <param name="ResultSize">How many items the answer held (records, list entries, bidders).</param>
/// <param name="Reference">The report number, check id or record id the access concerned, if any.</param>
public sealed record AccessEntry(
    string Action,
    string? SubjectKey,
    string? SubjectDisplay,
    string? Purpose,
    int ResultSize,
    string? Reference);

/// <summary>The append-only, hash-chained access log.</summary>
public interface IAccessAudit
{
    Task WriteAsync(ClaimsPrincipal caller, AccessEntry entry, CancellationToken ct);
}
