using System.Security.Claims;
using System.Text.Json;
using CreditKaizhou.Api.Infrastructure.Audit;
using CreditKaizhou.Api.Infrastructure.Auth;
using CreditKaizhou.Api.Infrastructure.Csv;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.Problems;
using CreditKaizhou.Api.Infrastructure.Time;
using CreditKaizhou.Api.Infrastructure.Validation;
using CreditKaizhou.Domain.Access;
using CreditKaizhou.Domain.Catalogue;
using CreditKaizhou.Domain.Clients;
using CreditKaizhou.Domain.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CreditKaizhou.Api.Features.Records;

/// <summary>信用征集: departments submit, correct and revoke records; everyone reads them as disclosure allows.</summary>
public static class RecordEndpoints
{
    public static IEndpointRouteBuilder MapRecords(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<RecordOptions>>().Value;
        var group = app.MapGroup("/api/v1/records").WithTags("Records").WithValidation();
        group.MapPost("/", SubmitRecord).WithName(nameof(SubmitRecord)).RequireAuthorization(Policies.Department)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/batch", RecordBatch.SubmitRecordBatch).WithName(nameof(RecordBatch.SubmitRecordBatch)).RequireAuthorization(Policies.Department)
            .Accepts<List<RecordInput>>("application/json", CsvText.MediaType).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxBatchBytes));
        group.MapGet("/{id:guid}", GetRecord).WithName(nameof(GetRecord)).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", CorrectRecord).WithName(nameof(CorrectRecord)).RequireAuthorization(Policies.Department)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/revoke", RevokeRecord).WithName(nameof(RevokeRecord)).RequireAuthorization(Policies.Department)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>One record. 201 when stored; 200 with outcome "duplicate" when the same record was stored before.</summary>
    public static async Task<Results<Created<RecordSubmitted>, Ok<RecordSubmitted>, ValidationProblem, ProblemHttpResult>> SubmitRecord(
        RecordInput request, RecordIntake intake, IRecordStore store, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var department = user.DepartmentCode()!;
        var batch = await intake.PrepareAsync(department, [request], ct);
        if (batch.ForeignEntries.Count > 0)
        {
            return ForeignEntries(department, batch.ForeignEntries);
        }

        var row = batch.Rows[0];
        if (row.Submission is null)
        {
            return TypedResults.ValidationProblem(row.Errors!.ToDictionary(e => JsonPath.FromPropertyPath(e.Key, isBody: true), e => e.Value));
        }

        var result = (await store.WriteAsync([row.Submission], user.ClientId(), clock.GetUtcNow(), ct))[0];
        return result.Outcome switch
        {
            RecordOutcome.Stored => TypedResults.Created($"/api/v1/records/{result.RecordId}", RecordSubmitted.From(result)),
            RecordOutcome.Duplicate => TypedResults.Ok(RecordSubmitted.From(result)),
            _ => SourceRefConflict(row.Submission.SourceRef, result.RecordId),
        };
    }

    public static async Task<Results<Ok<RecordResponse>, ProblemHttpResult>> GetRecord(
        Guid id, RecordQueries records, IAccessAudit audit, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var view = await records.GetAsync(id, ct);
        var viewer = user.Viewer();
        var today = clock.Today();
        var publicToday = view is not null && IsPublicOn(view.Current, today);
        if (view is null || !DisclosurePolicy.CanSee(viewer, DisclosureCodes.Parse(view.Head.Disclosure), view.Head.DepartmentCode, publicToday, view.Revoked))
        {
            // A record the caller may not see is answered exactly like one that does not exist.
            return NotFound(id);
        }

        var history = DisclosurePolicy.SeesHistory(viewer);
        var h = view.Head;
        if (DisclosurePolicy.IsAudited(viewer))
        {
            await audit.WriteAsync(user, new AccessEntry(AccessActions.RecordRead, h.LookupKey, $"{h.DisplayCode} {h.SubjectName}", null,
                view.Revisions.Count, h.Id.ToString()), ct);
        }

        return TypedResults.Ok(new RecordResponse(h.Id, h.CatalogueCode, h.CatalogueName, h.DepartmentCode, h.SourceRef,
            new RecordSubjectResponse(h.DisplayCode, h.SubjectName, h.SubjectType), view.Revoked ? "revoked" : "active", publicToday,
            RecordRevisionResponse.From(view.Current),
            history ? view.Revisions.Select(RecordRevisionResponse.From).ToList() : null,
            history ? view.Events.Select(e => new RecordEventResponse(e.Kind, e.Reason, e.EffectiveOn, e.RecordedAt)).ToList() : null,
            h.CreatedAt));
    }

    /// <summary>A correction by the department that provided the record: a new revision; what was stored before stays.</summary>
    public static async Task<Results<Ok<RecordSubmitted>, ValidationProblem, ProblemHttpResult>> CorrectRecord(
        Guid id, CorrectRecordRequest request, RecordIntake intake, IRecordChanges changes, RecordQueries records, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        var department = user.DepartmentCode()!;
        var view = await records.GetAsync(id, ct);
        var head = await changes.GetHeadAsync(id, ct);
        if (view is null || head is null)
        {
            return NotFound(id);
        }

        if (Refusal(head, department) is { } refusal)
        {
            return refusal;
        }

        var subject = new SubjectIdentity(view.Head.LookupKey, view.Head.DisplayCode, view.Head.SubjectName, view.Head.SubjectType);
        var (content, errors) = await intake.PrepareCorrectionAsync(department, head, subject, request, ct);
        if (content is null)
        {
            return TypedResults.ValidationProblem(errors!.ToDictionary(e => JsonPath.FromPropertyPath(e.Key, isBody: true), e => e.Value));
        }

        var (outcome, revision) = await changes.CorrectAsync(id, department, content, user.ClientId(), clock.GetUtcNow(), ct);
        return outcome switch
        {
            RecordChangeOutcome.Done => TypedResults.Ok(new RecordSubmitted(id, revision, "corrected")),
            RecordChangeOutcome.Unchanged => TypedResults.Ok(new RecordSubmitted(id, revision, "unchanged")),
            _ => Refusal(outcome, id, department),
        };
    }

    public static async Task<Results<Ok<RecordSubmitted>, ValidationProblem, ProblemHttpResult>> RevokeRecord(
        Guid id, RevokeRecordRequest request, IRecordChanges changes, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var department = user.DepartmentCode()!;
        var outcome = await changes.RevokeAsync(id, department, request.Reason!.Trim(), clock.Today(), user.ClientId(), clock.GetUtcNow(), ct);
        if (outcome != RecordChangeOutcome.Done)
        {
            return Refusal(outcome, id, department);
        }

        var head = await changes.GetHeadAsync(id, ct);
        return TypedResults.Ok(new RecordSubmitted(id, head!.CurrentRevision, "revoked"));
    }

    internal static bool IsPublicOn(RevisionRow revision, DateOnly day) => Publicity.IsPublicOn(revision.DecisionDate, revision.PublicityUntil, day);

    internal static ProblemHttpResult ForeignEntries(string department, IReadOnlyList<string> entries) =>
        ProblemDetailsExtensions.Problem(StatusCodes.Status403Forbidden, Text.T(
            $"部门 {department} 不是目录条目 {string.Join("、", entries)} 的提供单位，不能报送其信息；本次未入库任何记录。",
            $"Department {department} does not provide catalogue entries {string.Join(", ", entries)}; nothing was stored."), ProblemTypes.Forbidden);

    internal static ProblemHttpResult SourceRefConflict(string sourceRef, Guid recordId)
    {
        var problem = ProblemDetailsExtensions.Problem(StatusCodes.Status409Conflict, ConflictMessage(sourceRef, recordId), ProblemTypes.Conflict);
        problem.ProblemDetails.Extensions["recordId"] = recordId;
        problem.ProblemDetails.Extensions["correction"] = $"/api/v1/records/{recordId}";
        return problem;
    }

    internal static string ConflictMessage(string sourceRef, Guid recordId) => Text.T(
        $"来源编号 {sourceRef} 已用于内容不同的记录 {recordId}；如需更正，请使用 PUT /api/v1/records/{recordId}。",
        $"The source reference {sourceRef} is taken by record {recordId} with different content; to correct it use PUT /api/v1/records/{recordId}.");

    private static ProblemHttpResult? Refusal(RecordHead head, string department) =>
        head.DepartmentCode != department ? Refusal(RecordChangeOutcome.NotOwner, head.Id, department)
        : head.Revoked ? Refusal(RecordChangeOutcome.Revoked, head.Id, department)
        : null;

    private static ProblemHttpResult Refusal(RecordChangeOutcome outcome, Guid id, string department) => outcome switch
    {
        RecordChangeOutcome.NotOwner => ProblemDetailsExtensions.Problem(StatusCodes.Status403Forbidden, Text.T(
            $"记录 {id} 不是部门 {department} 报送的，只有提供单位可以更正或撤销。",
            $"Record {id} was not submitted by department {department}; only its provider may correct or revoke it."), ProblemTypes.Forbidden),
        RecordChangeOutcome.Revoked => ProblemDetailsExtensions.Problem(StatusCodes.Status409Conflict, Text.T(
            $"记录 {id} 已撤销，不能再更正或撤销。", $"Record {id} is revoked; it can no longer be corrected or revoked."), ProblemTypes.Conflict),
        _ => NotFound(id),
    };

    private static ProblemHttpResult NotFound(Guid id) => ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound,
        Text.T($"没有编号为 {id} 的记录。", $"There is no record {id}."), ProblemTypes.NotFound);
}
