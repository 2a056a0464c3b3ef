using System.Security.Claims;
using CreditKaizhou.Api.Infrastructure.Auth;
using CreditKaizhou.Api.Infrastructure.Http;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.Problems;
using CreditKaizhou.Api.Infrastructure.Validation;
using CreditKaizhou.Domain.Lists;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CreditKaizhou.Api.Features.Lists;

/// <summary>
/// Joint punishment and incentive measures (联合惩戒 / 联合激励): anyone reads them, the credit office writes them; every
/// change is a new version, so a check can always name the version it applied.
/// </summary>
public static class MeasureEndpoints
{
    public static IEndpointRouteBuilder MapMeasures(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/measures").WithTags("Measures").WithValidation();
        group.MapGet("/", ListMeasures).WithName(nameof(ListMeasures));
        group.MapGet("/{code}", GetMeasure).WithName(nameof(GetMeasure)).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateMeasure).WithName(nameof(CreateMeasure)).RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{code}", UpdateMeasure).WithName(nameof(UpdateMeasure)).RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return app;
    }

    public static async Task<Ok<MeasuresResponse>> ListMeasures([AsParameters] MeasureQuery query, IMeasureRepository measures, CancellationToken ct)
    {
        var items = await measures.ListAsync(new MeasureFilter(query.Context, query.ListCode), ct);
        return TypedResults.Ok(new MeasuresResponse(items.Select(MeasureResponse.From).ToList()));
    }

    public static async Task<Results<Ok<MeasureResponse>, ProblemHttpResult>> GetMeasure(
        string code, IMeasureRepository measures, HttpResponse response, CancellationToken ct, int? version = null)
    {
        if (await measures.GetAsync(code, version, ct) is not { } measure)
        {
            return NotFound(code, version);
        }

        response.Headers.ETag = VersionETags.Of(measure.Version);
        return TypedResults.Ok(MeasureResponse.From(measure));
    }

    public static async Task<Results<Created<MeasureResponse>, ProblemHttpResult>> CreateMeasure(
        CreateMeasureRequest request, IMeasureRepository measures, TimeProvider clock, ClaimsPrincipal user, HttpResponse response,
        CancellationToken ct)
    {
        var measure = request.ToMeasure(request.Code!, 1);
        if (!await measures.AddAsync(measure, user.ClientId(), clock.GetUtcNow(), ct))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status409Conflict,
                Text.T($"措施编码 {measure.Code} 已存在；修改请用 PUT 新建版本。", $"The measure code {measure.Code} exists; use PUT to add a version."),
                ProblemTypes.Conflict);
        }

        response.Headers.ETag = VersionETags.Of(1);
        return TypedResults.Created($"/api/v1/measures/{measure.Code}", MeasureResponse.From((await measures.GetAsync(measure.Code, 1, ct))!));
    }

    /// <summary>A new version. The caller proves it read the current one: <c>If-Match</c> with its ETag.</summary>
    public static async Task<Results<Ok<MeasureResponse>, ProblemHttpResult>> UpdateMeasure(
        string code, UpdateMeasureRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, IMeasureRepository measures,
        TimeProvider clock, ClaimsPrincipal user, HttpResponse response, CancellationToken ct)
    {
        if (VersionETags.Parse(ifMatch) is not { } expected)
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status428PreconditionRequired, Text.T(
                "修改措施须在 If-Match 请求头中给出所读版本的 ETag（例如 \"1\"）。",
                "Changing a measure requires the ETag of the version read, in the If-Match header (e.g. \"1\")."), ProblemTypes.PreconditionRequired);
        }

        switch (await measures.AddVersionAsync(request.ToMeasure(code, expected + 1), expected, user.ClientId(), clock.GetUtcNow(), ct))
        {
            case MeasureVersionOutcome.NotFound:
                return NotFound(code, null);
            case MeasureVersionOutcome.Stale:
                var current = await measures.GetAsync(code, null, ct);
                response.Headers.ETag = VersionETags.Of(current!.Version);
                return ProblemDetailsExtensions.Problem(StatusCodes.Status412PreconditionFailed, Text.T(
                    $"措施 {code} 当前为第 {current.Version} 版，而请求基于第 {expected} 版；请重新读取后再修改。",
                    $"Measure {code} is at version {current.Version}, but the change was based on version {expected}; read it again and retry."),
                    ProblemTypes.PreconditionFailed);
            default:
                response.Headers.ETag = VersionETags.Of(expected + 1);
                return TypedResults.Ok(MeasureResponse.From((await measures.GetAsync(code, expected + 1, ct))!));
        }
    }



    private static ProblemHttpResult NotFound(string code, int? version) => ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound,
        version is null
            ? Text.T($"没有编码为 {code} 的措施。", $"There is no measure {code}.")
            : Text.T($"措施 {code} 没有第 {version} 版。", $"Measure {code} has no version {version}."),
        ProblemTypes.NotFound);
}

public sealed record MeasureQuery(
    [FromQuery(Name = "context")] string? Context,
    [FromQuery(Name = "listCode")] string? ListCode);

public sealed class MeasureQueryValidator : AbstractValidator<MeasureQuery>
{
    public MeasureQueryValidator(IServiceScopeFactory scopes)
    {
        RuleFor(x => x.Context).Must(CheckContexts.IsKnown).When(x => x.Context is not null)
            .WithMessage(x => Text.T($"context 应为 {string.Join("、", CheckContexts.All)} 之一，实际为 '{x.Context}'。",
                $"context must be one of {string.Join(", ", CheckContexts.All)}; got '{x.Context}'."));
        RuleFor(x => x.ListCode).MustAsync(async (code, ct) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<IListRepository>().GetTypeAsync(code!, ct) is not null;
            })
            .When(x => x.ListCode is not null)
            .WithMessage(x => Text.T($"没有代码为 {x.ListCode} 的名单。", $"There is no list with code {x.ListCode}."));
    }
}

public sealed record MeasuresResponse(IReadOnlyList<MeasureResponse> Items);

public sealed record MeasureResponse(string Code, int Version, string Name, string Kind, string Effect, IReadOnlyList<string> Contexts,
    IReadOnlyList<string> ListCodes, string LegalBasis, string ImplementingDepartment)
{
    public static MeasureResponse From(Measure m) => new(m.Code, m.Version, m.Name, m.Kind.Code(), m.Effect, m.Contexts, m.ListCodes,
        m.LegalBasis, m.ImplementingDepartment);
}
