using System.Security.Claims;
using CreditKaizhou.Api.Infrastructure.Auth;
using CreditKaizhou.Api.Infrastructure.Http;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.Paging;
using CreditKaizhou.Api.Infrastructure.Problems;
using CreditKaizhou.Api.Infrastructure.Validation;
using CreditKaizhou.Domain.Catalogue;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CreditKaizhou.Api.Features.Catalogue;

/// <summary>The 公共信用信息目录: anyone reads it, the credit office writes it; every change is a new version.</summary>
public static class CatalogueEndpoints
{
    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/catalogue").WithTags("Catalogue").WithValidation();
        group.MapGet("/", ListCatalogue).WithName(nameof(ListCatalogue));
        group.MapGet("/{code}", GetCatalogueEntry).WithName(nameof(GetCatalogueEntry)).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateCatalogueEntry).WithName(nameof(CreateCatalogueEntry)).RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{code}", UpdateCatalogueEntry).WithName(nameof(UpdateCatalogueEntry)).RequireAuthorization(Policies.Admin)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        group.MapPost("/import", CatalogueImport.ImportCatalogue).WithName(nameof(CatalogueImport.ImportCatalogue))
            .RequireAuthorization(Policies.Admin).Accepts<string>("text/csv").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithMetadata(new RequestSizeLimitAttribute(CatalogueImport.MaxBytes));
        return app;
    }

    public static async Task<Ok<PagedResponse<CatalogueEntrySummary>>> ListCatalogue(
        [AsParameters] PageRequest paging, [AsParameters] CatalogueQuery query, ICatalogueRepository catalogue, CancellationToken ct)
    {
        var filter = new CatalogueFilter(query.Department, query.Category,
            DisclosureCodes.TryParse(query.Disclosure, out var disclosure) ? disclosure : null, query.Q?.Trim());
        var (items, total) = await catalogue.ListAsync(filter, paging.Skip, paging.EffectivePageSize, ct);
        return TypedResults.Ok(paging.Respond(items.Select(CatalogueEntrySummary.From).ToList(), total));
    }

    public static async Task<Results<Ok<CatalogueEntryResponse>, ProblemHttpResult>> GetCatalogueEntry(
        string code, ICatalogueRepository catalogue, HttpResponse response, CancellationToken ct, int? version = null)
    {
        if (await catalogue.GetAsync(code, version, ct) is not { } entry)
        {
            return NotFound(code, version);
        }

        response.Headers.ETag = VersionETags.Of(entry.Version);
        return TypedResults.Ok(CatalogueEntryResponse.From(entry));
    }

    public static async Task<Results<Created<CatalogueEntryResponse>, ProblemHttpResult>> CreateCatalogueEntry(
        CatalogueEntryRequest request, ICatalogueRepository catalogue, TimeProvider clock, ClaimsPrincipal user, HttpResponse response,
        CancellationToken ct)
    {
        var entry = request.ToEntry(request.Code!, 1, isDemo: false, clock.GetUtcNow());
        if (!await catalogue.AddAsync(entry, user.ClientId(), ct))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status409Conflict,
                Text.T($"目录编码 {entry.Code} 已存在；修改请用 PUT 新建版本。", $"The catalogue code {entry.Code} exists; use PUT to add a version."),
                ProblemTypes.Conflict);
        }

        response.Headers.ETag = VersionETags.Of(1);
        return TypedResults.Created($"/api/v1/catalogue/{entry.Code}", CatalogueEntryResponse.From(entry));
    }

    /// <summary>A new version. The caller proves it read the current one: <c>If-Match</c> with its ETag.</summary>
    public static async Task<Results<Ok<CatalogueEntryResponse>, ValidationProblem, ProblemHttpResult>> UpdateCatalogueEntry(
        string code, CatalogueEntryRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, ICatalogueRepository catalogue,
        IValidator<CatalogueEntryRequest> validator, TimeProvider clock, ClaimsPrincipal user, HttpResponse response, CancellationToken ct)
    {
        if (await ValidationFilter.ValidateAsync(validator, request with { Code = code }, ct) is { } invalid)
        {
            return invalid;
        }

        if (VersionETags.Parse(ifMatch) is not { } expected)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status428PreconditionRequired, Text.T(
                "修改目录须在 If-Match 请求头中给出所读版本的 ETag（例如 \"1\"）。",
                "Changing an entry requires the ETag of the version read, in the If-Match header (e.g. \"1\")."), ProblemTypes.PreconditionRequired);
        }

        var existing = await catalogue.GetAsync(code, null, ct);
        if (existing is null)
        {
            return NotFound(code, null);
        }

        var entry = request.ToEntry(code, expected + 1, existing.IsDemo, clock.GetUtcNow());
        switch (await catalogue.AddVersionAsync(entry, expected, user.ClientId(), ct))
        {
            case CatalogueVersionOutcome.NotFound:
                return NotFound(code, null);
            case CatalogueVersionOutcome.Stale:
                var current = await catalogue.GetAsync(code, null, ct);
                response.Headers.ETag = VersionETags.Of(current!.Version);
                return ProblemDetailsExtensions.Problem(StatusCodes.Status412PreconditionFailed, Text.T(
                    $"目录 {code} 当前为第 {current.Version} 版，而请求基于第 {expected} 版；请重新读取后再修改。",
                    $"Entry {code} is at version {current.Version}, but the change was based on version {expected}; read it again and retry."),
                    ProblemTypes.PreconditionFailed);
            default:
                response.Headers.ETag = VersionETags.Of(entry.Version);
                return TypedResults.Ok(CatalogueEntryResponse.From(entry));
        }
    }



    private static ProblemHttpResult NotFound(string code, int? version) => ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound,
        version is null
            ? Text.T($"目录中没有编码为 {code} 的条目。", $"The catalogue has no entry {code}.")
            : Text.T($"目录条目 {code} 没有第 {version} 版。", $"Catalogue entry {code} has no version {version}."),
        ProblemTypes.NotFound);
}

