using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CreditKaizhou.Api.Features.Subjects;
using CreditKaizhou.Api.Infrastructure.Audit;
using CreditKaizhou.Api.Infrastructure.Auth;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.Privacy;
using CreditKaizhou.Api.Infrastructure.Problems;
using CreditKaizhou.Api.Infrastructure.Time;
using CreditKaizhou.Api.Infrastructure.Validation;
using CreditKaizhou.Domain.Access;
using CreditKaizhou.Domain.Catalogue;
using CreditKaizhou.Domain.Identifiers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CreditKaizhou.Api.Features.Reports;

/// <summary>
/// 信用报告: issued at the service-hall window with a number and a verification code; its content is a snapshot taken
/// at issue time under the disclosure policy (授权查询 data only when the request states the subject's authorisation)
/// and never changes. Anyone can verify a printed report by number and code.
/// </summary>
public static class ReportEndpoints
{
    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reports").WithTags("Reports").WithValidation();
        group.MapPost("/", IssueReport).WithName(nameof(IssueReport)).RequireAuthorization(Policies.Clerk)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{reportNumber}", GetReport).WithName(nameof(GetReport)).RequireAuthorization(Policies.Clerk)
            .Produces<ReportContent>(StatusCodes.Status200OK, "application/json", "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{reportNumber}/verify", VerifyReport).WithName(nameof(VerifyReport))
            .Produces<VerifyReportResponse>(StatusCodes.Status200OK, "application/json", "text/html");
        return app;
    }

    public static async Task<Results<Created<ReportIssued>, ProblemHttpResult>> IssueReport(IssueReportRequest request, SubjectRepository subjects,
        SubjectViews views, ReportRepository reports, ICatalogueRepository catalogue, PersonalIdProtector ids,
        IOptions<ReportOptions> options, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var authorised = request.Authorised == true;
        var viewer = user.Viewer().ForReport(authorised);
        var view = await SubjectEndpoints.ReadAsync(request.SubjectCode!, null, viewer, subjects, views, ids, clock, ct);
        if (view is null)
        {
            return SubjectEndpoints.NotFound(request.SubjectCode!);
        }

        // Whole milliseconds: what every engine stores exactly, so the snapshot, the row and the answer agree.
        var now = clock.GetUtcNow();
        var issuedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        var code = VerificationCodes.Create();
        var requester = new ReportRequester(request.Requester!.Name!.Trim(),
            request.Requester.IdNumber?.Trim() is { Length: > 0 } id ? ResidentIdNumber.Validate(id, clock.Today()).Number!.Mask() : null);
        var sections = ReportSections.From(view);
        var entries = await catalogue.GetCurrentAsync(sections.SelectMany(s => s.Records).Select(r => r.CatalogueCode).Distinct().ToList(), ct);
        var fieldNames = entries.ToDictionary(e => e.Key,
            e => (IReadOnlyDictionary<string, string>)e.Value.Fields.Fields.ToDictionary(f => f.Key, f => f.Name, StringComparer.Ordinal),
            StringComparer.Ordinal);
        var window = options.Value.IssuingWindow;
        var subject = view.Subject;
        var number = await reports.IssueAsync(
            new ReportDraft(subject.Id, subject.Name, issuedAt, user.ClientId()!.Value, window, request.Purpose!.Trim(), requester.Name,
                requester.IdNumber, authorised, VerificationCodes.Hash(code)),
            n =>
            {
                var content = new ReportContent(n, issuedAt, view.AsOf, window, user.Identity?.Name ?? "", requester, request.Purpose!.Trim(),
                    authorised, DisclosureScope(viewer),
                    new ReportSubject(subject.DisplayCode, subject.Name, subject.SubjectType, subject.Status, view.FormerNames), sections,
                    fieldNames);
                var json = JsonSerializer.Serialize(content, SnapshotJson);
                return (json, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))));
            },
            n => AuditRecord.Of(user, new AccessEntry(AccessActions.ReportIssue, subject.LookupKey, SubjectEndpoints.Display(subject),
                request.Purpose!.Trim(), sections.Sum(s => s.Records.Count + s.Listings.Count), n), issuedAt), ct);
        return TypedResults.Created($"/api/v1/reports/{number}", new ReportIssued(number, code, issuedAt, subject.Name));
    }

    /// <summary>
    /// The stored snapshot, byte for byte as issued; with <c>Accept: text/html</c> the printable A4 page. Given the report's
    /// verification <c>code</c> (as the issuing clerk has it), the page prints the code and its QR code carries it, so a
    /// scan verifies at once; any other code is ignored.
    /// </summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetReport(string reportNumber, string? code, ReportRepository reports,
        IAccessAudit audit, IOptions<ReportOptions> options, HttpContext http, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await reports.GetAsync(reportNumber, ct) is not { } stored)
        {
            return NotFound(reportNumber);
        }

        var content = JsonSerializer.Deserialize<ReportContent>(stored.ContentJson, SnapshotJson)!;
        var known = VerificationCodes.Matches(code, stored.VerificationHash) ? code!.Trim().ToUpperInvariant() : null;
        await audit.WriteAsync(user, new AccessEntry(AccessActions.ReportRead, stored.SubjectKey, content.Subject.Code + " " + content.Subject.Name, content.Purpose,
            content.Sections.Sum(s => s.Records.Count + s.Listings.Count), stored.Number), ct);
        return WantsHtml(http)
            ? TypedResults.Content(ReportHtml.Report(content, stored.ContentHash, known,
                VerifyUrl(http, options.Value, stored.Number, known)), "text/html; charset=utf-8")
            : TypedResults.Content(stored.ContentJson, "application/json; charset=utf-8");
    }

    /// <summary>Whether a printed report is genuine: its subject's name and issue time for the right code, nothing for any other.</summary>
    public static async Task<Results<Ok<VerifyReportResponse>, ContentHttpResult>> VerifyReport(string reportNumber, string? code,
        ReportRepository reports, HttpContext http, CancellationToken ct)
    {
        var stored = reportNumber.Length <= 32 ? await reports.GetAsync(reportNumber, ct) : null;
        var result = stored is not null && VerificationCodes.Matches(code, stored.VerificationHash)
            ? new VerifyReportResponse(true, stored.Number, stored.SubjectName, stored.IssuedAt)
            : new VerifyReportResponse(false, null, null, null);
        return WantsHtml(http)
            ? TypedResults.Content(ReportHtml.Verification(reportNumber, string.IsNullOrWhiteSpace(code) ? null : result), "text/html; charset=utf-8")
            : TypedResults.Ok(result);
    }

    /// <summary>The verification link the QR code carries (with the code when known, so a scan verifies at once).</summary>
    internal static string VerifyUrl(HttpContext http, ReportOptions options, string number, string? code)
    {
        var root = options.PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{http.Request.Scheme}://{http.Request.Host}";
        return $"{root}/api/v1/reports/{Uri.EscapeDataString(number)}/verify" + (code is null ? "" : $"?code={Uri.EscapeDataString(code)}");
    }

    private static bool WantsHtml(HttpContext http) =>
        MediaTypeHeaderValue.ParseList(http.Request.Headers.Accept).OrderByDescending(m => m.Quality ?? 1)
            .FirstOrDefault() is { } best && best.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase);

    private static string DisclosureScope(Viewer viewer) => viewer.Kind switch
    {
        ViewerKind.Admin => "社会公开、政务共享、授权查询",
        ViewerKind.Government when viewer.SubjectAuthorised => "社会公开、政务共享、授权查询",
        ViewerKind.Government => "社会公开、政务共享",
        _ => "社会公开",
    };

    private static ProblemHttpResult NotFound(string number) => ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound,
        Text.T($"没有编号为 {number} 的信用报告。", $"There is no credit report {number}."), ProblemTypes.NotFound);
}

/// <summary>The answer to an issued report: its number, its verification code (shown once, printed on the report) and when.</summary>
public sealed record ReportIssued(string ReportNumber, string VerificationCode, DateTimeOffset IssuedAt, string SubjectName);

/// <summary><c>{ genuine: true, reportNumber, subjectName, issuedAt }</c>, or only <c>{ genuine: false }</c>.</summary>
public sealed record VerifyReportResponse(
    bool Genuine,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReportNumber,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SubjectName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? IssuedAt);