public sealed record CatalogueQuery(
    [FromQuery(Name = "department")] string? Department,
    [FromQuery(Name = "category")] string? Category,
    [FromQuery(Name = "disclosure")] string? Disclosure,
    [FromQuery(Name = "q")] string? Q);

public sealed class CatalogueQueryValidator : AbstractValidator<CatalogueQuery>
{
    public CatalogueQueryValidator()
    {
        RuleFor(x => x.Disclosure).Must(d => DisclosureCodes.TryParse(d, out _)).When(x => x.Disclosure is not null)
            .WithMessage(x => Text.T($"disclosure 应为 public、shared 或 authorised，实际为 '{x.Disclosure}'。",
                $"disclosure must be public, shared or authorised; got '{x.Disclosure}'."));
        RuleFor(x => x.Q).MaximumLength(100);
    }
}

public sealed record CatalogueEntrySummary(string Code, int Version, string Name, string Category, string DepartmentCode,
    string Disclosure, string Polarity, string? ListCode, bool IsDemo)
{
    public static CatalogueEntrySummary From(CatalogueEntry e) => new(e.Code, e.Version, e.Name, e.Category, e.DepartmentCode,
        e.Disclosure.Code(), e.Polarity.Code(), e.ListCode, e.IsDemo);
}

public sealed record CatalogueEntryResponse(string Code, int Version, string Name, string Category, string DepartmentCode,
    IReadOnlyList<string> SubjectTypes, string Disclosure, string Polarity, string? ListCode, string UpdateFrequency,
    PublicityRuleDto PublicityRule, string LegalBasis, IReadOnlyList<FieldDefinitionDto> FieldsSchema, bool IsDemo, DateTimeOffset CreatedAt)
{
    public static CatalogueEntryResponse From(CatalogueEntry e) => new(e.Code, e.Version, e.Name, e.Category, e.DepartmentCode,
        e.SubjectTypes.Select(t => t.Code()).ToList(), e.Disclosure.Code(), e.Polarity.Code(), e.ListCode, e.UpdateFrequency,
        CatalogueJson.ToDto(e.PublicityRule), e.LegalBasis, e.Fields.Fields.Select(CatalogueJson.ToDto).ToList(), e.IsDemo, e.CreatedAt);
}
